// Control cycles replayed from their recorded rounds (analysis/liveCycles.ts) give exactly what computeControl
// iterates from scratch: every parent and every reason, figures included, after random edits and undos of documents
// with a strongly connected core, under every rule; and recording from scratch (semi-naive rounds) equals the plain
// synchronous rounds of iterateComponent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyWithInverse, generateGraph, parseDoc, type Op, type OwnershipDoc } from '../../src/model';
import { Analysis, summarize, type AnalysisSummary, type Rule } from '../../src/analysis';
import { computeControl } from '../../src/analysis/control';
import { LiveAnalysis } from '../../src/analysis/live';
import { CycleRecords } from '../../src/analysis/liveCycles';
import { resolveOptions } from '../../src/analysis/options';
import { snapshot } from '../../src/analysis/snapshot';
import { groupSizeAt } from '../../src/analysis/summary';
import { docArb, opOf, opSeedArb } from './arbitraries';
import { graph } from './helpers';

const plain = (s: AnalysisSummary) => ({
  status: [...s.status], parentStart: [...s.parentStart], parentIdx: [...s.parentIdx], ultimateStart: [...s.ultimateStart], ultimateIdx: [...s.ultimateIdx],
  groupSize: Array.from(s.status, (_, i) => groupSizeAt(s, i)), confers: [...s.confers],
});

/** The control computeControl gives for `doc` from scratch. */
function full(doc: OwnershipDoc, rule: Rule) {
  const s = snapshot(doc, resolveOptions(doc, { rule }).date);
  const c = computeControl(s, resolveOptions(doc, { rule }));
  return { parent: [...c.parent], reason: c.reason };
}

/**
 * Edits inside and around a core: stakes raised towards control (60%, or as far as the others leave room) or cut,
 * a holder given a board majority, holdings added and removed, an agreement, a decision rule changed.
 */
const editArb = fc.record({ kind: fc.nat(7), a: fc.nat(), b: fc.nat(), x: fc.integer({ min: 1, max: 99 }) });
function editOf(doc: OwnershipDoc, e: { kind: number; a: number; b: number; x: number }, k: number): Op {
  const h = doc.holdings[e.a % doc.holdings.length];
  const id = (i: number) => doc.entities[i % doc.entities.length].id;
  const room = () => {
    let rest = 0;
    for (const x of doc.holdings) if (x.subject === h.subject && x !== h) rest += x.shares;
    return Math.max(0, Math.floor(100 - rest));
  };
  switch (e.kind) {
    case 0: return { type: 'setHolding', holding: { ...h, shares: Math.min(60, room()), votes: undefined } };
    case 1: return { type: 'setHolding', holding: { ...h, shares: Math.round(h.shares * e.x) / 100, votes: undefined } };
    case 2: return { type: 'setHolding', holding: { ...h, shares: Math.min(h.shares + e.x / 4, room()), votes: undefined } };
    case 3: return { type: 'setHolding', holding: { id: `new-${k}`, holder: id(e.a), subject: id(e.b), shares: e.x / 4 } };
    case 4: return { type: 'removeHolding', id: h.id };
    case 5: return { type: 'updateEntity', id: h.subject, changes: { decisionRule: e.x % 2 ? { atLeast: 75 } : { moreThan: 30 } } };
    case 6: return { type: 'updateEntity', id: h.subject, changes: { boardSize: 5 } };
    default: return { type: 'addAgreement', agreement: { id: `ag-${k}`, kind: e.x % 2 ? 'control' : 'joint-control', parties: e.x % 2 ? [id(e.a)] : [id(e.a), id(e.a + 1)], subject: id(e.b) } };
  }
}

/**
 * Tangled documents: 10–40 companies holding one another at random (large stakes as well as small), so that their
 * cycles take several rounds to settle and an edit changes the rounds between, not only the end.
 */
const tangleArb = fc
  .record({ n: fc.integer({ min: 10, max: 40 }), seed: fc.integer({ min: 1, max: 1 << 30 }), density: fc.integer({ min: 2, max: 4 }) })
  .map(({ n, seed, density }) => {
    let a = seed;
    const rand = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const room = new Array(n).fill(100);
    const seen = new Set<string>();
    const holdings = [];
    for (let k = 0; k < density * n; k++) {
      const h = Math.floor(rand() * n), s = Math.floor(rand() * n);
      const shares = Math.min(room[s], Math.round((rand() < 0.4 ? 20 + rand() * 40 : 1 + rand() * 15) * 100) / 100);
      if (h === s || shares <= 0 || seen.has(`${h}>${s}`)) continue;
      seen.add(`${h}>${s}`);
      room[s] -= shares;
      holdings.push({ id: `h${k}`, holder: `e${h}`, subject: `e${s}`, shares });
    }
    return parseDoc({ format: 'ownership-graph', version: 1, asOf: '2024-01-01', entities: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, name: `E${i}` })), holdings });
  });

describe('control cycles replayed from their record', () => {
  it('give every parent and reason computeControl gives, and the summary analyze gives, after every edit and undo', () => {
    let replayed = 0, steps = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ seed: fc.integer({ min: 1, max: 1000 }), shape: fc.constantFrom({ core: 0.3, depth: 6 }, { core: 0.5, depth: 3 }, { core: 0.8 }, { core: 0.4, depth: 10, wide: 1 }) }).map(({ seed, shape }) => generateGraph({ entities: 120, seed, ...shape })),
          tangleArb,
        ),
        fc.constantFrom<Rule>('votes', 'legal', 'defacto'),
        fc.array(fc.tuple(editArb, fc.boolean()), { minLength: 1, maxLength: 8 }),
        (start, rule, edits) => {
          let doc = start;
          let live = new LiveAnalysis(doc, { rule });
          const check = (next: OwnershipDoc) => {
            steps++;
            if (!live.update(next)) live = new LiveAnalysis(next, { rule });
            else if (live.stats.cone < 40) replayed++;
            const want = full(next, rule);
            expect([...live.parent]).toEqual(want.parent);
            expect(live.reason).toEqual(want.reason);
            expect(plain(live.summary())).toEqual(plain(summarize(new Analysis(next, { rule }))));
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
    // Most steps were followed without evaluating a whole core again.
    expect(replayed).toBeGreaterThan(steps / 2);
  }, 60_000); // 60 sequences of up to 24 steps on up to 120 entities, each checked against computeControl and analyze: a few s idle

  it('give what computeControl gives on tangled documents over longer edit sequences (the rounds between change, not only the end)', () => {
    fc.assert(
      fc.property(
        tangleArb,
        fc.constantFrom<Rule>('votes', 'legal', 'defacto'),
        fc.array(fc.tuple(editArb, fc.boolean()), { minLength: 1, maxLength: 16 }),
        (start, rule, edits) => {
          let doc = start;
          let live = new LiveAnalysis(doc, { rule });
          const check = (next: OwnershipDoc) => {
            if (!live.update(next)) live = new LiveAnalysis(next, { rule });
            const want = full(next, rule);
            expect([...live.parent]).toEqual(want.parent);
            expect(live.reason).toEqual(want.reason);
            expect(plain(live.summary())).toEqual(plain(summarize(new Analysis(next, { rule }))));
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
      { numRuns: 200 },
    );
  }, 90_000); // 200 sequences of up to 48 steps on 10–40 entities, each checked against computeControl and analyze: about 8 s idle

  it('equal computeControl on small random documents with cycles, every rule, after every edit and undo', () => {
    fc.assert(
      fc.property(docArb, fc.constantFrom<Rule>('votes', 'legal', 'defacto'), fc.array(fc.tuple(opSeedArb, fc.boolean()), { minLength: 1, maxLength: 10 }), (start, rule, steps_) => {
        let doc = start;
        let live = new LiveAnalysis(doc, { rule });
        const check = (next: OwnershipDoc) => {
          if (!live.fits(next, { rule }) || !live.update(next)) live = new LiveAnalysis(next, { rule });
          const want = full(next, rule);
          expect([...live.parent]).toEqual(want.parent);
          expect(live.reason).toEqual(want.reason);
        };
        for (const [seed, undo] of steps_) {
          let r: ReturnType<typeof applyWithInverse>;
          try {
            r = applyWithInverse(doc, opOf(doc, seed));
          } catch {
            continue;
          }
          check(r.doc);
          if (undo) check(applyWithInverse(r.doc, r.inverse).doc);
          doc = r.doc;
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('recorded from scratch in semi-naive rounds, equal the synchronous rounds of iterateComponent', () => {
    fc.assert(
      fc.property(fc.oneof(docArb, fc.integer({ min: 1, max: 500 }).map((seed) => generateGraph({ entities: 80, seed, core: 0.5, depth: 4 }))), fc.constantFrom<Rule>('votes', 'legal', 'defacto'), (doc, rule) => {
        const opts = resolveOptions(doc, { rule });
        const s = snapshot(doc, opts.date);
        const records = new CycleRecords(s.n);
        const got = computeControl(s, opts, (ev, members, parent, reason) => void records.iterate(s, ev, members, parent, reason, null));
        const want = computeControl(s, opts);
        expect([...got.parent]).toEqual([...want.parent]);
        expect(got.reason).toEqual(want.reason);
      }),
      { numRuns: 300 },
    );
  });

  it('looks again at the members whose chains pass a controller that moved upstream', () => {
    // A and B hold each other (a cycle); U controls A. B is held 30% by A and 30% by X, which W controls: two blocks
    // while U is independent (joint control), one block of 60% once W takes U (W controls B). Only B's holders'
    // chains changed, through A, whose own decision stays the same.
    const doc = graph([['w', 'x', 60], ['w', 'u', 40], ['u', 'a', 60], ['b', 'a', 10], ['a', 'b', 30], ['x', 'b', 30]]);
    const live = new LiveAnalysis(doc);
    expect(new Analysis(doc).entity('b').status).toBe('joint');
    const h = doc.holdings.find((x) => x.holder === 'w' && x.subject === 'u')!;
    const next = applyWithInverse(doc, { type: 'setHolding', holding: { ...h, shares: 60 } }).doc;
    expect(live.update(next)).toBe(true);
    expect(new Analysis(next).entity('b').ultimate).toEqual(['w']);
    expect([...live.parent]).toEqual(full(next, 'legal').parent);
    expect(plain(live.summary())).toEqual(plain(summarize(new Analysis(next))));
  });

  it.each([
    // A holding taken away inside a cycle of A, B and C splits it: its parts are evaluated, not only the subject.
    ['splits', [['p', 'a', 60], ['q', 'b', 60], ['r', 'c', 60], ['a', 'b', 10], ['b', 'c', 10], ['c', 'a', 10]], { type: 'removeHolding', id: 'h5' }],
    // A holding added from the end of a chain back to its top makes a cycle of A, B and C, iterated as one.
    ['merges', [['p', 'a', 60], ['q', 'b', 60], ['r', 'c', 60], ['a', 'b', 10], ['b', 'c', 10]], { type: 'setHolding', holding: { id: 'new', holder: 'c', subject: 'a', shares: 10 } }],
  ] as const)('a holding that %s a cycle has its components found again', (_, edges, op) => {
    const doc = graph(edges.map(([h, s, x]) => [h, s, x] as [string, string, number]));
    const live = new LiveAnalysis(doc);
    const next = applyWithInverse(doc, op as Op).doc;
    expect(live.update(next)).toBe(true);
    expect(live.stats.cone).toBe(3);
    expect([...live.parent]).toEqual(full(next, 'legal').parent);
  });

  it('an edit inside a core evaluates what it changes, not the core', () => {
    const doc = generateGraph({ entities: 3000, seed: 7, core: 0.3, depth: 30 });
    const live = new LiveAnalysis(doc);
    const h = doc.holdings[5]; // the core's ring is made first (model/generate.ts)
    const next = applyWithInverse(doc, { type: 'setHolding', holding: { ...h, shares: h.shares / 2 } }).doc;
    expect(live.update(next)).toBe(true);
    expect(live.stats.cone).toBeLessThan(20);
    expect([...live.parent]).toEqual(full(next, 'legal').parent);
  });
});
