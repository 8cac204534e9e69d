// Large groups: holdings under a threshold hidden with their holders counted on the company, and collapsed
// subsidiaries hidden with their count on the collapsed company (canvas/prune.ts, through toElements).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { prune, subsidiaries } from '../../src/draw/prune';
import { toElements } from '../../src/draw/toElements';
import { graph } from './helpers';

const layers = { holdings: true, agreements: true, dependencies: true };
// top → mid 60%, mid → low 80%, mid → side 51%; x, y, z hold 2%, 3%, 4% of top; w holds 30% of top; y also 10% of side.
const doc = graph([['top', 'mid', 60], ['mid', 'low', 80], ['mid', 'side', 51], ['x', 'top', 2], ['y', 'top', 3], ['z', 'top', 4], ['w', 'top', 30], ['y', 'side', 10]]);
const a = analyze(doc, { rule: 'legal' });
const nodes = (els: ReturnType<typeof toElements>) => els.filter((e) => e.group === 'nodes').map((e) => e.data.ref).sort();

describe('the stake threshold', () => {
  it.each([
    [0, [], null],
    [3, ['x'], '+1 holder under 3%'],
    [5, ['x', 'z'], '+3 holders under 5%'],
  ])('from %s%%: hides %j, marks top "%s"', (minStake, hidden, note) => {
    const p = prune(doc, a, { minStake, collapsed: [] });
    expect([...p.hide].sort()).toEqual(hidden);
    expect(p.notes.get('top') ?? null).toBe(note);
  });
  it('keeps a small holder that holds more elsewhere, and draws the note under the name', () => {
    const p = prune(doc, a, { minStake: 5, collapsed: [] });
    const els = toElements(doc, a, { layers, ...p });
    expect(nodes(els)).toEqual(['low', 'mid', 'side', 'top', 'w', 'y']);
    expect(els.find((e) => e.data.ref === 'top')!.data.label).toBe('TOP\n+3 holders under 5%');
    expect(els.some((e) => e.group === 'edges' && e.data.source === 'e:y' && e.data.target === 'e:top')).toBe(false);
    expect(els.some((e) => e.group === 'edges' && e.data.source === 'e:y' && e.data.target === 'e:side')).toBe(true);
  });
});

describe('collapsing subsidiaries', () => {
  it('finds what a company controls, directly or not', () => {
    expect(subsidiaries(a.control, 'top').sort()).toEqual(['low', 'mid', 'side']);
    expect(subsidiaries(a.control, 'mid').sort()).toEqual(['low', 'side']);
    expect(subsidiaries(a.control, 'low')).toEqual([]);
  });
  it('hides them and counts them on the collapsed company', () => {
    const p = prune(doc, a, { minStake: 0, collapsed: ['mid'] });
    const els = toElements(doc, a, { layers, ...p });
    expect(nodes(els)).toEqual(['mid', 'top', 'w', 'x', 'y', 'z']);
    expect(els.find((e) => e.data.ref === 'mid')!.data.label).toBe('MID\n▸ 2 subsidiaries');
    expect(els.filter((e) => e.group === 'edges').every((e) => e.data.target !== 'e:low' && e.data.target !== 'e:side')).toBe(true);
  });
  it('a company collapsed inside another collapsed one goes with it', () => {
    const p = prune(doc, a, { minStake: 0, collapsed: ['mid', 'top'] });
    expect([...p.hide].sort()).toEqual(['low', 'mid', 'side']);
    expect([...p.notes]).toEqual([['top', '▸ 3 subsidiaries']]);
  });
});
