// The live (incremental) analysis equals a full analysis after every step of random edit sequences: stakes, new
// holdings, deletions, agreements, dated records, entity changes, batches, and undo (inverse patches).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyWithInverse, parseDoc, type Op, type OwnershipDoc } from '../../src/model';
import { Analysis, summarize, type AnalysisSummary, type Rule } from '../../src/analysis';
import { groupSizeAt } from '../../src/analysis/summary';
import { LiveAnalysis } from '../../src/analysis/live';
import { diffRecords } from '../../src/model/recordDiff';
import { sameEdges } from '../../src/analysis/adjacency';
import { docArb, opOf, opSeedArb } from './arbitraries';
import { graph } from './helpers';

/** The random document plus agreements, a dependency and a dated holding, so that edits have them to change. */
function withRecords(doc: OwnershipDoc): OwnershipDoc {
  const ids = doc.entities.map((e) => e.id);
  return parseDoc({
    ...doc,
    agreements: ids.length > 2 ? [{ id: 'g-1', kind: 'joint-control', parties: [ids[1], ids[2]], subject: ids[0] }] : [],
    dependencies: [{ id: 'd-1', provider: ids[0], client: ids[1], kind: 'it-operations' }],
  });
}

/** Dated records: a holding that starts or ends around the view date (2024-01-01). */
const datedArb = fc.record({ a: fc.nat(), b: fc.nat(), x: fc.integer({ min: 1, max: 60 }), since: fc.constantFrom(null, '2023-06-01', '2024-06-01'), until: fc.constantFrom(null, '2023-12-31', '2025-01-01') });
function datedOp(doc: OwnershipDoc, d: { a: number; b: number; x: number; since: string | null; until: string | null }): Op {
  if (!doc.entities.length) return { type: 'removeHolding', id: 'none' }; // refused
  const e = (k: number) => doc.entities[k % doc.entities.length].id;
  return { type: 'setHolding', holding: { id: `hd${d.a % 4}`, holder: e(d.a), subject: e(d.b), shares: d.x / 10, since: d.since, until: d.until } };
}

/** Closed ownership loops: two companies that wholly own each other, made, then their stakes changed around 100%. */
const loopArb = fc.record({ x: fc.constantFrom(100, 60, 99.5, 100), a: fc.nat() });
function loopOp(doc: OwnershipDoc, l: { x: number; a: number }): Op {
  if (!doc.entities.some((e) => e.id === 'L1')) {
    return {
      type: 'batch',
      ops: [
        { type: 'addEntity', entity: { id: 'L1', name: 'Loop 1' } },
        { type: 'addEntity', entity: { id: 'L2', name: 'Loop 2' } },
        { type: 'setHolding', holding: { id: 'lp1', holder: 'L1', subject: 'L2', shares: 100 } },
        { type: 'setHolding', holding: { id: 'lp2', holder: 'L2', subject: 'L1', shares: 100 } },
        { type: 'setHolding', holding: { id: 'lp3', holder: 'L2', subject: doc.entities[l.a % doc.entities.length]?.id ?? 'L1', shares: 1 } },
      ],
    };
  }
  return { type: 'setHolding', holding: { id: l.a % 2 ? 'lp1' : 'lp2', holder: l.a % 2 ? 'L1' : 'L2', subject: l.a % 2 ? 'L2' : 'L1', shares: l.x } };
}

const plain = (s: AnalysisSummary) => ({
  status: [...s.status], parentStart: [...s.parentStart], parentIdx: [...s.parentIdx], ultimateStart: [...s.ultimateStart], ultimateIdx: [...s.ultimateIdx],
  groupSize: Array.from(s.status, (_, i) => groupSizeAt(s, i)), confers: [...s.confers], dependencies: s.dependencies, loops: s.loops,
});

describe('live analysis', () => {
  it('equals a full analysis after every edit and every undo', () => {
    let incremental = 0, steps = 0;
    let withLoops = 0;
    const stepArb = fc.oneof(opSeedArb.map((seed) => ({ seed })), datedArb.map((dated) => ({ dated })), loopArb.map((loop) => ({ loop })));
    fc.assert(
      fc.property(docArb, fc.constantFrom<Rule>('votes', 'legal', 'defacto'), fc.array(fc.tuple(stepArb, fc.boolean()), { minLength: 1, maxLength: 10 }), (start, rule, steps_) => {
        let doc = withRecords(start);
        let live = new LiveAnalysis(doc, { rule });
        const check = (next: OwnershipDoc) => {
          steps++;
          if (live.fits(next, { rule }) && live.update(next)) incremental += live.stats.full ? 0 : 1;
          else live = new LiveAnalysis(next, { rule });
          const full = new Analysis(next, { rule });
          const summary = live.summary();
          expect(plain(summary)).toEqual(plain(summarize(full)));
          if (summary.loops.length) withLoops++;
          // The patched snapshot is the one a full build gives, array for array.
          for (const key of ['inStart', 'inHolder', 'inShares', 'inVotes', 'inSeats', 'inHolding', 'outStart', 'outSubject', 'outShares', 'outHolding', 'heldShares', 'holderCount', 'isFloat'] as const) {
            expect([...live.snap[key]], key).toEqual([...full.snap[key]]);
          }
        };
        for (const [step, undo] of steps_) {
          const op = 'seed' in step ? opOf(doc, step.seed) : 'dated' in step ? datedOp(doc, step.dated) : loopOp(doc, step.loop);
          let r: ReturnType<typeof applyWithInverse>;
          try {
            r = applyWithInverse(doc, op);
          } catch {
            continue; // refused: the document is unchanged
          }
          check(r.doc);
          if (undo) {
            check(applyWithInverse(r.doc, r.inverse).doc);
            check(r.doc); // redo
          }
          doc = r.doc;
        }
      }),
      { numRuns: 80 },
    );
    // The incremental path, not a rebuild, answered most steps.
    expect(incremental).toBeGreaterThan(steps / 2);
    // Closed loops appear, change and go (their carrying from edit to edit is checked, not only their absence).
    expect(withLoops).toBeGreaterThan(20);
  }, 30_000); // 80 random edit sequences, each step checked against a full analysis: about 3 s idle, more under load

  it('re-evaluates only the downstream cone of an edit', () => {
    // Two separate chains: an edit in one never touches the other.
    const doc = graph([['p', 'a', 60], ['a', 'b', 70], ['b', 'c', 80], ['q', 'x', 60], ['x', 'y', 70], ['y', 'z', 80]]);
    const live = new LiveAnalysis(doc);
    const h = doc.holdings.find((x) => x.holder === 'x')!;
    const next = { ...doc, holdings: doc.holdings.map((x) => (x === h ? { ...x, shares: 40 } : x)) };
    expect(live.update(next)).toBe(true);
    expect(live.stats).toMatchObject({ full: false, cone: 2, redone: 2 }); // y and z; both lose their controller
    expect(plain(live.summary())).toEqual(plain(summarize(new Analysis(next))));
  });

  it('looks again at what a changed controller reaches down its chains, not only at what it holds', () => {
    // Y is held 30% by A and 30% by B: one block while P controls A directly and B through C. When Q takes C, B's
    // chain ends at Q, the block splits and P no longer controls Y alone, though B's own controller (C) stays the same.
    const doc = graph([['p', 'a', 60], ['p', 'c', 60], ['q', 'c', 10], ['c', 'b', 60], ['a', 'y', 30], ['b', 'y', 30]]);
    const live = new LiveAnalysis(doc);
    expect(new Analysis(doc).entity('y').ultimate).toEqual(['p']);
    const next = { ...doc, holdings: doc.holdings.map((h) => (h.subject === 'c' ? { ...h, shares: h.holder === 'q' ? 70 : 20 } : h)) };
    expect(new Analysis(next).entity('y').ultimate).toEqual(['p', 'q']); // two blocks of 30%: jointly
    expect(live.update(next)).toBe(true);
    expect(plain(live.summary())).toEqual(plain(summarize(new Analysis(next))));
    // Evaluated: C (its holdings changed), B (held by C) and Y (its holder B's chain changed); not P, Q or A.
    expect(live.stats.cone).toBe(3);
  });

  it('follows rounded totals (up to 100.1%, scaled to 100%) and consolidation relations', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1, asOf: '2024-01-01',
      entities: ['a', 'b', 'c', 'y', 'z'].map((id) => ({ id, name: id.toUpperCase() })),
      holdings: [
        { id: 'h1', holder: 'a', subject: 'y', shares: 50.05 }, { id: 'h2', holder: 'b', subject: 'y', shares: 50 },
        { id: 'h3', holder: 'y', subject: 'z', shares: 40 }, { id: 'h4', holder: 'c', subject: 'z', shares: 30 },
      ],
    });
    const live = new LiveAnalysis(doc);
    const steps: Op[] = [
      { type: 'updateHolding', id: 'h2', changes: { shares: 50.04 } },
      { type: 'setHolding', holding: { id: 'h5', holder: 'c', subject: 'y', shares: 0.01 } },
      { type: 'removeHolding', id: 'h1' },
      { type: 'addRelation', relation: { id: 'r1', kind: 'consolidation', party: 'c', subject: 'z' } } as Op,
    ];
    let cur = doc;
    for (const op of steps) {
      cur = applyWithInverse(cur, op).doc;
      expect(live.update(cur)).toBe(true);
      const full = new Analysis(cur);
      expect(plain(live.summary())).toEqual(plain(summarize(full)));
      for (const key of ['inShares', 'outShares', 'heldShares'] as const) expect([...live.snap[key]], key).toEqual([...full.snap[key]]);
    }
    expect(live.summary().status[4]).toBe(1); // c controls z by consolidation
  });

  it('reads the difference an edit made from what it replaced, as the walk finds it (and whether the edges stayed)', () => {
    let known = 0;
    fc.assert(
      fc.property(docArb, fc.array(fc.tuple(fc.oneof(opSeedArb, fc.nat()), fc.boolean()), { minLength: 1, maxLength: 8 }), (start, steps_) => {
        let doc = start;
        const same = (a: OwnershipDoc, b: OwnershipDoc) => {
          // Copies carry no record of the edit: the walk over every record.
          expect(diffRecords(a.holdings, b.holdings)).toEqual(diffRecords([...a.holdings], [...b.holdings]));
          expect(diffRecords(a.entities, b.entities)).toEqual(diffRecords([...a.entities], [...b.entities]));
          // And the adjacency is carried over exactly when the walk says the edges stayed (adjacency.ts).
          expect(sameEdges(a, b, '2024-01-01')).toBe(sameEdges({ ...a, holdings: [...a.holdings] }, { ...b, holdings: [...b.holdings] }, '2024-01-01'));
          if (a.holdings !== b.holdings && a.holdings.length === b.holdings.length) known++;
        };
        for (const [seed, undo] of steps_) {
          let r: ReturnType<typeof applyWithInverse>;
          try {
            // A number: a holding replaced by one that ends before the view date or has another holder (an edge changed).
            let op: Op;
            if (typeof seed !== 'number') op = opOf(doc, seed);
            else {
              const h = doc.holdings[seed % Math.max(1, doc.holdings.length)];
              op = !h ? { type: 'removeHolding', id: 'none' } : { type: 'setHolding', holding: seed % 2 ? { ...h, until: '2023-01-01' } : { ...h, holder: doc.entities[seed % doc.entities.length].id } };
            }
            r = applyWithInverse(doc, op);
          } catch {
            continue;
          }
          same(doc, r.doc);
          if (undo) same(r.doc, applyWithInverse(r.doc, r.inverse).doc);
          doc = r.doc;
        }
      }),
      { numRuns: 200 },
    );
    expect(known).toBeGreaterThan(50);
  });

  it('finds changed records by identity', () => {
    const [a, b, c, d] = [{}, {}, {}, {}];
    expect(diffRecords([a, b, c], [a, c, d])).toEqual({ same: [[0, 0, 1], [2, 1, 1]], removed: [1], added: [2], changed: 2 });
    expect(diffRecords([a, b], [a, d, b])).toEqual({ same: [[0, 0, 1], [1, 2, 1]], removed: [], added: [1], changed: 1 });
  });
});
