// The declared indirect interests a document keeps, for export: BODS import keeps each indirect interest either as a
// note on an entity (when the figures do not determine the chain) or as the source of holdings derived from it. An
// export writes them back as the source declared them (directOrIndirect "indirect", the intermediaries as
// componentRecords), and leaves out holdings that were only derived from them while they still say what was derived.
import type { Agreement, Holding, OwnershipDoc } from '../model';
import { isObj } from './bodsRead';

/** One declared indirect interest: the record as read (a holding or control agreement) and its intermediaries. */
export interface DeclaredIndirect {
  record: Holding | Agreement;
  through: string[];
}

type Obj = Record<string, unknown>;

const asDeclared = (v: unknown): DeclaredIndirect | undefined => {
  if (!isObj(v) || !isObj(v.record) || typeof v.record.subject !== 'string') return undefined;
  const through = Array.isArray(v.through) ? v.through.filter((x): x is string => typeof x === 'string') : [];
  return { record: v.record as unknown as Holding | Agreement, through };
};

/**
 * The declared indirect interests of `doc` whose party and subject still exist, and the derived holdings they
 * replace in an export (those whose figure and period are still the derived ones).
 */
export function declaredIndirect(doc: OwnershipDoc): { declared: DeclaredIndirect[]; derived: Set<Holding> } {
  const ids = new Set(doc.entities.map((e) => e.id));
  const declared: DeclaredIndirect[] = [];
  const derived = new Set<Holding>();
  const seen = new Set<object>();
  const keep = (d: DeclaredIndirect | undefined) => {
    if (!d || seen.has(d.record)) return;
    const party = 'holder' in d.record ? d.record.holder : d.record.parties[0];
    if (!ids.has(party) || !ids.has(d.record.subject)) return;
    seen.add(d.record);
    declared.push(d);
  };
  for (const e of doc.entities as (OwnershipDoc['entities'][number] & { bods?: unknown })[]) {
    const notes = isObj(e.bods) && Array.isArray(e.bods.otherInterests) ? e.bods.otherInterests : [];
    for (const n of notes) if (isObj(n) && n.indirect === true) keep(asDeclared(n));
  }
  // Several holdings derived from one declaration (all of B and all of C) share its record: written once.
  const byRecord = new Map<string, Holding[]>();
  for (const h of doc.holdings) {
    const from = (h as Holding & { bods?: unknown }).bods;
    const d = isObj(from) ? asDeclared((from as Obj).derivedFrom) : undefined;
    if (!d) continue;
    const share = isObj(from) && isObj((from as Obj).derivedFrom) ? ((from as Obj).derivedFrom as Obj).share : undefined;
    const unchanged = h.estimated === true && h.shares === share && h.votes === undefined && (h.since ?? null) === ((d.record as Holding).since ?? null) && (h.until ?? null) === ((d.record as Holding).until ?? null)
      && typeof h.notes === 'string' && h.notes.startsWith('Derived from BODS');
    if (!unchanged) continue;
    derived.add(h);
    const list = byRecord.get(d.record.id) ?? [];
    list.push(h);
    byRecord.set(d.record.id, list);
    if (list.length === 1) keep(d);
  }
  return { declared, derived };
}
