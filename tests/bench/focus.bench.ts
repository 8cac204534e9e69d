// Focus neighbourhood benchmark (focus mode, analysis/focus.ts): today's breadth-first walk over the cached CSR
// adjacency (typed arrays by entity index) against graphology-traversal's bfsFromNode on a graphology DirectedGraph of
// the same edges, on generated 100k and 20k graphs. Both the one-off cost (building the structure) and the per-focus
// cost (every expansion of the focus, every search hit) are timed, and the two results are checked to be the same.
// graphology-traversal is not a dependency of the app: install it for this run only
// (`npm install --no-save graphology-traversal`); without it the benchmark prints today's figures alone.
// Run: npx tsx tests/bench/focus.bench.ts
import { DirectedGraph } from 'graphology';
import { generateGraph, type OwnershipDoc } from '../../src/model';
import { adjacency, buildAdjacency, neighbours } from '../../src/analysis/adjacency';
import { defaultFocus, focusSet, type Focus } from '../../src/analysis/focus';

type BfsFromNode = (g: DirectedGraph, node: string, cb: (key: string, attr: unknown, depth: number) => boolean | void, o?: { mode: 'inbound' | 'outbound' }) => void;

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => void, runs: number) => median(Array.from({ length: runs }, () => { const t = performance.now(); f(); return performance.now() - t; }));

/** The same edges as the adjacency (holdings and control agreements in force), as a graphology graph keyed by id. */
function graphOf(doc: OwnershipDoc, date: string): DirectedGraph {
  const adj = buildAdjacency(doc, date);
  const g = new DirectedGraph();
  for (const e of doc.entities) g.addNode(e.id);
  doc.entities.forEach((e, i) => {
    for (const w of neighbours(adj, 'down', i)) if (!g.hasEdge(e.id, doc.entities[w].id)) g.addEdge(e.id, doc.entities[w].id); // a holding and an agreement between the same pair: one edge
  });
  return g;
}

/** The focused entities by graphology-traversal: owners up to `depth` levels, then holdings, within `limit`. */
function focusByTraversal(bfsFromNode: BfsFromNode, g: DirectedGraph, focus: Focus, limit: number): Set<string> {
  const drawn = new Set<string>();
  for (const mode of ['inbound', 'outbound'] as const) {
    for (const id of focus.ids) {
      if (!g.hasNode(id)) continue;
      bfsFromNode(g, id, (key, _a, depth) => {
        if (drawn.size >= limit && !drawn.has(key)) return true;
        drawn.add(key);
        return depth >= focus.depth;
      }, { mode });
    }
  }
  return drawn;
}

/** Companies with holdings, spread over the document: foci a user would search for. */
function foci(doc: OwnershipDoc, date: string, n: number): string[] {
  const adj = adjacency(doc, date);
  const out: string[] = [];
  const step = Math.floor(doc.entities.length / (n * 3));
  for (let i = 0; i < doc.entities.length && out.length < n; i += step) if (adj.downStart[i + 1] > adj.downStart[i]) out.push(doc.entities[i].id);
  return out;
}

let traversal: BfsFromNode | null = null;
try {
  const name = 'graphology-traversal';
  traversal = ((await import(name)) as { bfsFromNode: BfsFromNode }).bfsFromNode;
} catch {
  console.log('graphology-traversal not installed: today\'s figures only (npm install --no-save graphology-traversal to compare).');
}

console.log('Focus neighbourhood benchmark (Node', process.version, ')');
for (const size of [20_000, 100_000]) {
  const doc = generateGraph({ entities: size, seed: 42 });
  const date = '2025-01-01';
  const build = time(() => void buildAdjacency(doc, date), 5);
  adjacency(doc, date);
  const ids = [defaultFocus(doc, date).ids[0], ...foci(doc, date, 30)];
  const label = `${size.toLocaleString('en')} entities`;
  console.log(`${label}: build  CSR adjacency ${build.toFixed(1).padStart(7)} ms`);
  let g: DirectedGraph | null = null;
  if (traversal) {
    const built = time(() => void (g = graphOf(doc, date)), 3);
    console.log(`${' '.repeat(label.length)}  build  graphology graph ${built.toFixed(1).padStart(6)} ms (nodes ${g!.order}, edges ${g!.size})`);
  }
  for (const depth of [2, 4]) {
    const sizes: number[] = [];
    const csr = median(ids.map((id) => time(() => void sizes.push(focusSet(doc, { ids: [id], depth }, date).ids.size), 7)));
    let line = `${' '.repeat(label.length)}  depth ${depth}: today (CSR BFS + hidden counts) ${csr.toFixed(3).padStart(7)} ms`;
    if (traversal && g) {
      const gt = median(ids.map((id) => time(() => void focusByTraversal(traversal!, g!, { ids: [id], depth }, 1500), 7)));
      // The same entities, or the comparison means nothing.
      for (const id of ids) {
        const a = [...focusSet(doc, { ids: [id], depth }, date).ids].sort(), b = [...focusByTraversal(traversal, g, { ids: [id], depth }, 1500)].sort();
        if (a.length < 1500 && a.join() !== b.join()) throw new Error(`bench/focus: the two walks differ around ${id} at depth ${depth}`);
      }
      line += `  graphology-traversal (walk only) ${gt.toFixed(3).padStart(7)} ms`;
    }
    console.log(`${line}  (median per focus over ${ids.length} foci; drawn: median ${median(sizes)}, max ${Math.max(...sizes)})`);
  }
}
console.log('A focus change (search, expand) should cost well under a frame (16 ms) before the layout of what it draws.');
