// cli/mapJson writes a map largest figure first, and entries of one figure in the order of their keys' strings (as
// JSON.stringify of an object built in that order would list them, ids compared by code units): keys are sorted by
// their rank in string order, computed from the numbers for running ids (e9 after e10, the `float:` keys in a block
// before or after every entity's key) and by sorting the ids otherwise. Checked against a plain reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FLOAT_PREFIX } from '../../src/model';
import { ByteOut } from '../../src/cli/byteOut';
import { decimalOrder, MapWriter, RawMaps, runningPrefix, type MapSource } from '../../src/cli/mapJson';

/** A writer over these ids alone (map() reads nothing else of the source). */
const writer = (ids: string[], minStake = 0) => new MapWriter({ ids, n: ids.length } as unknown as MapSource, minStake);

/** The text of map() for entries [key, micro-points] (key: v for entity v, −1 − v for its remainder). */
function written(w: MapWriter, entries: [number, number][], others = 0): string {
  const o = new ByteOut();
  w.map(o, Int32Array.from(entries.map((e) => e[0])), Float64Array.from(entries.map((e) => e[1])), entries.length, others);
  return new TextDecoder().decode(o.take());
}

/**
 * The text of a map handed over as sort keys (RawMaps, as the map worker does) and written by a second writer of the
 * same ids, which takes the first one's ranks where ids are not running numbers (as the main thread does); null when
 * the keys cannot hold the figures (the worker then writes the map itself).
 */
function handedOver(ids: string[], entries: [number, number][], others = 0): string | null {
  const w = writer(ids), raw = new RawMaps();
  // Something already handed over before this map: its keys start further on.
  raw.take(w, Int32Array.of(0), Float64Array.of(5), 1);
  const keys = Int32Array.from(entries.map((e) => e[0])), vals = Float64Array.from(entries.map((e) => e[1]));
  if (!raw.take(w, w.toRanks(keys, keys.length), vals, entries.length)) return null;
  const main = writer(ids), table = w.rankTable();
  if (table) main.adoptRanks(table);
  const o = new ByteOut();
  main.rawMap(o, raw.keys, 1, raw.used, others);
  return new TextDecoder().decode(o.take());
}

/** The same map made plainly: sorted by figure, then by the key's string; figures as JSON.stringify writes them. */
function reference(ids: string[], entries: [number, number][], others = 0): string {
  const named = entries.map(([k, x]) => ({ key: k >= 0 ? ids[k] : FLOAT_PREFIX + ids[-1 - k], x }));
  named.sort((a, b) => b.x - a.x || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const parts = named.map((e) => `${JSON.stringify(e.key)}:${JSON.stringify(e.x / 1e6)}`);
  if (others > 0) parts.push(`"others":${JSON.stringify(others / 1e6)}`);
  return `{${parts.join(',')}}`;
}

const running = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Every entity and every remainder of `ids`, all at one figure. */
const allTied = (ids: string[], x = 10_000): [number, number][] => ids.flatMap((_, v): [number, number][] => [[v, x], [-1 - v, x]]);

describe('map order', () => {
  it('decimalOrder lists 0 … n − 1 in the string order of their decimal forms', () => {
    for (let n = 0; n <= 1200; n++) {
      const want = Array.from({ length: n }, (_, i) => i).sort((a, b) => (String(a) < String(b) ? -1 : 1));
      expect([...decimalOrder(n)]).toEqual(want);
    }
    const n = 100_001;
    const want = Array.from({ length: n }, (_, i) => i).sort((a, b) => (String(a) < String(b) ? -1 : 1));
    expect([...decimalOrder(n)]).toEqual(want);
  });

  it('puts ties in key order: e10 before e9, float: keys against ids, whatever the prefix', () => {
    // "e", "" (digits come before "float:"), "z" and "fz" (after it), "f" and "float:" (a prefix of "float:" + P).
    for (const prefix of ['e', '', 'z', 'fz', 'f', 'fl', 'float:', 'float', 'E', '~', ' ']) {
      const ids = running(prefix, 123);
      expect(runningPrefix(ids)).toBe(prefix);
      const w = writer(ids);
      // Few (insertion) and many (native sort) entries of one figure, keys given in index order and reversed.
      for (const entries of [allTied(ids), allTied(ids).reverse(), allTied(ids.slice(0, 12)), [[9, 5], [10, 5], [-10, 5], [-11, 5]] as [number, number][]]) {
        expect(written(w, entries)).toBe(reference(ids, entries));
      }
    }
    // Spelled out once: e10 before e9, ids before their remainders, figures first.
    const w = writer(running('e', 11));
    expect(written(w, [[9, 1e6], [10, 1e6], [-10, 1e6], [-11, 1e6], [1, 2e6]], 250_000)).toBe(
      '{"e1":2,"e10":1,"e9":1,"float:e10":1,"float:e9":1,"others":0.25}',
    );
    const z = writer(running('z', 11));
    expect(written(z, [[9, 1e6], [10, 1e6], [-10, 1e6], [-11, 1e6]])).toBe('{"float:z10":1,"float:z9":1,"z10":1,"z9":1}');
  });

  it('puts ties in key order with ids that are not running numbers', () => {
    const ids = ['__proto__', '0', '17', '2', 'a"b', 'back\\slash', 'é', 'float:e5', 'e5', 'float:', 'float', 'e10', 'e9', '日本', 'Z', ' '];
    expect(runningPrefix(ids)).toBeNull();
    const w = writer(ids);
    for (const entries of [allTied(ids), allTied(ids).reverse(), allTied(ids.slice(0, 4))]) expect(written(w, entries)).toBe(reference(ids, entries));
  });

  it('matches the reference on random maps (ties, digits, large figures, others)', () => {
    const figure = fc.oneof(fc.constantFrom(10_000, 1e6, 100e6), fc.integer({ min: 1, max: 2e9 }), fc.integer({ min: 1, max: 99 }).map((x) => x * 100_001));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ prefix: fc.constantFrom('e', '', 'z', 'f', 'float:', 'P-'), n: fc.integer({ min: 1, max: 1500 }) }).map(({ prefix, n }) => running(prefix, n)),
          fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 60 }),
        ),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), figure), { maxLength: 120 }),
        fc.nat(3e8),
        (ids, raw, others) => {
          const seen = new Set<number>();
          const entries: [number, number][] = [];
          for (const [i, rem, x] of raw) {
            const k = rem ? -1 - (i % ids.length) : i % ids.length;
            if (!seen.has(k)) entries.push([k, x]);
            seen.add(k);
          }
          expect(written(writer(ids), entries, others)).toBe(reference(ids, entries, others));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a map handed to another thread as sort keys exactly as the writer that gathered it would', () => {
    // Figures up to 5·10⁹ micro-points: above 2³¹ − 1 (with fewer than 2²¹ ids) they do not fit beside a rank, and the
    // map is not handed over.
    const figure = fc.oneof(fc.constantFrom(10_000, 1e6, 100e6, 2 ** 31 - 1, 2 ** 31), fc.integer({ min: 1, max: 5e9 }));
    let over = 0, handed = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ prefix: fc.constantFrom('e', '', 'z', 'float:'), n: fc.integer({ min: 1, max: 1500 }) }).map(({ prefix, n }) => running(prefix, n)),
          fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 60 }),
        ),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), figure), { maxLength: 80 }),
        fc.nat(3e8),
        (ids, raw, others) => {
          const seen = new Set<number>();
          const entries: [number, number][] = [];
          for (const [i, rem, x] of raw) {
            const k = rem ? -1 - (i % ids.length) : i % ids.length;
            if (!seen.has(k)) entries.push([k, x]);
            seen.add(k);
          }
          const text = handedOver(ids, entries, others);
          const fits = entries.every((e) => e[1] <= 2 ** 31 - 1);
          expect(text === null).toBe(!fits);
          if (text === null) over++;
          else {
            handed++;
            expect(text).toBe(reference(ids, entries, others));
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(over).toBeGreaterThan(10);
    expect(handed).toBeGreaterThan(10);
  });
});
