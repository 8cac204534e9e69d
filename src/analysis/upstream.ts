// Everything upstream of an entity: its holders, their holders, agreement parties and the parties of declared indirect
// interests, recursively. The control and look-through of an entity depend only on this part of the graph, so a
// sub-document of it analyses the entity exactly as the whole graph would, at a fraction of the cost. Both walk the adjacency (adjacency.ts), so
// on a huge graph they cost what the upstream part holds, not what the document holds.
import { inForce, type OwnershipDoc } from '../model';
import { adjacency, entityIndex } from './adjacency';
import { isDeclaredIndirect } from './declared';

const partiesMemo = new WeakMap<object, WeakMap<object, Map<string, Map<number, number[]>>>>();

/**
 * The parties of declared indirect interests in force on `date`, by subject index (analysis/declared.ts): they count
 * as holders of their subjects. Memoised per relation list, entity list and date (upstreamOf runs per entity looked at).
 */
function declaredParties(doc: OwnershipDoc, date: string): Map<number, number[]> {
  const relations = doc.relations ?? [];
  if (!relations.length) return new Map();
  let byEntities = partiesMemo.get(relations);
  if (!byEntities) partiesMemo.set(relations, (byEntities = new WeakMap()));
  let byDate = byEntities.get(doc.entities);
  if (!byDate) byEntities.set(doc.entities, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit) return hit;
  const out = new Map<number, number[]>();
  const index = entityIndex(doc);
  for (const r of relations) {
    if (!isDeclaredIndirect(r) || !inForce(r, date)) continue;
    const p = index.get(r.party), s = index.get(r.subject);
    if (p !== undefined && s !== undefined) (out.get(s) ?? out.set(s, []).get(s)!).push(p);
  }
  byDate.set(date, out);
  return out;
}

/** The indices (in doc.entities) upstream of the entities at `start`, themselves included. */
function upstreamIndices(doc: OwnershipDoc, start: number[], date: string): Set<number> {
  const adj = adjacency(doc, date);
  const declared = declaredParties(doc, date);
  const out = new Set(start);
  const queue = [...start];
  const reach = (u: number) => {
    if (!out.has(u)) { out.add(u); queue.push(u); }
  };
  while (queue.length) {
    const v = queue.pop()!;
    for (let e = adj.upStart[v]; e < adj.upStart[v + 1]; e++) reach(adj.up[e]);
    for (const u of declared.get(v) ?? []) reach(u);
  }
  return out;
}

/** The ids upstream of `ids` (themselves included; ids of no entity stay as given). */
export function upstreamOf(doc: OwnershipDoc, ids: string[], date: string): Set<string> {
  const index = entityIndex(doc);
  const start = ids.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const out = new Set(ids);
  for (const i of upstreamIndices(doc, start, date)) out.add(doc.entities[i].id);
  return out;
}

/** The sub-document made of the entities at indices `keep`: them and the records in force on `date` among them, in document order. */
export function subDocumentAt(doc: OwnershipDoc, keep: Iterable<number>, date: string): OwnershipDoc {
  const adj = adjacency(doc, date);
  const at = [...new Set(keep)].sort((a, b) => a - b);
  const kept = new Set(at);
  const ids = new Set(at.map((i) => doc.entities[i].id));
  const holdings: number[] = [];
  for (const v of at) for (let e = adj.upStart[v]; e < adj.upStart[v + 1]; e++) if (adj.upHolding[e] >= 0 && kept.has(adj.up[e])) holdings.push(adj.upHolding[e]);
  holdings.sort((a, b) => a - b);
  return {
    ...doc,
    entities: at.map((i) => doc.entities[i]),
    holdings: holdings.map((k) => doc.holdings[k]),
    agreements: (doc.agreements ?? []).filter((a) => inForce(a, date) && ids.has(a.subject) && a.parties.every((p) => ids.has(p))),
    ...(doc.relations ? { relations: doc.relations.filter((r) => inForce(r, date) && ids.has(r.subject) && (!r.party || ids.has(r.party))) } : {}),
    dependencies: (doc.dependencies ?? []).filter((d) => inForce(d, date) && ids.has(d.provider) && ids.has(d.client)),
    events: [],
  };
}

/** The sub-document made of `keep`: its entities and the records in force on `date` among them. */
export function subDocument(doc: OwnershipDoc, keep: Set<string>, date: string): OwnershipDoc {
  const index = entityIndex(doc);
  const at: number[] = [];
  for (const id of keep) {
    const i = index.get(id);
    if (i !== undefined) at.push(i);
  }
  return subDocumentAt(doc, at, date);
}
