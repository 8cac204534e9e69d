// Published bands (UK PSC "25–50%", "50–75%", "more than 75%") analysed at a point that never oversums a company:
// each band's midpoint when the midpoints fit in 100%, else every band of that company pulled toward its lower bound
// by the same fraction t of its width (lo + t·(hi − lo), t < ½ the largest that fits), the rest left unattributed.
// Three holders at 25–50% give 33.33% each (t = ⅓), not 37.5% (112.5% in all). Pure.
import { inForce, type Holding, type HoldingRange } from '../model';
import { IoError } from './errors';
import { fmtPct } from './totals';

type Measure = 'shares' | 'votes';
type Ranged = Holding & { sharesRange?: HoldingRange; votesRange?: HoldingRange };

const EPS = 1e-9;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function rangeFor(h: Ranged, m: Measure): HoldingRange | undefined {
  return m === 'shares' ? h.sharesRange : h.votesRange ?? (h.votes === undefined ? h.sharesRange : undefined);
}

function valueOf(h: Ranged, m: Measure): number {
  return m === 'shares' ? h.shares : h.votes ?? h.shares;
}

/**
 * Sets the analysed point of every banded holding (see the header); returns one warning per company whose bands
 * were pulled below their midpoints. Throws when the lower bounds alone pass 100.1% (the bands contradict each other).
 */
export function fitBands(holdings: Holding[], where: string, nameOf: (id: string) => string, labelOf: (h: Holding) => string): string[] {
  // Subjects with a band, in the order of their first band; then all their holdings, in one pass (not one per subject).
  const bySubject = new Map<string, Ranged[]>();
  for (const h of holdings as Ranged[]) if ((h.sharesRange || h.votesRange) && !bySubject.has(h.subject)) bySubject.set(h.subject, []);
  if (!bySubject.size) return [];
  for (const h of holdings as Ranged[]) bySubject.get(h.subject)?.push(h);
  const warnings: string[] = [];
  for (const [subject, all] of bySubject) {
    const dates = new Set<string | undefined>([undefined]);
    for (const h of all) if (h.since) dates.add(h.since);
    for (const m of ['shares', 'votes'] as const) {
      const factor = new Map<Ranged, number>();
      let pulled = 0;
      for (const d of dates) {
        const live = all.filter((h) => (d === undefined ? !h.since : inForce(h, d)));
        let fixed = 0, lows = 0, width = 0;
        for (const h of live) {
          const r = rangeFor(h, m);
          if (r) { lows += r.min; width += r.max - r.min; } else fixed += valueOf(h, m);
        }
        if (!width) continue;
        if (fixed + lows > 100.1 + EPS) {
          throw new IoError(`${where}the ${m} bands of ${nameOf(subject)} (${subject}) start at ${fmtPct(fixed + lows)} in all${d ? ` on ${d}` : ''}, more than 100% even at their lower bounds — ${live.map(labelOf).join(', ')}; check the bands and dates`);
        }
        const t = Math.max(0, Math.min(0.5, (100 - fixed - lows) / width));
        if (t < 0.5 - EPS) pulled = Math.max(pulled, fixed + lows + width / 2);
        for (const h of live) if (rangeFor(h, m)) factor.set(h, Math.min(factor.get(h) ?? 0.5, t));
      }
      for (const [h, t] of factor) {
        const r = rangeFor(h, m)!;
        const v = round6(r.min + t * (r.max - r.min));
        if (m === 'shares') h.shares = v;
        else if (h.votes !== undefined) h.votes = v;
      }
      if (pulled) {
        warnings.push(`${where}the ${m} bands of ${nameOf(subject)} (${subject}) would sum to ${fmtPct(pulled)} at their midpoints — analysed nearer their lower bounds so they sum to at most 100%; the rest is unattributed, and control is shown as certain or only possible`);
      }
    }
  }
  return warnings;
}
