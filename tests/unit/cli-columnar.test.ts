// The columnar way in for `analyze` (cli/columnarRead.ts, columnarDoc.ts) against the general reader: byte-identical
// output and warnings on generated registers of every shape, compact and pretty, in several views; the bundled datasets
// and fixtures (which take the general reader); random small documents, valid or not (the columnar path either gives
// what the general path gives, or declines and leaves the file to it, errors included).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { readColumns } from '../../src/cli/columnarRead';
import { FlatScan } from '../../src/cli/flatScan';
import { generateGraph, type GenerateOptions } from '../../src/model/generate';
import { serializeDoc } from '../../src/io';

const dir = mkdtempSync(join(tmpdir(), 'columnar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const write = (text: string) => {
  const f = join(dir, `d${files++}.ownership.json`);
  writeFileSync(f, text);
  return f;
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

// Views on the dates the holdings below start and end at, and between.
const VIEWS = [[], ['--rule', 'defacto'], ['--rule', 'votes', '--date', '2019-06-30'], ['--date', '2020-01-01'], ['--rule', 'defacto', '--threshold', '40', '--date', '2022-03-31']];

// --json and --jsonl in some of those views, every owner listed (--min-stake 0), and named entities (full detail).
const JSON_VIEWS = [['--jsonl'], ['--json'], ['--jsonl', '--rule', 'defacto', '--min-stake', '0', '--date', '2019-06-30'], ['--json', '--rule', 'votes', '--date', '2022-03-31'], ['--jsonl', '--entity', 'e1', '--entity', 'e100', '--entity', 'e20']];

describe('analyze: the columnar reader against the general one', () => {
  const shapes: [string, GenerateOptions][] = [
    ['the default sample', { entities: 3000, seed: 7 }],
    ['a strongly connected core with long chains', { entities: 3000, seed: 3, core: 0.4, depth: 30 }],
    ['chains only', { entities: 2000, seed: 5, depth: 50 }],
    ['widely held companies', { entities: 3000, seed: 9, wide: 20 }],
  ];
  for (const [what, opts] of shapes) {
    it(`gives the same table, JSON and JSON Lines for ${what}, compact and pretty, in several views`, () => {
      const doc = generateGraph(opts);
      // Dates and separate votes on some holdings, so that views on other dates differ.
      doc.holdings.forEach((h, k) => {
        if (k % 7 === 3) h.since = '2020-01-01';
        if (k % 11 === 5) h.until = '2022-03-31';
        if (k % 5 === 1) h.votes = Math.round(h.shares * 80) / 100; // non-voting shares: votes stay within 100%
      });
      for (const text of [JSON.stringify(doc), serializeDoc(doc)]) {
        const file = write(text);
        expect(readColumns(file), 'a generated register is read column by column').not.toBeNull();
        for (const view of VIEWS) {
          const general = analyzeBy(false, [file, ...view]);
          expect(general.out.startsWith('error')).toBe(false);
          expect(analyzeBy(true, [file, ...view])).toEqual(general);
        }
        // The JSON outputs too (the compact file: the reader is the same): look-through, ultimate owners, power and
        // explanations read the columns' snapshot.
        if (text.includes('\n')) continue;
        for (const argv of JSON_VIEWS) {
          const general = analyzeBy(false, [file, ...argv]);
          expect(general.out.startsWith('error')).toBe(false);
          expect(analyzeBy(true, [file, ...argv]), argv.join(' ')).toEqual(general);
        }
      }
    }, 60_000);
  }

  it('reads names as bytes: hostile names give the general reader\'s table, JSON and explanations', () => {
    // Escaped (line breaks, tabs, quotes, backslashes, control characters, lone surrogates), raw UTF-8 (CJK, astral,
    // combining marks, C1 controls, bidi overrides, odd whitespace, DEL) and plain ASCII of every length.
    const names = [
      'Plain Co', 'Line one\r\nLine two', 'A\tB', 'Q "quoted" \\ back', '\u001b[31mRed', 'bell\u0007', 'hi\ud800', '\udc00lo',
      '株式会社テスト', '😀'.repeat(30), 'e\u0301'.repeat(30), 'nel\u0085x', '\u202eevil', 'nbsp\u00a0', 'ideo\u3000', 'del\u007f',
      'x'.repeat(60), ' lead and trail ', 'a'.repeat(47) + '😀',
    ];
    const doc = generateGraph({ entities: 400, seed: 11, core: 0.3, depth: 5 });
    doc.entities.forEach((e, i) => (e.name = i % 3 ? names[i % names.length] : e.name));
    const file = write(JSON.stringify(doc));
    expect(readColumns(file), 'read column by column').not.toBeNull();
    for (const argv of [[], ['--json'], ['--jsonl', '--entity', 'e5', '--entity', 'e7']]) {
      const general = analyzeBy(false, [file, ...argv]);
      expect(general.out.startsWith('error')).toBe(false);
      expect(analyzeBy(true, [file, ...argv]), argv.join(' ')).toEqual(general);
    }
    // The explanations name the controllers: the name list makes each name's string as it was written.
    const c = readColumns(file)!;
    expect(Array.from({ length: c.n }, (_, v) => c.names[v])).toEqual(doc.entities.map((e) => e.name));
    expect(c.names.length).toBe(doc.entities.length);
  });

  it('reads the usual records in one pass and the others the general way, the same, across pieces of any size', () => {
    // Usual records (compact, printable ASCII) beside ones the fast path leaves to the general way: whitespace, other
    // key orders, escapes, non-ASCII names and ids, exponents, votes, dates, listed, notes, a kind before the id.
    const entities = Array.from({ length: 60 }, (_, i) => ({ id: `e${i}`, name: `Company ${i} Ltd.`, kind: i % 9 === 4 ? 'float' : 'company', jurisdiction: 'DE' }));
    const holdings = Array.from({ length: 120 }, (_, k) => ({ id: `h${k}`, holder: `e${(k * 7 + 1) % 60}`, subject: `e${(k * 13) % 60}`, shares: [0.5, 1, 2.25, 3, 0.125, 1e-7][k % 6] }));
    const edits: [string, string][] = [
      ['{"id":"e3","name":"Company 3 Ltd."', '{ "id" : "e3" , "name":"Company 3 Ltd."'],
      ['{"id":"e5","name":"Company 5 Ltd.","kind":"company"', '{"kind":"company","name":"Company 5 Ltd.","id":"e5"'],
      ['"Company 6 Ltd."', '"Company \\"6\\" Ltd."'],
      ['"Company 7 Ltd."', '"Compañía 7 株式会社"'],
      ['"Company 8 Ltd.","kind":"company"', '"Company 8 Ltd.","kind":"company","listed":true,"notes":"n"'],
      ['"shares":3}', '"shares":3,"votes":2.5}'],
      ['"id":"h7",', '"id":"h7","since":"2020-01-01",'],
      ['{"id":"h9","holder":"e4","subject":"e57","shares":3}', '{"subject":"e57","shares":3,"holder":"e4","id":"h9"}'],
      ['"shares":2.25}', '"shares":225e-2}'],
      ['{"id":"h11"', '{\n  "id":"h11"'],
    ];
    let text = JSON.stringify({ format: 'ownership-graph', version: 1, asOf: '2025-01-01', entities, holdings });
    for (const [from, to] of edits) {
      expect(text.includes(from), from).toBe(true);
      text = text.replace(from, to);
    }
    const file = write(text);
    const want = JSON.parse(text) as { entities: typeof entities; holdings: (typeof holdings[number] & { votes?: number })[] };
    for (const piece of [16, 61, 1000, 1 << 20]) {
      const c = readColumns(file, piece)!;
      expect(c, `pieces of ${piece} bytes`).not.toBeNull();
      const at = new Map(want.entities.map((e, i) => [e.id, i]));
      expect(c.ids).toEqual(want.entities.map((e) => e.id));
      expect(Array.from({ length: c.n }, (_, v) => c.names[v])).toEqual(want.entities.map((e) => e.name));
      expect([...c.isFloat]).toEqual(want.entities.map((e) => (e.kind === 'float' ? 1 : 0)));
      const h = c.holdings;
      expect(h.count).toBe(want.holdings.length);
      const order = want.holdings;
      expect([...h.holder.subarray(0, h.count)]).toEqual(order.map((x) => at.get(x.holder)));
      expect([...h.subject.subarray(0, h.count)]).toEqual(order.map((x) => at.get(x.subject)));
      expect([...h.shares.subarray(0, h.count)]).toEqual(order.map((x) => x.shares));
      expect([...h.votes.subarray(0, h.count)]).toEqual(order.map((x) => x.votes ?? NaN));
    }
  });

  it('leaves the bundled datasets and the fixtures to the general reader, with the same output', () => {
    const data = new URL('../../data/', import.meta.url).pathname;
    const fixtures = new URL('../fixtures/cli/', import.meta.url).pathname;
    const all = [...readdirSync(data).filter((f) => f.endsWith('.json')).map((f) => data + f), ...readdirSync(fixtures).map((f) => fixtures + f)];
    for (const file of all) {
      for (const view of VIEWS) expect(analyzeBy(true, [file, ...view]), file).toEqual(analyzeBy(false, [file, ...view]));
    }
  });

  it('declines what it does not read, or what the general reader refuses or warns about', () => {
    const base = { format: 'ownership-graph', version: 1, asOf: '2025-01-01', entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 60 }] };
    const cases: [string, unknown][] = [
      ['a duplicate entity', { ...base, entities: [...base.entities, { id: 'a', name: 'A again' }] }],
      ['an unknown holder', { ...base, holdings: [{ id: 'h1', holder: 'x', subject: 'b', shares: 60 }] }],
      ['a duplicate holding', { ...base, holdings: [...base.holdings, { id: 'h1', holder: 'b', subject: 'a', shares: 1 }] }],
      ['stakes over 100% (rounding)', { ...base, holdings: [...base.holdings, { id: 'h2', holder: 'b', subject: 'b', shares: 1 }, { id: 'h3', holder: 'a', subject: 'b', shares: 40.05 }] }],
      ['an agreement', { ...base, agreements: [{ id: 'g', kind: 'control', parties: ['a'], subject: 'b' }] }],
      ['a decision rule', { ...base, entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B', decisionRule: { atLeast: 75 } }] }],
      ['a band', { ...base, holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 60, sharesRange: { min: 50, max: 75 } }] }],
      ['shares over 100', { ...base, holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 160 }] }],
      ['holdings before entities', { format: 'ownership-graph', version: 1, holdings: base.holdings, entities: base.entities }],
    ];
    for (const [what, doc] of cases) expect(readColumns(write(JSON.stringify(doc))), what).toBeNull();
    expect(readColumns(write(`${JSON.stringify(base)} x`)), 'trailing bytes').toBeNull();
    // Numbers JSON.parse refuses, keys it reads differently, strings it refuses: the usual records' path declines too.
    for (const bad of ['"shares":5.}', '"shares":.5}', '"shares":05}', '"shares":5.e1}', '"shares":+5}', '"shares":5,}', '"shares":5}}'])
      expect(readColumns(write(JSON.stringify(base).replace('"shares":60}', bad))), bad).toBeNull();
    // Keys one letter away from those the usual records' path recognises where they stand.
    for (const [from, to] of [['"holder":"a"', '"holdex":"a"'], ['"subject":"b"', '"subjecx":"b"'], ['"shares":60', '"sharex":60'], ['"id":"h1"', '"ie":"h1"'], ['"shares":60', '"shares":60,"votex":60']])
      expect(readColumns(write(JSON.stringify(base).replace(from, to))), to).toBeNull();
    for (const [from, to] of [['"name":"A"', '"nama":"A"'], ['"name":"A"', '"name":"A","kine":"company"'], ['"name":"A"', '"name":"A","jurisdictiox":"DE"'], ['"name":"A"', '"name":"A","kind":"companx"'], ['"id":"a"', '"ix":"a"']])
      expect(readColumns(write(JSON.stringify(base).replace(from, to))), to).toBeNull();
    for (const bad of ['"name":"A\u0007"', '"name":"   "', '"id":""', '"kind":"Company"', '"jurisdiction":"de"', '"nam":"A"'])
      expect(readColumns(write(JSON.stringify(base).replace('"id":"a","name":"A"', bad.startsWith('"id"') ? `${bad},"name":"A"` : `"id":"a",${bad}`))), bad).toBeNull();
    expect(readColumns(write(`\ufeff${JSON.stringify(base)}`)), 'a byte order mark').toBeNull();
    expect(readColumns(write(JSON.stringify(base).replace('"A"', '"A \\"quoted\\" \\u00e9"'))), 'escapes in a name are read').not.toBeNull();
  });

  it('reads every number as JSON.parse reads it, to the last bit', () => {
    const num = (text: string) => {
      const s = new FlatScan();
      s.buf = Buffer.from(`${text},`);
      s.end = s.buf.length;
      s.eof = true;
      return s.num();
    };
    const decimals = fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 7 })).map(([m, k]) => (m / 10 ** k).toFixed(k));
    fc.assert(fc.property(fc.oneof(decimals, fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x))), (text) => {
      expect(Object.is(num(text), JSON.parse(text)), text).toBe(true);
    }), { numRuns: 3000 });
    for (const text of ['100', '0', '0.5', '33.333333333333336', '1e-7', '12.345678901234567', '-0']) expect(Object.is(num(text), JSON.parse(text)), text).toBe(true);
  });

  it('on random small documents, valid or not, gives what the general reader gives', () => {
    // Each field is now and then one the general reader refuses (or reads as something else), mostly not.
    const rare = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 29 }, { arbitrary: bad, weight: 1 });
    const id = rare(fc.constantFrom('a', 'b', 'c', 'd', 'é'), fc.constantFrom('e\\u0030', '', 'x'));
    const ref = rare(fc.constantFrom('a', 'b', 'c', 'é'), fc.constantFrom('e0', 'x'));
    const entity = fc.record({
      id, name: rare(fc.constantFrom('A', 'B "q"', 'Ünïcode', 'Z'), fc.constant(' ')),
      kind: fc.option(rare(fc.constantFrom('company', 'person', 'float'), fc.constant('bogus')), { nil: undefined }),
      jurisdiction: fc.option(rare(fc.constantFrom('DE', 'JP'), fc.constant('de')), { nil: undefined }),
    }, { requiredKeys: ['id', 'name'] });
    const date = fc.option(rare(fc.constantFrom('2019-01-01', '2020-06-30', '2020-01-01', null), fc.constant('2021-02-30')), { nil: undefined, freq: 2 });
    const holding = fc.record({
      id: fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6'),
      holder: ref, subject: ref,
      shares: rare(fc.constantFrom(0, 10, 25.5, 33.33, 50.01, 60, 100, 0.1 + 0.2, 1e-7, 5), fc.constantFrom(120, -1)),
      votes: fc.option(fc.constantFrom(10, 60, 100), { nil: undefined }),
      since: date, until: date,
    }, { requiredKeys: ['id', 'holder', 'subject', 'shares'] });
    // Mostly distinct ids (a repeated one now and then), so that many documents are valid.
    const doc = fc.record({
      entities: fc.uniqueArray(entity, { minLength: 3, maxLength: 8, selector: (e) => e.id }), holdings: fc.uniqueArray(holding, { maxLength: 6, selector: (h) => h.id }),
      repeat: fc.constantFrom('', '', '', 'entity', 'holding'), pretty: fc.boolean(), view: fc.constantFrom(...VIEWS), format: fc.constantFrom([], ['--json'], ['--jsonl']),
      numbered: fc.constantFrom('', 'e0', 'e1', 'shuffled'),
    });
    let columnar = 0;
    fc.assert(fc.property(doc, ({ entities, holdings, repeat, pretty, view, format, numbered }) => {
      if (repeat === 'entity' && entities.length) entities.push({ ...entities[0], name: 'Z' });
      if (repeat === 'holding' && holdings.length) holdings.push({ ...holdings[0], subject: 'a' });
      if (numbered) {
        // Entity ids a running number behind a prefix, as registers number them (from 0 or 1, in order, or shuffled
        // with a look-alike "e01"): the reader resolves them from their digits until the run breaks.
        const to = new Map<string, string>();
        entities.forEach((e, i) => to.has(e.id) || to.set(e.id, numbered === 'shuffled' ? ['e3', 'e1', 'e01', 'e2', 'e0', 'e4', 'e6', 'e5'][i] : `e${Number(numbered.slice(1)) + i}`));
        for (const e of entities) (e as { id: string }).id = to.get(e.id)!;
        for (const h of holdings as { holder: string; subject: string }[]) {
          h.holder = to.get(h.holder) ?? h.holder;
          h.subject = to.get(h.subject) ?? h.subject;
        }
      }
      const d = { format: 'ownership-graph', version: 1, asOf: '2020-01-01', entities, holdings, agreements: [] };
      // Ids written with an escape ("e\u0030") are the same id as "e0" to JSON.parse: written raw into the text.
      const file = write((pretty ? JSON.stringify(d, null, 2) : JSON.stringify(d)).replaceAll('e\\\\u0030', 'e\\u0030'));
      if (readColumns(file)) columnar++;
      expect(analyzeBy(true, [file, ...view, ...format])).toEqual(analyzeBy(false, [file, ...view, ...format]));
    }), { numRuns: 200 });
    expect(columnar, 'documents read column by column (about 1 in 8)').toBeGreaterThan(5);
  }, 120_000);
});
