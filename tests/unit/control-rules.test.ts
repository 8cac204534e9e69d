// The control rules as data (analysis/rules.ts): each rule's label, what it counts, and its decision — the mechanisms
// tried in order — checked on one tiny graph per mechanism, where that mechanism and no earlier one decides. The full
// and the live analysis read the same table, and agree on every graph and rule.
import { describe, expect, it } from 'vitest';
import { analyze, CONTROL_RULES, RULES, ruleLabel, usesThreshold, type Rule } from '../../src/analysis';
import { LiveAnalysis } from '../../src/analysis/live';
import { graph } from './helpers';

describe('the rule table', () => {
  it.each([
    ['votes', 'Votes only', false, ['votes', 'game']],
    ['legal', 'Legal control', false, ['agreement', 'board', 'votes', 'game']],
    ['defacto', 'De facto (τ = 25%)', true, ['agreement', 'board', 'votes', 'defacto', 'game']],
  ] as const)('%s is labelled %s and decides by %j', (rule, label, tau, decide) => {
    expect(ruleLabel(rule, 25)).toBe(label);
    expect(usesThreshold(rule)).toBe(tau);
    expect(CONTROL_RULES[rule].decide).toEqual(decide);
    expect(CONTROL_RULES[rule].counts).toEqual({ seats: rule !== 'votes', agreements: rule !== 'votes' });
  });

  it('offers the rules in the table’s order, τ written into the label only where the rule uses it', () => {
    expect(RULES).toEqual(['votes', 'legal', 'defacto']);
    expect(ruleLabel('defacto', 20)).toBe('De facto (τ = 20%)');
    expect(ruleLabel('legal', 20)).toBe('Legal control');
  });
});

/** One graph per mechanism (y is the company decided); what decides y under each rule, and who. */
const graphs = {
  // z holds 60% of y; an agreement gives w control of y.
  agreement: graph([['z', 'y', 60]], { agreements: [{ kind: 'control', parties: ['w'], subject: 'y' }] }),
  // x holds 10% and appoints 3 of y's 5 seats; z holds 60%.
  board: graph([['x', 'y', 10, { boardSeats: 3 }], ['z', 'y', 60]], { entities: [{ id: 'y', boardSize: 5 }] }),
  // a 40%, b 30%, 30% unrecorded.
  defacto: graph([['a', 'y', 40], ['b', 'y', 30]]),
  // a, b, c and d 20% each: any three win, nobody has a veto.
  nobody: graph([['a', 'y', 20], ['b', 'y', 20], ['c', 'y', 20], ['d', 'y', 20]]),
};

describe('each rule’s decision, mechanism by mechanism', () => {
  it.each([
    ['agreement', 'votes', 'votes', ['z']],
    ['agreement', 'legal', 'agreement', ['w']],
    ['agreement', 'defacto', 'agreement', ['w']],
    ['board', 'votes', 'votes', ['z']],
    ['board', 'legal', 'board', ['x']],
    ['board', 'defacto', 'board', ['x']],
    ['defacto', 'votes', 'joint', ['a', 'b']],
    ['defacto', 'legal', 'joint', ['a', 'b']],
    ['defacto', 'defacto', 'defacto', ['a']],
    ['nobody', 'votes', 'none', []],
    ['nobody', 'defacto', 'none', []],
  ] as const)('%s graph under %s: decided by %s, parent %j', (g, rule, kind, parent) => {
    const c = analyze(graphs[g], { rule }).entity('y');
    expect(c.reason.kind).toBe(kind);
    expect(c.parent).toEqual(parent);
  });

  it.each(Object.keys(graphs).flatMap((g) => RULES.map((rule) => [g, rule] as [keyof typeof graphs, Rule])))('%s graph under %s: the live analysis agrees', (g, rule) => {
    const full = analyze(graphs[g], { rule });
    const live = new LiveAnalysis(graphs[g], { rule });
    const y = full.snap.index.get('y')!;
    const c = full.entity('y');
    expect(live.reason[y]).toEqual(c.reason);
    expect(live.parent[y]).toBe(c.status === 'controlled' ? full.snap.index.get(c.parent[0]) : -1);
    expect([...live.confers]).toEqual(graphs[g].holdings.map((h) => (full.conferring().has(h.id) ? 1 : 0)));
  });
});
