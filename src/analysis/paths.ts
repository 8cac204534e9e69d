// Why a look-through figure is what it is: the ownership paths from an owner to an entity, each the product of its
// stakes (NAVER → A Holdings 50% × A Holdings → LY Corporation 62.50% = 31.25%), strongest first, and the loops
// that add to the figure beyond its simple paths. Pure; uses graphology and graphology-simple-path on the part of
// the graph between the two entities only (tests/bench/paths.bench.ts measures it at 100k).
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { allSimplePaths } from 'graphology-simple-path';
import type { AnalysisView } from './analyze';
import { snapshot } from './snapshot';

/** One path from the owner to the entity: the ids along it, the stake (%) of each hop, and their product (%). */
export interface StakePath {
  ids: string[];
  stakes: number[];
  product: number;
}

export interface StakeExplanation {
  owner: string;
  entity: string;
  /** The look-through stake (%), loops included. */
  total: number;
  /** Strongest first; at most `maxPaths`. */
  paths: StakePath[];
  /** How many paths there are in all (more than `paths.length` when cut). */
  count: number;
  /** Sum of every simple path's product (%); below `total` when loops add to it. */
  pathSum: number;
  /** One closed loop per group of entities that hold each other on the way (ids, first repeated at the end). */
  loops: string[][];
}

/** Longest path followed, and paths listed. */
const MAX_DEPTH = 16;

/**
 * The region between `owner` and `entity`: entities downstream of the owner and upstream of the entity, with stakes.
 * Its nodes are keyed by snapshot index ("0", "1", …), never by entity id: graphology and graphology-simple-path keep
 * nodes in plain objects, where an id such as "constructor" or "__proto__" finds Object.prototype's members.
 * `ids` turns a key back into its entity id.
 */
function region(a: Pick<AnalysisView, 'doc' | 'options'>, owner: string, entity: string): { g: DirectedGraph; from: string; to: string; ids: (key: string) => string } | null {
  const s = snapshot(a.doc, a.options.date);
  const o = s.index.get(owner), t = s.index.get(entity);
  if (o === undefined || t === undefined) return null;
  const up = new Set([t]);
  for (const queue = [t]; queue.length; ) {
    const v = queue.pop()!;
    for (let e = s.inStart[v]; e < s.inStart[v + 1]; e++) if (!up.has(s.inHolder[e])) { up.add(s.inHolder[e]); queue.push(s.inHolder[e]); }
  }
  if (!up.has(o)) return null;
  const both = new Set([o]);
  for (const queue = [o]; queue.length; ) {
    const v = queue.pop()!;
    for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) {
      const w = s.outSubject[e];
      if (up.has(w) && !both.has(w)) { both.add(w); queue.push(w); }
    }
  }
  const g = new DirectedGraph();
  for (const v of both) g.addNode(String(v));
  for (const v of both) {
    for (let e = s.inStart[v]; e < s.inStart[v + 1]; e++) {
      const h = s.inHolder[e];
      if (!both.has(h) || h === v) continue;
      const from = String(h), to = String(v);
      // Several holdings of one pair add up (as look-through counts them).
      if (g.hasEdge(from, to)) g.updateEdgeAttribute(from, to, 'stake', (x: number) => x + s.inShares[e]);
      else g.addEdge(from, to, { stake: s.inShares[e] });
    }
  }
  return { g, from: String(o), to: String(t), ids: (key) => s.ids[Number(key)] };
}

/** The paths that make `owner`'s look-through stake in `entity`, strongest first (at most `maxPaths`). */
export function explainStake(a: Pick<AnalysisView, 'doc' | 'options' | 'stake'>, owner: string, entity: string, maxPaths = 8): StakeExplanation {
  const total = a.stake(owner, entity);
  const r = owner === entity ? null : region(a, owner, entity);
  if (!r) return { owner, entity, total, paths: [], count: 0, pathSum: 0, loops: [] };
  const { g } = r;
  const all = allSimplePaths(g, r.from, r.to, { maxDepth: MAX_DEPTH }).map((keys) => {
    const stakes = keys.slice(1).map((k, i) => (g.getEdgeAttribute(keys[i], k, 'stake') as number) * 100);
    return { ids: keys.map(r.ids), stakes, product: stakes.reduce((p, x) => (p * x) / 100, 100) };
  });
  all.sort((x, y) => y.product - x.product || x.ids.length - y.ids.length || x.ids.join('>').localeCompare(y.ids.join('>')));
  const loops: string[][] = [];
  for (const comp of stronglyConnectedComponents(g)) {
    if (comp.length < 2) continue;
    // Each loop starts at its entity whose id sorts first, as before the keys were indices.
    const start = [...comp].sort((x, y) => (r.ids(x) < r.ids(y) ? -1 : 1))[0];
    const cycle = allSimplePaths(g, start, start, { maxDepth: MAX_DEPTH })[0];
    if (cycle) loops.push(cycle.map(r.ids));
  }
  return { owner, entity, total, paths: all.slice(0, maxPaths), count: all.length, pathSum: all.reduce((t, p) => t + p.product, 0), loops };
}
