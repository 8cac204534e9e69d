// The simulate and whatif commands of the command line (FORMAT.md; analyze is in analyze.ts), as pure functions of
// a document and options that return the JSON object and its readable rendering.
import { apply, ModelError, type Op, type OwnershipDoc, type Scenario } from '../model';
import { analyze, diffAnalyses, diffText as wordDiff, whatWouldItTake, type AnalysisOptions, type ControlDiff, type Purchase } from '../analysis';
import { UsageError } from './args';

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
