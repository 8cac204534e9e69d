// The edge layer of big graphs: which edges stay Cytoscape elements, and bulk-drawn lines that look like the edges
// Cytoscape would draw (the same colours as the stylesheet gives the same classes, so the legend stays true).
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { batchLines, drawBatches, liveEdges, MAX_LIVE, strokeOf } from '../../src/canvas/edgeLines';
import { BIG_DETAIL_ZOOM, stylesheet } from '../../src/canvas/stylesheet';
import type { ElementDef } from '../../src/draw/toElements';

const node = (id: string, x: number, y: number): ElementDef => ({ group: 'nodes', data: { id, ref: id, kind: 'entity', label: id }, classes: 'entity', position: { x, y } });
const edge = (id: string, source: string, target: string, classes = 'holding', kind: ElementDef['data']['kind'] = 'holding', ref = id): ElementDef => ({
  group: 'edges',
  data: { id, ref, kind, label: '', source, target, width: 4 },
  classes,
});

// Nodes on a line: n0 at x = 0, n1 at 1000, … n9 at 9000.
const nodes = Array.from({ length: 10 }, (_, i) => node(`n${i}`, i * 1000, 0));
const at = new Map(nodes.map((n) => [n.data.id, n.position!]));
const pos = (id: string) => at.get(id);
const edges = nodes.slice(1).map((n, i) => edge(`h${i}`, `n${i}`, n.data.id));
const viewAround = (x1: number, x2: number, zoom: number) => ({ zoom, extent: { x1, x2, y1: -100, y2: 100 } });

describe('liveEdges', () => {
  it('keeps no edge as an element when zoomed out, except the selected and the marked ones', () => {
    const marked = [...edges, edge('d1', 'n0', 'n5', 'dependency x-co-owner lens-dep', 'dependency')];
    expect(liveEdges(marked, pos, viewAround(0, 9000, 0.05), null)).toEqual(new Set(['d1']));
    expect(liveEdges(marked, pos, viewAround(0, 9000, 0.05), { kind: 'holding', id: 'h3' })).toEqual(new Set(['h3', 'd1']));
    // A selected holding is matched by kind as well as id.
    expect(liveEdges(marked, pos, viewAround(0, 9000, 0.05), { kind: 'entity', id: 'h3' })).toEqual(new Set(['d1']));
  });

  it('at reading zoom, keeps the edges with an end in the viewport widened by half its size', () => {
    // Viewport x 4000..6000, widened to 3000..7000: nodes n3..n7; edges h2 (n2→n3) … h7 (n7→n8).
    expect(liveEdges(edges, pos, viewAround(4000, 6000, BIG_DETAIL_ZOOM), null)).toEqual(new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'h7']));
    expect(liveEdges(edges, pos, viewAround(4000, 6000, BIG_DETAIL_ZOOM * 0.99), null).size).toBe(0);
  });

  it('holds at most MAX_LIVE edges, those nearest the centre', () => {
    const many = Array.from({ length: MAX_LIVE + 50 }, (_, i) => edge(`m${i}`, 'n0', i < 50 ? 'n9' : 'n5'));
    const live = liveEdges(many, pos, viewAround(0, 9000, 1), null);
    expect(live.size).toBe(MAX_LIVE);
    // n5 is nearer the centre (4500) than n0 or n9: the edges to n9 (m0..m49) are the ones left out.
    expect([...live].some((id) => Number(id.slice(1)) < 50)).toBe(false);
  });
});

describe('strokeOf matches the big-graph stylesheet', () => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet({ big: true }) as never });
  cy.add([node('a', 0, 0), node('b', 0, 100)] as never);
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
  const cases: [string, ElementDef['data']['kind']][] = [
    ['holding', 'holding'],
    ['holding conferring', 'holding'],
    ['holding estimated', 'holding'],
    ['agreement ag-control', 'agreement'],
    ['dependency x-intra-group', 'dependency'],
    ['dependency x-co-owner cross-border', 'dependency'],
    ['dependency x-third-party', 'dependency'],
  ];
  for (const [classes, kind] of cases) {
    it(`colours "${classes}" as Cytoscape does`, () => {
      const e = edge(`e-${classes}`, 'a', 'b', classes, kind);
      const el = cy.add(e as never);
      expect(rgb(strokeOf(e).color)).toBe(el.style('line-color'));
      expect(strokeOf(e).dash.length > 0).toBe(el.style('line-style') !== 'solid');
      expect(strokeOf(e).alpha).toBeCloseTo(Number(el.style('line-opacity')));
    });
  }

  it('uses the stake width for holdings and fades what the lens fades', () => {
    expect(strokeOf(edge('x', 'a', 'b')).width).toBe(4);
    expect(strokeOf(edge('x', 'a', 'b', 'holding conferring lens-fade')).alpha).toBeCloseTo(0.18);
  });
});

describe('batchLines and drawBatches', () => {
  /** A context that records the segments of each stroked path and the stroke it used. */
  function recorder() {
    const strokes: { color: string; alpha: number; segs: number[][] }[] = [];
    let segs: number[][] = [];
    let from: number[] = [];
    const ctx = {
      strokeStyle: '', globalAlpha: 1, lineWidth: 1,
      beginPath: () => (segs = []),
      moveTo: (x: number, y: number) => (from = [x, y]),
      lineTo: (x: number, y: number) => segs.push([...from, x, y]),
      setLineDash: () => {},
      stroke: () => strokes.push({ color: ctx.strokeStyle, alpha: ctx.globalAlpha, segs }),
    };
    return { ctx, strokes };
  }

  it('draws every edge but the live ones, centre to centre, one path per stroke, faint ones first', () => {
    const list = [edge('h0', 'n0', 'n1', 'holding conferring'), edge('h1', 'n1', 'n2'), edge('h2', 'n2', 'n3'), edge('h3', 'n3', 'n4')];
    const { ctx, strokes } = recorder();
    drawBatches(ctx as unknown as CanvasRenderingContext2D, batchLines(list, new Set(['h2'])), pos);
    expect(strokes.map((s) => s.segs.length)).toEqual([2, 1]);
    expect(strokes[0].alpha).toBeLessThan(strokes[1].alpha);
    expect(strokes[0].segs).toEqual([[1000, 0, 2000, 0], [3000, 0, 4000, 0]]);
    expect(strokes[1].segs).toEqual([[0, 0, 1000, 0]]);
  });

  it('skips edges whose ends are not drawn', () => {
    const { ctx, strokes } = recorder();
    drawBatches(ctx as unknown as CanvasRenderingContext2D, batchLines([edge('x', 'n0', 'gone')], new Set()), pos);
    expect(strokes.map((s) => s.segs)).toEqual([[]]);
  });
});
