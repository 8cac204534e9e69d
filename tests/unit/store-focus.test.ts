// Focus mode: which entities are drawn around the focus, how many neighbours each leaves hidden, the default focus.
import { describe, expect, it } from 'vitest';
import { apply, generateGraph } from '../../src/model';
import { analyze } from '../../src/analysis';
import { toElements } from '../../src/draw/toElements';
import { defaultFocus, effectiveFocus, focusPositions, focusSet, needsFocus } from '../../src/analysis/focus';
import { graph } from './helpers';

describe('focus mode', () => {
  const doc = graph([['p', 'a', 60], ['a', 'b', 60], ['b', 'c', 60], ['c', 'd', 60], ['q', 'b', 10], ['b', 'x', 5]], { kinds: { p: 'person', q: 'person' } });
  const date = '2024-01-01';

  it.each([
    [['b'], 1, ['a', 'b', 'c', 'q', 'x'], { a: 1, c: 1 }],
    [['b'], 2, ['a', 'b', 'c', 'd', 'p', 'q', 'x'], {}],
    [['a', 'd'], 1, ['a', 'b', 'c', 'd', 'p'], { b: 2 }],
  ])('around %j at depth %i', (ids, depth, drawn, hidden) => {
    const r = focusSet(doc, { ids, depth }, date);
    expect([...r.ids].sort()).toEqual(drawn);
    expect(Object.fromEntries(r.hidden)).toEqual(hidden);
  });

  it('opens on the company with the most holdings (then holders), and only for huge graphs', () => {
    expect(defaultFocus(doc, date)).toEqual({ ids: ['b'], depth: 2 });
    // w is widely held but holds one company; h holds two: the group head h is the better first view.
    const crowd = graph([['p1', 'w', 10], ['p2', 'w', 10], ['p3', 'w', 10], ['p4', 'w', 10], ['w', 'y', 60], ['p1', 'h', 60], ['h', 'y2', 60], ['h', 'y3', 60]], { kinds: { p1: 'person', p2: 'person', p3: 'person', p4: 'person' } });
    expect(defaultFocus(crowd, date).ids).toEqual(['h']);
    expect(needsFocus(doc)).toBe(false);
    expect(effectiveFocus(doc, null, date)).toBeNull();
    const big = generateGraph({ entities: 6000, seed: 2 });
    expect(needsFocus(big)).toBe(true);
    const f = effectiveFocus(big, null, '2025-01-01')!;
    expect(big.entities.find((e) => e.id === f.ids[0])!.kind).toBe('company');
  });

  it('stays within its limit and lays out every drawn entity', () => {
    const big = generateGraph({ entities: 5000, seed: 4 });
    const f = defaultFocus(big, '2025-01-01');
    const r = focusSet(big, { ...f, depth: 6 }, '2025-01-01', 300);
    expect(r.ids.size).toBeLessThanOrEqual(300);
    const pos = focusPositions(big, r, '2025-01-01');
    expect([...pos.keys()].sort()).toEqual([...r.ids].sort());
  });

  it('keeps the focused layout through a stake edit: nodes do not move', () => {
    const big = generateGraph({ entities: 6000, seed: 4 });
    const r = focusSet(big, defaultFocus(big, '2025-01-01'), '2025-01-01');
    const before = focusPositions(big, r, '2025-01-01');
    const h = big.holdings.find((x) => r.ids.has(x.holder) && r.ids.has(x.subject))!;
    const edited = apply(big, { type: 'setHolding', holding: { ...h, shares: h.shares / 2 } });
    expect(focusPositions(edited, focusSet(edited, defaultFocus(edited, '2025-01-01'), '2025-01-01'), '2025-01-01')).toBe(before);
  });

  it('draws exactly what a full scan would, from the focus indices alone', () => {
    const big = generateGraph({ entities: 6000, seed: 8 });
    const a = analyze(big);
    const f = focusSet(big, { ...defaultFocus(big, '2025-01-01'), depth: 3 }, '2025-01-01');
    const layers = { holdings: true, agreements: true, dependencies: true };
    const fast = toElements(big, a, { layers, only: f.ids, entityIdx: f.entityIdx, holdingIdx: f.holdingIdx, hidden: f.hidden });
    const scan = toElements(big, a, { layers, only: f.ids, hidden: f.hidden });
    expect(fast.length).toBeGreaterThan(10);
    expect(fast.map((e) => e.data.id).sort()).toEqual(scan.map((e) => e.data.id).sort());
  });
});

describe('focus adjacency across edits', () => {
  it('follows an edit that adds an edge, and reuses edges when only a figure changes', () => {
    const doc = graph([['p', 'a', 60], ['a', 'b', 60], ['q', 'c', 50]], { kinds: { p: 'person', q: 'person' } });
    const date = '2024-01-01';
    expect([...focusSet(doc, { ids: ['b'], depth: 1 }, date).ids].sort()).toEqual(['a', 'b']);
    const figure = apply(doc, { type: 'setHolding', holding: { id: 'h1', holder: 'a', subject: 'b', shares: 30 } });
    expect([...focusSet(figure, { ids: ['b'], depth: 1 }, date).ids].sort()).toEqual(['a', 'b']);
    const edge = apply(figure, { type: 'setHolding', holding: { id: 'h9', holder: 'c', subject: 'b', shares: 10 } });
    expect([...focusSet(edge, { ids: ['b'], depth: 1 }, date).ids].sort()).toEqual(['a', 'b', 'c']);
    const moved = apply(edge, { type: 'setHolding', holding: { id: 'h9', holder: 'q', subject: 'b', shares: 10 } });
    expect([...focusSet(moved, { ids: ['b'], depth: 1 }, date).ids].sort()).toEqual(['a', 'b', 'q']);
  });
});
