// Patches: the records an operation touched, put back as they were. The inverse of every operation is one patch, so
// undo reaches the analysis worker as an operation as small as the edit it undoes. Pure.
import { ModelError } from './errors';
import { diffRecords, noteReplaced } from './recordDiff';
import type { OwnershipDoc } from './types';

/** The record lists of a document, by field name. A new list is one line here (and one in its record table). */
export const RECORD_LISTS = ['entities', 'holdings', 'agreements', 'relations', 'dependencies', 'events', 'scenarios'] as const;
export type RecordList = (typeof RECORD_LISTS)[number];

/** Changes to one record list: ids removed, then records put back (in place when present, else inserted at `index`). */
export interface ListPatch {
  remove?: string[];
  /** Ascending by index: the index each record has once the patch is applied. */
  put?: { index: number; record: { id: string } }[];
  /** The list did not exist before: remove the field. */
  unset?: true;
}

/** Restores records and top-level fields (`null` clears a field): the inverse of any operation. */
export interface PatchOp {
  type: 'patch';
  lists?: Partial<Record<RecordList, ListPatch>>;
  meta?: Record<string, unknown>;
}

/** What an operation touched: record ids per list, and top-level fields. */
export interface Touched {
  lists: Partial<Record<RecordList, Set<string>>>;
  meta: Set<string>;
}

export const touched = (): Touched => ({ lists: {}, meta: new Set() });

/** Records that `ids` of `list` were touched. */
export function touch(t: Touched, list: RecordList, ids: Iterable<string>): Touched {
  const set = (t.lists[list] ??= new Set());
  for (const id of ids) set.add(id);
  return t;
}

type Rec = { id: string };
/** The records of a list by id (docIndex's lookups), to find a record's place by reference. */
export type RecordsById = { get(id: string): Rec | undefined };
const listOf = (doc: OwnershipDoc, list: RecordList): Rec[] | undefined => (doc as unknown as Record<RecordList, Rec[] | undefined>)[list];

/**
 * The patch that puts every touched record and field back as it is in `before` (records `before` lacked are removed).
 * With `after` (the document the touches made), the touched records are looked for first where the two lists differ
 * by reference (a walk in step reads no record of a register's list but those), then by id among the rest.
 */
export function restoring(before: OwnershipDoc, t: Touched, after?: OwnershipDoc): PatchOp {
  const lists: Partial<Record<RecordList, ListPatch>> = {};
  for (const list of RECORD_LISTS) {
    const ids = t.lists[list];
    if (!ids?.size) continue;
    const arr = listOf(before, list);
    const put: ListPatch['put'] = [];
    const found = new Set<string>();
    const next = after && listOf(after, list);
    if (arr && next && next !== arr) {
      for (const i of diffRecords(arr, next).removed) {
        if (ids.has(arr[i].id) && !found.has(arr[i].id)) {
          put.push({ index: i, record: arr[i] });
          found.add(arr[i].id);
        }
      }
    }
    if (arr && found.size < ids.size) {
      for (let i = 0; i < arr.length && found.size < ids.size; i++) {
        if (ids.has(arr[i].id) && !found.has(arr[i].id)) {
          put.push({ index: i, record: arr[i] });
          found.add(arr[i].id);
        }
      }
      put.sort((x, y) => x.index - y.index);
    }
    const remove = [...ids].filter((id) => !found.has(id));
    lists[list] = { ...(remove.length ? { remove } : {}), ...(put.length ? { put } : {}), ...(arr ? {} : { unset: true as const }) };
  }
  const op: PatchOp = { type: 'patch', lists };
  if (t.meta.size) {
    const b = before as unknown as Record<string, unknown>;
    op.meta = Object.fromEntries([...t.meta].map((k) => [k, Object.hasOwn(b, k) ? b[k] : null]));
  }
  return op;
}

/** What a patch touches (its own inverse is `restoring(before, touchedBy(p))`). */
export function touchedBy(p: PatchOp): Touched {
  const t = touched();
  for (const [list, lp] of Object.entries(p.lists ?? {}) as [RecordList, ListPatch][]) {
    touch(t, list, lp.remove ?? []);
    touch(t, list, (lp.put ?? []).map((x) => x.record.id));
  }
  for (const k of Object.keys(p.meta ?? {})) t.meta.add(k);
  return t;
}

const LIST_NAMES = new Set<string>(RECORD_LISTS);
const FORBIDDEN_META = new Set(['__proto__', 'constructor', 'prototype', ...RECORD_LISTS]);

function patchList(arr: Rec[], lp: ListPatch, byId?: RecordsById): Rec[] {
  const removing = new Set(lp.remove ?? []);
  const base = removing.size ? arr.filter((r) => !removing.has(r.id)) : arr.slice();
  const puts = lp.put ?? [];
  if (!puts.length) return base;
  // With the list's records by id, a put's place is found by reference; else few puts look ids up by scanning and
  // many build an index once (a hub's holdings come back in one pass).
  const index = !byId && puts.length > 8 ? new Map(base.map((r, i) => [r.id, i])) : null;
  const inserts: { index: number; record: Rec }[] = [];
  const places: number[] = [];
  for (const p of puts) {
    if (typeof p?.record?.id !== 'string' || !Number.isInteger(p.index) || p.index < 0) throw new ModelError('model/patch: a put needs a record with an id and a whole index — this patch is damaged');
    const at = byId?.get(p.record.id);
    const i = byId ? (at ? base.indexOf(at) : -1) : index ? index.get(p.record.id) : base.findIndex((r) => r.id === p.record.id);
    if (i !== undefined && i >= 0) {
      base[i] = p.record;
      places.push(i);
    } else inserts.push(p);
  }
  if (!inserts.length) {
    if (!placed(base, puts)) return placeAll(base, puts);
    // Records replaced in place: the difference from `arr` is read from their places (recordDiff.ts).
    if (!removing.size) noteReplaced(arr, base, places);
    return base;
  }
  const out = insert(base, inserts);
  return placed(out, puts) ? out : placeAll(out, puts);
}

/** `list` with `puts` inserted at their indices (ascending), the other records in their order. */
function insert(list: Rec[], puts: { index: number; record: Rec }[]): Rec[] {
  const sorted = puts.slice().sort((a, b) => a.index - b.index);
  const out: Rec[] = [];
  let j = 0;
  for (const r of list) {
    while (j < sorted.length && sorted[j].index <= out.length) out.push(sorted[j++].record);
    out.push(r);
  }
  while (j < sorted.length) out.push(sorted[j++].record);
  return out;
}

/** Whether every put's record sits at its index (a record replaced in place may belong elsewhere). */
const placed = (list: Rec[], puts: { index: number; record: Rec }[]) => puts.every((p) => list[p.index] === p.record);

/**
 * The puts taken out and inserted again at their indices: for a record removed and another with its id added at
 * another place (an entity deleted, then a new one given its id), which replacing in place would leave where the
 * first one was.
 */
function placeAll(list: Rec[], puts: { index: number; record: Rec }[]): Rec[] {
  const ids = new Set(puts.map((p) => p.record.id));
  return insert(list.filter((r) => !ids.has(r.id)), puts);
}

/**
 * Applies a patch. Records are put back unchecked: a patch only ever restores a state the document was in (a
 * scenario or a file cannot contain one — batches refuse it), so it costs one pass over each list it touches.
 */
export function applyPatch(doc: OwnershipDoc, p: PatchOp, lookups: Partial<Record<RecordList, RecordsById>> = {}): OwnershipDoc {
  const next = { ...doc } as unknown as Record<string, unknown>;
  for (const [list, lp] of Object.entries(p.lists ?? {})) {
    if (!LIST_NAMES.has(list)) throw new ModelError(`model/patch: "${list}" is not a record list of a document — this patch is damaged`);
    const arr = patchList(listOf(doc, list as RecordList) ?? [], lp, lookups[list as RecordList]);
    if (lp.unset && !arr.length) delete next[list];
    else next[list] = arr;
  }
  for (const [k, v] of Object.entries(p.meta ?? {})) {
    if (FORBIDDEN_META.has(k)) throw new ModelError(`model/patch: "${k}" cannot be set as a document field — this patch is damaged`);
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
  }
  return next as unknown as OwnershipDoc;
}

/** Ids of `list` whose record differs (by reference) between two documents of one lineage, or is in only one. */
function changedIds(a: Rec[] | undefined, b: Rec[] | undefined): Set<string> {
  const out = new Set<string>();
  if (a === b) return out;
  // Lists of one lineage keep their unchanged records in order: a walk in step finds the few that differ without a
  // map of every id (a scenario over a register's 250k holdings). A record only moved in the list is not a change.
  const d = diffRecords(a ?? [], b ?? []);
  if (d.changed <= 64 + ((a?.length ?? 0) + (b?.length ?? 0)) / 16) {
    const gone = new Map(d.removed.map((i) => [a![i].id, a![i]]));
    for (const j of d.added) {
      const r = b![j];
      if (gone.get(r.id) === r) gone.delete(r.id);
      else out.add(r.id);
    }
    for (const id of gone.keys()) out.add(id);
    return out;
  }
  const inB = new Map((b ?? []).map((r) => [r.id, r]));
  for (const r of a ?? []) {
    if (inB.get(r.id) !== r) out.add(r.id);
    inB.delete(r.id);
  }
  for (const id of inB.keys()) out.add(id);
  return out;
}

/**
 * The patch that turns `from` into `to` (documents of one lineage, whose unchanged records are shared): jumping to a
 * scenario or back to its base costs a message the size of what differs, not a copy of the graph.
 */
export function diffPatch(from: OwnershipDoc, to: OwnershipDoc): PatchOp {
  const t = touched();
  for (const list of RECORD_LISTS) {
    const ids = changedIds(listOf(from, list), listOf(to, list));
    if (ids.size) touch(t, list, ids);
  }
  const f = from as unknown as Record<string, unknown>, g = to as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(f), ...Object.keys(g)])) if (!LIST_NAMES.has(k) && f[k] !== g[k]) t.meta.add(k);
  const p = restoring(to, t, from);
  // An empty list present in only one of the two documents.
  for (const list of RECORD_LISTS) {
    if (t.lists[list]) continue;
    const a = listOf(from, list), b = listOf(to, list);
    if (a && !b) (p.lists ??= {})[list] = { unset: true };
    else if (!a && b) (p.lists ??= {})[list] = { put: [] };
  }
  return p;
}
