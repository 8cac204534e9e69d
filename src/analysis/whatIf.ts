// What would it take (CONTROL-MODEL §4): for every company on an ownership path into the target and every seller
// of it (the unattributed remainder included), the smallest purchase, to 0.01 points, that gives the buyer control.
// Control is monotone in the buyer's stake, so each (company, seller) pair is a binary search over hundredths,
// run on the sub-document of the target's ancestors only.
import { apply, FLOAT_PREFIX, type OwnershipDoc } from '../model';
import { subDocument, upstreamOf } from './upstream';
import { Analysis } from './analyze';
import type { AnalysisOptions } from './options';
import { resolveOptions } from './options';

export interface Purchase {
  company: string;
  seller: string;
  points: number;
}

/** Whether `buyer` controls `target` (solely, or as one of its ultimate controllers' chain). */
export function controls(a: Analysis, buyer: string, target: string): boolean {
  let x: string | undefined = target;
  const seen = new Set<string>();
  while (x && !seen.has(x)) {
    seen.add(x);
    const c = a.control.get(x);
    if (!c || c.status === 'independent' || c.status === 'joint') return false;
    if (c.parent[0] === buyer) return true;
    x = c.parent[0];
  }
  return false;
}

/** Whether `buyer` already controls `target` on the options' date (what an empty answer of whatWouldItTake means then). */
export function controlsNow(doc: OwnershipDoc, buyer: string, target: string, opts: Partial<AnalysisOptions> = {}): boolean {
  const o = resolveOptions(doc, opts);
  const keep = upstreamOf(doc, [target, buyer], o.date);
  return controls(new Analysis({ ...subDocument(doc, keep, o.date), dependencies: [] }, o), buyer, target);
}

/** The smallest purchases that give `buyer` control of `target`, smallest first; [] if it already controls it. */
export function whatWouldItTake(doc: OwnershipDoc, buyer: string, target: string, opts: Partial<AnalysisOptions> = {}): Purchase[] {
  const o = resolveOptions(doc, opts);
  if (!doc.entities.some((e) => e.id === buyer)) throw new Error(`analysis/whatIf: no entity "${buyer}" — pick an existing buyer`);
  if (!doc.entities.some((e) => e.id === target)) throw new Error(`analysis/whatIf: no entity "${target}" — pick an existing target`);
  if (buyer === target) return [];
  const keep = upstreamOf(doc, [target, buyer], o.date);
  const sub: OwnershipDoc = { ...subDocument(doc, keep, o.date), dependencies: [] };
  if (controls(new Analysis(sub, o), buyer, target)) return [];
  const results: Purchase[] = [];
  const companies = [...keep].filter((id) => id !== buyer && sub.holdings.some((h) => h.subject === id) || id === target);
  for (const company of companies) {
    const holdings = sub.holdings.filter((h) => h.subject === company);
    const held = holdings.reduce((s, h) => s + h.shares, 0);
    const sellers: [string, number][] = holdings.filter((h) => h.holder !== buyer).map((h) => [h.holder, h.shares]);
    if (100 - held > 0.005) sellers.push([FLOAT_PREFIX + company, 100 - held]);
    for (const [seller, available] of sellers) {
      const max = Math.floor(available * 100 + 1e-6);
      const works = (hundredths: number) => {
        try {
          const next = apply(sub, { type: 'transfer', seller, buyer, subject: company, points: hundredths / 100, date: o.date });
          return controls(new Analysis(next, o), buyer, target);
        } catch {
          return false;
        }
      };
      if (max < 1 || !works(max)) continue;
      let lo = 1, hi = max;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (works(mid)) hi = mid; else lo = mid + 1;
      }
      results.push({ company, seller, points: lo / 100 });
    }
  }
  return results.sort((a, b) => a.points - b.points || a.company.localeCompare(b.company) || a.seller.localeCompare(b.seller));
}
