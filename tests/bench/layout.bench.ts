// ELK layout time by graph size (Node, elkjs, the app's options: canvas/layout.ts elkOptions): generated graphs from
// 30 to 300 entities (ELK_LIMIT; larger ones get the fast placement), top-down, each run on a fresh ELK after one
// warm-up. Beside the options the app picks, the compact ones it keeps for small graphs, up to 100 entities, to show
// why large graphs do not get them. Prints figures; never fails on speed.
// Run: npx tsx tests/bench/layout.bench.ts
import { loadavg } from 'node:os';
import ELK from 'elkjs/lib/elk.bundled.js';
import { COMPACT_MAX, elkOptions } from '../../src/draw/layout';
import { generateGraph } from '../../src/model';

const SIZES = [30, 60, 100, 200, 300];

function input(entities: number) {
  const doc = generateGraph({ entities, seed: 1 });
  const linked = new Set(doc.holdings.flatMap((h) => [h.holder, h.subject]));
  return {
    children: [...linked].map((id) => ({ id, width: 140, height: 50 })),
    edges: doc.holdings.map((h) => ({ id: h.id, sources: [h.holder], targets: [h.subject] })),
  };
}

async function time(graph: ReturnType<typeof input>, options: ReturnType<typeof elkOptions>): Promise<number> {
  const layoutOptions = Object.fromEntries(Object.entries(options).map(([k, v]) => [k === 'algorithm' ? 'elk.algorithm' : k, String(v)]));
  const t = performance.now();
  await new ELK().layout({ id: 'root', layoutOptions, ...graph });
  return performance.now() - t;
}

console.log(`ELK layered layout, top-down (Node ${process.version}); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await time(input(30), elkOptions('DOWN')); // warm-up: the engine's first start
for (const n of SIZES) {
  const graph = input(n);
  const picked = await time(graph, elkOptions('DOWN', graph.children.length));
  const compact = n <= 100 && graph.children.length > COMPACT_MAX ? ` (compact options: ${(await time(graph, elkOptions('DOWN', 0))).toFixed(0)} ms)` : '';
  console.log(`  ${String(n).padStart(4)} entities, ${String(graph.edges.length).padStart(4)} holdings: ${picked.toFixed(0).padStart(6)} ms${compact}`);
}
