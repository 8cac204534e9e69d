// The document's dated history as BODS statement series: a consumer that keeps the newest statement per record as
// of a date (BODS 0.4 "updates" and "closing records") sees on every date what the document has in force then.
// Pure: rewrites the one-statement-per-record list that exportBods builds.
import { stableUuid } from './hash';
import type { BodsStatement } from './bodsTypes';

/** Where a statement of the plain export came from: its record's period and, for holdings, the holder–subject pair. */
export interface SeriesMeta {
  since?: string | null;
  until?: string | null;
  /** Holdings of one pair over successive periods (one ending the day the next starts) form one record. */
  pair?: string;
}

const withDate = (s: BodsStatement, recordId: string, date: string, status: BodsStatement['recordStatus']): BodsStatement => ({
  ...s,
  statementId: stableUuid(`${s.recordType}|${recordId}|${date}|${status}`),
  statementDate: date,
  recordId,
  recordStatus: status,
});

/**
 * Rewrites `plain` (one statement per record) as series: entities and persons `new` on the earliest date of the
 * document; each relationship `new` on its start (the earliest date when undated), `updated` when the next period
 * of the same holder and subject starts the day it ends, `closed` on its end. Records keep the document's order.
 */
export function toSeries(plain: BodsStatement[], meta: SeriesMeta[], earliest: string): BodsStatement[] {
  const out: BodsStatement[] = [];
  const chains = new Map<string, number[]>();
  plain.forEach((s, i) => {
    if (s.recordType !== 'relationship') {
      out.push(withDate(s, s.recordId, earliest, 'new'));
      return;
    }
    const key = meta[i].pair ?? `#${i}`;
    const list = chains.get(key);
    if (list) list.push(i); else chains.set(key, [i]);
  });
  for (const list of chains.values()) {
    list.sort((a, b) => (meta[a].since ?? '').localeCompare(meta[b].since ?? ''));
    let recordId: string | undefined;
    let prevUntil: string | null | undefined;
    for (const i of list) {
      const s = plain[i], m = meta[i];
      const start = m.since ?? earliest;
      if (recordId && prevUntil && prevUntil === m.since) {
        out.push(withDate(s, recordId, start, 'updated'));
      } else {
        recordId = s.recordId;
        out.push(withDate(s, recordId, start, 'new'));
      }
      if (m.until) out.push(withDate(s, recordId, m.until, 'closed'));
      prevUntil = m.until;
    }
  }
  // A closed statement followed on the same day by the next period's update: the update must win, so drop the close.
  // Records keep the document's order (a reader lists records in the order they first appear), each record's
  // statements in date order; entities and persons come first, before the relationships that name them.
  return out.filter((s, i) => !(s.recordStatus === 'closed' && out.some((t, j) => j !== i && t.recordId === s.recordId && t.statementDate === s.statementDate && t.recordStatus === 'updated')));
}
