// Small things people hit: a new entity never lands on a node; a delete says what went with it.
import { describe, expect, it } from 'vitest';
import { freeSpot } from '../../src/draw/freeSpot';
import { deletionText } from '../../src/ui/workspace/deleteSelection';
import { apply, parseDoc } from '../../src/model';
import { readFileSync } from 'node:fs';

const W = 140, H = 60;
const clear = (p: { x: number; y: number }, taken: { x: number; y: number }[]) => taken.every((q) => Math.abs(q.x - p.x) >= W || Math.abs(q.y - p.y) >= H);

describe('freeSpot', () => {
  const view = { x1: -500, y1: -400, x2: 500, y2: 400 };
  it('goes beside the selection when there is room', () => {
    expect(freeSpot([{ x: 0, y: 0 }], W, H, view, { x: 0, y: 0 })).toEqual({ x: 156, y: 0 });
  });
  it('never lands on a node, even when the view centre is taken', () => {
    const taken = [{ x: 0, y: 0 }, { x: 156, y: 0 }, { x: -156, y: 0 }, { x: 0, y: 92 }];
    const p = freeSpot(taken, W, H, view, null);
    expect(clear(p, taken)).toBe(true);
    expect(p.x).toBeGreaterThanOrEqual(view.x1 + W / 2);
    expect(p.y).toBeLessThanOrEqual(view.y2 - H / 2);
  });
  it('with the selection boxed in, still finds a free spot', () => {
    const taken: { x: number; y: number }[] = [];
    for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) taken.push({ x: i * 156, y: j * 92 });
    expect(clear(freeSpot(taken, W, H, view, { x: 0, y: 0 }), taken)).toBe(true);
  });
});

describe('deletionText', () => {
  const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
  it('says NAVER went with its holdings (and its dependencies)', () => {
    const after = apply(ly, { type: 'removeEntity', id: 'naver' });
    const held = ly.holdings.filter((h) => h.holder === 'naver' || h.subject === 'naver').length;
    const deps = (ly.dependencies ?? []).filter((d) => d.provider === 'naver' || d.client === 'naver').length;
    expect(deletionText('NAVER Corporation', ly, after, 'entity')).toBe(`NAVER Corporation, ${held} holdings and ${deps} dependency deleted.`);
  });
  it('a lone holding is just itself', () => {
    const after = apply(ly, { type: 'removeHolding', id: ly.holdings[0].id });
    expect(deletionText('The holding', ly, after, 'holding')).toBe('The holding deleted.');
  });
});
