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
