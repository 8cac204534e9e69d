// Focus mode for huge graphs: only an entity's owners and holdings up to k levels are drawn, everything else
// stays searchable in the table and the search box. Pure functions of the document; the adjacency index is
// built once per document and date.
import { inForce, type OwnershipDoc } from '../model';
import { subDocument } from '../analysis';
import { layeredPositions } from './placement';

/** Graphs with more entities than this are drawn in focus mode. */
export const FOCUS_MIN_ENTITIES = 2_500;

export interface Focus {
  ids: string[];
  depth: number;
}

interface Adjacency {
  up: Map<string, string[]>; // subject → holders
  down: Map<string, string[]>; // holder → subjects
}

const cache = new WeakMap<OwnershipDoc, Map<string, Adjacency>>();

function adjacency(doc: OwnershipDoc, date: string): Adjacency {
  let byDate = cache.get(doc);
  if (!byDate) cache.set(doc, (byDate = new Map()));
  let adj = byDate.get(date);
  if (adj) return adj;
  adj = { up: new Map(), down: new Map() };
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const l = m.get(k);
    if (l) l.push(v); else m.set(k, [v]);
  };
  for (const h of doc.holdings) {
    if (!inForce(h, date)) continue;
    push(adj.up, h.subject, h.holder);
    push(adj.down, h.holder, h.subject);
  }
  for (const a of doc.agreements ?? []) {
    if (!inForce(a, date)) continue;
    for (const p of a.parties) {
      push(adj.up, a.subject, p);
      push(adj.down, p, a.subject);
    }
  }
  byDate.set(date, adj);
  return adj;
}

/** Whether a document is drawn in focus mode. */
export const needsFocus = (doc: OwnershipDoc) => doc.entities.length > FOCUS_MIN_ENTITIES;

/** The entity a huge graph opens on: the company with the most holders and holdings. */
export function defaultFocus(doc: OwnershipDoc, date: string): Focus {
  const adj = adjacency(doc, date);
  let best = doc.entities[0]?.id ?? '', score = -1;
  for (const e of doc.entities) {
    if (e.kind && e.kind !== 'company') continue; // open on a company, not on a float or a fund holding everything
    const s = (adj.up.get(e.id)?.length ?? 0) + (adj.down.get(e.id)?.length ?? 0);
    if (s > score && (adj.down.get(e.id)?.length ?? 0) > 0) [best, score] = [e.id, s];
  }
  return { ids: best ? [best] : [], depth: 2 };
}

/** The ids drawn in focus mode (at most `limit`, nearest first), and how many neighbours each leaves hidden. */
export function focusSet(doc: OwnershipDoc, focus: Focus, date: string, limit = 1500): { ids: Set<string>; hidden: Map<string, number> } {
  const adj = adjacency(doc, date);
  const ids = new Set<string>();
  const exists = new Set(doc.entities.map((e) => e.id));
  for (const dir of ['up', 'down'] as const) {
    let frontier = focus.ids.filter((id) => exists.has(id));
    frontier.forEach((id) => ids.add(id));
    const seen = new Set(frontier);
    for (let level = 0; level < focus.depth && frontier.length && ids.size < limit; level++) {
      const next: string[] = [];
      for (const v of frontier) for (const w of adj[dir].get(v) ?? []) {
        if (seen.has(w) || ids.size >= limit) continue;
        seen.add(w);
        ids.add(w);
        next.push(w);
      }
      frontier = next;
    }
  }
  const hidden = new Map<string, number>();
  for (const id of ids) {
    let n = 0;
    for (const w of adj.up.get(id) ?? []) if (!ids.has(w)) n++;
    for (const w of adj.down.get(id) ?? []) if (!ids.has(w)) n++;
    if (n) hidden.set(id, n);
  }
  return { ids, hidden };
}

/** Positions for the focused entities that have none saved: a layered layout of the focused part alone. */
export function focusPositions(doc: OwnershipDoc, ids: Set<string>, date: string): Map<string, { x: number; y: number }> {
  const sub = subDocument(doc, ids, date);
  const missing = new Set(sub.entities.filter((e) => !e.position).map((e) => e.id));
  if (!missing.size) return new Map();
  const all = layeredPositions({ ...sub, entities: sub.entities.map((e) => ({ ...e, position: undefined })) });
  return new Map(Object.entries(all).filter(([id]) => missing.has(id)));
}

/** The focus in force: the user's, else the automatic one for huge graphs, else none. */
export function effectiveFocus(doc: OwnershipDoc, focus: Focus | null, date: string): Focus | null {
  if (!needsFocus(doc)) return null;
  return focus ?? defaultFocus(doc, date);
}
