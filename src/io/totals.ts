// Finds the first subject whose holdings sum to more than 100% on some date, the same test as model/validate,
// so importers can name the offending lines or statements before the model refuses the whole document.
import { inForce, type Holding } from '../model';

const EPS = 1e-6 + 0.1; // 100.1% is accepted as rounding (model/validate ROUNDING_TOLERANCE)

/** A subject whose holdings pass 100%, with the holdings in force when they do. */
export interface Overfull {
  subject: string;
  measure: 'shares' | 'votes';
  total: number;
  /** The date on which the sum is too high; undefined for holdings without a start date. */
  date?: string;
  holdings: Holding[];
}

/** The first subject whose shares or votes pass 100% on one of the dates its holdings start; undefined when none. */
export function findOverfull(holdings: Holding[]): Overfull | undefined {
  const bySubject = new Map<string, Holding[]>();
  for (const h of holdings) {
    const list = bySubject.get(h.subject);
    if (list) list.push(h); else bySubject.set(h.subject, [h]);
  }
  for (const [subject, list] of bySubject) {
    if (list.length < 2 && list[0].shares <= 100 && (list[0].votes ?? 0) <= 100) continue;
    // Fast path: when every holding together, whatever its dates, stays within the limit, no date can pass it.
    let allShares = 0, allVotes = 0;
    for (const h of list) { allShares += h.shares; allVotes += h.votes ?? h.shares; }
    if (allShares <= 100 + EPS && allVotes <= 100 + EPS) continue;
    const dates = new Set<string | undefined>([undefined]);
    for (const h of list) if (h.since) dates.add(h.since);
    for (const date of dates) {
      const live = list.filter((h) => (date === undefined ? !h.since : inForce(h, date)));
      const shares = live.reduce((s, h) => s + h.shares, 0);
      const votes = live.reduce((s, h) => s + (h.votes ?? h.shares), 0);
      if (shares > 100 + EPS) return { subject, measure: 'shares', total: shares, date, holdings: live };
      if (votes > 100 + EPS) return { subject, measure: 'votes', total: votes, date, holdings: live };
    }
  }
  return undefined;
}

/** A percentage for a message: at most four decimals, no trailing zeros. */
export function fmtPct(x: number): string {
  return `${Math.round(x * 1e4) / 1e4}%`;
}
