// Focus neighbourhoods pinned (analysis/focus.ts, kept over graphology-traversal: tests/bench/focus.bench.ts): which
// entities are drawn around a focus, across agreements, dates, loops and the drawing limit, and a property check
// against a plain breadth-first walk over the holdings by id.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OwnershipDoc } from '../../src/model';
import { focusSet } from '../../src/analysis/focus';
import { docArb } from './arbitraries';
import { graph } from './helpers';

const date = '2024-01-01';
const drawn = (doc: OwnershipDoc, ids: string[], depth: number, limit?: number) => [...focusSet(doc, { ids, depth }, date, limit).ids].sort();

describe('focus neighbourhoods', () => {
  // p ─60→ a ─60→ b ─60→ c, q agrees to control b, old held b until 2020, b and l hold each other.
  const doc = graph(
    [['p', 'a', 60], ['a', 'b', 60], ['b', 'c', 60], ['old', 'b', 30, { until: '2020-12-31' }], ['b', 'l', 40], ['l', 'b', 10]],
    { kinds: { p: 'person', q: 'person' }, agreements: [{ kind: 'control', parties: ['q'], subject: 'b' }] },
  );

  it.each([
    ['a control agreement is an edge: its party is drawn', ['b'], 1, ['a', 'b', 'c', 'l', 'q']],
    ['a holding not in force on the date is not', ['b'], 3, ['a', 'b', 'c', 'l', 'p', 'q']],
    ['owners upwards and holdings downwards, never sideways', ['c'], 1, ['b', 'c']],
    ['a loop is walked once', ['l'], 2, ['a', 'b', 'c', 'l', 'q']],
    ['depth 0 draws the focus alone', ['a'], 0, ['a']],
    ['several foci: the union of their neighbourhoods', ['p', 'c'], 1, ['a', 'b', 'c', 'p']],
    ['an unknown id is ignored', ['nobody', 'p'], 1, ['a', 'p']],
  ])('%s', (_what, ids, depth, want) => {
    expect(drawn(doc, ids, depth)).toEqual(want);
  });

  it('counts each drawn entity’s undrawn neighbours, per edge', () => {
    const r = focusSet(doc, { ids: ['a'], depth: 1 }, date);
    expect([...r.ids].sort()).toEqual(['a', 'b', 'p']);
    // b: holder q (agreement), holding c, l both ways (two edges); the ended holding from old does not count.
    expect(Object.fromEntries(r.hidden)).toEqual({ b: 4 });
    expect(r.holdingIdx.map((k) => doc.holdings[k].id)).toEqual(['h0', 'h1']);
  });

  it('within its limit draws the nearest first: the focus, then its owners level by level, then its holdings', () => {
    const star = graph([['o1', 'x', 20], ['o2', 'x', 20], ['o3', 'x', 20], ['g', 'o1', 50], ['x', 's1', 60], ['x', 's2', 60]]);
    expect(drawn(star, ['x'], 2, 4)).toEqual(['o1', 'o2', 'o3', 'x']);
    expect(drawn(star, ['x'], 2, 5)).toEqual(['g', 'o1', 'o2', 'o3', 'x']);
    expect(drawn(star, ['x'], 2)).toEqual(['g', 'o1', 'o2', 'o3', 's1', 's2', 'x']);
  });

  it('property: the same entities as a plain breadth-first walk over the holdings by id', () => {
    fc.assert(
      fc.property(docArb, fc.nat(8), fc.integer({ min: 0, max: 4 }), (doc, k, depth) => {
        const focus = doc.entities[k % doc.entities.length].id;
        const want = new Set([focus]);
        for (const [from, to] of [['subject', 'holder'], ['holder', 'subject']] as const) {
          let frontier = [focus];
          const seen = new Set(frontier);
          for (let level = 0; level < depth; level++) {
            frontier = doc.holdings.filter((h) => frontier.includes(h[from]) && !seen.has(h[to])).map((h) => h[to]);
            frontier = [...new Set(frontier)];
            frontier.forEach((id) => (seen.add(id), want.add(id)));
          }
        }
        const r = focusSet(doc, { ids: [focus], depth }, date);
        expect([...r.ids].sort()).toEqual([...want].sort());
        for (const id of r.ids) {
          const open = doc.holdings.filter((h) => (h.holder === id && !want.has(h.subject)) || (h.subject === id && !want.has(h.holder))).length;
          expect(r.hidden.get(id) ?? 0).toBe(open);
        }
      }),
      { numRuns: 200 },
    );
  });
});
