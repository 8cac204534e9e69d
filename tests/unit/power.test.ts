// Power indices (CONTROL-MODEL §3): hand-computed games, and the dynamic programme against brute force.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { powerIndices } from '../../src/analysis';

/** Brute force over all coalitions and all orders: the definitions themselves. */
function brute(w: number[], q: number) {
  const n = w.length;
  const swings = new Array(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let sum = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) sum += w[i];
    for (let i = 0; i < n; i++) if (mask & (1 << i) && sum >= q && sum - w[i] < q) swings[i]++;
  }
  const total = swings.reduce((a, b) => a + b, 0);
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const ss = new Array(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let sum = 0, size = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) { sum += w[i]; size++; }
    for (let i = 0; i < n; i++) if (!(mask & (1 << i)) && sum < q && sum + w[i] >= q) ss[i] += (fact(size) * fact(n - size - 1)) / fact(n);
  }
  return { banzhaf: swings.map((s) => (total ? s / total : 0)), shapleyShubik: ss };
}

describe('power indices', () => {
  it.each([
    ['50/50', [5000, 5000], 5001, [0.5, 0.5], [0.5, 0.5]],
    ['one more share to one side', [5001, 4999], 5001, [1, 0], [1, 0]],
    ['50/30/20 with a majority quota', [5000, 3000, 2000], 5001, [0.6, 0.2, 0.2], [4 / 6, 1 / 6, 1 / 6]],
    ['a dummy player', [6000, 3000, 1000], 5001, [1, 0, 0], [1, 0, 0]],
    ['nobody can win', [2000, 2000], 5001, [0, 0], [0, 0]],
    ['a sole block exactly at the quota', [5001], 5001, [1], [1]],
    ['a sole block just below it', [5000], 5001, [0], [0]],
    ['any two of 20/40/40 win: equal power', [2000, 4000, 4000], 5001, [1 / 3, 1 / 3, 1 / 3], [1 / 3, 1 / 3, 1 / 3]],
  ])('%s', (_label, w, q, banzhaf, ss) => {
    const p = powerIndices(w, q);
    p.banzhaf.forEach((x, i) => expect(x).toBeCloseTo(banzhaf[i], 12));
    p.shapleyShubik!.forEach((x, i) => expect(x).toBeCloseTo(ss[i], 12));
  });

  it('equals brute force on random games', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 9 }), fc.integer({ min: 1, max: 300 }), (w, q) => {
        const b = brute(w, q);
        // Both methods: the tables (large games) and enumeration (small games, the default up to 14 players).
        for (const method of ['tables', 'enumerate'] as const) {
          const p = powerIndices(w, q, method);
          p.banzhaf.forEach((x, i) => expect(x).toBeCloseTo(b.banzhaf[i], 9));
          p.shapleyShubik!.forEach((x, i) => expect(x).toBeCloseTo(b.shapleyShubik[i], 9));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers games one block or nobody decides exactly as enumerating every coalition does', () => {
    // Bit for bit (analyze --json prints them to 9 decimals; the app reads them whole).
    const decided = fc.integer({ min: 2, max: 14 }).chain((n) =>
      fc.tuple(fc.array(fc.integer({ min: 0, max: 4999 }), { minLength: n - 1, maxLength: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 5001, max: 10000 })),
    );
    fc.assert(
      fc.property(decided, fc.constantFrom(5001, 2000, 7500), ([others, at, big], q) => {
        const w = others.slice();
        w.splice(at, 0, big);
        // The others' total may or may not pass the quota: a decider, a game nobody wins, or neither.
        expect(powerIndices(w, q)).toEqual(powerIndices(w, q, 'coalitions'));
        const small = w.map((x) => x >> 3);
        expect(powerIndices(small, q)).toEqual(powerIndices(small, q, 'coalitions'));
      }),
      { numRuns: 400 },
    );
    expect(powerIndices([6000, 3000, 1000], 5001).shapleyShubik).toEqual(powerIndices([6000, 3000, 1000], 5001, 'coalitions').shapleyShubik);
  });

  it('stays exact for a company with thousands of small holders', () => {
    const w = [3000, ...Array.from({ length: 2999 }, (_, i) => 1 + (i % 2))];
    const p = powerIndices(w, 5001);
    expect(p.banzhaf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // The big holder is far more powerful than any small one, and equal weights get equal power.
    expect(p.banzhaf[0]).toBeGreaterThan(100 * p.banzhaf[1]);
    expect(p.banzhaf[1]).toBeCloseTo(p.banzhaf[3], 12);
  });
});
