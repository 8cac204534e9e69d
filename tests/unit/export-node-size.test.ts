// Export draws nodes the size the canvas draws them: one sizing function of the wrapped name (labelHeight) for the
// canvas's data(h) and the Node-side export, names fitting their boxes, and the loose entities (regulators) laid out
// beside what they act on, as the app lays them out, not in a far row.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { labelHeight } from '../../src/draw/labels';
import { KIND_STYLES, NODE_FONT, NODE_H } from '../../src/draw/styles';
import { stylesheet } from '../../src/canvas/stylesheet';
import { toElements, type ElementDef } from '../../src/draw/toElements';
import { drawElements } from '../../src/draw/geometry';
import type { NodeDraw } from '../../src/draw/drawing';
import { approxMetrics } from '../../src/draw/text';
import { positionsFor } from '../../src/draw/layout';
import { parseDoc } from '../../src/model';
import { graph } from './helpers';

const LY = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
const layers = { holdings: true, agreements: true, dependencies: true };

function drawn(doc = LY) {
  const elements = toElements(doc, analyze(doc), { layers });
  const nodes = elements.filter((e) => e.group === 'nodes');
  return { elements, nodes };
}

// LY laid out once for the file, as the export lays it out: ELK's first run in a process starts the engine (~0.4 s
// idle, several seconds on a loaded machine), so it gets a hook's own time limit instead of eating a test's.
let lyPositions: Awaited<ReturnType<typeof positionsFor>>;
beforeAll(async () => {
  lyPositions = await positionsFor(LY, drawn().elements);
}, 60_000);

describe('node size: canvas and export', () => {
  it('the canvas sizes an entity node by data(h)', () => {
    for (const opts of [{}, { big: true }]) {
      const heights = stylesheet(opts).filter((r) => r.selector.startsWith('node') && r.selector !== 'node.ghost' && 'height' in r.style).map((r) => r.style.height);
      expect(heights).toEqual(['data(h)']); // (node.ghost, the invisible drag handle, is 1×1)
    }
  });

  it('a long-named entity is as tall in the export as on the canvas, taller than a one-line one, and its name fits', () => {
    const { elements, nodes } = drawn();
    const draws = drawElements(elements, lyPositions, approxMetrics).filter((d): d is NodeDraw => d.group === 'nodes');
    expect(draws).toHaveLength(LY.entities.length);
    const canvasH = new Map(nodes.map((n) => [n.data.id, Number(n.data.h)]));
    for (const d of draws) expect([d.id, d.h]).toEqual([d.id, canvasH.get(d.id)]);
    const mic = draws.find((d) => d.id === 'e:mic')!; // Ministry of Internal Affairs and Communications: four lines
    expect(mic.label!.lines).toHaveLength(4);
    expect(mic.h).toBeGreaterThan(NODE_H);
    expect(mic.h).toBe(labelHeight('Ministry of Internal Affairs and Communications'));
    expect(draws.find((d) => d.id === 'e:blackrock')!.h).toBeLessThan(mic.h);
    // Every name, as the export wraps it, fits inside its node.
    for (const d of draws) expect([d.id, d.label!.lines.length * NODE_FONT * 1.15 <= d.h - 6]).toEqual([d.id, true]);
  });

  it('a hexagon or a rhomboid wraps the name narrower than a box: the canvas rule and the export agree', () => {
    const name = 'Ministry of Science and ICT';
    expect(labelHeight(name, 'state')).toBeGreaterThan(labelHeight(name, 'company'));
    for (const [kind, s] of Object.entries(KIND_STYLES)) {
      expect(stylesheet().find((r) => r.selector === `node.k-${kind}`)?.style['text-max-width']).toBe(`${s.textWidth}`);
      const d = drawElements([{ group: 'nodes', data: { id: 'e:x', ref: 'x', kind: 'entity', label: name }, classes: `entity k-${kind} s-controlled` } as ElementDef], new Map([['x', { x: 0, y: 0 }]]), approxMetrics)[0] as NodeDraw;
      expect(d.h).toBe(labelHeight(name, kind));
      for (const line of d.label!.lines) expect(approxMetrics.width(line, d.label!.font)).toBeLessThanOrEqual(s.textWidth + 1);
    }
  });

  it.each([
    ['a name of 48 characters with a status tag', `${'Very Long Holding Company Name For Tests'.padEnd(47, 'x')}Z\n⚭ joint control`],
    ['one word too long for a line', 'Verylongsinglewordcorporationname'],
    ['a short name', 'ZOZO, Inc.'],
  ])('%s: the height holds the wrapped lines', (_what, label) => {
    const lines = label.split('\n').length;
    const h = labelHeight(label);
    const wrapped = drawElements([{ group: 'nodes', data: { id: 'e:x', ref: 'x', kind: 'entity', label }, classes: 'entity k-company s-controlled' } as ElementDef], new Map([['x', { x: 0, y: 0 }]]), approxMetrics)[0] as NodeDraw;
    expect(wrapped.h).toBe(h); // without data(h) the export sizes the node by the same function
    expect(wrapped.label!.lines.length).toBeGreaterThanOrEqual(lines);
    expect(wrapped.label!.lines.length * NODE_FONT * 1.15).toBeLessThanOrEqual(h - 6);
  });
});

describe('export layout', () => {
  it('places an entity with no holdings beside the one it acts on, in its row', async () => {
    // r regulates b (a dependency): it sits in b's row, right of it, not in a row of its own.
    const doc = { ...graph([['p', 'a', 60], ['a', 'b', 60], ['a', 'c', 60]], { entities: [{ id: 'r', kind: 'state' }] }) };
    const withDep = parseDoc(JSON.stringify({ ...doc, dependencies: [{ id: 'd1', provider: 'r', client: 'b', kind: 'other' }] }));
    const { elements } = drawn(withDep);
    const pos = await positionsFor(withDep, elements);
    expect(pos.get('r')!.y).toBe(pos.get('b')!.y);
    expect(pos.get('r')!.x).toBeGreaterThan(Math.max(pos.get('b')!.x, pos.get('c')!.x));
  });

  it('LY: the three regulators are in rows of the graph, none in a row of its own', () => {
    const pos = lyPositions;
    const rowsOfLinked = new Set(['ly', 'sbkk', 'ahd', 'naver', 'sbg'].map((id) => pos.get(id)!.y));
    const ys = [...pos].filter(([id]) => !['mic', 'msit', 'ppc'].includes(id)).map(([, p]) => p.y);
    for (const id of ['mic', 'msit', 'ppc']) {
      const y = pos.get(id)!.y;
      expect(y).toBeGreaterThanOrEqual(Math.min(...ys));
      expect(y).toBeLessThanOrEqual(Math.max(...ys));
    }
    expect(rowsOfLinked.size).toBeGreaterThan(1);
  });
});
