// Pure helpers behind the Simulate panel: scenarios saved with the document (schema and operations), the shared
// diff wording, timeline dates, and the case-comparison facts read from the bundled datasets.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, caseFacts, dateIndex, describeControl, diffAnalyses, diffWords, timelineDates } from '../../src/analysis';
import { apply, parseDoc, type Op, type OwnershipDoc } from '../../src/model';
import { graph } from './helpers';

const read = (name: string) => parseDoc(readFileSync(new URL(`../../data/${name}.ownership.json`, import.meta.url), 'utf8'));
const raw = (over: Record<string, unknown> = {}) => ({
  format: 'ownership-graph', version: 1,
  entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
  holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 40 }],
  ...over,
});

describe('scenarios saved with the document', () => {
  const transfer: Op = { type: 'transfer', seller: 'a', buyer: 'float:b', subject: 'b', points: 10 };

  it('parses a typed scenarios array and keeps it', () => {
    const doc = parseDoc(raw({ scenarios: [{ id: 's1', title: 'Sell 10', ops: [transfer], date: '2024-01-01', extra: 1 }] }));
    expect(doc.scenarios).toEqual([{ id: 's1', title: 'Sell 10', ops: [transfer], date: '2024-01-01', extra: 1 }]);
  });

  it.each([
    ['an empty title', [{ id: 's1', title: ' ', ops: [] }], /scenarios\[0\] "s1" field "title": must not be empty/],
    ['ops that are not operations', [{ id: 's1', title: 'T', ops: [1] }], /scenarios\[0\] "s1" field "ops.0"/],
    ['a wrong date', [{ id: 's1', title: 'T', ops: [], date: '2024-02-31' }], /field "date"/],
    ['a duplicate id', [{ id: 's1', title: 'T', ops: [] }, { id: 's1', title: 'U', ops: [] }], /scenarios\[1\] "s1" is a duplicate id/],
  ])('refuses %s', (_, scenarios, message) => {
    expect(() => parseDoc(raw({ scenarios }))).toThrow(message);
  });

  it('setScenario adds and replaces by id; removeScenario removes; the operations are checked when replayed', () => {
    const doc = parseDoc(raw());
    const one = apply(doc, { type: 'setScenario', scenario: { id: 's', title: 'One', ops: [transfer] } });
    const two = apply(one, { type: 'setScenario', scenario: { id: 's', title: 'Two', ops: [transfer] } });
    expect(two.scenarios).toEqual([{ id: 's', title: 'Two', ops: [transfer] }]);
    expect(apply(two, { type: 'removeScenario', id: 's' }).scenarios).toEqual([]);
    expect(() => apply(two, { type: 'removeScenario', id: 'zz' })).toThrow(/no scenario with id "zz"/);
    expect(() => apply(doc, { type: 'setScenario', scenario: { id: 's', title: '', ops: [] } })).toThrow(/title/);
    const replayed = apply(doc, { type: 'batch', ops: two.scenarios![0].ops });
    expect(replayed.holdings[0].shares).toBe(30);
    expect(() => apply(doc, { type: 'batch', ops: [{ type: 'transfer', seller: 'a', buyer: 'zz', subject: 'b', points: 1 }] })).toThrow(/buyer "zz"/);
  });
});

describe('diff wording', () => {
  const jv = () => graph([['a', 'jv', 50], ['b', 'jv', 50], ['jv', 'op', 62.5]]);
  it('says who controlled what before and after, omitting "ultimately" when it adds nothing', () => {
    const before = jv();
    const after = apply(before, { type: 'transfer', seller: 'b', buyer: 'a', subject: 'jv', points: 0.01 });
    const w = diffWords(diffAnalyses(analyze(before), analyze(after)), (id) => id.toUpperCase());
    expect(w.control.map((l) => l.text)).toEqual([
      'JV: jointly controlled by A and B → controlled by A',
      'OP: controlled by JV (ultimately A and B) → controlled by JV (ultimately A)',
    ]);
    expect(w.tinyLookThrough.map((l) => l.text)).toContain('A in OP: 31.25% → 31.26%');
  });
  it.each([
    [null, 'absent'],
    [{ status: 'independent', parent: [], ultimate: [] }, 'independent'],
    [{ status: 'circular', parent: ['x'], ultimate: ['x', 'y'] }, 'circularly controlled by x (ultimately x and y)'],
    [{ status: 'joint', parent: ['x', 'y', 'z'], ultimate: ['x', 'y', 'z'] }, 'jointly controlled by x, y and z'],
  ] as const)('describes %j', (s, text) => {
    expect(describeControl(s as never, (id) => id)).toBe(text);
  });
});

describe('timeline', () => {
  it('lists every since, until and event date once, sorted; dateIndex finds the step in force', () => {
    const doc: OwnershipDoc = { ...graph([['a', 'b', 50, { since: '2021-03-01', until: '2023-10-01' }], ['a', 'c', 10, { since: '2021-03-01' }]]), events: [{ id: 'e', date: '2022-05-05', title: 'E' }] };
    const dates = timelineDates(doc);
    expect(dates).toEqual(['2021-03-01', '2022-05-05', '2023-10-01', '2024-01-01']);
    expect(dateIndex(dates, '2023-01-01')).toBe(1);
    expect(dateIndex(dates, '1999-01-01')).toBe(0);
  });
  it('covers the LY history: the 2021 integration, the 2024 buyback and the NAVER Cloud separation dates', () => {
    const dates = timelineDates(read('line-yahoo'));
    expect(dates).toEqual(expect.arrayContaining(['2021-03-01', '2024-09-02', '2025-03-31', '2025-12-31', '2024-03-05']));
  });
});

describe('case comparison facts, read from the datasets', () => {
  it('LY: about 520,000 records, controlled from Japan (legal) or from Korea and Japan (votes only), MIC and PPC acted', () => {
    const ly = caseFacts(read('line-yahoo'));
    expect(ly.breached).toEqual({ id: 'ly', name: 'LY Corporation' });
    expect(ly.records?.count).toBe(519506);
    expect(ly.controllers.map((c) => c.id)).toEqual(['sbg']);
    expect(ly.jurisdictions).toEqual(['JP']);
    expect(ly.regulatory.map((e) => e.date)).toEqual(expect.arrayContaining(['2024-03-05', '2024-03-28', '2024-04-16']));
    expect(caseFacts(read('line-yahoo'), { rule: 'votes' }).jurisdictions).toEqual(['JP', 'KR']);
  });
  it('NTT Docomo: 5.96 million records, controlled by NTT (Japan), PPC guidance on 2024-02-15', () => {
    const ntt = caseFacts(read('ntt-docomo'));
    expect(ntt.breached?.id).toBe('docomo');
    expect(ntt.records?.count).toBe(5_960_000);
    expect(ntt.controllers).toEqual([{ id: 'ntt', name: 'Nippon Telegraph and Telephone Corporation (NTT)', jurisdiction: 'JP' }]);
    expect(ntt.regulatory.map((e) => e.date)).toContain('2024-02-15');
  });
});
