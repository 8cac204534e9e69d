// Pure, fast layered placement for documents without saved positions (used for large graphs, where ELK is
// too slow): owners above what they own, longest-path layers, barycentre order, wide layers wrapped into rows.
import type { OwnershipDoc } from '../model';
import { needsFocus } from './focus';

export const PLACE_W = 170 + 36; // node width + gap
export const PLACE_H = 52 + 80; // node height + gap between layers

/** Positions (node centres) for every entity of `doc`, computed in O(entities + holdings). */
export function layeredPositions(doc: OwnershipDoc): Record<string, { x: number; y: number }> {
  const n = doc.entities.length;
  const index = new Map(doc.entities.map((e, i) => [e.id, i]));
  const outs: number[][] = Array.from({ length: n }, () => []);
  const ins: number[][] = Array.from({ length: n }, () => []);
  const indeg = new Int32Array(n);
  const seen = new Set<string>();
  for (const h of doc.holdings) {
    const a = index.get(h.holder), b = index.get(h.subject);
    if (a === undefined || b === undefined || a === b || seen.has(`${a}>${b}`)) continue;
    seen.add(`${a}>${b}`);
    outs[a].push(b);
    ins[b].push(a);
    indeg[b]++;
  }
  // Kahn's algorithm; when only cycles remain, release the node with the fewest unprocessed owners.
  const layer = new Int32Array(n);
  const done = new Uint8Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) queue.push(v);
  let processed = 0, head = 0, scan = 0;
  while (processed < n) {
    if (head === queue.length) {
      let best = -1;
      for (let v = scan; v < n; v++) if (!done[v] && (best === -1 || indeg[v] < indeg[best])) { best = v; if (indeg[v] <= 1) break; }
      while (scan < n && done[scan]) scan++;
      queue.push(best);
    }
    const v = queue[head++];
    if (done[v]) continue;
    done[v] = 1;
    processed++;
    for (const w of outs[v]) {
      if (done[w]) continue;
      if (layer[v] + 1 > layer[w]) layer[w] = layer[v] + 1;
      if (--indeg[w] === 0) queue.push(w);
    }
  }
  // Nodes with no edges at all sit in the top layer; group layers.
  const layers: number[][] = [];
  for (let v = 0; v < n; v++) (layers[layer[v]] ??= []).push(v);
  const rowMax = Math.max(12, Math.ceil(Math.sqrt(n) * 1.6));
  const x = new Float64Array(n);
  const pos: Record<string, { x: number; y: number }> = Object.create(null); // keyed by entity id (any string)
  let row = 0;
  for (const members of layers) {
    if (!members) continue;
    // Barycentre of owners already placed (upper layers), else keep document order.
    const key = (v: number) => {
      let s = 0, k = 0;
      for (const u of ins[v]) if (layer[u] < layer[v]) { s += x[u]; k++; }
      return k ? s / k : Number.POSITIVE_INFINITY;
    };
    const keyed = members.map((v) => [key(v), v] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let start = 0; start < keyed.length; start += rowMax) {
      const chunk = keyed.slice(start, start + rowMax);
      const offset = ((chunk.length - 1) * PLACE_W) / 2;
      chunk.forEach(([, v], i) => {
        x[v] = i * PLACE_W - offset;
        pos[doc.entities[v].id] = { x: Math.round(x[v]), y: row * PLACE_H };
      });
      row++;
    }
  }
  return pos;
}

/** Positions for the entities that have none, near the entities they are linked to (below their owners). */
export function placeNear(doc: OwnershipDoc): Record<string, { x: number; y: number }> {
  const placed = new Map(doc.entities.filter((e) => e.position).map((e) => [e.id, e.position!]));
  const out: Record<string, { x: number; y: number }> = Object.create(null);
  let maxX = -Infinity, minY = Infinity;
  for (const p of placed.values()) { maxX = Math.max(maxX, p.x); minY = Math.min(minY, p.y); }
  if (!placed.size) { maxX = -PLACE_W; minY = 0; }
  let spare = 0;
  for (const e of doc.entities) {
    if (e.position) continue;
    const owners = doc.holdings.filter((h) => h.subject === e.id && placed.has(h.holder)).map((h) => placed.get(h.holder)!);
    const owned = doc.holdings.filter((h) => h.holder === e.id && placed.has(h.subject)).map((h) => placed.get(h.subject)!);
    const avg = (ps: { x: number; y: number }[]) => ps.reduce((s, p) => s + p.x, 0) / ps.length;
    const p = owners.length
      ? { x: avg(owners) + (spare % 3) * 30, y: Math.max(...owners.map((q) => q.y)) + PLACE_H }
      : owned.length
        ? { x: avg(owned), y: Math.min(...owned.map((q) => q.y)) - PLACE_H }
        : { x: maxX + PLACE_W, y: minY + (spare % 8) * PLACE_H * 0.6 };
    spare++;
    out[e.id] = p;
    placed.set(e.id, p);
  }
  return out;
}

/** Above this many entities the canvas does not run ELK; documents are placed with `layeredPositions` instead. */
export const ELK_LIMIT = 300;

/** Gives a large document without positions a fast layered placement; small ones are left to ELK in the canvas. */
export function placeIfLarge(doc: OwnershipDoc): OwnershipDoc {
  // Huge graphs are drawn in focus mode, laid out a neighbourhood at a time (focus.ts), never all at once.
  if (doc.entities.length <= ELK_LIMIT || needsFocus(doc)) return doc;
  const unplaced = doc.entities.filter((e) => !e.position).length;
  if (!unplaced) return doc;
  const positions = unplaced === doc.entities.length ? layeredPositions(doc) : placeNear(doc);
  return { ...doc, entities: doc.entities.map((e) => (positions[e.id] ? { ...e, position: positions[e.id] } : e)) };
}
