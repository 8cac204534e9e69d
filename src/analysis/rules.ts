// The control rules as data (CONTROL-MODEL.md): each rule the user can pick is one entry — its name, its label (with
// τ where it uses one), what it counts besides votes, and its decision, the mechanisms tried in order. The full
// analysis (control.ts, analyze.ts) and the live one (live.ts) read this table alike; adding a rule is adding an entry.

/** A mechanism that can decide who controls a company; control.ts's Evaluator implements each. */
export type Mechanism =
  /** A recorded control agreement (or consolidation relation): a sole one names the controller, a joint one the joint controllers. */
  | 'agreement'
  /** More than half of the board's seats, counting the seats of the entities a party controls. */
  | 'board'
  /** Votes that pass the company's decision rule, counting the votes of the entities a party controls. */
  | 'votes'
  /** The largest block, at least τ and strictly larger than every other (IFRS 10 B41–B43). */
  | 'defacto'
  /** Joint control found by the voting game: a unique minimal winning coalition of two or more blocks (IFRS 11). */
  | 'game';

/** One control rule. */
export interface ControlRule {
  name: string;
  /** Its name for people ("Legal control"). */
  title: string;
  /** Its label as views, exports and the command line show it: the title, with τ where the rule uses it. */
  label(threshold: number): string;
  /** What it counts besides each holder's votes: appointed board seats, and control agreements as edges of control. */
  counts: { seats: boolean; agreements: boolean };
  /** Its decision: the mechanisms tried in order, the first that finds a controller deciding; else independent. */
  decide: readonly Mechanism[];
}

const plain = (title: string) => () => title;

/** The rules, in the order the user is offered them. */
export const CONTROL_RULES = {
  votes: {
    name: 'votes',
    title: 'Votes only',
    label: plain('Votes only'),
    counts: { seats: false, agreements: false },
    decide: ['votes', 'game'],
  },
  legal: {
    name: 'legal',
    title: 'Legal control',
    label: plain('Legal control'),
    counts: { seats: true, agreements: true },
    decide: ['agreement', 'board', 'votes', 'game'],
  },
  defacto: {
    name: 'defacto',
    title: 'De facto',
    label: (threshold: number) => `De facto (τ = ${threshold}%)`,
    counts: { seats: true, agreements: true },
    // Before joint control inferred from the game (an inference, not an arrangement); agreements still come first.
    decide: ['agreement', 'board', 'votes', 'defacto', 'game'],
  },
} as const satisfies Record<string, ControlRule & { name: string }>;

/** votes = majority of votes only; legal = votes, board or agreements; defacto = legal, else the largest block ≥ τ. */
export type Rule = keyof typeof CONTROL_RULES;

export const RULES = Object.keys(CONTROL_RULES) as readonly Rule[];

/** The rule's entry. */
export function controlRule(rule: Rule): ControlRule {
  return CONTROL_RULES[rule];
}

/** Each rule's title ("Votes only", "Legal control", "De facto"). */
export const RULE_LABELS = Object.fromEntries(RULES.map((r) => [r, CONTROL_RULES[r].title])) as Record<Rule, string>;

/** "Legal control", "De facto (τ = 25%)": the one way a rule and its threshold are written. */
export function ruleLabel(rule: Rule, threshold: number): string {
  return CONTROL_RULES[rule].label(threshold);
}

/** Whether the rule uses the threshold τ. */
export function usesThreshold(rule: Rule): boolean {
  return (CONTROL_RULES[rule].decide as readonly Mechanism[]).includes('defacto');
}
