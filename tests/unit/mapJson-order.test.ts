// cli/mapJson writes a map largest figure first, and entries of one figure in the order of their keys' strings (as
// JSON.stringify of an object built in that order would list them, ids compared by code units): keys are sorted by
// their rank in string order, computed from the numbers for running ids (e9 after e10, the `float:` keys in a block
// before or after every entity's key) and by sorting the ids otherwise. Checked against a plain reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FLOAT_PREFIX } from '../../src/model';
import { ByteOut } from '../../src/cli/byteOut';
import { MapWriter, type MapSource } from '../../src/cli/mapJson';
import { decimalOrder, runningPrefix } from '../../src/cli/mapKeys';
import { RawMaps } from '../../src/cli/rawMaps';

/** A writer over these ids alone (map() reads nothing else of the source). */
const writer = (ids: string[], minStake = 0) => new MapWriter({ ids, n: ids.length } as unknown as MapSource, minStake);

/** The text of map() for entries [key, micro-points] (key: v for entity v, −1 − v for its remainder). */
function written(w: MapWriter, entries: [number, number][], others = 0): string {
  const o = new ByteOut();
  w.map(o, Int32Array.from(entries.map((e) => e[0])), Float64Array.from(entries.map((e) => e[1])), entries.length, others);
  return new TextDecoder().decode(o.take());
}

/**
 * Both maps of an entity as MapWriter.both writes them, and as another thread's writer of the same ids writes them from
 * sort keys (RawMaps, as the map worker hands them over; it takes the first writer's ranks where ids are not running
 * numbers). `look`: look-through entries (entities); `own`: the owners' other entries (remainders, or an entity not
 * in `look`); entities in `roots` are held by nobody, so their look-through entries are owners too. `handed` is null
 * when a figure is too large to be handed over as a sort key.
 */
function bothWays(ids: string[], roots: Set<number>, look: [number, number][], own: [number, number][], others: number) {
  const n = ids.length;
  const source = { ids, n, holderCount: Int32Array.from(ids, (_, v) => (roots.has(v) ? 0 : 1)), heldShares: new Float64Array(n).fill(1) };
  const w = new MapWriter(source as unknown as MapSource, 0);
  const upKey = Int32Array.from(look.map((e) => e[0])), upVal = Float64Array.from(look.map((e) => e[1]));
  const ownKey = Int32Array.from(own.map((e) => e[0])), ownVal = Float64Array.from(own.map((e) => e[1]));
  const upRank = w.toRanks(upKey, look.length).slice(), ownRank = w.toRanks(ownKey, own.length).slice();
  const o = new ByteOut();
  w.both(o, upRank, upVal, look.length, ownRank, ownVal, own.length, others);
  const written = new TextDecoder().decode(o.take());
  const raw = new RawMaps();
  // Something already handed over before these maps: their keys start further on.
  raw.take(w, Int32Array.of(0), Float64Array.of(5), 1, Int32Array.of(), Float64Array.of(), 0, 0);
  let handed: string | null = null;
  if (raw.take(w, upRank, upVal, look.length, ownRank, ownVal, own.length, others)) {
    const main = new MapWriter(source as unknown as MapSource, 0), table = w.keys.rankTable();
    if (table) main.keys.adoptRanks(table);
    main.rawMaps(o, raw.sortKeys, raw.ends[0], raw.mid[1], raw.ends[1], raw.others[1]);
    handed = new TextDecoder().decode(o.take());
  }
  return { written, handed };
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

  it('writes both maps, the owners merged from the look-through entries of owners nobody holds, on either thread', () => {
    // Figures up to 5·10⁹ micro-points: above 2³¹ − 1 (with fewer than 2²¹ ids) they do not fit beside a rank, and the
    // maps are sorted by a comparison and never handed over.
    const figure = fc.oneof(fc.constantFrom(10_000, 1e6, 100e6, 2 ** 31 - 1, 2 ** 31), fc.integer({ min: 1, max: 99 }).map((x) => x * 100_001), fc.integer({ min: 1, max: 5e9 }));
    let over = 0, handed = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ prefix: fc.constantFrom('e', '', 'z', 'float:'), n: fc.integer({ min: 1, max: 1500 }) }).map(({ prefix, n }) => running(prefix, n)),
          fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 60 }),
        ),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean(), figure), { maxLength: 80 }),
        fc.nat(3e8),
        (ids, picks, others) => {
          const n = ids.length, roots = new Set<number>(), seen = new Set<number>();
          const look: [number, number][] = [], own: [number, number][] = [];
          for (const [i, root, rem, x] of picks) {
            const v = i % n;
            if (root) roots.add(v);
            const k = rem ? -1 - v : v;
            if (seen.has(k)) continue;
            seen.add(k);
            // Remainders, and now and then an entity, are the owners' own; other entities are look-through entries.
            if (rem || i % 7 === 0) own.push([k, x]);
            else look.push([k, x]);
          }
          // An entity in the owners' own entries is one nobody holds (as v itself is), and not a look-through entry.
          for (const [k] of own) if (k >= 0) roots.add(k);
          const owners = [...own, ...look.filter(([k]) => roots.has(k))];
          const want = `"lookThrough":${reference(ids, look)},"ultimateOwners":${reference(ids, owners, others)}`;
          const got = bothWays(ids, roots, look, own, others);
          expect(got.written).toBe(want);
          const fits = [...look, ...own].every((e) => e[1] <= 2 ** 31 - 1);
          expect(got.handed === null).toBe(!fits);
          if (got.handed === null) over++;
          else {
            handed++;
            expect(got.handed).toBe(want);
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(over).toBeGreaterThan(10);
    expect(handed).toBeGreaterThan(10);
  });
});
