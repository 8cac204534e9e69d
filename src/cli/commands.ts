// The three commands of the command line (FORMAT.md): analyze, simulate and whatif, as pure functions of
// a document and options that return the JSON object and its readable rendering.
import { apply, ModelError, type Op, type OwnershipDoc, type Scenario } from '../model';
import { analyze, controlCertainty, diffAnalyses, diffText as wordDiff, roundPct, whatWouldItTake, type AnalysisOptions, type ControlDiff, type Purchase } from '../analysis';
import { UsageError } from './args';

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The `analyze --json` object. */
export function analyzeJson(doc: OwnershipDoc, opts: Partial<AnalysisOptions>) {
  const a = analyze(doc, opts);
  const entities: Record<string, unknown> = {};
  const certainty = controlCertainty(doc, a);
  for (const [id, c] of a.control) {
    const lt = a.lookThrough(id);
    const power = a.power(id);
    entities[id] = {
      status: c.status,
      parent: c.parent,
      ultimate: c.ultimate,
      lookThrough: 'loop' in lt ? null : mapValues(lt.lookThrough, (x) => roundPct(x / 100)),
      ultimateOwners: 'loop' in lt ? null : mapValues(lt.ultimateOwners, (x) => roundPct(x / 100)),
      ...('loop' in lt ? { unavailable: `closed ownership loop: ${lt.loop.join(', ')}` } : {}),
      power: {
        banzhaf: Object.fromEntries(power.map((p) => [p.id, round(p.banzhaf, 9)])),
        shapleyShubik: Object.fromEntries(power.map((p) => [p.id, p.shapleyShubik === null ? null : round(p.shapleyShubik, 9)])),
      },
      explanation: a.explain(id),
      // Only where published bands make control uncertain (analysis/certainty.ts).
      ...(certainty.has(id) ? { certainty: certainty.get(id) } : {}),
    };
  }
  return { rule: a.options.rule, date: a.options.date, entities, loops: a.loops, dependencies: a.dependencies() };
}

function mapValues(o: Record<string, number>, f: (x: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k, v]) => [k, f(v)]));
}

/** The readable table of `analyze`. */
export function analyzeText(doc: OwnershipDoc, opts: Partial<AnalysisOptions>): string {
  const a = analyze(doc, opts);
  const name = (id: string) => doc.entities.find((e) => e.id === id)?.name ?? id;
  const rows = [...a.control].map(([id, c]) => [name(id), c.status, c.parent.map(name).join(' + ') || '—', c.ultimate.map(name).join(' + ') || '—']);
  const lines = [`Control under the ${a.options.rule} rule on ${a.options.date}${a.options.rule === 'defacto' ? ` (τ = ${a.options.threshold}%)` : ''}`, '', ...table(['Entity', 'Status', 'Parent', 'Ultimate controller(s)'], rows)];
  if (a.loops.length) lines.push('', `Closed ownership loops: ${a.loops.map((l) => l.map(name).join(' ↔ ')).join('; ')}`);
  const certainty = controlCertainty(doc, a);
  if (certainty.size) {
    lines.push('', 'Within published bands (figures given as ranges)');
    for (const [id, c] of certainty) lines.push(`  ${name(id)}: control ${c.control === 'certain' ? 'certain' : 'only possible'} — ${c.note}`);
  }
  const deps = Object.entries(a.dependencies());
  if (deps.length) {
    lines.push('', 'Dependencies');
    for (const [id, e] of deps) {
      const d = doc.dependencies!.find((x) => x.id === id)!;
      lines.push(`  ${name(d.provider)} → ${name(d.client)} (${d.kind}): ${e.exposure}${e.crossBorder ? ', cross-border' : ''}`);
    }
  }
  return lines.join('\n');
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (r: string[]) => r.map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)];
}

/** Parses SELLER:BUYER:SUBJECT:POINTS into a transfer operation. */
export function parseTransfer(spec: string): Op {
  const parts = spec.split(':');
  // Ids may themselves hold "float:<id>", so read the points from the end.
  const last = parts.pop() ?? '';
  const points = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(last.trim()) ? Number(last) : NaN; // decimal only: not 0x19
  if (parts.length < 3 || !Number.isFinite(points)) throw new UsageError(`--transfer "${spec}" must be SELLER:BUYER:SUBJECT:POINTS, e.g. naver:sbkk:ahd:0.01`);
  const ids: string[] = [];
  for (let i = 0; i < parts.length; i++) ids.push(parts[i] === 'float' && i + 1 < parts.length ? `float:${parts[++i]}` : parts[i]);
  if (ids.length !== 3) throw new UsageError(`--transfer "${spec}" must name exactly a seller, a buyer and a subject`);
  return { type: 'transfer', seller: ids[0], buyer: ids[1], subject: ids[2], points };
}

/** Applies the operations and diffs the analyses before and after. */
export function simulate(doc: OwnershipDoc, ops: Op[], opts: Partial<AnalysisOptions>): { diff: ControlDiff; after: OwnershipDoc } {
  const after = apply(doc, { type: 'batch', ops });
  return { diff: diffAnalyses(analyze(doc, opts), analyze(after, opts)), after };
}

/** The readable rendering of a diff (wording shared with the app: analysis/diffWords.ts). */
export function diffText(doc: OwnershipDoc, after: OwnershipDoc, d: ControlDiff): string {
  const name = (id: string) => after.entities.find((e) => e.id === id)?.name ?? doc.entities.find((e) => e.id === id)?.name ?? id;
  return wordDiff(d, name);
}

/** The readable rendering of what-would-it-take. */
export function whatIfText(doc: OwnershipDoc, buyer: string, target: string, list: Purchase[]): string {
  const name = (id: string): string => (id.startsWith('float:') ? `the unattributed remainder of ${name(id.slice(6))}` : (doc.entities.find((e) => e.id === id)?.name ?? id));
  if (!list.length) return `${name(buyer)} already controls ${name(target)}, or no single purchase gives it control.`;
  return [`Smallest purchases that give ${name(buyer)} control of ${name(target)}:`, ...list.map((p) => `  ${p.points.toFixed(2)} points of ${name(p.company)} from ${name(p.seller)}`)].join('\n');
}

/** Finds a scenario by id, checking it was written for this dataset's ids. */
export function scenarioOps(scenarios: Scenario[], id: string): Scenario {
  const s = scenarios.find((x) => x.id === id);
  if (!s) throw new UsageError(`no scenario "${id}" (available: ${scenarios.map((x) => x.id).join(', ')})`);
  return s;
}

export { whatWouldItTake, ModelError };
