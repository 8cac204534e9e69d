// The facts a case comparison sets side by side, read from a dataset (never hard-coded): the breached company and
// who ultimately controls it (with their jurisdictions), the records exposed, and what regulators did and when.
import type { OwnershipDoc, OwnershipEvent } from '../model';
import { analyze } from './analyze';
import type { AnalysisOptions } from './options';

export interface CaseEvent {
  id: string;
  date: string;
  title: string;
  /** Names of the entities the event concerns. */
  entities: string[];
  sources: { title?: string; url?: string }[];
}

export interface CaseFacts {
  title: string;
  date: string;
  rule: AnalysisOptions['rule'];
  /** The company whose data was exposed: the first entity of the latest incident that counts records. */
  breached: { id: string; name: string } | null;
  /** Ultimate controllers of the breached company (itself when nobody controls it), with jurisdictions. */
  controllers: { id: string; name: string; jurisdiction: string | null }[];
  /** Distinct controlling jurisdictions, e.g. ["JP"]. */
  jurisdictions: string[];
  /** The worded chain of control of the breached company. */
  chain: string[];
  /** The latest records figure, and every figure on the way. */
  records: { count: number; date: string; title: string } | null;
  recordsHistory: { count: number; date: string }[];
  incidents: CaseEvent[];
  regulatory: CaseEvent[];
}

/** The `records` figure an event may carry (an extra field of FORMAT.md's event), or null. */
export function recordsOf(ev: OwnershipEvent): number | null {
  const r = (ev as { records?: unknown }).records;
  return typeof r === 'number' && Number.isFinite(r) && r >= 0 ? r : null;
}

/** Reads the comparison facts of one case under `opts` (default: legal control on the document's asOf). */
export function caseFacts(doc: OwnershipDoc, opts: Partial<AnalysisOptions> = {}): CaseFacts {
  const a = analyze(doc, opts);
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const events = [...(doc.events ?? [])].sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id));
  const toCase = (e: OwnershipEvent): CaseEvent => ({
    id: e.id, date: e.date, title: e.title, entities: (e.entities ?? []).map(name),
    sources: (e.sources ?? []).map((s) => ({ title: s.title, url: s.url })),
  });
  const incidents = events.filter((e) => e.kind === 'incident');
  const counted = incidents.filter((e) => recordsOf(e) !== null);
  const latest = counted[counted.length - 1] ?? null;
  const company = (e: OwnershipEvent | undefined) => (e?.entities ?? []).find((id) => (byId.get(id)?.kind ?? 'company') === 'company');
  const breachedId = company(latest ?? undefined) ?? company(incidents[0]);
  const tops = breachedId ? a.top(breachedId) : [];
  const controllers = tops.map((id) => ({ id, name: name(id), jurisdiction: byId.get(id)?.jurisdiction ?? null }));
  return {
    title: doc.title ?? 'Untitled graph',
    date: a.options.date,
    rule: a.options.rule,
    breached: breachedId ? { id: breachedId, name: name(breachedId) } : null,
    controllers,
    jurisdictions: [...new Set(controllers.map((c) => c.jurisdiction ?? 'unknown'))].sort(),
    chain: breachedId ? a.explain(breachedId) : [],
    records: latest ? { count: recordsOf(latest)!, date: latest.date, title: latest.title } : null,
    recordsHistory: counted.map((e) => ({ count: recordsOf(e)!, date: e.date })),
    incidents: incidents.map(toCase),
    regulatory: events.filter((e) => e.kind === 'regulatory').map(toCase),
  };
}
