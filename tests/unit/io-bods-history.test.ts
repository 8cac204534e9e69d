// BODS history: every statement kept with its dates (bodsSeries.ts). The fixture bods-history.json follows the
// structure of the standard's `tecido` example (a 2019 statement declaring 100% held since 2002, updates in 2021 and
// 2022, a closing in 2023 dated two days after the next holder's 80% starts), with names of our own.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inForce, type OwnershipDoc } from '../../src/model';
import { analyze } from '../../src/analysis';
import { exportBods, importBods } from '../../src/io';
import { schemaProblems } from '../fixtures/io/bodsSchema';
import { run } from '../../src/cli/main';
import { company, person, rel, shares } from '../fixtures/io/bodsBuild';

const path = fileURLToPath(new URL('../fixtures/io/bods-history.json', import.meta.url));
const file = readFileSync(path, 'utf8');
const lines = (doc: OwnershipDoc, date: string) =>
  doc.holdings.filter((h) => inForce(h, date)).map((h) => `${h.holder}>${h.subject} ${h.shares}/${h.votes ?? '-'}`).sort();
const dated = (over: Record<string, unknown>, date: string, status = 'updated') => ({ ...over, statementDate: date, recordStatus: status });

describe('io/bods history: the register on any day', () => {
  it.each([
    ['2001-12-31', [], []],
    ['2010-01-01', ['marta>tela 100/100'], ['marta']],
    ['2021-09-24', ['loom>tela 60/60', 'marta>tela 40/40'], ['loom']],
    ['2022-09-21', ['loom>tela 70/70', 'marta>tela 30/30'], ['loom']],
    // The closing statement is dated 2023-03-03 but the 80% starts on 2023-03-01: the inferred end is pulled back.
    ['2023-03-01', ['loom>tela 80/80'], ['loom']],
    ['2024-01-01', ['loom>tela 80/80'], ['loom']],
  ])('on %s', (date, holdings, parent) => {
    const { doc } = importBods(file, { date });
    expect(lines(doc, date)).toEqual(holdings);
    expect(analyze(doc, { date }).entity('tela').parent).toEqual(parent);
  });

  it('one import holds the whole history; the view date only chooses the default date', () => {
    const a = importBods(file).doc, b = importBods(file, { date: '2010-01-01' }).doc;
    expect(a.holdings).toEqual(b.holdings);
    expect(b.asOf).toBe('2010-01-01');
    expect(a.holdings.map((h) => [h.id, h.since, h.until])).toEqual([
      ['rel-marta-tela', '2002-03-09', '2021-09-24'],
      ['rel-marta-tela-2021-09-24', '2021-09-24', '2022-09-21'],
      ['rel-marta-tela-2022-09-21', '2022-09-21', '2023-03-01'],
      ['rel-loom-tela', '2021-09-24', '2022-09-21'],
      ['rel-loom-tela-2022-09-21', '2022-09-21', '2023-03-01'],
      ['rel-loom-tela-2023-03-01', '2023-03-01', undefined],
    ]);
  });

  it('says where an end inferred from a later statement was pulled back, and that records are described only later', () => {
    const text = importBods(file, { date: '2024-01-01' }).warnings.join('\n') + importBods(file, { date: '2010-01-01' }).warnings.join('\n');
    expect(text).toMatch(/"Marta Ruiz"'s 30% of "Tela Ltd" ends on 2023-03-03 only by the date of a later statement, but with the holdings from 2023-03-01 it would pass 100% — read as ended on 2023-03-01/);
    expect(text).toMatch(/3 records are described only by statements dated after 2010-01-01 \("marta", "tela", "loom"\) — shown as placeholders, each with the name its statement gives from that statement's date on/);
  });

  it('analyze --date 2010-01-01 on the command line reads the 2019 statement (it used to exit 2)', () => {
    const out = JSON.parse(run(['analyze', path, '--date', '2010-01-01', '--json']));
    expect(out.date).toBe('2010-01-01');
    expect(out.entities.tela).toMatchObject({ status: 'controlled', parent: ['marta'], ultimate: ['marta'] });
    expect(JSON.parse(run(['analyze', path, '--date', '2022-01-01', '--json'])).entities.tela.lookThrough).toEqual({ loom: 60, marta: 40 });
  });

  it('a restated figure is one period; a board chair restated by three statements is one relation until its figure changes', () => {
    const { doc } = importBods(file);
    expect((doc.relations ?? []).map((r) => [r.kind, r.since, r.until])).toEqual([
      ['boardChair', '2002-03-09', '2022-09-21'],
      ['boardChair', '2022-09-21', '2023-03-03'],
    ]);
  });
});

describe('io/bods history: the rules of a statement series', () => {
  const base = [company('c', 'C'), person('p', 'P'), company('q', 'Q')];

  it('an update without a start date takes over on its statement date', () => {
    const { doc } = importBods([...base, dated(rel('r', 'c', 'p', [shares(40)]), '2020-01-01', 'new'), dated(rel('r', 'c', 'p', [shares(55)]), '2022-06-01')]);
    expect(doc.holdings.map((h) => [h.shares, h.since, h.until])).toEqual([[40, undefined, '2022-06-01'], [55, '2022-06-01', undefined]]);
  });

  it('a restatement from an earlier date replaces the earlier statement whole (a correction)', () => {
    const { doc } = importBods([...base,
      dated(rel('r', 'c', 'p', [shares(40, { startDate: '2015-01-01' })]), '2020-01-01', 'new'),
      dated(rel('r', 'c', 'p', [shares(45, { startDate: '2015-01-01' })]), '2021-01-01')]);
    expect(doc.holdings.map((h) => [h.shares, h.since, h.until])).toEqual([[45, '2015-01-01', undefined]]);
  });

  it('a closed entity or person ends its open relationships on the closing date', () => {
    const { doc } = importBods([company('c', 'C'), dated(person('p', 'P'), '2015-01-01', 'new'), company('q', 'Q'),
      rel('r', 'c', 'p', [shares(40, { startDate: '2015-01-01' })]), dated(person('p', 'P'), '2021-05-01', 'closed')]);
    expect(doc.holdings.map((h) => [h.shares, h.since, h.until])).toEqual([[40, '2015-01-01', '2021-05-01']]);
    expect(doc.entities.map((e) => e.id)).toEqual(['c', 'p', 'q']);
  });

  it('two "new" statements for one record: read as new then update, with a warning (issue 19)', () => {
    const { doc, warnings } = importBods([...base,
      dated(rel('r', 'c', 'p', [shares(40, { startDate: '2015-01-01' })]), '2016-01-01', 'new'),
      dated(rel('r', 'c', 'q', [shares(30, { startDate: '2019-01-01' })]), '2019-02-01', 'new')]);
    expect(lines(doc, '2018-01-01')).toEqual(['p>c 40/-']);
    expect(lines(doc, '2020-01-01')).toEqual(['q>c 30/-']);
    expect(warnings.join('\n')).toMatch(/record "r" has 2 "new" statements \(statement 4 .*, statement 5 .*\) — BODS gives a record one; the later ones are read as updates of it, in date order/);
  });

  it('a declared end date is kept, and a later statement does not reopen it', () => {
    const { doc } = importBods([...base,
      dated(rel('r', 'c', 'p', [shares(40, { startDate: '2015-01-01', endDate: '2018-01-01' })]), '2018-02-01', 'new'),
      dated(rel('r2', 'c', 'q', [shares(70, { startDate: '2018-01-01' })]), '2018-02-01', 'new')]);
    expect(lines(doc, '2017-01-01')).toEqual(['p>c 40/-']);
    expect(lines(doc, '2019-01-01')).toEqual(['q>c 70/-']);
  });
});

// A relationship declared in 2019 (held since 2015) whose holder's person statement comes only in 2021 (as registers
// publish a beneficial owner's details after the interest), then an update in 2022 and a closing in 2023.
describe('io/bods: a holder stated only later, and what --date shows', () => {
  const later = [
    company('co', 'Fabrica Lda', { statementDate: '2019-04-01' }),
    rel('r', 'co', 'p', [shares(60, { startDate: '2015-02-01' })], {}, { statementDate: '2019-04-01' }),
    person('p', 'Inês Duarte', {}, { statementDate: '2021-03-01' }),
    dated(rel('r', 'co', 'p', [shares(70)]), '2022-06-01'),
    dated(rel('r', 'co', 'p', [shares(70)]), '2023-05-02', 'closed'),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'bods-later-'));
  const file = join(dir, 'later.json');
  writeFileSync(file, JSON.stringify(later));

  it('before the holder is stated: a placeholder holds the declared stake, with a warning, not an exit', () => {
    const { doc, warnings } = importBods(later, { date: '2018-01-01' });
    expect(lines(doc, '2018-01-01')).toEqual(['p>co 60/-']);
    const p = doc.entities.find((e) => e.id === 'p')!;
    expect(p.name).toBe('Record p (stated from 2021-03-01)');
    expect(p.aliases).toEqual([{ name: 'Inês Duarte', kind: 'other', since: '2021-03-01' }]);
    // The company is first described in 2019: a placeholder in 2018 too.
    expect(warnings.join('\n')).toMatch(/2 records are described only by statements dated after 2018-01-01 \("co", "p"\) — shown as placeholders/);
    const got: string[] = [];
    const out = JSON.parse(run(['analyze', file, '--date', '2018-01-01', '--json'], { warn: (t) => got.push(t) }));
    expect(out.entities.co).toMatchObject({ status: 'controlled', parent: ['p'] });
    expect(got.join('\n')).toMatch(/shown as placeholders/);
  });

  it('a placeholder is exported unnamed, its later name kept as another name, valid against the 0.4 schema', () => {
    const out = exportBods(importBods(later, { date: '2018-01-01' }).doc, { date: '2018-01-01' });
    expect(schemaProblems(out)).toEqual([]);
    const co = out.find((s) => s.recordId === 'co')!.recordDetails as Record<string, unknown>;
    expect(co.name).toBeUndefined();
    expect(co.alternateNames).toEqual(['Fabrica Lda']);
  });

  it('from its statement on, the holder is described by it', () => {
    for (const date of ['2021-03-01', '2022-01-01', undefined]) {
      const { doc, warnings } = importBods(later, date ? { date } : {});
      expect(doc.entities.find((e) => e.id === 'p')!.name).toBe('Inês Duarte');
      expect(warnings.some((w) => /placeholders/.test(w))).toBe(false);
    }
  });

  // --date shows the register as it stood on that day in the light of the whole file: a later statement counts from
  // the dates it declares (startDate), an update or a closing without dates from its own statementDate.
  it.each([
    ['2014-12-31', []],
    ['2016-01-01', ['p>co 60/-']],
    ['2022-05-31', ['p>co 60/-']],
    ['2022-06-01', ['p>co 70/-']],
    ['2023-05-01', ['p>co 70/-']],
    ['2023-05-02', []],
  ])('--date %s', (date, holdings) => {
    expect(lines(importBods(later, { date }).doc, date)).toEqual(holdings);
    const out = JSON.parse(run(['analyze', file, '--date', date, '--json']));
    expect(out.date).toBe(date);
    expect(out.entities.co.parent).toEqual(holdings.length ? ['p'] : []);
  });
});
