// Relations that confer control: accounting consolidation (IFRS 10 §7 — a parent consolidates the entities it
// controls; GLEIF "IS_DIRECTLY_CONSOLIDATED_BY" / "IS_ULTIMATELY_CONSOLIDATED_BY") counts as a control agreement.
// Other relations (trustee, nominee, board member…) carry no figure and do not enter the math. Pure.
import type { Agreement, OwnershipDoc } from '../model';

const cache = new WeakMap<OwnershipDoc, Agreement[]>();

/**
 * The document's agreements plus one sole-control agreement per consolidation relation (direct parents before
 * ultimate ones, so a subject's direct parent is the one that fires and the ultimate parent is reached through it).
 */
export function controlAgreements(doc: OwnershipDoc): Agreement[] {
  const relations = doc.relations;
  if (!relations?.length) return doc.agreements ?? [];
  let out = cache.get(doc);
  if (out) return out;
  const made: Agreement[] = [];
  for (const level of ['direct', undefined, 'ultimate'] as const) {
    for (const r of relations) {
      if (r.kind !== 'consolidation' || !r.party || r.level !== level) continue;
      const a: Agreement = { id: r.id, kind: 'control', parties: [r.party], subject: r.subject, basis: `${r.level === 'ultimate' ? 'ultimate ' : ''}accounting consolidation (IFRS 10)` };
      if (r.since) a.since = r.since;
      if (r.until) a.until = r.until;
      made.push(a);
    }
  }
  out = made.length ? [...(doc.agreements ?? []), ...made] : doc.agreements ?? [];
  cache.set(doc, out);
  return out;
}
