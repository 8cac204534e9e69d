// sortSmall (insertion below 33 entries, native above) sorts typed arrays, or their first entries, exactly as the
// native sort does, and leaves the rest as it was.
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

  it('sorts the first `count` entries only', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 80 }), fc.nat(), (xs, k) => {
      const count = xs.length ? k % (xs.length + 1) : 0;
      const want = [...Float64Array.from(xs.slice(0, count)).sort(), ...xs.slice(count)];
      expect([...sortSmall(Float64Array.from(xs), count)]).toEqual(want);
    }));
  });
});
