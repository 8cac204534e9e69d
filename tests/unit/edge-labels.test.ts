// Edge labels: what each edge says (parallel dependencies share one label), the ways a label may be written, and where
// it goes — at a free spot along its own edge, clear of every node and every other label (hand-built cases and
// properties on random drawings) — and the Node-side export of LY laid out the same way.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { MAX_LAID_OUT, labelShapes, labelRank, layoutEdgeLabels, type EdgeLabelInput } from '../../src/canvas/edgeLabelLayout';
import { edgeTexts, mergeLabels } from '../../src/canvas/edgeTexts';
import { boxAt, candidates, overlaps, placeLabels, pointAt, samplePath, segmentHitsBox, type Box, type LabelItem } from '../../src/canvas/labelPlace';
import { EDGE_FONT } from '../../src/canvas/stylesheet';
import { toElements } from '../../src/canvas/toElements';
import { drawElements } from '../../src/export/drawElements';
import type { EdgeDraw, NodeDraw } from '../../src/export/exportSvgGraph';
import { approxMetrics, labelBox, type LabelFont } from '../../src/export/exportSvgLabel';
import { positionsFor } from '../../src/export/layoutDoc';
import { parseDoc } from '../../src/model';

const font: LabelFont = { style: 'normal', weight: 'normal', size: EDGE_FONT, family: 'sans-serif' };
const width = (s: string) => approxMetrics.width(s, font);

describe('what an edge says', () => {
  it.each([
    [['IT operations · cross-border', 'authentication · cross-border'], 'IT operations, authentication · cross-border'],
    [['IT operations · co-owner · cross-border', 'authentication · co-owner · cross-border'], 'IT operations, authentication · co-owner · cross-border'],
    [['outsourcing', 'hosting'], 'outsourcing, hosting'],
    [['outsourcing', 'outsourcing'], 'outsourcing'],
    [['outsourcing · cross-border', 'hosting'], 'outsourcing · cross-border; hosting'],
  ])('%j → %s', (labels, merged) => {
    expect(mergeLabels(labels)).toBe(merged);
  });

  it('parallel dependencies (one provider, one client) share one label on the first; other edges keep their own', () => {
    const e = (id: string, source: string, target: string, kind: string, label: string) => ({ id, source, target, kind, label });
    const out = edgeTexts([
      e('d1', 'p', 'c', 'dependency', 'IT operations · cross-border'),
      e('h1', 'p', 'c', 'holding', '50%'),
      e('d2', 'p', 'c', 'dependency', 'authentication · cross-border'),
      e('d3', 'c', 'p', 'dependency', 'outsourcing'),
      e('a1', 'p', 'c', 'agreement', 'control'),
    ]);
    expect(out.get('d1')).toEqual({ text: 'IT operations, authentication · cross-border', members: ['d1', 'd2'] });
    expect(out.get('d2')).toEqual({ text: '', members: [] });
    expect(out.get('d3')).toEqual({ text: 'outsourcing', members: ['d3'] }); // the other direction is another pair
    expect(out.get('h1')!.text).toBe('50%');
    expect(out.get('a1')!.text).toBe('control');
  });

  it('a label may be written on one line or broken in two, at its " · " when that is near the middle', () => {
    expect(labelShapes('50%', width)).toEqual(['50%']);
    expect(labelShapes('authentication · cross-border', width)).toEqual(['authentication · cross-border', 'authentication\ncross-border']);
    expect(labelShapes('40.47% (40.68% votes)', width)).toEqual(['40.47% (40.68% votes)', '40.47%\n(40.68% votes)']); // not "(40.68%" / "votes)"
    expect(labelShapes('joint control', width)).toEqual(['joint control', 'joint\ncontrol']);
    expect(labelShapes('IT operations, authentication · co-owner · cross-border', width)[1]).toBe('IT operations, authentication\nco-owner · cross-border');
  });

  it('ranks stakes that confer control first, then stakes, agreements and relations, then services', () => {
    expect([labelRank('holding', 'holding conferring'), labelRank('holding', 'holding'), labelRank('agreement', 'agreement'), labelRank('relation', 'relation'), labelRank('dependency', 'dependency x-co-owner')]).toEqual([0, 1, 2, 2, 3]);
  });
});

describe('geometry', () => {
  it('keeps a straight edge as it is and samples a quadratic one along its curve', () => {
    expect(samplePath([{ x: 0, y: 0 }, { x: 100, y: 0 }], false, 4)).toEqual([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    const curve = samplePath([{ x: 0, y: 0 }, { x: 50, y: 100 }, { x: 100, y: 0 }], true, 4);
    expect(curve[0]).toEqual({ x: 0, y: 0 });
    expect(curve[2]).toEqual({ x: 50, y: 50 }); // the middle of a quadratic lies halfway to its control point
    expect(curve[4]).toEqual({ x: 100, y: 0 });
  });

  it('finds the point at a fraction of a polyline and the direction there', () => {
    const path = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }];
    expect(pointAt(path, 0.25)).toEqual({ p: { x: 50, y: 0 }, dir: { x: 1, y: 0 } });
    expect(pointAt(path, 0.75)).toEqual({ p: { x: 100, y: 50 }, dir: { x: 0, y: 1 } });
  });

  it.each([
    [{ x: -10, y: 5 }, { x: 30, y: 5 }, true],
    [{ x: -10, y: -10 }, { x: 30, y: 30 }, true],
    [{ x: -10, y: 20 }, { x: 30, y: 20 }, false],
    [{ x: 5, y: 5 }, { x: 6, y: 6 }, true], // inside
    [{ x: 15, y: -5 }, { x: 25, y: 5 }, false], // passes the corner outside
  ])('segment %j–%j through the box 0..10: %s', (a, b, hit) => {
    expect(segmentHitsBox(a, b, { x1: 0, y1: 0, x2: 10, y2: 10 })).toBe(hit);
  });
});

const line = (x1: number, y1: number, x2: number, y2: number) => [{ x: x1, y: y1 }, { x: x2, y: y2 }];
const item = (id: string, path: LabelItem['path'], w = 40, h = 20, rank = 1): LabelItem => ({ id, path, shapes: [{ w, h }], rank });

describe('placing labels', () => {
  it('a label with room goes on its line, at the middle', () => {
    expect(placeLabels([item('a', line(0, 0, 200, 0))], []).get('a')).toEqual({ x: 100, y: 0, shape: 0, beside: false, clear: true });
  });

  it('a node over the middle moves the label along its edge, clear of the node', () => {
    const node = { x1: 80, y1: -30, x2: 120, y2: 30 };
    const spot = placeLabels([item('a', line(0, 0, 300, 0))], [node]).get('a')!;
    expect(spot.y).toBe(0);
    expect(overlaps(boxAt(spot, 40, 20), node)).toBe(false);
    expect(Math.abs(spot.x - 150)).toBeLessThan(60); // still near the middle: the nearest free fraction
  });

  it('two edges crossing at their middles: the second label moves off the first', () => {
    const out = placeLabels([item('a', line(0, 100, 200, 100)), item('b', line(100, 0, 100, 200))], []);
    const a = out.get('a')!, b = out.get('b')!;
    expect(overlaps(boxAt(a, 40, 20), boxAt(b, 40, 20))).toBe(false);
  });

  it('where only one label fits, the more important one gets the spot; the other is kept for hover, clear of nodes', () => {
    // Two parallel edges through a gap between two nodes just wide enough for one label.
    const nodes: Box[] = [{ x1: -500, y1: -100, x2: 500, y2: -11 }, { x1: -500, y1: 11, x2: 500, y2: 100 }, { x1: -500, y1: -11, x2: -21, y2: 11 }, { x1: 21, y1: -11, x2: 500, y2: 11 }];
    const path = line(0, -100, 0, 100);
    const out = placeLabels([item('service', path, 40, 20, 3), item('stake', path, 40, 20, 0)], nodes);
    expect(out.get('stake')).toMatchObject({ x: 0, y: 0, clear: true });
    expect(out.get('service')).toMatchObject({ x: 0, y: 0, clear: false });
    // With no spot clear of nodes at all, there is nowhere to show it.
    expect(placeLabels([item('a', path, 60, 30)], nodes).get('a')).toBeNull();
  });

  it('a label blocked by one that can move elsewhere gets the spot, and the other moves', () => {
    // "short" has one free spot (the gap at its middle); "long" is placed first there (lower rank) but can move.
    const nodes: Box[] = [{ x1: -200, y1: -12, x2: 72, y2: -70 }, { x1: -200, y1: 12, x2: 72, y2: 70 }].map((b) => ({ x1: b.x1, y1: Math.min(b.y1, b.y2), x2: b.x2, y2: Math.max(b.y1, b.y2) }));
    const out = placeLabels([item('long', line(40, 0, 400, 0), 40, 20, 0), item('short', line(40, -200, 40, 200), 40, 20, 1)], nodes);
    const long = out.get('long')!, short = out.get('short')!;
    expect(short).not.toBeNull();
    expect(long).not.toBeNull();
    expect(overlaps(boxAt(long, 40, 20), boxAt(short, 40, 20))).toBe(false);
  });

  it('beside its line, a label never has another line running through it', () => {
    // A vertical edge whose middle is taken by a node; a second edge runs close on its right.
    const items = [item('a', line(0, -100, 0, 100), 60, 20)];
    const nodes = [{ x1: -200, y1: -200, x2: 200, y2: -40 }, { x1: -200, y1: 40, x2: 200, y2: 200 }];
    const other = { owner: 'b', path: line(40, -100, 40, 100) };
    const spot = placeLabels(items, nodes, [other]).get('a')!;
    expect(spot).not.toBeNull();
    const box = boxAt(spot, 60, 20);
    expect(spot.beside && segmentHitsBox(other.path[0], other.path[1], box)).toBe(false);
  });

  it('the candidate spots all touch the edge', () => {
    for (const path of [line(0, 0, 200, 30), line(0, 0, 30, 200), line(0, 0, 200, 200)]) {
      for (const c of candidates(item('a', path, 60, 20))) {
        const grown = { x1: c.box.x1 - 1.01, y1: c.box.y1 - 1.01, x2: c.box.x2 + 1.01, y2: c.box.y2 + 1.01 };
        expect(segmentHitsBox(path[0], path[1], grown)).toBe(true);
      }
    }
  });
});

/** A random drawing: nodes on a coarse grid (never overlapping), edges between them, labels of random widths. */
const drawing = fc
  .record({
    cells: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 14, selector: ([a, b]) => `${a},${b}` }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 20, max: 160 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 24 }),
  })
  .map(({ cells, edges }) => {
    const centres = cells.map(([i, j]) => ({ x: i * 200, y: j * 110 }));
    const nodes = centres.map((c) => ({ x1: c.x - 70, y1: c.y - 20, x2: c.x + 70, y2: c.y + 20 }));
    const items: LabelItem[] = edges
      .map(([s, t, w, rank], k) => ({ s: centres[s % centres.length], t: centres[t % centres.length], w, rank, k }))
      .filter((e) => e.s !== e.t)
      .map((e) => ({ id: `e${e.k}`, path: [e.s, e.t], shapes: [{ w: e.w, h: 24 }, { w: e.w / 2 + 10, h: 42 }], rank: e.rank }));
    return { nodes, items };
  });

describe('placing labels: properties', () => {
  it('no placed label overlaps a node or another label, and each touches its own edge', () => {
    fc.assert(
      fc.property(drawing, ({ nodes, items }) => {
        const out = placeLabels(items, nodes, items.map((i) => ({ owner: i.id, path: i.path })));
        const boxes: Box[] = [];
        // Faults are collected and checked once: an expect() per pair cost seconds, and timed out on a loaded machine.
        const faults: string[] = [];
        for (const it of items) {
          const s = out.get(it.id);
          if (!s) continue;
          const { w, h } = it.shapes[s.shape];
          const box = boxAt(s, w, h);
          if (nodes.some((n) => overlaps(box, n))) faults.push(`${it.id} over a node`);
          if (!s.clear) continue; // kept for hover: it may lie over other labels
          if (boxes.some((b) => overlaps(box, b))) faults.push(`${it.id} over a label`);
          boxes.push(box);
          if (!segmentHitsBox(it.path[0], it.path[1], { x1: box.x1 - 1.01, y1: box.y1 - 1.01, x2: box.x2 + 1.01, y2: box.y2 + 1.01 })) faults.push(`${it.id} off its edge`);
        }
        expect(faults).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the labels', () => {
    fc.assert(
      fc.property(drawing, ({ nodes, items }) => {
        const a = placeLabels(items, nodes);
        const b = placeLabels([...items].reverse(), nodes);
        for (const it of items) expect(b.get(it.id)).toEqual(a.get(it.id));
      }),
      { numRuns: 80 },
    );
  });
});

describe('laying out an edge’s label', () => {
  const input = (id: string, source: string, target: string, kind: string, label: string, path: EdgeLabelInput['path']): EdgeLabelInput => ({
    id, source, target, kind, label, path, mid: pointAt(path, 0.5).p, font, lineHeight: 1, maxWidth: Infinity, padding: 2, rank: labelRank(kind, kind), z: 0,
  });

  it('gives the offset from the edge’s midpoint, the merged text to the first of a group and none to the rest', () => {
    const out = layoutEdgeLabels(
      [
        input('d1', 'p', 'c', 'dependency', 'IT operations · cross-border', line(-30, 0, -30, 600)),
        input('d2', 'p', 'c', 'dependency', 'authentication · cross-border', line(30, 0, 30, 600)),
      ],
      [],
      approxMetrics,
    );
    expect(out.get('d1')).toEqual({ text: 'IT operations, authentication · cross-border', dx: 30, dy: 0 }); // between the two lines
    expect(out.get('d2')).toEqual({ text: '', dx: 0, dy: 0 });
  });
});

describe('the Node-side export lays labels out as the canvas does', () => {
  it('LY: edge labels at the canvas size and wording, none over another or over a node', async () => {
    const doc = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
    const elements = toElements(doc, analyze(doc), { layers: { holdings: true, agreements: true, dependencies: true } });
    const draws = drawElements(elements, await positionsFor(doc, elements), approxMetrics);
    const edges = draws.filter((d): d is EdgeDraw => d.group === 'edges' && !!d.label);
    const nodes = draws.filter((d): d is NodeDraw => d.group === 'nodes').map((n) => ({ x1: n.x - n.w / 2, y1: n.y - n.h / 2, x2: n.x + n.w / 2, y2: n.y + n.h / 2 }));
    const texts = edgeTexts(elements.filter((e) => e.group === 'edges').map((e) => ({ id: e.data.id, source: e.data.source!, target: e.data.target!, kind: e.data.kind, label: e.data.label })));
    const boxes: Box[] = [];
    for (const e of edges) {
      const l = e.label!;
      expect(l.font.size).toBe(EDGE_FONT);
      const written = labelShapes(texts.get(e.id)!.text, (s) => approxMetrics.width(s, l.font));
      expect(written).toContain(l.lines.join('\n'));
      const b = labelBox(l, approxMetrics);
      const box = { x1: b.x - 2, y1: b.y - 2, x2: b.x + b.w + 2, y2: b.y + b.h + 2 };
      for (const n of nodes) expect([e.id, overlaps(box, n)]).toEqual([e.id, false]);
      for (const o of boxes) expect([e.id, overlaps(box, o)]).toEqual([e.id, false]);
      boxes.push(box);
    }
    // Every stake that confers control is labelled, and nearly every other one (a label with no room waits for hover).
    const labelled = new Set(edges.map((e) => e.id));
    const holdings = elements.filter((e) => e.data.kind === 'holding');
    for (const h of holdings.filter((e) => /\bconferring\b/.test(e.classes))) expect([h.data.id, labelled.has(h.data.id)]).toEqual([h.data.id, true]);
    expect(holdings.filter((h) => labelled.has(h.data.id)).length).toBeGreaterThanOrEqual(0.9 * holdings.length);
  }, 30_000); // the layout engine's first start in this process: about 2.5 s idle, several times that under load
});

describe('drawings too big to lay out', () => {
  it(`past ${MAX_LAID_OUT} labels, each is drawn as it is at its edge's middle`, () => {
    const many = Array.from({ length: MAX_LAID_OUT + 1 }, (_, i): EdgeLabelInput => ({
      id: `d${i}`, source: 'p', target: 'c', kind: 'dependency', label: `service ${i}`, path: line(0, i, 100, i), mid: { x: 50, y: i },
      font, lineHeight: 1, maxWidth: Infinity, padding: 2, rank: 3, z: 0,
    }));
    const out = layoutEdgeLabels(many, [], approxMetrics);
    expect(out.get('d1')).toEqual({ text: 'service 1', dx: 0, dy: 0 }); // not merged with d0, not moved
    expect(out.size).toBe(many.length);
  });
});

describe('a drawing past the full search (the quicker one)', () => {
  it('400 labels on a grid of nodes: still none over a node or another label, most placed', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const side = 16, centre = (i: number) => ({ x: (i % side) * 200, y: Math.floor(i / side) * 110 });
    const nodes = Array.from({ length: side * side }, (_, i) => centre(i)).map((c) => ({ x1: c.x - 70, y1: c.y - 20, x2: c.x + 70, y2: c.y + 20 }));
    const items: LabelItem[] = [];
    for (let k = 0; items.length < 400; k++) {
      const a = Math.floor(rnd() * side * side), b = Math.min(side * side - 1, Math.max(0, a + Math.floor(rnd() * 5) - 2 + (Math.floor(rnd() * 5) - 2) * side));
      if (a !== b) items.push({ id: `e${k}`, path: [centre(a), centre(b)], shapes: [{ w: 50 + rnd() * 60, h: 24 }], rank: k % 4 });
    }
    const out = placeLabels(items, nodes, items.map((i) => ({ owner: i.id, path: i.path })));
    const boxes: Box[] = [];
    const faults: string[] = [];
    for (const it of items) {
      const s = out.get(it.id);
      if (!s?.clear) continue;
      const box = boxAt(s, it.shapes[0].w, it.shapes[0].h);
      // One expect for all: an expect() per pair (120,000 of them) took 3.5 s of this test's 3.8.
      if (nodes.some((n) => overlaps(box, n))) faults.push(`${it.id} over a node`);
      if (boxes.some((b) => overlaps(box, b))) faults.push(`${it.id} over a label`);
      boxes.push(box);
    }
    expect(faults).toEqual([]);
    expect(boxes.length).toBeGreaterThan(0.6 * items.length);
  });
});
