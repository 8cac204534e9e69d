// Callouts carry the main changes of a diff to the canvas, at the entities they concern.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc, parseScenario } from '../../src/model';
import { analyze, diffAnalyses } from '../../src/analysis';
import { callouts } from '../../src/draw/callouts';
import { placeCallouts } from '../../src/draw/calloutPlace';
import { drawElements } from '../../src/draw/geometry';
import { positionsFor } from '../../src/draw/layout';
import { changeMarks, decorate } from '../../src/draw/simMarks';
import { toElements } from '../../src/draw/toElements';
import type { NodeDraw } from '../../src/draw/drawing';
import { approxMetrics } from '../../src/draw/text';

const read = (rel: string) => readFileSync(new URL(`../../data/${rel}`, import.meta.url), 'utf8');
const ly = parseDoc(read('line-yahoo.ownership.json'));
const names = new Map(ly.entities.map((e) => [e.id, e.name]));

describe('callouts', () => {
  it('SoftBank acquires majority (Legal): at A Holdings, the joint game and NAVER’s veto end, SoftBank Corp.’s power goes to 100%', () => {
    const after = apply(ly, { type: 'batch', ops: parseScenario(JSON.parse(read('scenarios/softbank-majority.json')), 'x').ops });
    const c = callouts(diffAnalyses(analyze(ly), analyze(after), { lookThrough: false }), (id) => names.get(id) ?? id);
    expect(c).toEqual([
      {
        entity: 'ahd',
        title: 'A Holdings Corporation',
        lines: ['Joint control (votes) ends', 'NAVER Corporation: veto ends', 'SoftBank Corp.: power 50% → 100%', 'NAVER Corporation: power 50% → 0%'],
      },
    ]);
  });
  it('under Votes only the control change comes first', () => {
    const after = apply(ly, { type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 25 });
    const c = callouts(diffAnalyses(analyze(ly, { rule: 'votes' }), analyze(after, { rule: 'votes' }), { lookThrough: false }), (id) => names.get(id) ?? id);
    expect(c[0]).toMatchObject({ entity: 'ahd', lines: ['Now controlled by SoftBank Corp.', 'Joint control (votes) ends', 'NAVER Corporation: veto ends', 'SoftBank Corp.: power 50% → 100%'] });
    expect(c.length).toBeLessThanOrEqual(5);
  });
});

describe('where callouts go (calloutPlace.ts)', () => {
  it('SoftBank acquires majority under Votes only: none over a node (its change outline included) or another callout, inside the drawing, the same whatever the elements\' order', async () => {
    const after = apply(ly, { type: 'batch', ops: parseScenario(JSON.parse(read('scenarios/softbank-majority.json')), 'x').ops });
    const [a0, a1] = [analyze(ly, { rule: 'votes' }), analyze(after, { rule: 'votes' })];
    const items = callouts(diffAnalyses(a0, a1, { lookThrough: false }), (id) => names.get(id) ?? id);
    const elements = decorate(toElements(after, a1, { layers: { holdings: true, agreements: true, dependencies: true } }), { marks: changeMarks(a0, a1), focus: [], lens: null });
    const positions = await positionsFor(after, elements, { width: 734, height: 560 });
    const draws = drawElements(elements, positions, approxMetrics);
    const placed = placeCallouts(items, draws, approxMetrics);
    expect(placed.map((c) => c.entity)).toContain('ahd');
    expect(placed.length).toBe(items.length); // LY has room for every one
    const overlap = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const boxes = placed.map((c) => ({ x1: c.x, y1: c.y, x2: c.x + c.w, y2: c.y + c.h }));
    const nodes = draws.filter((d): d is NodeDraw => d.group === 'nodes').map((n) => {
      const m = n.border.width / 2 + (n.outline ? n.outline.offset + n.outline.width : 0);
      return { x1: n.x - n.w / 2 - m, y1: n.y - n.h / 2 - m, x2: n.x + n.w / 2 + m, y2: n.y + n.h / 2 + m };
    });
    const all = { x1: Math.min(...nodes.map((n) => n.x1)) - 30, y1: Math.min(...nodes.map((n) => n.y1)) - 30, x2: Math.max(...nodes.map((n) => n.x2)) + 30, y2: Math.max(...nodes.map((n) => n.y2)) + 30 };
    boxes.forEach((b, i) => {
      expect(b.x1 >= all.x1 && b.y1 >= all.y1 && b.x2 <= all.x2 && b.y2 <= all.y2).toBe(true);
      expect(nodes.filter((n) => overlap(b, n))).toEqual([]);
      expect(boxes.filter((o, j) => j !== i && overlap(b, o))).toEqual([]);
    });
    const again = placeCallouts(items, drawElements([...elements].reverse(), positions, approxMetrics), approxMetrics);
    expect(again).toEqual(placed);
  }, 30_000);
});
