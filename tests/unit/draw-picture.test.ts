// The drawing kernel's picture (draw/picture.ts, geometry.ts) on hand-checkable graphs: parallel edges fan out as
// Cytoscape's bundled béziers (the pair runs from the smaller id; the i-th of n edges has its control point
// (0.5 − n/2 + i) × 60 from the middle of the border-to-border line, to its left), and the simulation marks are drawn.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { parseDoc } from '../../src/model';
import { FONT_FAMILY } from '../../src/draw/styles';
import { CJK_FONT_STACK } from '../../src/export/cjkFonts';
import { picture } from '../../src/draw/picture';
import { drawElements } from '../../src/draw/geometry';
import { approxMetrics } from '../../src/draw/text';
import type { ElementDef } from '../../src/draw/toElements';
import type { EdgeDraw, NodeDraw } from '../../src/draw/drawing';

const node = (id: string, x: number, y: number, classes = ''): ElementDef => ({ group: 'nodes', data: { id, ref: id, kind: 'entity', label: id, h: 40 }, classes: `entity k-company s-controlled ${classes}`.trim(), position: { x, y } });
const edge = (id: string, source: string, target: string, classes = 'holding'): ElementDef => ({ group: 'edges', data: { id, ref: id, kind: 'holding', label: '', source, target, width: 2 }, classes });
const ctrlOf = (draws: ReturnType<typeof drawElements>, id: string) => {
  const e = draws.find((d): d is EdgeDraw => d.group === 'edges' && d.id === id)!;
  return e.geometry.curved ? e.geometry.pts[1] : null;
};

describe('parallel edges', () => {
  it.each([
    ['one edge: straight', [edge('e1', 'a', 'b')], { e1: null }],
    ['two edges a→b: ±30 from the middle of the borders (y 20 and 180: y 100)', [edge('e1', 'a', 'b'), edge('e2', 'a', 'b')], { e1: { x: 30, y: 100 }, e2: { x: -30, y: 100 } }],
    ['a→b then b→a: the same sides as two a→b edges (the pair runs from a)', [edge('e1', 'a', 'b'), edge('e2', 'b', 'a')], { e1: { x: 30, y: 100 }, e2: { x: -30, y: 100 } }],
    ['three edges: the middle one straight, the others ±60', [edge('e1', 'a', 'b'), edge('e2', 'b', 'a'), edge('e3', 'a', 'b')], { e1: { x: 60, y: 100 }, e2: null, e3: { x: -60, y: 100 } }],
  ] as const)('%s', (_name, edges, want) => {
    const draws = drawElements([node('a', 0, 0), node('b', 0, 200), ...edges], new Map(), approxMetrics);
    for (const [id, p] of Object.entries(want)) {
      const c = ctrlOf(draws, id);
      if (p === null) expect(c).toBeNull();
      else expect({ x: Math.round(c!.x), y: Math.round(c!.y) }).toEqual(p);
    }
  });

  it('bends and labels alike whatever order the elements come in (the canvas and the exports hold different orders)', () => {
    const els = [node('a', 0, 0), node('b', 0, 200), { ...edge('e1', 'a', 'b'), data: { ...edge('e1', 'a', 'b').data, label: '10%' } }, { ...edge('e2', 'b', 'a'), data: { ...edge('e2', 'b', 'a').data, label: '20%' } }];
    const one = drawElements(els, new Map(), approxMetrics), other = drawElements([...els].reverse(), new Map(), approxMetrics);
    const byId = (d: ReturnType<typeof drawElements>) => Object.fromEntries(d.filter((x): x is EdgeDraw => x.group === 'edges').map((e) => [e.id, [e.geometry.pts, e.bend, e.label?.x, e.label?.y]]));
    expect(byId(other)).toEqual(byId(one));
    const bend = one.find((d): d is EdgeDraw => d.id === 'e2')!.bend!;
    expect([bend.distances, bend.weights]).toEqual([[-30], [0.5]]); // +30 to the left of a→b is −30 to the left of b→a
  });
});

describe('close nodes', () => {
  it('a control point that would fall inside a node moves out of it, as Cytoscape corrects it (tryToCorrectInvalidPoints)', () => {
    // b just below a: the pair's middle is 5 below a's border, ±30 across, inside neither box but against both.
    const draws = drawElements([node('a', 0, 0), node('b', 0, 50), edge('e1', 'a', 'b'), edge('e2', 'a', 'b')], new Map(), approxMetrics);
    const inBox = (p: { x: number; y: number }, cy: number) => Math.abs(p.x) < 70 && Math.abs(p.y - cy) < 20;
    for (const id of ['e1', 'e2']) {
      const e = draws.find((d): d is EdgeDraw => d.id === id)!, c = e.geometry.pts[1];
      expect(inBox(c, 0) || inBox(c, 50)).toBe(false);
      expect(Math.abs(c.x)).toBeGreaterThan(70); // pushed out sideways, past both boxes
      expect(e.geometry.pts.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    }
  });
});

describe('simulation marks', () => {
  it('a changed node is ringed, a faded one and its edge drawn faint and the edge without its label', () => {
    const els = [node('a', 0, 0, 'sim-changed'), node('b', 0, 200, 'lens-fade'), { ...edge('e1', 'a', 'b', 'holding lens-fade sim-changed'), data: { ...edge('e1', 'a', 'b').data, label: '50%' } }];
    const draws = drawElements(els, new Map(), approxMetrics);
    const a = draws.find((d): d is NodeDraw => d.id === 'a')!, b = draws.find((d): d is NodeDraw => d.id === 'b')!;
    const e = draws.find((d): d is EdgeDraw => d.id === 'e1')!;
    expect(a.outline).toMatchObject({ width: 5, color: '#f59e0b' });
    expect(b.fillOpacity).toBeCloseTo(0.18);
    expect(e.opacity).toBeCloseTo(0.18);
    expect(e.label).toBeNull();
    expect(e.underlay).toMatchObject({ color: '#f59e0b' });
  });
});

describe('picture()', () => {
  it('gives every placed entity a box with its wrapped name, every edge its line, the legend and the bounds', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: [{ id: 'p', name: 'Parent Holdings Corporation', position: { x: 0, y: 0 } }, { id: 's', name: 'Sub', position: { x: 0, y: 200 } }, { id: 'x', name: 'Unplaced' }],
      holdings: [{ id: 'h', holder: 'p', subject: 's', shares: 60 }],
    });
    const pic = picture(doc, analyze(doc), new Map([['p', { x: 0, y: 0 }], ['s', { x: 0, y: 200 }]]), { layers: { holdings: true, agreements: true, dependencies: true } }, approxMetrics);
    expect(pic.nodes.map((n) => n.id)).toEqual(['e:p', 'e:s']);
    expect(pic.nodes[0].label!.lines.length).toBeGreaterThan(1);
    expect(pic.edges.map((e) => e.label?.lines)).toEqual([['60%']]);
    expect(pic.legend.groups.map((g) => g.label)).toEqual(['Parent Holdings Corporation']);
    expect(pic.bounds.y).toBeLessThan(-20);
    expect(pic.bounds.y + pic.bounds.height).toBeGreaterThan(220);
  });
});

describe('fonts', () => {
  it("names are drawn in the system's fonts, then the shipped CJK ones (export/cjkFonts.ts)", () => {
    expect(FONT_FAMILY).toContain(CJK_FONT_STACK);
  });
});
