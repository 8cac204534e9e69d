// The live analysis on cycles whose de facto rounds never settle (generated graphs found by search; see
// control-rounds.test.ts): recording runs more rounds than a record keeps, and edits make the rounds settle or stop
// settling, so a kept record's replay runs past what it keeps. After every edit and undo, every parent and reason
// must be what computeControl gives from scratch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyWithInverse, generateGraph, type OwnershipDoc } from '../../src/model';
import { computeControl } from '../../src/analysis/control';
import { LiveAnalysis } from '../../src/analysis/live';
import { resolveOptions } from '../../src/analysis/options';
import { snapshot } from '../../src/analysis/snapshot';

function full(doc: OwnershipDoc) {
  const opts = resolveOptions(doc, { rule: 'defacto' });
  const c = computeControl(snapshot(doc, opts.date), opts);
  return { parent: [...c.parent], reason: c.reason };
}

const graphs = [
  generateGraph({ entities: 200, seed: 234, core: 0.8 }),
  generateGraph({ entities: 500, seed: 13, core: 0.3, depth: 30 }),
  generateGraph({ entities: 500, seed: 56, core: 0.3, depth: 30 }),
];

describe('live analysis of rounds that never settle', () => {
  it('gives computeControl’s parents and reasons after every edit and undo', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.array(fc.record({ h: fc.nat(), x: fc.integer({ min: 1, max: 60 }), undo: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (g, edits) => {
          let doc = graphs[g];
          let live = new LiveAnalysis(doc, { rule: 'defacto' });
          const check = (next: OwnershipDoc) => {
            if (!live.update(next)) live = new LiveAnalysis(next, { rule: 'defacto' });
            const want = full(next);
            expect([...live.parent]).toEqual(want.parent);
            expect(live.reason).toEqual(want.reason);
          };
          expect([...live.parent]).toEqual(full(doc).parent);
          for (const e of edits) {
            const h = doc.holdings[e.h % doc.holdings.length];
            let rest = 0;
            for (const x of doc.holdings) if (x.subject === h.subject && x !== h) rest += x.shares;
            const r = applyWithInverse(doc, { type: 'setHolding', holding: { ...h, shares: Math.min(e.x, Math.max(0, Math.floor(100 - rest))), votes: undefined } });
            check(r.doc);
            if (e.undo) {
              check(applyWithInverse(r.doc, r.inverse).doc);
              check(r.doc);
            }
            doc = r.doc;
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000); // 40 sequences of up to 18 steps on up to 500 entities, each checked against computeControl: a few s idle
});
