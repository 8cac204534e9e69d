// The snapshot's CSR sort (analysis/csrSort.ts) and fromTable built on it, against plain references: rows sorted by
// key with Array.prototype.sort (stable), and CSR lists made entity by entity — for small graphs (one pass) and for
// graphs past 65,536 entities (several 8-bit passes, up to three), with columns carried along.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsLike, sortRows } from '../../src/analysis/csrSort';
import { fromTable, type HoldingTable } from '../../src/analysis/snapshot';

/** Sorts m random rows (keys below n) and checks keys, order within a key, and carried columns. */
function check(n: number, keys: number[]): void {
  const m = keys.length;
  const shape = { ints: [0], floats: [0] };
  const rows = rowsLike(shape, m), spare = rowsLike(shape, m), out = rowsLike(shape, m);
  keys.forEach((k, a) => {
    rows.key[a] = k;
    rows.ints[0][a] = a;
    rows.floats[0][a] = a / 7;
  });
  sortRows(rows, spare, out, m, n);
  const want = keys.map((k, a) => [k, a]).sort((x, y) => x[0] - y[0]);
  for (let a = 0; a < m; a++) {
    if (out.key[a] !== want[a][0] || out.ints[0][a] !== want[a][1] || out.floats[0][a] !== want[a][1] / 7) {
      expect({ at: a, key: out.key[a], row: out.ints[0][a] }).toEqual({ at: a, key: want[a][0], row: want[a][1] });
    }
  }
}

describe('analysis/csrSort', () => {
  it('sorts rows by key, stably, with their columns, in one pass or several', () => {
    fc.assert(fc.property(fc.constantFrom(1, 2, 255, 257, 70_000, 1 << 20, 9_000_000), fc.array(fc.nat(), { maxLength: 300 }), (n, raw) => check(n, raw.map((x) => x % n))), { numRuns: 300 });
  });

  it('sorts a million rows over 3 million keys (three passes)', () => {
    let x = 7;
    const keys = Array.from({ length: 1_000_000 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 3_000_000));
    check(3_000_000, keys);
  });

  it('gives fromTable the CSR a list per entity gives, past one pass', () => {
    const n = 100_000, total = 300_000;
    let x = 11;
    const rnd = (k: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % k;
    const t: HoldingTable = { holder: new Int32Array(total), subject: new Int32Array(total), live: new Uint8Array(total), shares: new Float64Array(total), votes: new Float64Array(total), seats: new Int32Array(total) };
    for (let k = 0; k < total; k++) {
      t.holder[k] = rnd(n);
      t.subject[k] = rnd(n);
      t.live[k] = t.holder[k] !== t.subject[k] && rnd(10) > 0 ? 1 : 0;
      t.shares[k] = rnd(1000) / 10_000;
      t.votes[k] = rnd(1000) / 10_000;
      t.seats[k] = rnd(50) === 0 ? 1 + rnd(3) : 0;
    }
    const e = { n, ids: [], names: [], index: new Map(), isFloat: new Uint8Array(n) };
    const s = fromTable({} as never, '2025-01-01', e, t, new Map());
    const ins: number[][] = Array.from({ length: n }, () => []), outs: number[][] = Array.from({ length: n }, () => []);
    for (let k = 0; k < total; k++) {
      if (!t.live[k]) continue;
      ins[t.subject[k]].push(k);
      outs[t.holder[k]].push(k);
    }
    for (let v = 0; v < n; v++) {
      const held = ins[v].reduce((sum, k) => sum + t.shares[k], 0);
      const scale = held > 1 ? held : 1;
      const got = { in: Array.from(s.inHolding.subarray(s.inStart[v], s.inStart[v + 1])), out: Array.from(s.outHolding.subarray(s.outStart[v], s.outStart[v + 1])) };
      if (got.in.join() !== ins[v].join() || got.out.join() !== outs[v].join()) expect({ v, ...got }).toEqual({ v, in: ins[v], out: outs[v] });
      for (let e2 = s.inStart[v]; e2 < s.inStart[v + 1]; e2++) {
        const k = s.inHolding[e2];
        if (s.inHolder[e2] !== t.holder[k] || s.inVotes[e2] !== t.votes[k] || s.inSeats[e2] !== t.seats[k] || s.inShares[e2] !== t.shares[k] / scale) expect({ v, e2 }).toBe('an in entry that carries its holding');
      }
      if (s.heldShares[v] !== Math.min(held, 1) || s.holderCount[v] !== ins[v].length) expect({ v, held: s.heldShares[v], count: s.holderCount[v] }).toEqual({ v, held: Math.min(held, 1), count: ins[v].length });
    }
    for (let b = 0; b < s.outSubject.length; b++) {
      const k = s.outHolding[b];
      if (s.outSubject[b] !== t.subject[k]) expect({ b }).toBe('an out entry that carries its holding');
    }
  });
});
