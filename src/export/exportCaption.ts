// Pure: what an exported image says besides the graph — title, view date, control rule, legend, cited sources.
import { ruleLabel, type Rule } from '../analysis';
import type { OwnershipDoc, Source } from '../model';
import type { LegendModel } from '../canvas/legend';

/** The caption of an exported image; the legend is the same LegendModel the app shows. */
export interface CaptionContent {
  title: string;
  /** "As of 2024-09-30 · Control rule: Legal control · …" */
  subtitle: string;
  legend: LegendModel;
  /** Short labels of the cited sources, most cited first. */
  sources: string[];
}

/** The view the image shows. */
export interface CaptionView {
  date: string;
  rule: Rule;
  threshold: number;
  layers: { holdings: boolean; agreements: boolean; dependencies: boolean };
  /** What else the reader must know about the picture ("Preview of a transfer, not applied", "Showing 300 of 9,000 entities"). */
  notes?: string[];
}

/** Longest label one source gets in the sources line. */
export const SOURCE_LABEL_MAX = 60;

/** The host of a URL without "www.", or null when it is not a URL. */
function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.hostname ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** A source shortened for one line: its title (cut), else its web site, else its URL (cut); '' when it has neither. */
export function sourceLabel(s: Source, max = SOURCE_LABEL_MAX): string {
  const raw = (s.title?.trim() || (s.url ? (hostOf(s.url.trim()) ?? s.url.trim()) : '')).replace(/\s+/g, ' ');
  return raw.length <= max ? raw : `${raw.slice(0, max - 1).trimEnd()}…`;
}

/** Every source cited anywhere in the document, as distinct short labels, most cited first (then in document order). */
export function citedSources(doc: OwnershipDoc): string[] {
  const count = new Map<string, number>();
  const records: { sources?: Source[] }[] = [...doc.entities, ...doc.holdings, ...(doc.agreements ?? []), ...(doc.dependencies ?? []), ...(doc.events ?? [])];
  for (const r of records) {
    const seen = new Set<string>();
    for (const s of r.sources ?? []) {
      const label = sourceLabel(s);
      if (!label || seen.has(label)) continue;
      seen.add(label);
      count.set(label, (count.get(label) ?? 0) + 1);
    }
  }
  const first = new Map([...count.keys()].map((label, i) => [label, i]));
  return [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || first.get(a)! - first.get(b)!);
}


/** The caption for `doc` seen through `view`, with the legend the app shows for it. */
export function captionContent(doc: OwnershipDoc, view: CaptionView, legend: LegendModel): CaptionContent {
  const hidden = (Object.keys(view.layers) as (keyof CaptionView['layers'])[]).filter((k) => !view.layers[k]);
  const parts = [`As of ${view.date}`, `Control rule: ${ruleLabel(view.rule, view.threshold)}`];
  if (hidden.length) parts.push(`Not shown: ${hidden.join(', ')}`);
  parts.push(...(view.notes ?? []));
  return {
    title: doc.title?.trim() || 'Untitled graph',
    subtitle: parts.join('  ·  '),
    legend,
    sources: citedSources(doc),
  };
}
