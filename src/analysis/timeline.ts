// The dates of a document's history (CONTROL-MODEL §6): every since/until of holdings, agreements and dependencies
// and every event date, sorted, for a timeline to step through; and the events up to a date.
import type { OwnershipDoc, OwnershipEvent } from '../model';

/** Every distinct date on which something starts, ends or happens, ascending (ISO dates sort as text). */
export function timelineDates(doc: OwnershipDoc): string[] {
  const out = new Set<string>();
  const add = (d: string | null | undefined) => {
    if (d) out.add(d);
  };
  for (const r of [...doc.holdings, ...(doc.agreements ?? []), ...(doc.dependencies ?? [])]) {
    add(r.since);
    add(r.until);
  }
  for (const e of doc.events ?? []) add(e.date);
  if (doc.asOf) out.add(doc.asOf);
  return [...out].sort();
}

/** The index of the last timeline date on or before `date` (0 when `date` precedes them all). */
export function dateIndex(dates: string[], date: string): number {
  let i = 0;
  for (let k = 0; k < dates.length; k++) if (dates[k] <= date) i = k;
  return i;
}

/** Events sorted by date (then id), so lists read in order. */
export function eventsByDate(doc: OwnershipDoc): OwnershipEvent[] {
  return [...(doc.events ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
