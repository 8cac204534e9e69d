// The view choices that shape an analysis (CONTROL-MODEL §2 rule sets, §6 view date); part of the view, not the document.
import type { OwnershipDoc } from '../model';
import { today } from '../model';
import type { Rule } from './rules';

export { RULES, RULE_LABELS, type Rule } from './rules';

export interface AnalysisOptions {
  rule: Rule;
  /** De facto threshold τ in percent (default 25). */
  threshold: number;
  /** View date YYYY-MM-DD; records in force on it are used. */
  date: string;
}

/** Fills in defaults: legal control, τ = 25%, the document's asOf date (else today). */
export function resolveOptions(doc: Pick<OwnershipDoc, 'asOf'>, opts: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return {
    rule: opts.rule ?? 'legal',
    threshold: opts.threshold ?? 25,
    date: opts.date ?? doc.asOf ?? today(),
  };
}
