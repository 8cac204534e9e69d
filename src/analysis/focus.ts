// Focus mode for huge graphs: only an entity's owners and holdings up to k levels are drawn, everything else
// stays searchable in the table and the search box. Pure functions of the document and its adjacency (adjacency.ts):
// a walk over its typed arrays, measured against graphology-traversal on a graphology graph at 100k entities
// (tests/bench/focus.bench.ts: 4–6× faster per focus, and no graph of 100k nodes to build and keep).
import type { OwnershipDoc } from '../model';
import { adjacency, neighbours } from './adjacency';
import { idList } from './idLists';
import { subDocumentAt } from './upstream';
import { layeredPositions } from './placement';

/** Graphs with more entities than this are drawn in focus mode. */
export const FOCUS_MIN_ENTITIES = 5_000;

export interface Focus {
  ids: string[];
  depth: number;
}

/** The entity ids of `doc` in document order (shared by versions with the same ids: idLists.ts). */
const entityIds = (doc: OwnershipDoc): string[] => idList(doc.entities, 'entities');

/** Whether a document is drawn in focus mode. */
export const needsFocus = (doc: OwnershipDoc) => doc.entities.length > FOCUS_MIN_ENTITIES;

const defaults = new WeakMap<object, Focus>();

/**
 * The entity a huge graph opens on (stable across edits): the company with the most holdings, then the most holders —
 * the head of a group, whose structure reads at a glance, rather than a widely held company drawn as a crowd of
 * small holders (1,500 of them in the 100k sample, a drawing that took the page a second).
 */
export function defaultFocus(doc: OwnershipDoc, date: string): Focus {
  // Kept per adjacency, which versions with the same edges share (a stake edit or a move keeps it): not sought again per edit.
  const adj = adjacency(doc, date);
  const hit = defaults.get(adj);
  if (hit) return hit;
  let best = -1, score = -1;
  doc.entities.forEach((e, i) => {
    if (e.kind && e.kind !== 'company') return; // open on a company, not on a float or a fund holding everything
    const down = adj.downStart[i + 1] - adj.downStart[i];
    const s = down * (doc.entities.length + 1) + adj.upStart[i + 1] - adj.upStart[i];
    if (down > 0 && s > score) [best, score] = [i, s];
  });
  const focus = { ids: best >= 0 ? [doc.entities[best].id] : doc.entities.slice(0, 1).map((e) => e.id), depth: 2 };
  defaults.set(adj, focus);
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
  const ids = entityIds(doc);
  // A focus names a few entities: finding them by scanning beats indexing 100k ids.
  const start = focus.ids.map((id) => ids.indexOf(id)).filter((i) => i >= 0);
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
  const shown = new Set<string>();
  const hidden = new Map<string, number>();
  const holdingIdx: number[] = [];
  for (const i of drawn) {
    shown.add(ids[i]);
    let n = 0;
    for (const w of neighbours(adj, 'up', i)) if (!drawn.has(w)) n++;
    for (let e = adj.downStart[i]; e < adj.downStart[i + 1]; e++) {
      if (!drawn.has(adj.down[e])) n++;
      else if (adj.downHolding[e] >= 0) holdingIdx.push(adj.downHolding[e]);
    }
    if (n) hidden.set(ids[i], n);
  }
  const entityIdx = [...drawn].sort((a, b) => a - b);
  return { ids: shown, entityIdx, holdingIdx: holdingIdx.sort((a, b) => a - b), hidden };
}

const layouts = new WeakMap<object[], Map<string, Map<string, { x: number; y: number }>>>();

/**
 * Positions for the focused entities that have none saved: a layered layout of the focused part alone. Kept per
 * entity list and drawn set, so a stake edit (which changes neither) never moves the nodes or pays for a layout.
 */
export function focusPositions(doc: OwnershipDoc, drawn: Pick<FocusSet, 'entityIdx'>, date: string): Map<string, { x: number; y: number }> {
  const key = `${date}|${drawn.entityIdx.join(',')}`; // indices are fixed for the entity list the cache is kept for
  let byKey = layouts.get(doc.entities);
  if (!byKey) layouts.set(doc.entities, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const sub = subDocumentAt(doc, drawn.entityIdx, date);
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
