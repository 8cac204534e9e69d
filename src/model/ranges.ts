// Published bands of holdings ("25–50%"): the band still in force for a figure, and how to write it. Pure.
import type { Holding, HoldingRange } from './types';

const EPS = 1e-9;

/**
 * The band of a holding's shares (or votes) while the figure analysed still lies inside it; a figure edited out of
 * its band makes the band stale, and it is then neither shown, analysed at its bounds, nor exported.
 */
export function rangeOf(h: Holding, measure: 'shares' | 'votes' = 'shares'): HoldingRange | undefined {
  const r = measure === 'shares' ? h.sharesRange : h.votesRange ?? (h.votes === undefined ? h.sharesRange : undefined);
  const value = measure === 'shares' ? h.shares : h.votes ?? h.shares;
  if (!r || value < r.min - EPS || value > r.max + EPS) return undefined;
  return r;
}

const num = (x: number) => String(Math.round(x * 1e4) / 1e4);

/** A band as people read it: "25–50%", ">25–50%", "50–<75%", ">75%" (a maximum of 100 is left out). */
export function fmtRange(r: HoldingRange): string {
  const lo = `${r.minExclusive ? '>' : ''}${num(r.min)}`;
  if (r.max >= 100 && !r.maxExclusive) return r.minExclusive ? `>${num(r.min)}%` : `≥${num(r.min)}%`;
  return `${lo}–${r.maxExclusive ? '<' : ''}${num(r.max)}%`;
}
