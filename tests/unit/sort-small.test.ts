// sortSmall (insertion up to 24 entries, a quicksort in JavaScript above, the native sort for a range that splits
// badly too often) sorts typed arrays, or their first entries, exactly as the native sort does, and leaves the rest as
// it was: random, few distinct values, and the ordered shapes that trip a quicksort up.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortSmall } from '../../src/analysis/sortSmall';

describe('sortSmall', () => {
  it('sorts Int32Array and Float64Array, short and long, as the native sort', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 80 }), (xs) => {
      expect([...sortSmall(Int32Array.from(xs))]).toEqual([...Int32Array.from(xs).sort()]);
      const fs = xs.map((x) => x / 7);
      expect([...sortSmall(Float64Array.from(fs))]).toEqual([...Float64Array.from(fs).sort()]);
    }));
  });

  it('sorts long arrays of every shape as the native sort: random, few values, sorted, reversed, organ pipe, sawtooth', () => {
    const shapes: ((i: number, n: number) => number)[] = [
      (i) => i,
      (i, n) => n - i,
      () => 7,
      (i, n) => Math.min(i, n - i),
      (i) => i % 17,
      (i, n) => (i < n / 2 ? 2 * i : 2 * (n - i) + 1),
      (i) => (i * 7919) % 1009,
    ];
    fc.assert(fc.property(fc.integer({ min: 25, max: 4000 }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 4000 }), (n, xs) => {
      for (const f of shapes) {
        const ys = Array.from({ length: n }, (_, i) => f(i, n) * 2 ** 22 + (i % 3));
        expect([...sortSmall(Float64Array.from(ys))]).toEqual([...Float64Array.from(ys).sort()]);
        expect([...sortSmall(Int32Array.from(ys, (y) => y | 0))]).toEqual([...Int32Array.from(ys, (y) => y | 0).sort()]);
      }
      expect([...sortSmall(Float64Array.from(xs))]).toEqual([...Float64Array.from(xs).sort()]);
    }), { numRuns: 40 });
  });

  it('sorts the first `count` entries only', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 300 }), fc.nat(), (xs, k) => {
      const count = xs.length ? k % (xs.length + 1) : 0;
      const want = [...Float64Array.from(xs.slice(0, count)).sort(), ...xs.slice(count)];
      expect([...sortSmall(Float64Array.from(xs), count)]).toEqual(want);
    }));
  });
});
