// Focus mode for huge graphs: only an entity's owners and holdings up to k levels are drawn, everything else
// stays searchable in the table and the search box. Pure functions of the document; the adjacency index is
// built once per document and date.
import { inForce, type OwnershipDoc } from '../model';
import { subDocument } from '../analysis';
import { layeredPositions } from './placement';

/** Graphs with more entities than this are drawn in focus mode. */
export const FOCUS_MIN_ENTITIES = 5_000;

export interface Focus {
  ids: string[];
  depth: number;
}

/** Holders and holdings of each entity, by entity index (CSR arrays): built in one pass, no per-entity lists. */
interface Adjacency {
  ids: string[];
  index: Map<string, number>;
  upStart: Int32Array;
  up: Int32Array;
  downStart: Int32Array;
  down: Int32Array;
  /** Per down edge: the index of its holding in doc.holdings, or −1 for an agreement. */
  downHolding: Int32Array;
}

const entityIndexes = new WeakMap<object[], { ids: string[]; index: Map<string, number> }>();
const cache = new WeakMap<OwnershipDoc, Map<string, Adjacency>>();

/** The last adjacency built, with what it was built from, to carry over edits that change only figures. */
let last: { doc: OwnershipDoc; date: string; adj: Adjacency } | null = null;

/** Whether `b` has the same edges as `a` on `date`: same entities and agreements, holdings differing in figures only. */
function sameEdges(a: OwnershipDoc, b: OwnershipDoc, date: string): boolean {
  if (a.entities !== b.entities || a.agreements !== b.agreements || a.holdings.length !== b.holdings.length) return false;
  for (let k = 0; k < a.holdings.length; k++) {
    const x = a.holdings[k], y = b.holdings[k];
    if (x === y) continue;
    if (x.holder !== y.holder || x.subject !== y.subject || inForce(x, date) !== inForce(y, date)) return false;
  }
  return true;
}

function adjacency(doc: OwnershipDoc, date: string): Adjacency {
  let byDate = cache.get(doc);
  if (!byDate) cache.set(doc, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit) return hit;
  // A stake edit changes figures, not edges: reuse the previous document's adjacency (one pointer pass).
  if (last && last.date === date && sameEdges(last.doc, doc, date)) {
    byDate.set(date, last.adj);
    last = { doc, date, adj: last.adj };
    return last.adj;
  }
  const adj = buildAdjacency(doc, date);
  byDate.set(date, adj);
  last = { doc, date, adj };
  return adj;
}

function buildAdjacency(doc: OwnershipDoc, date: string): Adjacency {
  // The entity index survives edits that keep the entity list (most edits), so only the edges are rebuilt.
  let ix = entityIndexes.get(doc.entities);
  if (!ix) {
    const ids = doc.entities.map((e) => e.id);
    entityIndexes.set(doc.entities, (ix = { ids, index: new Map(ids.map((x, i) => [x, i])) }));
  }
  const { ids, index } = ix;
  const n = ids.length;
  const from: number[] = [], to: number[] = [], holding: number[] = [];
  doc.holdings.forEach((h, k) => {
    if (!inForce(h, date)) return;
    const a = index.get(h.holder), b = index.get(h.subject);
    if (a !== undefined && b !== undefined) { from.push(a); to.push(b); holding.push(k); }
  });
  for (const a of doc.agreements ?? []) {
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
  const [upStart, up] = csr(to, from, holding);
  const [downStart, down, downHolding] = csr(from, to, holding);
  return { ids, index, upStart, up, downStart, down, downHolding };
}

function neighbours(adj: Adjacency, dir: 'up' | 'down', i: number): Int32Array {
  return dir === 'up' ? adj.up.subarray(adj.upStart[i], adj.upStart[i + 1]) : adj.down.subarray(adj.downStart[i], adj.downStart[i + 1]);
}

/** Whether a document is drawn in focus mode. */
export const needsFocus = (doc: OwnershipDoc) => doc.entities.length > FOCUS_MIN_ENTITIES;

const defaults = new WeakMap<object[], Map<string, Focus>>();

/** The entity a huge graph opens on: the company with the most holders and holdings (stable across edits). */
export function defaultFocus(doc: OwnershipDoc, date: string): Focus {
  let byDate = defaults.get(doc.entities);
  if (!byDate) defaults.set(doc.entities, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit) return hit;
  const adj = adjacency(doc, date);
  let best = -1, score = -1;
  doc.entities.forEach((e, i) => {
    if (e.kind && e.kind !== 'company') return; // open on a company, not on a float or a fund holding everything
    const down = adj.downStart[i + 1] - adj.downStart[i];
    const s = adj.upStart[i + 1] - adj.upStart[i] + down;
    if (down > 0 && s > score) [best, score] = [i, s];
  });
  const focus = { ids: best >= 0 ? [adj.ids[best]] : doc.entities.slice(0, 1).map((e) => e.id), depth: 2 };
  byDate.set(date, focus);
  return focus;
}

/** What focus mode draws: entity ids (and their indices), the holdings among them, and each one's undrawn neighbours. */
export interface FocusSet {
  ids: Set<string>;
  entityIdx: number[];
  holdingIdx: number[];
  hidden: Map<string, number>;
}

/** The entities drawn in focus mode (at most `limit`, nearest first), the holdings among them, and hidden counts. */
export function focusSet(doc: OwnershipDoc, focus: Focus, date: string, limit = 1500): FocusSet {
  const adj = adjacency(doc, date);
  const drawn = new Set<number>();
  const start = focus.ids.map((id) => adj.index.get(id)).filter((i): i is number => i !== undefined);
  for (const dir of ['up', 'down'] as const) {
    let frontier = start;
    frontier.forEach((i) => drawn.add(i));
    const seen = new Set(frontier);
    for (let level = 0; level < focus.depth && frontier.length && drawn.size < limit; level++) {
      const next: number[] = [];
      for (const v of frontier) for (const w of neighbours(adj, dir, v)) {
        if (seen.has(w) || drawn.size >= limit) continue;
        seen.add(w);
        drawn.add(w);
        next.push(w);
      }
      frontier = next;
    }
  }
  const ids = new Set<string>();
  const hidden = new Map<string, number>();
  const holdingIdx: number[] = [];
  for (const i of drawn) {
    ids.add(adj.ids[i]);
    let n = 0;
    for (const w of neighbours(adj, 'up', i)) if (!drawn.has(w)) n++;
    for (let e = adj.downStart[i]; e < adj.downStart[i + 1]; e++) {
      if (!drawn.has(adj.down[e])) n++;
      else if (adj.downHolding[e] >= 0) holdingIdx.push(adj.downHolding[e]);
    }
    if (n) hidden.set(adj.ids[i], n);
  }
  const entityIdx = [...drawn].sort((a, b) => a - b);
  return { ids, entityIdx, holdingIdx: holdingIdx.sort((a, b) => a - b), hidden };
}

const layouts = new WeakMap<object[], Map<string, Map<string, { x: number; y: number }>>>();

/**
 * Positions for the focused entities that have none saved: a layered layout of the focused part alone. Kept per
 * entity list and drawn set, so a stake edit (which changes neither) never moves the nodes or pays for a layout.
 */
export function focusPositions(doc: OwnershipDoc, ids: Set<string>, date: string): Map<string, { x: number; y: number }> {
  const key = `${date}|${[...ids].sort().join(',')}`;
  let byKey = layouts.get(doc.entities);
  if (!byKey) layouts.set(doc.entities, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const sub = subDocument(doc, ids, date);
  const missing = new Set(sub.entities.filter((e) => !e.position).map((e) => e.id));
  let out = new Map<string, { x: number; y: number }>();
  if (missing.size) {
    const all = layeredPositions({ ...sub, entities: sub.entities.map((e) => ({ ...e, position: undefined })) });
    out = new Map(Object.entries(all).filter(([id]) => missing.has(id)));
  }
  if (byKey.size > 50) byKey.clear(); // a session of expansions stays small; never grow without bound
  byKey.set(key, out);
  return out;
}

/** The focus in force: the user's, else the automatic one for huge graphs, else none. */
export function effectiveFocus(doc: OwnershipDoc, focus: Focus | null, date: string): Focus | null {
  if (!needsFocus(doc)) return null;
  return focus ?? defaultFocus(doc, date);
}
