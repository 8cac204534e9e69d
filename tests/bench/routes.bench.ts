// Edge routing benchmark (draw/route.ts, draw/routePlan.ts): the kernel's drawing of LY and of generated graphs, the
// first time (every edge routed afresh) and again with nothing moved (the canvas lays labels out on every frame of a
// drag; routes of edges near nothing that moved are remembered), with how many edges bend around a node. Prints
// figures; never fails on speed.
// Run: npx tsx tests/bench/routes.bench.ts
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { analyze } from '../../src/analysis';
import { toElements } from '../../src/draw/toElements';
import { drawElements } from '../../src/draw/geometry';
import type { EdgeDraw } from '../../src/draw/drawing';
import { approxMetrics } from '../../src/draw/text';
import { positionsFor } from '../../src/draw/layout';
import { generateGraph, parseDoc, type OwnershipDoc } from '../../src/model';

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const layers = { holdings: true, agreements: true, dependencies: true };

async function drawing(name: string, doc: OwnershipDoc) {
  const elements = toElements(doc, analyze(doc), { layers });
  const positions = await positionsFor(doc, elements);
  let t = performance.now();
  const draws = drawElements(elements, positions, approxMetrics);
  const cold = performance.now() - t;
  const warm = median(Array.from({ length: 5 }, () => ((t = performance.now()), drawElements(elements, positions, approxMetrics), performance.now() - t)));
  const edges = draws.filter((d): d is EdgeDraw => d.group === 'edges');
  // A plain fan-out has one control point at the middle; a route has more, or one moved further out.
  const bent = edges.filter((e) => (e.bend?.distances.length ?? 0) > 1 || Math.abs(e.bend?.distances[0] ?? 0) > 61).length;
  console.log(`${name.padEnd(28)} ${String(edges.length).padStart(5)} edges, ${String(bent).padStart(3)} routed around nodes: first drawing ${cold.toFixed(0)} ms, again ${warm.toFixed(0)} ms`);
}

console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await drawing('LY', parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')));
await drawing('NTT Docomo', parseDoc(readFileSync(new URL('../../data/ntt-docomo.ownership.json', import.meta.url), 'utf8')));
for (const n of [60, 150, 300]) await drawing(`generated, ${n} entities`, generateGraph({ entities: n, seed: 7 }));
