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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CALENDAR_CACHE_MAX = 100_000;
/** Dates already found real, so a register's few thousand distinct dates are each checked once. */
const realDates = new Set<string>();

/**
 * Whether `x` is a date written YYYY-MM-DD that exists on the calendar (2024-02-29 yes, 2023-02-29 and 2024-13-01
 * no). The one calendar-date check of the document, the importers and the command line.
 */
export function isCalendarDate(x: unknown): x is string {
  if (typeof x !== 'string') return false;
  if (realDates.has(x)) return true;
  if (!ISO_DATE.test(x)) return false;
  const d = new Date(`${x}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== x) return false;
  if (realDates.size < CALENDAR_CACHE_MAX) realDates.add(x);
  return true;
}
