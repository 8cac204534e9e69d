// The live summary patched after each edit (analysis/liveSummary.ts) equals the summary made from scratch, after
// random edit sequences on generated graphs of every shape; patching rewrites only what an edit touched.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyWithInverse, generateGraph, type Op, type OwnershipDoc } from '../../src/model';
import type { AnalysisSummary } from '../../src/analysis';
import { groupSizeAt } from '../../src/analysis/summary';
import { LiveAnalysis } from '../../src/analysis/live';
import { patchCsr } from '../../src/analysis/liveSummary';

/** A summary as plain arrays, group sizes per entity (keys may be numbered differently by equal summaries). */
const plain = (s: AnalysisSummary) => ({
  status: [...s.status], parentStart: [...s.parentStart], parentIdx: [...s.parentIdx], ultimateStart: [...s.ultimateStart], ultimateIdx: [...s.ultimateIdx],
  groupSize: Array.from(s.status, (_, i) => groupSizeAt(s, i)), confers: [...s.confers], dependencies: s.dependencies, loops: s.loops,
});

describe('patchCsr', () => {
  // Lists per entity: [[1], [], [2, 3]] is start [0, 1, 1, 3], idx [1, 2, 3].
  it.each([
    ['same lengths, in place', [[1], [], [2, 3]], new Map([[0, [4]], [2, [5, 6]]]), [[4], [], [5, 6]]],
    ['a list grows', [[1], [], [2, 3]], new Map([[1, [7, 8]]]), [[1], [7, 8], [2, 3]]],
    ['a list empties', [[1], [], [2, 3]], new Map([[0, []]]), [[], [], [2, 3]]],
    ['first and last change length', [[1], [9], [2, 3]], new Map([[0, [4, 4, 4]], [2, []]]), [[4, 4, 4], [9], []]],
  ])('%s', (_, lists, changed, want) => {
    const start = new Int32Array(lists.length + 1);
    lists.forEach((l, v) => (start[v + 1] = start[v] + l.length));
    const [s, idx] = patchCsr(start, Int32Array.from(lists.flat()), changed);
    expect(Array.from({ length: want.length }, (_, v) => [...idx.subarray(s[v], s[v + 1])])).toEqual(want);
    expect(s[want.length]).toBe(idx.length);
  });
});

/** Edits of a generated graph: stakes raised to control or cut, holdings added and removed, agreements, undo. */
const editArb = fc.record({ kind: fc.nat(5), a: fc.nat(), b: fc.nat(), x: fc.integer({ min: 1, max: 99 }) });
function editOf(doc: OwnershipDoc, e: { kind: number; a: number; b: number; x: number }, k: number): Op {
  const h = doc.holdings[e.a % doc.holdings.length];
  const id = (i: number) => doc.entities[i % doc.entities.length].id;
  switch (e.kind) {
    case 0: return { type: 'setHolding', holding: { ...h, shares: Math.min(h.shares * 3, 70), votes: undefined } };
    case 1: return { type: 'setHolding', holding: { ...h, shares: Math.round(h.shares * e.x) / 100, votes: undefined } };
    case 2: return { type: 'setHolding', holding: { id: `new-${k}`, holder: id(e.a), subject: id(e.b), shares: e.x / 4 } };
    case 3: return { type: 'removeHolding', id: h.id };
    default: return { type: 'addAgreement', agreement: { id: `ag-${k}`, kind: 'joint-control', parties: [id(e.a), id(e.a + 1)], subject: id(e.b) } };
  }
}

describe('live summary', () => {
  it('patched after every edit and undo equals the summary made from scratch, on every shape', () => {
    let patched = 0, steps = 0;
    fc.assert(
      fc.property(
        fc.constantFrom({}, { core: 0.3, depth: 6 }, { wide: 2 }, { depth: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.tuple(editArb, fc.boolean()), { minLength: 1, maxLength: 8 }),
        (shape, seed, edits) => {
          let doc = generateGraph({ entities: 150, seed, ...shape });
          let live = new LiveAnalysis(doc);
          live.summary();
          const check = (next: OwnershipDoc) => {
            steps++;
            if (!live.update(next)) live = new LiveAnalysis(next);
            const got = live.summary();
            if (live.summaryRewritten < next.entities.length) patched++;
            expect(plain(got)).toEqual(plain(new LiveAnalysis(next).summary()));
          };
          edits.forEach(([e, undo], k) => {
            let r: ReturnType<typeof applyWithInverse>;
            try {
              r = applyWithInverse(doc, editOf(doc, e, k));
            } catch {
              return; // refused: the document is unchanged
            }
            check(r.doc);
            if (undo) {
              check(applyWithInverse(r.doc, r.inverse).doc);
              check(r.doc);
            }
            doc = r.doc;
          });
        },
      ),
      { numRuns: 60 },
    );
    // Most steps patched the summary rather than making it again.
    expect(patched).toBeGreaterThan(steps * 0.8);
  }, 30_000); // 60 sequences of up to 24 steps on 150 entities, each checked against a summary from scratch: about 2 s idle

  it('an edit rewrites only the entities it touched', () => {
    const doc = generateGraph({ entities: 2000, seed: 3 });
    const live = new LiveAnalysis(doc);
    live.summary();
    const h = doc.holdings[500];
    const next = { ...doc, holdings: doc.holdings.map((x) => (x === h ? { ...h, shares: h.shares / 2 } : x)) };
    live.update(next);
    const s = live.summary();
    expect(live.summaryRewritten).toBeLessThanOrEqual(live.stats.cone + live.stats.redone);
    expect(live.summaryRewritten).toBeLessThan(50);
    expect(plain(s)).toEqual(plain(new LiveAnalysis(next).summary()));
  });
});
