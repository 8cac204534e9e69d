// The columnar way in for BODS files (cli/bodsColumns.ts, bodsStatement.ts) against the general reader (io/bodsImport):
// byte-identical output and warnings on generated registers exported to BODS (JSON arrays pretty and compact, JSON
// lines), in several views; the BODS fixtures (which take the general reader); random small exports, changed now and
// then into something the general reader warns about, reads another way or refuses (the columnar path either gives what
// the general path gives, or declines and leaves the file to it, errors and warnings included).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { readBodsColumns } from '../../src/cli/bodsColumns';
import { SeenHashes } from '../../src/cli/bodsSeen';
import { generateGraph, type GenerateOptions } from '../../src/model/generate';
import { exportBods } from '../../src/io';
import type { OwnershipDoc } from '../../src/model';

const dir = mkdtempSync(join(tmpdir(), 'bods-columnar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const write = (text: string, ext = 'bods.json') => {
  const f = join(dir, `d${files++}.${ext}`);
  writeFileSync(f, text);
  return f;
};

type Statement = Record<string, unknown>;
/** The three ways a BODS file is written: a pretty array (as our export), a compact array, JSON lines. */
const LAYOUTS = {
  pretty: (s: unknown[]) => `${JSON.stringify(s, null, 2)}\n`,
  compact: (s: unknown[]) => JSON.stringify(s),
  lines: (s: unknown[]) => `${s.map((x) => JSON.stringify(x)).join('\n')}\n`,
};
/** More ways for the random documents: JSON lines with CRLF and blank lines, and statements over several lines. */
const MORE_LAYOUTS = {
  ...LAYOUTS,
  crlf: (s: unknown[]) => `\r\n${s.map((x) => JSON.stringify(x)).join('\r\n\r\n')}`,
  'pretty lines': (s: unknown[]) => s.map((x) => JSON.stringify(x, null, 1)).join('\n'),
};

/** What `analyze` prints (or the error it stops with) and what it warns, read one way or the other. */
function analyzeBy(columnar: boolean, argv: string[]): { out: string; warned: string } {
  const before = process.env.OWNERSHIP_CLI_COLUMNAR;
  process.env.OWNERSHIP_CLI_COLUMNAR = columnar ? '1' : '0';
  let warned = '';
  try {
    return { out: run(['analyze', ...argv], { warn: (t) => void (warned += t) }), warned };
  } catch (e) {
    return { out: `error: ${(e as Error).message}`, warned };
  } finally {
    if (before === undefined) delete process.env.OWNERSHIP_CLI_COLUMNAR;
    else process.env.OWNERSHIP_CLI_COLUMNAR = before;
  }
}

/** Dates and separate votes on some holdings, so that views on other dates differ. */
function dated(doc: OwnershipDoc): OwnershipDoc {
  doc.holdings.forEach((h, k) => {
    if (k % 7 === 3) h.since = '2020-01-01';
    if (k % 11 === 5) h.until = '2022-03-31';
    if (k % 5 === 1) h.votes = Math.round(h.shares * 80) / 100; // non-voting shares: votes stay within 100%
  });
  return doc;
}

// Views on the dates the holdings start and end at, between them, and before the statements' date (placeholders); the
// table, JSON and JSON lines.
const VIEWS = [
  [], ['--rule', 'votes', '--date', '2020-01-01'], ['--rule', 'defacto', '--threshold', '40', '--date', '2022-03-31'], ['--date', '2018-06-30'],
  ['--json', '--min-stake', '0'], ['--jsonl', '--rule', 'votes', '--date', '2020-01-01'], ['--json', '--entity', 'e1', '--date', '2022-03-31'],
];

describe('analyze: the BODS columnar reader against the general one', () => {
  const shapes: [string, GenerateOptions][] = [
    ['the default sample', { entities: 1000, seed: 7 }],
    ['a strongly connected core with long chains', { entities: 1000, seed: 3, core: 0.4, depth: 30 }],
    ['widely held companies', { entities: 1000, seed: 9, wide: 10 }],
  ];
  for (const [what, opts] of shapes) {
    it(`gives the same output for ${what} as BODS JSON, pretty and compact, and JSON lines, in several views`, () => {
      const statements = exportBods(dated(generateGraph(opts)), { date: '2019-01-01' });
      for (const [layout, text] of Object.entries(LAYOUTS)) {
        const file = write(text(statements), layout === 'lines' ? 'bods.jsonl' : 'bods.json');
        expect(readBodsColumns(file, 'x'), `${layout}: a generated register is read column by column`).not.toBeNull();
        expect(readBodsColumns(file, 'x', '2018-06-30'), `${layout}: described only after the view date`).toBeNull();
        for (const view of VIEWS) {
          const general = analyzeBy(false, [file, ...view]);
          expect(general.out.startsWith('error')).toBe(false);
          expect(analyzeBy(true, [file, ...view]), `${layout} ${view.join(' ')}`).toEqual(general);
        }
      }
    }, 120_000);
  }

  it('leaves the BODS fixtures to the general reader, with the same output', () => {
    const fixtures = new URL('../fixtures/io/', import.meta.url).pathname;
    const all = readdirSync(fixtures).filter((f) => f.startsWith('bods') && f.endsWith('.json')).map((f) => fixtures + f);
    expect(all.length).toBeGreaterThan(5);
    for (const file of all) {
      for (const view of VIEWS) expect(analyzeBy(true, [file, ...view]), file).toEqual(analyzeBy(false, [file, ...view]));
    }
  });

  /** A small register exported as our export writes it: two companies, a person, a float; stakes with dates and votes. */
  const small = (): Statement[] => exportBods({
    format: 'ownership-graph', version: 1, asOf: '2020-01-01',
    entities: [{ id: 'a', name: 'A', kind: 'company' }, { id: 'b', name: 'B', kind: 'company' }, { id: 'p', name: 'P', kind: 'person' }, { id: 'f', name: 'Float', kind: 'float' }],
    holdings: [{ id: 'h1', holder: 'p', subject: 'a', shares: 60, votes: 70, since: '2019-01-01' }, { id: 'h2', holder: 'a', subject: 'b', shares: 40 }, { id: 'h3', holder: 'f', subject: 'b', shares: 60, until: '2030-01-01' }],
    agreements: [], dependencies: [], events: [],
  }) as unknown as Statement[];
  const rels = (s: Statement[]) => s.filter((x) => x.recordType === 'relationship');
  const details = (x: Statement) => x.recordDetails as Statement;
  const interest = (x: Statement) => (details(x).interests as Statement[])[0];

  it('reads the plain case, and declines what it does not read, or what the general reader refuses or warns about', () => {
    const read = (s: unknown[], layout: keyof typeof LAYOUTS = 'pretty', date?: string) => readBodsColumns(write(LAYOUTS[layout](s)), 'x', date);
    for (const layout of ['pretty', 'compact', 'lines'] as const) expect(read(small(), layout, '2025-01-01'), layout).not.toBeNull();
    const cases: [string, (s: Statement[]) => unknown][] = [
      ['no annotation (another tool wrote it)', (s) => delete s[0].annotations],
      ['a closed record', (s) => (rels(s)[0].recordStatus = 'closed')],
      ['a history (two statements of one record)', (s) => s.push({ ...rels(s)[0], statementId: 'another', recordStatus: 'updated' })],
      ['a repeated statementId', (s) => (rels(s)[1].statementId = rels(s)[0].statementId)],
      ['an indirect interest', (s) => (interest(rels(s)[0]).directOrIndirect = 'indirect')],
      ['a band', (s) => (interest(rels(s)[1]).share = { minimum: 10, maximum: 20 })],
      ['an unspecified party', (s) => (details(rels(s)[1]).interestedParty = { reason: 'interestedPartyExemptFromDisclosure' })],
      ['a placeholder', (s) => s.splice(s.findIndex((x) => x.recordId === 'b'), 1)],
      ['a person held', (s) => (details(rels(s)[1]).subject = 'p')],
      ['treasury shares', (s) => (details(rels(s)[1]).interestedParty = 'b')],
      ['stated after the view date', (s) => (s[0].statementDate = '2030-01-01')],
      ['a GLEIF deletion', (s) => ((rels(s)[1].annotations as Statement[])[0].description = 'GLEIF: relationship deleted')],
      ['voting rights alone', (s) => (interest(rels(s)[1]).type = 'votingRights')],
      ['another interest', (s) => (interest(rels(s)[1]).type = 'boardMember')],
      ['a decision rule carried', (s) => (((s[0].annotations as Statement[])[0].ownershipGraph as Statement).record = { id: 'a', kind: 'company', decisionRule: { atLeast: 75 } })],
      ['a share over 100', (s) => (interest(rels(s)[1]).share = { exact: 101 })],
      ['stakes over 100%', (s) => (interest(rels(s)[1]).share = { exact: 40.2 })],
      ['a bad date', (s) => (interest(rels(s)[1]).startDate = '2021-02-30')],
      ['an unknown statement field', (s) => (s[0].statementType = 'entityStatement')],
      ['a name of 600 characters', (s) => (details(s[0]).name = 'A'.repeat(600))],
      ['an empty name', (s) => (details(s[0]).name = ' ')],
      ['a deep nesting', (s) => (s[0].publicationDetails = JSON.parse(`${'['.repeat(70)}${']'.repeat(70)}`))],
      ['a statement that is no object', (s) => (s as unknown[]).push(7)],
    ];
    for (const [what, change] of cases) {
      const s = small();
      change(s);
      expect(read(s, 'pretty', '2025-01-01'), what).toBeNull();
    }
    const text = LAYOUTS.pretty(small());
    expect(readBodsColumns(write(`${text} x`), 'x'), 'trailing bytes').toBeNull();
    expect(readBodsColumns(write(text.replace('"recordId": "a"', '"recordId": "\\u0061"')), 'x'), 'an escaped record id').toBeNull();
    expect(readBodsColumns(write(text.replace('"name": "A"', '"name": "A \\"q\\" \\u00e9"')), 'x'), 'escapes in a name are read').not.toBeNull();
    // The second relationship's annotation is the first one's with another id: an escape in it is not passed over.
    expect(readBodsColumns(write(text.replace('"id": "h2"', '"id": "h\\u0032"')), 'x'), 'an escaped carried id').toBeNull();
    expect(readBodsColumns(write(text.replace('"id": "h2"', '"id": ""')), 'x'), 'an empty carried id').toBeNull();
    expect(readBodsColumns(write(text.replace('"name": "A"', '"name": "A \\x"')), 'x'), 'a bad escape').toBeNull();
    expect(readBodsColumns(write(LAYOUTS.compact(small()).replace('},{', '}\n,\n{')), 'x'), 'an array over lines').not.toBeNull();
    expect(readBodsColumns(write(LAYOUTS.lines(small()).replace('}\n{', '} {')), 'x'), 'two statements on one line').toBeNull();
    expect(readBodsColumns(write(`\ufeff${LAYOUTS.lines(small())}`), 'x'), 'a byte order mark').not.toBeNull();
    const reordered = small();
    reordered.reverse(); // relationships before the entities they name
    expect(readBodsColumns(write(LAYOUTS.lines(reordered)), 'x')).not.toBeNull();
  });

  it('finds every repeated id, and no repeat among distinct ids that differ by a byte', () => {
    const seen = new SeenHashes();
    const ids = Array.from({ length: 100_000 }, (_, i) => Buffer.from(i % 2 ? `h${i}` : `statement-${String(i).padStart(30, '0')}`));
    expect(ids.every((b) => seen.add(b, 0, b.length)), 'distinct ids').toBe(true);
    expect(ids.filter((_, i) => i % 997 === 0).some((b) => seen.add(b, 0, b.length)), 'repeats').toBe(false);
    const again = Buffer.from(`xx${ids[5].toString()}yy`);
    expect(seen.add(again, 2, again.length - 2), 'a repeat inside a larger buffer').toBe(false);
  });

  it('on random small exports, changed now and then, gives what the general reader gives', () => {
    const changes: ((s: Statement[], k: number) => unknown)[] = [
      (s, k) => delete s[k % s.length].annotations,
      (s, k) => (s[k % s.length].recordStatus = k % 2 ? 'closed' : 'updated'),
      (s, k) => s.push({ ...s[k % s.length], statementId: `copy-${k}` }),
      (s, k) => s.splice(k % s.length, 1),
      (s, k) => rels(s).length && (interest(rels(s)[k % rels(s).length]).directOrIndirect = k % 2 ? 'indirect' : 'unknown'),
      (s, k) => rels(s).length && (interest(rels(s)[k % rels(s).length]).share = k % 2 ? { minimum: 5, maximum: 20 } : { exact: 100 }),
      (s, k) => rels(s).length && (details(rels(s)[k % rels(s).length]).subject = s[k % s.length].recordId),
      (s, k) => (s[k % s.length].statementDate = k % 2 ? '2031-01-01' : '2015-05-05'),
      (s) => s.reverse(),
      (s, k) => rels(s).length && (interest(rels(s)[k % rels(s).length]).startDate = ['2019-06-30', '2022-01-01', '2021-02-30', null][k % 4]),
      (s, k) => rels(s).length && (interest(rels(s)[k % rels(s).length]).endDate = ['2019-06-30', '2025-01-01', '2020-01-01T10:00:00Z'][k % 3]),
    ];
    const entity = fc.record({ name: fc.constantFrom('A', ' B ', 'Ünïcode "q"', 'Z\\z'), kind: fc.constantFrom('company', 'company', 'person', 'float', 'state', 'fund') });
    const holding = fc.record({
      holder: fc.nat(7), subject: fc.nat(7), shares: fc.constantFrom(0, 10, 25.5, 33.33, 50.01, 60, 100, 0.1 + 0.2, 1e-7),
      votes: fc.option(fc.constantFrom(10, 60, 100), { nil: undefined }),
      since: fc.option(fc.constantFrom('2019-01-01', '2020-06-30'), { nil: undefined }), until: fc.option(fc.constantFrom('2020-01-01', '2023-01-01'), { nil: undefined }),
    });
    const input = fc.record({
      entities: fc.array(entity, { minLength: 2, maxLength: 8 }), holdings: fc.array(holding, { maxLength: 8 }),
      change: fc.option(fc.tuple(fc.nat(changes.length - 1), fc.nat(50)), { freq: 2 }),
      layout: fc.constantFrom(...(Object.keys(MORE_LAYOUTS) as (keyof typeof MORE_LAYOUTS)[])), view: fc.constantFrom(...VIEWS),
    });
    let columnar = 0;
    fc.assert(fc.property(input, ({ entities, holdings, change, layout, view }) => {
      const n = entities.length;
      const doc = {
        format: 'ownership-graph', version: 1, asOf: '2019-01-01',
        entities: entities.map((e, i) => ({ id: `e${i}`, ...e })),
        // Holdings that would make an invalid document are left out: the export writes valid documents.
        holdings: [] as OwnershipDoc['holdings'], agreements: [], dependencies: [], events: [],
      } as unknown as OwnershipDoc;
      const total = new Map<number, number>();
      holdings.forEach((h, k) => {
        const holder = h.holder % n, subject = h.subject % n;
        const t = (total.get(subject) ?? 0) + Math.max(h.shares, h.votes ?? 0);
        if (holder === subject || t > 100 || (h.since && h.until && h.until <= h.since)) return;
        total.set(subject, t);
        doc.holdings.push({ id: `h${k}`, holder: `e${holder}`, subject: `e${subject}`, shares: h.shares, ...(h.votes !== undefined ? { votes: h.votes } : {}), ...(h.since ? { since: h.since } : {}), ...(h.until ? { until: h.until } : {}) });
      });
      const s = exportBods(doc) as unknown as Statement[];
      if (change) changes[change[0]](s, change[1]);
      const file = write(MORE_LAYOUTS[layout](s), layout.includes('lines') || layout === 'crlf' ? 'bods.jsonl' : 'bods.json');
      if (readBodsColumns(file, 'x', view.includes('--date') ? view[view.indexOf('--date') + 1] : undefined)) columnar++;
      expect(analyzeBy(true, [file, ...view])).toEqual(analyzeBy(false, [file, ...view]));
    }), { numRuns: 250 });
    expect(columnar, 'exports read column by column').toBeGreaterThan(40);
  }, 120_000);
});
