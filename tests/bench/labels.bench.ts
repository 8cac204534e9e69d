// Edge-label layout benchmark (canvas/labelPlace.ts, canvas/edgeLabelLayout.ts): the Node-side drawing of LY (every
// edge's geometry, then its label laid out, as the canvas lays them out on each change) and of generated graphs, and
// the placement alone on grids of nodes with random edges, to show how it grows. Prints medians and how many labels
// found room; never fails on speed.
// Run: npx tsx tests/bench/labels.bench.ts
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { analyze } from '../../src/analysis';
import { MAX_LAID_OUT } from '../../src/draw/edgeLabelLayout';
import { placeLabels, type LabelItem } from '../../src/draw/labelPlace';
import { toElements } from '../../src/draw/toElements';
import { drawElements } from '../../src/draw/geometry';
import type { EdgeDraw } from '../../src/draw/drawing';
import { approxMetrics } from '../../src/draw/text';
import { positionsFor } from '../../src/draw/layout';
import { generateGraph, parseDoc, type OwnershipDoc } from '../../src/model';

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => void, runs: number) => median(Array.from({ length: runs }, () => { const t = performance.now(); f(); return performance.now() - t; }));
const layers = { holdings: true, agreements: true, dependencies: true };

async function drawing(name: string, doc: OwnershipDoc, runs: number) {
  const elements = toElements(doc, analyze(doc), { layers });
  const positions = await positionsFor(doc, elements);
  let draws = drawElements(elements, positions, approxMetrics);
  const ms = time(() => (draws = drawElements(elements, positions, approxMetrics)), runs);
  const edges = draws.filter((d): d is EdgeDraw => d.group === 'edges');
  const labelled = elements.filter((e) => e.group === 'edges' && e.data.label).length;
  const what = labelled > MAX_LAID_OUT ? `past ${MAX_LAID_OUT} labels: drawn at their edges' middles, not laid out` : `${edges.filter((e) => e.label).length} of ${labelled} labels found room`;
  console.log(`${name.padEnd(34)} ${String(edges.length).padStart(5)} edges: drawn with labels in ${ms.toFixed(1)} ms; ${what}`);
}

/** Nodes on a grid (140 × 40, 200 × 110 apart) and `n` edges between random nodes up to 3 cells apart. */
function grid(n: number, seed = 1): { nodes: { x1: number; y1: number; x2: number; y2: number }[]; items: LabelItem[] } {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const side = Math.ceil(Math.sqrt(n / 1.5));
  const centre = (i: number) => ({ x: (i % side) * 200, y: Math.floor(i / side) * 110 });
  const nodes = Array.from({ length: side * side }, (_, i) => centre(i)).map((c) => ({ x1: c.x - 70, y1: c.y - 20, x2: c.x + 70, y2: c.y + 20 }));
  const items: LabelItem[] = [];
  for (let k = 0; k < n; k++) {
    const a = Math.floor(rnd() * side * side), dx = Math.floor(rnd() * 7) - 3, dy = Math.floor(rnd() * 7) - 3;
    const b = Math.min(side * side - 1, Math.max(0, a + dx + dy * side));
    if (a === b) continue;
    const w = 40 + rnd() * 120;
    items.push({ id: `e${k}`, path: [centre(a), centre(b)], shapes: [{ w, h: 24 }, { w: w / 2 + 10, h: 38 }], rank: Math.floor(rnd() * 4) });
  }
  return { nodes, items };
}

console.log(`Edge-label layout (Node, approximate text metrics); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await drawing('LY Corporation', parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')), 30);
await drawing('NTT Docomo', parseDoc(readFileSync(new URL('../../data/ntt-docomo.ownership.json', import.meta.url), 'utf8')), 30);
for (const entities of [300, 1000]) await drawing(`generated, ${entities} entities`, generateGraph({ entities, seed: 7 }), 5);
for (const n of [100, 1000, 5000]) {
  const { nodes, items } = grid(n);
  const lines = items.map((i) => ({ owner: i.id, path: i.path }));
  let out = placeLabels(items, nodes, lines);
  const ms = time(() => (out = placeLabels(items, nodes, lines)), n > 1000 ? 3 : 10);
  console.log(`placement alone, ${String(items.length).padStart(5)} labels on a grid of ${nodes.length} nodes: ${ms.toFixed(1)} ms; ${[...out.values()].filter((p) => p?.clear).length} found room`);
}
