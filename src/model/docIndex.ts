// A document read by index: entity id → position, and every holding's holder and subject as entity positions (−1
// for an unknown id). Validation resolves every id anyway and leaves its result here, so an analysis of a register
// does not look a million ids up a second time. Cached per document while its entity and holding lists are unchanged.
import type { Entity, Holding, OwnershipDoc } from './types';

export interface DocIndex {
  entities: Entity[];
  holdings: Holding[];
  index: Map<string, number>;
  holder: Int32Array;
  subject: Int32Array;
}

const cache = new WeakMap<OwnershipDoc, DocIndex>();

/** Keeps `idx` for `doc` (validation calls this; the index must describe the document's lists as they are). */
export function rememberIndex(doc: OwnershipDoc, idx: DocIndex): void {
  cache.set(doc, idx);
}

/** The index of `doc`: the one validation left, or built now. Read-only: callers must not change it. */
export function docIndex(doc: OwnershipDoc): DocIndex {
  const known = cache.get(doc);
  if (known && known.entities === doc.entities && known.holdings === doc.holdings && known.index.size === doc.entities.length && known.holder.length === doc.holdings.length) return known;
  const index = new Map<string, number>();
  doc.entities.forEach((e, i) => index.set(e.id, i));
  const m = doc.holdings.length;
  const holder = new Int32Array(m), subject = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const h = doc.holdings[k];
    holder[k] = index.get(h.holder) ?? -1;
    subject[k] = index.get(h.subject) ?? -1;
  }
  const idx = { entities: doc.entities, holdings: doc.holdings, index, holder, subject };
  cache.set(doc, idx);
  return idx;
}

/**
 * The lookups an edit needs, kept per record list and handed on to the list an edit makes from it (apply.ts), so
 * checking one edit costs what it touches: holdings by id and by subject, entity ids. The index describes exactly
 * the array it is kept for; a list whose ids repeat gets none (callers then scan, as before).
 */
export interface HoldingLookup {
  byId: HoldingsById;
  /** The holdings of the subjects asked for so far (subjectHoldings), in no particular order. */
  bySubject: Map<string, Holding[]>;
  /** For a list made from a kept list: the kept list's lookup, whose subjects' holdings are read through `byId`. */
  base?: HoldingLookup;
}

/** Holdings by id: what edits ask of the map (a Map, or a LayeredIds over a kept list's map). */
export type HoldingsById = Pick<Map<string, Holding>, 'get' | 'has' | 'set' | 'delete' | 'size'>;

/**
 * The holdings by id of a list made from a kept list (keepHoldingLookup): the kept list's map, read through the few
 * differences the edits since made, so that a scenario applied on a register's base costs its edits, not a copy of
 * 250k ids. The base map is never changed (the kept list's own lookup stays as it is).
 */
class LayeredIds implements HoldingsById {
  private own = new Map<string, Holding | null>();
  private count: number;
  constructor(private base: HoldingsById) {
    this.count = base.size;
  }
  get(id: string) {
    const o = this.own.get(id);
    return o === undefined ? this.base.get(id) : (o ?? undefined);
  }
  has(id: string) {
    return this.get(id) !== undefined;
  }
  /** The holdings put since the base (replaced or added). */
  *put(): Iterable<Holding> {
    for (const h of this.own.values()) if (h) yield h;
  }
  set(id: string, h: Holding) {
    if (!this.has(id)) this.count++;
    this.own.set(id, h);
    return this as unknown as Map<string, Holding>;
  }
  delete(id: string) {
    if (!this.has(id)) return false;
    this.count--;
    this.own.set(id, null);
    return true;
  }
  get size() {
    return this.count;
  }
}

const holdingLookups = new WeakMap<Holding[], HoldingLookup>();
const entityLookups = new WeakMap<Entity[], Set<string>>();

/** The lookup of `holdings` (built once when it has none), or null when two holdings share an id. */
export function holdingLookup(holdings: Holding[]): HoldingLookup | null {
  const known = holdingLookups.get(holdings);
  if (known && known.byId.size === holdings.length) return known;
  const byId = new Map<string, Holding>();
  for (const h of holdings) {
    if (byId.has(h.id)) return null;
    byId.set(h.id, h);
  }
  const idx = { byId, bySubject: new Map<string, Holding[]>() };
  holdingLookups.set(holdings, idx);
  return idx;
}

/** Lists edited again and again from the same version (a scenario's base): their lookup is copied to an edit, not moved. */
const keptLookups = new WeakSet<Holding[]>();

/** Keeps the lookup of `holdings` through the edits made from it (the base every scenario is applied on). */
export function keepHoldingLookup(holdings: Holding[]): void {
  keptLookups.add(holdings);
}

/**
 * Hands the lookup of `from` on to `to`, the list an edit made from it by removing the records `removed` and
 * adding `added` (a replaced record is in both). `from` loses it (it is rebuilt if `from` is edited again), unless
 * it is kept (keepHoldingLookup): then `to` gets a lookup layered over it.
 */
export function moveHoldingLookup(from: Holding[], to: Holding[], removed: Iterable<Holding>, added: Iterable<Holding>): void {
  const known = holdingLookups.get(from);
  if (!known || known.byId.size !== from.length) return;
  // A kept list's lookup stays: the edit's list reads its holdings by id through the differences (LayeredIds); its
  // holdings by subject are found again when asked, as later edits change those lists in place.
  const kept = keptLookups.has(from);
  const idx = kept ? { byId: new LayeredIds(known.byId), bySubject: new Map<string, Holding[]>(), base: known } : known;
  if (!kept) holdingLookups.delete(from);
  for (const h of removed) {
    if (idx.byId.get(h.id) === h) idx.byId.delete(h.id);
    const s = idx.bySubject.get(h.subject);
    const i = s ? s.indexOf(h) : -1;
    if (i >= 0) s!.splice(i, 1);
  }
  for (const h of added) {
    if (idx.byId.has(h.id)) return; // an id twice: leave `to` without a lookup
    idx.byId.set(h.id, h);
    idx.bySubject.get(h.subject)?.push(h); // a subject not asked for yet is found when it is
  }
  if (idx.byId.size === to.length) holdingLookups.set(to, idx);
}

/**
 * The holdings of `subject` in `holdings` (whose lookup `idx` is): found the first time by one scan, or, on a list made
 * from a kept list that knows them (a scenario on a prepared register), from the kept list's through the differences;
 * then kept.
 */
export function subjectHoldings(holdings: Holding[], idx: HoldingLookup, subject: string): Holding[] {
  let list = idx.bySubject.get(subject);
  if (list) return list;
  const known = idx.base?.bySubject.get(subject);
  if (known && idx.byId instanceof LayeredIds) {
    list = known.filter((h) => idx.byId.get(h.id) === h);
    for (const h of idx.byId.put()) if (h.subject === subject && idx.byId.get(h.id) === h && !list.includes(h)) list.push(h);
  } else list = holdings.filter((h) => h.subject === subject);
  idx.bySubject.set(subject, list);
  return list;
}

/**
 * Makes the lookups of `doc` whole now (every subject's holdings too), for a document about to be edited live: its
 * edits then never scan (the analysis worker does this while it makes its first analysis).
 */
export function prepareEditLookups(doc: OwnershipDoc): void {
  entityLookup(doc.entities);
  const idx = holdingLookup(doc.holdings);
  if (!idx) return;
  const by = (idx.bySubject = new Map<string, Holding[]>());
  for (const h of doc.holdings) {
    const s = by.get(h.subject);
    if (s) s.push(h);
    else by.set(h.subject, [h]);
  }
}

/** The ids of `entities` (built once), or null when two entities share an id. */
export function entityLookup(entities: Entity[]): Set<string> | null {
  const known = entityLookups.get(entities);
  if (known && known.size === entities.length) return known;
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id)) return null;
    ids.add(e.id);
  }
  entityLookups.set(entities, ids);
  return ids;
}

/** Hands the ids of `from` on to `to`, made from it by removing ids `removed` and adding `added`. */
export function moveEntityLookup(from: Entity[], to: Entity[], removed: Iterable<string>, added: Iterable<string>): void {
  const ids = entityLookups.get(from);
  if (!ids || ids.size !== from.length) return;
  entityLookups.delete(from);
  for (const id of removed) ids.delete(id);
  for (const id of added) {
    if (ids.has(id)) return;
    ids.add(id);
  }
  if (ids.size === to.length) entityLookups.set(to, ids);
}
