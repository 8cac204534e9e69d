// A company's decision rule ("more than 50%" by default) as a test on a block of votes (fractions 0..1).
import type { DecisionRule } from '../model';

const EPS = 1e-9;

/** The rule of an entity, defaulting to more than 50%. */
export function ruleOf(rule: DecisionRule | undefined): DecisionRule {
  return rule ?? { moreThan: 50 };
}

/** Whether a block (fraction of all votes) passes the rule. */
export function passes(rule: DecisionRule, block: number): boolean {
  return 'moreThan' in rule ? block > rule.moreThan / 100 + EPS : block >= rule.atLeast / 100 - EPS;
}

/** "> 50%" or "≥ 75%". */
export function describeRule(rule: DecisionRule): string {
  return 'moreThan' in rule ? `> ${rule.moreThan}%` : `≥ ${rule.atLeast}%`;
}

/** The smallest winning weight in integer units of 1/`scale` percent. */
export function quotaUnits(rule: DecisionRule, scale: number): number {
  return 'moreThan' in rule ? Math.floor(rule.moreThan * scale + EPS) + 1 : Math.ceil(rule.atLeast * scale - EPS);
}
