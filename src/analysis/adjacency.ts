// Who holds whom on a date, by entity index, as CSR typed arrays: what focus mode and the upstream of an entity
// walk. Built in one pass per document and date, carried over edits that change figures only, and transferable,
// so a worker that made the document (a generated sample) can build it and hand it over. Pure.
import { inForce, type OwnershipDoc } from '../model';
import { replacedPlaces } from '../model/recordDiff';
import { controlAgreements } from './relations';
import { idList, indexOfIds } from './idLists';

/** Holders and holdings of each entity by entity index (indices into doc.entities). */
export interface Adjacency {
  upStart: Int32Array;
  up: Int32Array;
  /** Per up edge: the index of its holding in doc.holdings, or −1 for an agreement. */
  upHolding: Int32Array;
  downStart: Int32Array;
  down: Int32Array;
  /** Per down edge: the index of its holding in doc.holdings, or −1 for an agreement. */
  downHolding: Int32Array;
}

/** id → index in doc.entities, cached per list of ids (which most edits keep, moves and renames too: idLists.ts). */
export function entityIndex(doc: OwnershipDoc): Map<string, number> {
  return indexOfIds(idList(doc.entities, 'entities'));
}

const cache = new WeakMap<OwnershipDoc, Map<string, Adjacency>>();

/** The last adjacency used, with what it was built from, to carry over edits that change only figures. */
let last: { doc: OwnershipDoc; date: string; adj: Adjacency } | null = null;

/** Whether `b` has the same edges as `a` on `date`: same entity ids and agreements, holdings differing in figures only. */
export function sameEdges(a: OwnershipDoc, b: OwnershipDoc, date: string): boolean {
  if (a.agreements !== b.agreements || a.relations !== b.relations || a.holdings.length !== b.holdings.length) return false;
  if (a.entities !== b.entities) {
    const ids = idList(a.entities, 'entities');
    if (idList(b.entities, 'entities', a.entities) !== ids) return false;
  }
  if (a.holdings === b.holdings) return true;
  const differs = (k: number) => {
    const x = a.holdings[k], y = b.holdings[k];
    return x !== y && (x.holder !== y.holder || x.subject !== y.subject || inForce(x, date) !== inForce(y, date));
  };
  // An edit that replaced holdings says where (model/recordDiff.ts): only those are read.
  const places = replacedPlaces(a.holdings, b.holdings);
  if (places) return !places.some(differs);
  for (let k = 0; k < a.holdings.length; k++) if (differs(k)) return false;
  return true;
}

/** The adjacency of `doc` on `date`: cached, carried over from the previous document, seeded, or built. */
export function adjacency(doc: OwnershipDoc, date: string): Adjacency {
  let byDate = cache.get(doc);
  if (!byDate) cache.set(doc, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit) return hit;
  // A stake edit changes figures, not edges: reuse the previous document's adjacency (one pointer pass).
  const adj = last && last.date === date && sameEdges(last.doc, doc, date) ? last.adj : buildAdjacency(doc, date);
  byDate.set(date, adj);
  last = { doc, date, adj };
  return adj;
}

/** Takes the adjacency of `doc` on `date` built elsewhere (by the worker that generated `doc`). */
export function seedAdjacency(doc: OwnershipDoc, date: string, adj: Adjacency): void {
  let byDate = cache.get(doc);
  if (!byDate) cache.set(doc, (byDate = new Map()));
  byDate.set(date, adj);
  last = { doc, date, adj };
}

/** The buffers of an adjacency, for postMessage's transfer list. */
export function adjacencyBuffers(adj: Adjacency): ArrayBuffer[] {
  return [adj.upStart, adj.up, adj.upHolding, adj.downStart, adj.down, adj.downHolding].map((x) => x.buffer as ArrayBuffer);
}

/** Builds the adjacency of `doc` on `date`: holdings and agreements in force, between entities of the document. */
export function buildAdjacency(doc: OwnershipDoc, date: string): Adjacency {
  // The entity index survives edits that keep the entity list (most edits), so only the edges are rebuilt.
  const index = entityIndex(doc);
  const n = doc.entities.length;
  const from: number[] = [], to: number[] = [], holding: number[] = [];
  doc.holdings.forEach((h, k) => {
    if (!inForce(h, date)) return;
    const a = index.get(h.holder), b = index.get(h.subject);
    if (a !== undefined && b !== undefined) { from.push(a); to.push(b); holding.push(k); }
  });
  for (const a of controlAgreements(doc)) {
    if (!inForce(a, date)) continue;
    const b = index.get(a.subject);
    for (const p of a.parties) {
      const x = index.get(p);
      if (x !== undefined && b !== undefined) { from.push(x); to.push(b); holding.push(-1); }
    }
  }
  const csr = (keys: number[], vals: number[], extra: number[]) => {
    const start = new Int32Array(n + 1);
    for (const k of keys) start[k + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const out = new Int32Array(keys.length), out2 = new Int32Array(keys.length), cur = start.slice(0, n);
    keys.forEach((k, i) => {
      out2[cur[k]] = extra[i];
      out[cur[k]++] = vals[i];
    });
    return [start, out, out2] as const;
  };
  const [upStart, up, upHolding] = csr(to, from, holding);
  const [downStart, down, downHolding] = csr(from, to, holding);
  return { upStart, up, upHolding, downStart, down, downHolding };
}

/** The holders (`up`) or holdings' subjects (`down`) of entity `i`. */
export function neighbours(adj: Adjacency, dir: 'up' | 'down', i: number): Int32Array {
  return dir === 'up' ? adj.up.subarray(adj.upStart[i], adj.upStart[i + 1]) : adj.down.subarray(adj.downStart[i], adj.downStart[i + 1]);
}
