// A linear-time layered layout for graphs too large for ELK: owners above what they own. Layers are longest
// paths over the condensation of the holding graph (cycles share a layer); each layer is ordered by the mean
// position of its holders (one barycentre sweep) and wrapped into rows so no layer is absurdly wide.
import type { OwnershipDoc } from '../model';
import { stronglyConnected } from '../analysis/scc';

export interface LayoutOptions {
  spacingX?: number;
  spacingY?: number;
  /** Widest row before a layer wraps. */
  maxRow?: number;
}

/** Positions for every entity, keyed by id. */
export function layeredPositions(doc: OwnershipDoc, opts: LayoutOptions = {}): Record<string, { x: number; y: number }> {
  const sx = opts.spacingX ?? 160, sy = opts.spacingY ?? 140, maxRow = opts.maxRow ?? 400;
  const n = doc.entities.length;
  const index = new Map(doc.entities.map((e, i) => [e.id, i]));
  const start = new Int32Array(n + 1);
  const edges: [number, number][] = [];
  for (const h of doc.holdings) {
    const a = index.get(h.holder), b = index.get(h.subject);
    if (a === undefined || b === undefined || a === b) continue;
    edges.push([a, b]);
    start[a + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const target = new Int32Array(edges.length);
  const cursor = start.slice(0, n);
  const holders: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    target[cursor[a]++] = b;
    holders[b].push(a);
  }
  const { comp, count } = stronglyConnected(n, start, target);
  const byComp: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < n; v++) byComp[comp[v]].push(v);
  const layerOfComp = new Int32Array(count);
  for (let c = count - 1; c >= 0; c--) {
    for (const v of byComp[c]) for (let e = start[v]; e < start[v + 1]; e++) {
      const d = comp[target[e]];
      if (d !== c && layerOfComp[d] < layerOfComp[c] + 1) layerOfComp[d] = layerOfComp[c] + 1;
    }
  }
  // Entities that hold but are not held sit one layer above their highest holding, not all in layer 0.
  const layer = new Int32Array(n);
  for (let v = 0; v < n; v++) layer[v] = layerOfComp[comp[v]];
  for (let v = 0; v < n; v++) {
    if (holders[v].length || start[v + 1] === start[v]) continue;
    let min = Infinity;
    for (let e = start[v]; e < start[v + 1]; e++) min = Math.min(min, layer[target[e]]);
    layer[v] = Math.max(0, min - 1);
  }
  const layers: number[][] = [];
  for (let v = 0; v < n; v++) (layers[layer[v]] ??= []).push(v);
  const xOf = new Float64Array(n);
  const out: Record<string, { x: number; y: number }> = {};
  let y = 0;
  for (const members of layers) {
    if (!members) continue;
    const key = new Map<number, number>();
    for (const v of members) {
      const hs = holders[v].filter((h) => layer[h] < layer[v]);
      key.set(v, hs.length ? hs.reduce((s, h) => s + xOf[h], 0) / hs.length : Number.MAX_SAFE_INTEGER);
    }
    // Unheld entities follow the companies they hold.
    for (const v of members) if (key.get(v) === Number.MAX_SAFE_INTEGER && start[v + 1] > start[v]) key.set(v, target[start[v]] * 1e-6);
    members.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
    const rows = Math.ceil(members.length / maxRow);
    const perRow = Math.ceil(members.length / rows);
    members.forEach((v, i) => {
      const row = Math.floor(i / perRow), col = i % perRow;
      const width = Math.min(perRow, members.length - row * perRow);
      xOf[v] = (col - (width - 1) / 2) * sx;
      out[doc.entities[v].id] = { x: xOf[v], y: y + row * sy * 0.6 };
    });
    y += sy + (rows - 1) * sy * 0.6;
  }
  return out;
}
