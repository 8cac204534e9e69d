// What changed at each step of the timeline: records starting and ending, events, and control that moved since the
// step before (analysis/timelineSteps.ts).
import { describe, expect, it } from 'vitest';
import { timelineSteps } from '../../src/analysis/timelineSteps';
import { graph } from './helpers';

describe('timelineSteps', () => {
  // b holds 60% of c until 2021-01-01; from then a holds 60% of c; a holds 10% from 2020.
  const doc = {
    ...graph([['b', 'c', 60, { until: '2021-01-01' }], ['a', 'c', 60, { since: '2021-01-01' }], ['a', 'd', 10, { since: '2020-01-01' }]], { asOf: '2022-01-01' }),
    events: [{ id: 'ev1', date: '2021-01-01', title: 'A buys C' }],
  };
  const steps = timelineSteps(doc, { rule: 'legal' });
  it('lists every date with its records, events and control moves', () => {
    expect(steps.map((s) => [s.date, s.started, s.ended, s.events, s.control.map((c) => c.entity)])).toEqual([
      ['2020-01-01', 1, 0, [], []],
      ['2021-01-01', 1, 1, ['ev1'], ['c']],
      ['2022-01-01', 0, 0, [], []],
    ]);
  });
  it('says how control moved', () => {
    const c = steps[1].control[0];
    expect([c.before?.parent, c.after?.parent]).toEqual([['b'], ['a']]);
  });
});
