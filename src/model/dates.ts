// Date helpers for dated records: ISO strings compare as text, and "in force on T" means since ≤ T < until.

/** Whether a record with since/until is in force on `date` (undefined date = no filtering). */
export function inForce(rec: { since?: string | null; until?: string | null }, date: string | undefined): boolean {
  if (date === undefined) return true;
  if (rec.since && rec.since > date) return false;
  if (rec.until && rec.until <= date) return false;
  return true;
}

/** Whether two date intervals [since, until) overlap. */
export function overlaps(a: { since?: string | null; until?: string | null }, b: { since?: string | null; until?: string | null }): boolean {
  const aStart = a.since ?? '', bStart = b.since ?? '';
  const aEnd = a.until ?? '\uffff', bEnd = b.until ?? '\uffff';
  return aStart < bEnd && bStart < aEnd;
}

/** Today's date as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
