// The columnar reader's byte-keyed set (cli/byteKeys.ts) against a Map of strings: keys numbered in the order they
// were added, duplicates reported with the first one's number, lookups of absent keys −1 — while the keys are a
// running number behind one prefix (kept as no more than that), when a key breaks the run (moved to the hash table),
// and for keys that only look like the run (leading zeros, other prefixes, digits past the prefix, long numbers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../src/cli/byteKeys';

const enc = new TextEncoder();

/** Adds and looks up `ops` in a ByteKeys and in a Map, and says where they first differ. */
function replay(ops: { add: boolean; key: string }[]): void {
  const keys = new ByteKeys();
  const model = new Map<string, number>();
  for (const [i, { add, key }] of ops.entries()) {
    // Each key sits inside other bytes of a Buffer that is overwritten afterwards, as ids do in the reader's buffer.
    const b = Buffer.from(`"${key}"`);
    const known = model.get(key);
    if (add) {
      const got = keys.add(b, 1, b.length - 1);
      if (known === undefined) model.set(key, model.size);
      expect(got, `op ${i}: add ${key}`).toBe(known === undefined ? model.size - 1 : -1 - known);
    } else expect(keys.get(b, 1, b.length - 1), `op ${i}: get ${key}`).toBe(known ?? -1);
    b.fill(0x2a);
    expect(keys.size).toBe(model.size);
  }
  for (const [key, v] of model) {
    const b = enc.encode(key);
    expect(keys.get(b, 0, b.length), `at the end: ${key}`).toBe(v);
  }
}

describe('cli/byteKeys', () => {
  it('numbers keys as a Map of strings does, in and out of a running number', () => {
    // Runs from 0, 1, 7 or 2^53 (past which a double no longer counts) behind a prefix (or none), then keys that continue,
    // repeat, skip, or only look alike.
    const run = fc.record({ prefix: fc.constantFrom('e', 'h', 'co-', '', 'é'), from: fc.constantFrom(0n, 1n, 7n, 2n ** 53n), length: fc.integer({ min: 0, max: 40 }) });
    const near = (prefix: string) => fc.oneof(
      fc.integer({ min: 0, max: 60 }).map((x) => `${prefix}${x}`),
      fc.integer({ min: 0, max: 60 }).map((x) => `${prefix}0${x}`),
      fc.constantFrom(`${prefix}`, `${prefix}x`, `${prefix}1x`, `x${prefix}1`, '0', '00', '9', 'e1', 'h1', `${prefix}123456789012345`, `${prefix}1234567890123456`, `${prefix}99999999999999999`, 'a-long-key-0001', 'a-long-key-0002', 'é'),
    );
    const ops = run.chain(({ prefix, from, length }) => fc.tuple(
      fc.constant(Array.from({ length }, (_, k) => ({ add: true, key: `${prefix}${from + BigInt(k)}` }))),
      fc.array(fc.record({ add: fc.boolean(), key: near(prefix) }), { maxLength: 40 }),
    ));
    fc.assert(fc.property(ops, ([first, rest]) => replay([...first, ...rest])), { numRuns: 1000 });
  });

  it('keeps numbers past a break in the run and past the hash table growing', () => {
    const ops = [...Array.from({ length: 5000 }, (_, k) => ({ add: true, key: `h${k + 1}` })), { add: true, key: 'h0' }, ...Array.from({ length: 5000 }, (_, k) => ({ add: k % 3 > 0, key: `h${(k * 7919) % 12000}` }))];
    replay(ops);
  });
});
