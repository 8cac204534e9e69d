// The Simulate forms apply exactly what they show: the transfer's points field is read into a value or a refusal
// (never silently corrected), and every "What would it take" proposal gives control on the date it is shown for,
// while an empty answer says whether the buyer already controls the target or no single purchase does it.
import { describe, expect, it } from 'vitest';
import { analyze, controlsNow, whatWouldItTake, type Rule } from '../../src/analysis';
import { apply } from '../../src/model';
import { datasetById } from '../../src/store/datasets';
import { readPoints } from '../../src/ui/simulate/transferOp';
import { plausibleViewDate } from '../../src/ui/viewDate';

describe('the points field', () => {
  it.each([
    ['', 50, { ok: false, empty: true, error: '' }],
    ['12.5', 50, { ok: true, points: 12.5 }],
    ['12,5', 50, { ok: true, points: 12.5 }],
    ['50', 50, { ok: true, points: 50 }],
    ['abc', 50, { ok: false, empty: false, error: '"abc" is not a number of points.' }],
    ['60', 50, { ok: false, empty: false, error: '60 is more than the 50.00 points NAVER holds.', fix: 50 }],
    ['0', 50, { ok: false, empty: false, error: '0 is below 0.01 points.', fix: 0.01 }],
    ['-3', 50, { ok: false, empty: false, error: '-3 is below 0.01 points.', fix: 0.01 }],
    ['1.234', 50, { ok: false, empty: false, error: '1.234 has more than two decimals: points are counted to 0.01.', fix: 1.23 }],
    ['1e3', 50, { ok: false, empty: false, error: '"1e3" is not a number of points.' }],
  ])('%j with %d available reads as %j', (text, available, reading) => {
    expect(readPoints(text, available, 'NAVER')).toEqual(reading);
  });
});

describe('what would it take, on the date shown', () => {
  const ly = datasetById('line-yahoo')!.load();
  const cases: [string, string, Rule][] = [['nps', 'naver', 'votes'], ['nps', 'naver', 'legal'], ['sbkk', 'ahd', 'votes'], ['naver', 'ly', 'votes']];
  it.each(cases)('every proposal for %s to control %s under %s gives control when applied with the date on the whole document', (buyer, target, rule) => {
    const date = ly.asOf!;
    const list = whatWouldItTake(ly, buyer, target, { rule, date });
    expect(list.length).toBeGreaterThan(0);
    for (const p of list.slice(0, 5)) {
      const next = apply(ly, { type: 'transfer', seller: p.seller, buyer, subject: p.company, points: p.points, date });
      expect(controlsNow(next, buyer, target, { rule, date }), JSON.stringify(p)).toBe(true);
      expect(analyze(next, { rule, date }).entity(target).status).not.toBe('independent');
    }
  });

  it('an empty answer tells "already controls" from "no single purchase"', () => {
    const date = ly.asOf!;
    expect(whatWouldItTake(ly, 'sbg', 'ly', { rule: 'legal', date })).toEqual([]);
    expect(controlsNow(ly, 'sbg', 'ly', { rule: 'legal', date })).toBe(true);
    expect(controlsNow(ly, 'nps', 'naver', { rule: 'votes', date })).toBe(false);
  });
});

describe('the view date field', () => {
  it.each([
    ['2024-09-30', true], ['1800-01-01', true], ['2200-12-31', true],
    ['0003-09-30', false], ['0301-09-30', false], ['3012-09-30', false], ['1799-12-31', false], ['2024-02-30', false], ['', false], ['2024-9-30', false],
  ])('%j is a date to show: %s', (value, ok) => expect(plausibleViewDate(value)).toBe(ok));
});
