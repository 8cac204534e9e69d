// Edits that respect the user: a stake over 100% with a public float offers to take the points from it (one undo
// step); refusals name entities by name and dates as dates; "62,5" is read; an out-of-range τ is refused out loud.
import { describe, expect, it } from 'vitest';
import { inForce, parseDoc } from '../../src/model';
import { datasetById } from '../../src/store/datasets';
import { floatOffer } from '../../src/store/float';
import { dateText, inWords, readableError } from '../../src/store/messages';
import { createExplorerStore } from '../../src/store/store';
import { editsFor } from '../../src/ui/edits';
import { parseDecimal } from '../../src/ui/numbers';
import { tauProblem } from '../../src/ui/TauField';

/** Big Co: Founder 40%, public float 50%; Other holds 10%. */
const doc = () =>
  parseDoc({
    format: 'ownership-graph', version: 1, asOf: '2024-01-01',
    entities: [
      { id: 'big', name: 'Big Co' }, { id: 'fdr', name: 'Founder', kind: 'person' }, { id: 'pub', name: 'Big Co public float', kind: 'float' },
      { id: 'oth', name: 'Other Ltd' }, { id: 'new', name: 'Newcomer' },
    ],
    holdings: [
      { id: 'h-fdr', holder: 'fdr', subject: 'big', shares: 40 },
      { id: 'h-pub', holder: 'pub', subject: 'big', shares: 50 },
      { id: 'h-oth', holder: 'oth', subject: 'big', shares: 10 },
    ],
  });
const stake = (d: ReturnType<typeof doc>, id: string) => d.holdings.find((h) => h.id === id)?.shares;

describe('take it from the public float', () => {
  it('raising a stake over 100% offers the points from the float, applied as one undo step', () => {
    const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
    const before = s.getState().doc;
    const err = editsFor(s).changeHolding({ id: 'h-fdr' }, { shares: 62.5 });
    expect(err).toMatch(/sum to 122\.5% of shares/);
    expect(s.getState().doc).toBe(before);
    const msg = s.getState().message!;
    expect(msg.text).toMatch(/Big Co public float holds part of Big Co on 1 January 2024: the 22\.5 points can come from it\./);
    expect(msg.text).not.toMatch(/h-fdr|"big"|\(big\)/);
    msg.actions![0].run();
    expect(msg.actions![0].label).toBe('Take 22.5 points from Big Co public float');
    expect(stake(s.getState().doc, 'h-fdr')).toBe(62.5);
    expect(stake(s.getState().doc, 'h-pub')).toBe(27.5);
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().doc).toStrictEqual(before);
  });

  it('adding a holder of a company 100% held takes its stake from the float; a float too small offers nothing', () => {
    const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
    expect(s.getState().addHolding('new', 'big')).toBeNull();
    s.getState().message!.actions![0].run();
    expect(stake(s.getState().doc, 'h-pub')).toBe(40);
    expect(s.getState().doc.holdings.find((h) => h.holder === 'new')?.shares).toBe(10);
    expect(floatOffer(doc(), { type: 'updateHolding', id: 'h-oth', changes: { shares: 70 } })).toBeNull(); // 60 more than the float's 50
    expect(floatOffer(doc(), { type: 'updateHolding', id: 'h-oth', changes: { shares: 5 } })).toBeNull(); // not over 100%
  });

  it('on the LY graph, raising A Holdings to 70% of LY takes 7.5 points from the LY public float', () => {
    const ly = datasetById('line-yahoo')!.load();
    const h = ly.holdings.find((x) => x.holder === 'ahd' && x.subject === 'ly' && !x.until)!;
    const offer = floatOffer(ly, { type: 'updateHolding', id: h.id, changes: { shares: 70 } });
    expect(offer).toMatchObject({ float: 'LY public float', points: 7.5 });
  });
});

describe('adding a holding over 100% on a graph with a history', () => {
  it('the National Pension Service taking 10% of LY: the refusal names entities and dates, and the float offer starts the holding on the date shown', () => {
    const s = createExplorerStore({ doc: datasetById('line-yahoo')!.load(), datasetId: 'line-yahoo' });
    const date = s.getState().doc.asOf!;
    const before = s.getState().doc;
    const err = editsFor(s).commitOp({ type: 'setHolding', holding: { id: 'h-nps-ly', holder: 'nps', subject: 'ly', shares: 10 } });
    expect(err).toMatch(/LY Corporation/);
    const msg = s.getState().message!;
    expect(msg.text).not.toMatch(/\bh-[a-z0-9-]+|"ly"|\(ly\)|\d{4}-\d{2}-\d{2}/);
    expect(msg.text).toMatch(/National Pension Service in LY Corporation/);
    expect(msg.text).toMatch(/LY public float holds part of LY Corporation on 30 September 2024: the 10 points can come from it, the new holding starting on 30 September 2024\./);
    expect(msg.actions?.[0].label).toBe('Take 10 points from LY public float');
    msg.actions![0].run();
    const after = s.getState().doc;
    const live = after.holdings.filter((h) => h.subject === 'ly' && inForce(h, date));
    expect(live.find((h) => h.holder === 'nps')).toMatchObject({ shares: 10, since: date });
    expect(live.find((h) => h.holder === 'lyfloat' || after.entities.find((e) => e.id === h.holder)?.kind === 'float')?.shares).toBe(27.5);
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().doc).toStrictEqual(before);
  });
});

describe('messages in words', () => {
  it.each([
    ['2024-05-09', '9 May 2024'],
    ['2024-02-30', '2024-02-30'],
    ['1999-12-31', '31 December 1999'],
  ])('%s is written %s', (iso, text) => expect(dateText(iso)).toBe(text));

  it('names entities and holdings, not ids, and writes dates out', () => {
    const d = doc();
    expect(inWords('holdings of "Big Co" (big) sum to 130% of shares on 2021-03-01 — lower a stake (h-fdr, h-pub)', d)).toBe(
      'holdings of "Big Co" sum to 130% of shares on 1 March 2021 — lower a stake (Founder in Big Co; Big Co public float in Big Co)',
    );
    expect(inWords('holding "h-oth" ends (2024-01-01) before it starts (2024-05-09)', d)).toBe('the holding of Other Ltd in Big Co ends (1 January 2024) before it starts (9 May 2024)');
    expect(inWords('"fdr" holds 40% of "big", less than 90', d)).toBe('"Founder" holds 40% of "Big Co", less than 90');
    expect(inWords('buyer "nobody" is not an entity in this document', d)).toBe('buyer "nobody" is not an entity in this document');
  });

  it('a refusal over a widely held company names its five largest holders, not thousands of holdings', () => {
    const n = 3000;
    const entities = [{ id: 'co', name: 'Wide Co', kind: 'company' }, ...Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Holder ${i}`, kind: 'person' }))];
    const holdings = Array.from({ length: n }, (_, i) => ({ id: `h${i}`, holder: `p${i}`, subject: 'co', shares: i < 5 ? 10 + i : 30 / n }));
    const wide = parseDoc(JSON.stringify({ format: 'ownership-graph', version: 1, entities, holdings }));
    const s = createExplorerStore({ doc: wide, datasetId: 'imported' });
    s.getState().commit({ type: 'updateHolding', id: 'h10', changes: { shares: 40 } });
    const text = s.getState().message?.text ?? '';
    expect(text).toMatch(/lower a stake \(Holder 1 in Wide Co; Holder 2 in Wide Co; Holder 3 in Wide Co; Holder 4 in Wide Co; Holder 10 in Wide Co\) or one of the 2,995 smaller ones/);
    expect(text.length).toBeLessThan(400);
  });

  it('a refused edit in the store says it in words', () => {
    const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
    s.getState().commit({ type: 'transfer', seller: 'fdr', buyer: 'oth', subject: 'big', points: 90 });
    expect(s.getState().message?.text).toBe('"Founder" holds 40% of "Big Co", less than 90');
    expect(readableError(new Error('model/apply: x: plain'))).toBe('Plain');
  });
});

describe('numbers people type', () => {
  it.each([
    ['62,5', 62.5], ['62.5', 62.5], [' 12 ', 12], ['7%', 7], [',5', 0.5], ['-3', -3],
    ['0x19', Number.NaN], ['1e3', Number.NaN], ['', Number.NaN], ['1,2,3', Number.NaN], ['1.000,5', Number.NaN], ['abc', Number.NaN],
  ])('%j reads as %d', (text, n) => expect(parseDecimal(text)).toBe(n));

  it.each([
    ['30', null], ['27,5', null], ['0', null], ['100', null],
    ['150', /τ must be between 0% and 100% — 150% was not applied/], ['-1', /between 0% and 100%/], ['abc', /τ must be a number of percent.*"abc" was not applied/],
  ])('τ %j: %s', (text, problem) => (problem ? expect(tauProblem(text)).toMatch(problem) : expect(tauProblem(text)).toBeNull()));
});
