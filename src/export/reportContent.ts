// Pure: what a report says (export/reportHtml.ts writes it) — the control diff between two states of a document in the
// Simulate panel's words, for each entity whose control moved its chain of controllers and its "Why" lines before and
// after, the look-through owners of the entities concerned with the paths that make them, the dependencies whose
// exposure changed, and every source cited by the holdings, agreements, relations, dependencies and events shown.
import { analyze, describeControl, diffAnalyses, diffWords, describeExposure, type Analysis, type AnalysisOptions, type DiffWords } from '../analysis';
import { orderedDiff } from '../analysis/diffOrder';
import { explainStake } from '../analysis/paths';
import { kindLabel } from '../draw/labels';
import { inForce, type OwnershipDoc, type Source } from '../model';
import { ruleLabel } from '../analysis';

/** The two states compared: a scenario and its base, a preview and the document, the document on two dates, or the document alone. */
export interface ReportInput {
  before: OwnershipDoc;
  after: OwnershipDoc;
  /** The view (rule, τ, date) of the after side; the before side uses the same unless `beforeDate` is given. */
  options: Partial<AnalysisOptions>;
  beforeDate?: string;
  change: { kind: 'scenario' | 'preview' | 'dates' | 'none'; title: string; description?: string; sources?: Source[] };
}

export interface ReportSource {
  label: string;
  /** An absolute http(s) address, else null (shown as text, never as a link). */
  url: string | null;
  date: string | null;
  citedBy: string[];
}

export interface MovedEntity {
  id: string;
  name: string;
  before: string;
  after: string;
  chainBefore: string;
  chainAfter: string;
  whyBefore: string[];
  whyAfter: string[];
}

export interface OwnerPaths {
  entity: string;
  name: string;
  owners: { owner: string; name: string; total: string; paths: string[]; more: number; loops: string[] }[];
}

export interface ReportContent {
  title: string;
  date: string;
  beforeDate: string;
  rule: string;
  change: ReportInput['change'];
  beforeLabel: string;
  afterLabel: string;
  /** The worded diff (null for a report of the document alone). */
  words: DiffWords | null;
  moved: MovedEntity[];
  owners: OwnerPaths[];
  dependencies: { name: string; before: string; after: string }[];
  events: { date: string; title: string }[];
  sources: ReportSource[];
}

/** 50 → "50%", 62.5 → "62.50%" (as the inspector's Why-these-figures says them). */
const pct = (x: number) => (Math.abs(x - Math.round(x)) < 1e-9 ? `${Math.round(x)}%` : `${x.toFixed(2)}%`);

/** `url` when it is an absolute http(s) address, else null (a document may carry "javascript:" or "data:" URLs). */
export function webUrl(url: string | null | undefined): string | null {
  const u = url?.trim();
  if (!u || !/^https?:\/\//i.test(u)) return null;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** "LY Corporation ← A Holdings Corporation ← SoftBank Corp.": the entity and its controllers, parent by parent. */
export function chainWords(a: Pick<Analysis, 'control'>, id: string, name: (id: string) => string): string {
  const out = [name(id)];
  const seen = new Set([id]);
  for (let v = id; ; ) {
    const c = a.control.get(v);
    if (!c || !c.parent.length) break;
    if (c.parent.length > 1) {
      out.push(`jointly ${c.parent.map(name).join(' + ')}`);
      break;
    }
    const p = c.parent[0];
    if (seen.has(p)) {
      out.push(`${name(p)} (a loop)`);
      break;
    }
    seen.add(p);
    out.push(name(p));
    v = p;
  }
  const declared = (a.control.get(id) as { ultimateDeclared?: true; ultimate?: string[] } | undefined);
  const words = out.length === 1 ? `${out[0]}: nobody controls it` : out.join(' ← ');
  return declared?.ultimateDeclared && declared.ultimate?.length ? `${words}; ultimately ${declared.ultimate.map(name).join(' and ')} (a declared indirect interest)` : words;
}

/** The look-through owners of `entity` held through others (the largest `max`), each with the paths that make its stake. */
function ownerPaths(a: Analysis, entity: string, name: (id: string) => string, max = 3): OwnerPaths {
  const lt = a.lookThrough(entity);
  const owners = 'loop' in lt ? [] : Object.entries(lt.lookThrough)
    .filter(([o]) => o !== entity && !o.startsWith('float:'))
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([o]) => explainStake(a, o, entity, 4))
    .filter((x) => x.loops.length || x.paths.some((p) => p.ids.length > 2))
    .slice(0, max)
    .map((x) => ({
      owner: x.owner, name: name(x.owner), total: pct(x.total),
      paths: x.paths.map((p) => `${p.stakes.map((s, i) => `${name(p.ids[i])} → ${name(p.ids[i + 1])} ${pct(s)}`).join(' × ')} = ${pct(p.product)}`),
      more: x.count - x.paths.length,
      loops: x.loops.map((l) => `Loop on the way: ${l.map(name).join(' → ')} (it adds ${pct(Math.max(0, x.total - x.pathSum))} beyond the paths above)`),
    }));
  // Declared indirect interests give stakes no holding path makes: said as declared (CONTROL-MODEL).
  if (!('loop' in lt)) {
    for (const [o, x] of Object.entries(lt.declared ?? {})) {
      const entry = owners.find((w) => w.owner === o);
      const line = `declared indirect interest: ${pct(x)} (the stakes in between are not recorded)`;
      if (entry) entry.paths.push(line);
      else owners.push({ owner: o, name: name(o), total: pct(lt.lookThrough[o] ?? x), paths: [line], more: 0, loops: [] });
    }
  }
  return { entity, name: name(entity), owners };
}

/** Every source cited by what the report shows, once each (by address, else title), with what cites it. */
function sourcesOf(docs: { doc: OwnershipDoc; date: string }[], name: (id: string) => string, extra: Source[] = []): ReportSource[] {
  const byKey = new Map<string, ReportSource>();
  const cite = (s: Source, by: string) => {
    const url = webUrl(s.url);
    const key = (url ?? s.title ?? s.url ?? '').trim();
    if (!key) return;
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = { label: (s.title?.trim() || s.url?.trim() || key).replace(/\s+/g, ' '), url, date: s.date ?? null, citedBy: [] }));
    if (!r.citedBy.includes(by)) r.citedBy.push(by);
  };
  for (const s of extra) cite(s, 'the scenario');
  for (const { doc, date } of docs) {
    for (const h of doc.holdings) if (inForce(h, date)) for (const s of h.sources ?? []) cite(s, `${name(h.holder)} → ${name(h.subject)} ${pct(h.shares)}`);
    for (const x of doc.agreements ?? []) if (inForce(x, date)) for (const s of x.sources ?? []) cite(s, `${x.parties.map(name).join(' + ')} → ${name(x.subject)} (agreement)`);
    for (const x of doc.relations ?? []) if (inForce(x, date)) for (const s of x.sources ?? []) cite(s, `${x.party ? name(x.party) : 'someone'} → ${name(x.subject)} (${kindLabel(x.kind)})`);
    for (const x of doc.dependencies ?? []) if (inForce(x, date)) for (const s of x.sources ?? []) cite(s, `${name(x.provider)} → ${name(x.client)} (${kindLabel(x.kind)})`);
    for (const e of doc.events ?? []) if (e.date <= date) for (const s of e.sources ?? []) cite(s, `${e.date}: ${e.title}`);
  }
  return [...byKey.values()];
}

const LABELS: Record<ReportInput['change']['kind'], [string, string]> = {
  scenario: ['Base', 'Scenario'],
  preview: ['Before the transfer', 'Preview — not applied'],
  dates: ['', ''],
  none: ['', 'As of'],
};

/** What the report says about `input`. */
export function reportContent(input: ReportInput): ReportContent {
  const a = analyze(input.after, input.options);
  const b = analyze(input.before, { ...input.options, ...(input.beforeDate ? { date: input.beforeDate } : {}) });
  const names = new Map([...input.before.entities, ...input.after.entities].map((e) => [e.id, e.name]));
  const name = (id: string): string => (id.startsWith('float:') ? `unattributed holders of ${name(id.slice(6))}` : (names.get(id) ?? id));
  const compare = input.change.kind !== 'none';
  const d = compare ? orderedDiff(diffAnalyses(b, a), input.before, input.after, a.options.date) : null;
  const deps = new Map([...(input.before.dependencies ?? []), ...(input.after.dependencies ?? [])].map((x) => [x.id, x]));
  const depName = (id: string) => {
    const x = deps.get(id);
    return x ? `${name(x.provider)} → ${name(x.client)} (${kindLabel(x.kind)})` : id;
  };
  const moved: MovedEntity[] = (d?.changes ?? []).map((c) => ({
    id: c.entity, name: name(c.entity), before: describeControl(c.before, name), after: describeControl(c.after, name),
    chainBefore: c.before ? chainWords(b, c.entity, name) : 'absent', chainAfter: c.after ? chainWords(a, c.entity, name) : 'absent',
    whyBefore: c.before ? b.explain(c.entity) : [], whyAfter: c.after ? a.explain(c.entity) : [],
  }));
  // The owners worth explaining: the entities whose control moved, then those whose look-through stakes moved most;
  // for the document alone, the entities with the largest groups of owners.
  const concerned = [...new Set([...moved.map((m) => m.id), ...(d?.lookThrough ?? []).map((l) => l.entity)])].filter((id) => a.control.has(id));
  if (!compare) concerned.push(...[...a.control.keys()].filter((id) => a.control.get(id)!.parent.length).sort((x, y) => a.groupSize(y) - a.groupSize(x) || x.localeCompare(y)));
  const owners = concerned.slice(0, 6).map((id) => ownerPaths(a, id, name)).filter((o) => o.owners.length);
  const [beforeLabel, afterLabel] = LABELS[input.change.kind];
  return {
    title: input.after.title?.trim() || 'Untitled graph',
    date: a.options.date,
    beforeDate: b.options.date,
    rule: ruleLabel(a.options.rule, a.options.threshold),
    change: input.change,
    beforeLabel: input.change.kind === 'dates' ? `On ${b.options.date}` : beforeLabel,
    afterLabel: input.change.kind === 'dates' ? `On ${a.options.date}` : input.change.kind === 'scenario' ? `Scenario: ${input.change.title}` : afterLabel,
    words: d ? diffWords(d, name, depName) : null,
    moved,
    owners,
    dependencies: (d?.dependencies ?? []).map((x) => ({ name: depName(x.id), before: describeExposure(x.before), after: describeExposure(x.after) })),
    events: (input.after.events ?? []).filter((e) => e.date <= a.options.date).sort((x, y) => x.date.localeCompare(y.date)).map((e) => ({ date: e.date, title: e.title })),
    sources: sourcesOf(compare ? [{ doc: input.before, date: b.options.date }, { doc: input.after, date: a.options.date }] : [{ doc: input.after, date: a.options.date }], name, input.change.sources),
  };
}
