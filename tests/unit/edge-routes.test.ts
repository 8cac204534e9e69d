// Edge routes: no edge passes under a node other than its two ends — hand-built cases for the router (route.ts), and
// every bundled dataset under each of its scenarios, laid out as the app and the command line lay them out.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { drawElements } from '../../src/draw/geometry';
import { positionsFor } from '../../src/draw/layout';
import { samplePath, segmentHitsBox, type Box } from '../../src/draw/labelPlace';
import { toElements, type ElementDef } from '../../src/draw/toElements';
import type { EdgeDraw, NodeDraw } from '../../src/draw/drawing';
import { approxMetrics } from '../../src/draw/text';
import { apply, parseDoc, parseScenario, type OwnershipDoc } from '../../src/model';

const data = (rel: string) => readFileSync(new URL(`../../data/${rel}`, import.meta.url), 'utf8');

const node = (id: string, x: number, y: number): ElementDef => ({ group: 'nodes', data: { id, ref: id, kind: 'entity', label: id, h: 40 }, classes: 'entity k-company s-independent', position: { x, y } });
const edge = (id: string, source: string, target: string): ElementDef => ({ group: 'edges', data: { id, ref: id, kind: 'holding', source, target, label: '' }, classes: 'holding' });

/** The edges of `draws` whose drawn line passes through a node box other than their own two ends: [edge, node]. */
function underNodes(draws: ReturnType<typeof drawElements>, elements: ElementDef[]): [string, string][] {
  const ends = new Map(elements.filter((e) => e.group === 'edges').map((e) => [e.data.id, [String(e.data.source), String(e.data.target)]]));
  const nodes = draws.filter((d): d is NodeDraw => d.group === 'nodes').map((n) => ({ id: n.id, box: { x1: n.x - n.w / 2, y1: n.y - n.h / 2, x2: n.x + n.w / 2, y2: n.y + n.h / 2 } as Box }));
  const out: [string, string][] = [];
  for (const e of draws.filter((d): d is EdgeDraw => d.group === 'edges')) {
    const line = samplePath(e.geometry.pts, e.geometry.curved, 48);
    for (const n of nodes) {
      if (ends.get(e.id)!.includes(n.id)) continue;
      for (let i = 1; i < line.length; i++) if (segmentHitsBox(line[i - 1], line[i], n.box)) {
        out.push([e.id, n.id]);
        break;
      }
    }
  }
  return out;
}

describe('the router', () => {
  it('a line with nothing in its way stays straight', () => {
    const draws = drawElements([node('a', 0, 0), node('b', 0, 300), node('c', 300, 150), edge('e', 'a', 'b')], new Map(), approxMetrics);
    const e = draws.find((d): d is EdgeDraw => d.id === 'e')!;
    expect([e.geometry.curved, e.bend]).toEqual([false, undefined]);
  });
  it.each([
    ['a node in the middle of the line', [[0, 150]]],
    ['a node near its start', [[0, 80]]],
    ['a row of nodes along it', [[0, 100], [0, 200], [0, 300]]],
    ['nodes either side and in the middle', [[0, 200], [-150, 200], [150, 200]]],
  ])('bends around %s', (_, others) => {
    const els = [node('a', 0, 0), node('b', 0, 400), ...others.map(([x, y], i) => node(`o${i}`, x, y)), edge('e', 'a', 'b'), edge('f', 'b', 'a')];
    const draws = drawElements(els, new Map(), approxMetrics);
    expect(underNodes(draws, els)).toEqual([]);
    const [e, f] = ['e', 'f'].map((id) => draws.find((d): d is EdgeDraw => d.id === id)!);
    // The two edges of the pair still run apart (they keep their fan-out from each other).
    expect(Math.hypot(e.geometry.pts[1].x - f.geometry.pts[f.geometry.pts.length - 2].x, e.geometry.pts[1].y - f.geometry.pts[f.geometry.pts.length - 2].y)).toBeGreaterThan(30);
  });
});

/** Every bundled dataset as drawn, then under each of its bundled scenarios (on the scenario's date when it has one). */
function cases(): [string, OwnershipDoc, string | undefined][] {
  const docs: Record<string, OwnershipDoc> = {
    'line-yahoo': parseDoc(data('line-yahoo.ownership.json')),
    'ntt-docomo': parseDoc(data('ntt-docomo.ownership.json')),
  };
  const out: [string, OwnershipDoc, string | undefined][] = Object.entries(docs).map(([id, d]) => [id, d, undefined]);
  for (const file of readdirSync(new URL('../../data/scenarios/', import.meta.url)).sort()) {
    const s = parseScenario(JSON.parse(data(`scenarios/${file}`)), file);
    const base = docs[s.dataset ?? ''];
    if (base) out.push([`${s.dataset} + ${s.id}`, apply(base, { type: 'batch', ops: s.ops }), s.date]);
  }
  return out;
}

describe('every bundled dataset and scenario', () => {
  it.each(cases())('%s: no edge passes under a node other than its ends', async (_, doc, date) => {
    for (const rule of ['legal', 'votes'] as const) {
      const elements = toElements(doc, analyze(doc, { rule, ...(date ? { date } : {}) }), { layers: { holdings: true, agreements: true, dependencies: true } });
      for (const shape of [{ width: 1280, height: 800 }, { width: 700, height: 560 }]) {
        const draws = drawElements(elements, await positionsFor(doc, elements, shape), approxMetrics);
        expect(underNodes(draws, elements)).toEqual([]);
      }
    }
  }, 60_000); // ELK lays each document out on its first use in this process: seconds under load
});
