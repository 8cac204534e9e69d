// CSV edge lists: RFC 4180 parsing, names to entities, merging into a base document, errors naming line and column,
// and the formula-injection guard on export.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { inForce, parseDoc, type OwnershipDoc } from '../../src/model';
import { IoError, exportCsv, importCsv, importCsvDetailed } from '../../src/io';
import { MAX_CELL_CHARS, parseCsv } from '../../src/io/csvParse';

const LY = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
/** A holding's notes: an extra field the model keeps but does not type. */
const notes = (h: object) => (h as { notes?: unknown }).notes;
const lines = (doc: OwnershipDoc) => {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.holdings.map((h) => `${name.get(h.holder)}>${name.get(h.subject)} ${h.shares}/${h.votes ?? '-'} ${h.since ?? ''}..${h.until ?? ''}`).sort();
};

describe('io/csv tokenizer', () => {
  it.each<[string, string, string[][]]>([
    ['simple LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['lone CR', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['quoted delimiter, doubled quote, line break', 'x,"a, ""b""\nc",y\n', [['x', 'a, "b"\nc', 'y']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text, ',', '').map((r) => r.cells)).toEqual(rows);
  });

  it('numbers rows by the line they start on, across quoted line breaks', () => {
    expect(parseCsv('h\n"a\nb"\nc\n', ',', '').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('numbers rows after blank lines by their own line', () => {
    expect(parseCsv('h\n\n\na\nb\n\nc', ',', '').map((r) => [r.line, r.cells[0]])).toEqual([[1, 'h'], [4, 'a'], [5, 'b'], [7, 'c']]);
  });

  it('refuses a cell longer than MAX_CELL_CHARS, naming its line and cell', () => {
    const text = `holder,subject,shares\nA,"${'x'.repeat(MAX_CELL_CHARS + 1)}",5\n`;
    expect(() => parseCsv(text, ',', 'io/csv: f: ')).toThrow(/io\/csv: f: line 2, cell 2: 10,001 characters, more than 10,000/);
    expect(parseCsv(`a\n${'y'.repeat(MAX_CELL_CHARS)}\n`, ',', '')[1].cells[0].length).toBe(MAX_CELL_CHARS);
  });

  it('refuses an unclosed quote, naming its line', () => {
    expect(() => parseCsv('a\n"open,b\nc\n', ',', 'io/csv: f: ')).toThrow(/io\/csv: f: line 2: a quoted field is not closed/);
  });
});

describe('io/csv import', () => {
  it('turns names into entities with unique ids derived from the names', () => {
    const doc = importCsv('holder,subject,shares,votes\r\nAlice Smith,Acme Ltd,60,70\r\nACME ltd,Beta GmbH,100,\r\n"Smith, Alice",Acme Ltd,10\r\n');
    expect(doc.entities.map((e) => [e.id, e.name])).toEqual([['alice-smith', 'Alice Smith'], ['acme-ltd', 'Acme Ltd'], ['beta-gmbh', 'Beta GmbH'], ['smith-alice', 'Smith, Alice']]);
    expect(doc.holdings.map((h) => [h.holder, h.subject, h.shares, h.votes])).toEqual([
      ['alice-smith', 'acme-ltd', 60, 70], ['acme-ltd', 'beta-gmbh', 100, undefined], ['smith-alice', 'acme-ltd', 10, undefined],
    ]);
  });

  it('tolerates a BOM, semicolons, a % sign, extra columns and keeps non-Latin names', () => {
    const { doc, warnings } = importCsvDetailed('\uFEFFHolder;Subject;Shares;Comment\nＬＹ株式会社;ZOZO;50,1%;x\n'.replace('50,1%', '50.1%'));
    expect(doc.entities.map((e) => e.id)).toEqual(['ly株式会社', 'zozo']);
    expect(doc.holdings[0].shares).toBe(50.1);
    expect(warnings).toEqual([expect.stringMatching(/column "Comment" is not read/)]);
  });

  it('merges into a base document by id or name, updating the holdings it names and keeping the rest', () => {
    const csv = 'holder,subject,shares,since\nahd,LY Corporation,60,2024-09-02\nNAVER Corporation,New Co,40,\n';
    const doc = importCsv(csv, LY);
    expect(doc.entities.length).toBe(LY.entities.length + 1);
    // The rows are authoritative for their pairs: the record starting on the same date is updated (keeping its id
    // and notes), the pair's older records go.
    const pair = doc.holdings.filter((h) => h.holder === 'ahd' && h.subject === 'ly');
    expect(pair.map((h) => [h.id, h.shares, h.since])).toEqual([['h-ahd-ly', 60, '2024-09-02']]);
    expect(notes(pair[0])).toBe(notes(LY.holdings.find((h) => h.id === 'h-ahd-ly')!));
    // A row that pushes a subject above 100% on some date is refused, naming the base holding and the line.
    expect(() => importCsv('holder,subject,shares\nahd,LY Corporation,70\n', LY)).toThrow(/holdings of "LY Corporation" sum to 104\.75% of shares on 2021-03-01, more than 100% \(holding "h-ly-float-ly-2021-03", line 2\)/);
    expect(doc.holdings.find((h) => h.holder === 'naver' && h.subject === 'new-co')?.shares).toBe(40);
    expect(notes(doc.holdings.find((h) => h.id === 'h-naver-ahd')!)).toBeDefined(); // untouched holdings keep their notes
  });

  it('warns when a name matches several entities of the base, and uses the first', () => {
    const base = parseDoc({ format: 'ownership-graph', version: 1, entities: [{ id: 'a1', name: 'Acme' }, { id: 'a2', name: 'ACME' }, { id: 'b', name: 'B' }], holdings: [] });
    const { doc, warnings } = importCsvDetailed('holder,subject,shares\nacme,B,5\na2,B,6\n', base);
    expect(doc.holdings.map((h) => [h.holder, h.shares])).toEqual([['a1', 5], ['a2', 6]]);
    expect(warnings).toEqual([expect.stringMatching(/line 2, column "holder": "acme" names several entities — used "a1"/)]);
  });

  it.each<[string, string, RegExp]>([
    ['a missing header', 'Alice,Acme,5\n', /io\/csv: t\.csv: line 1: the header must name the columns holder,subject,shares \(missing holder, subject, shares/],
    ['a word for a number', 'holder,subject,shares\nA,B,10\nA,C,20\nA,D,30\nA,E,1\nA,F,2\nA,G,abc\n', /io\/csv: t\.csv: line 7, column "shares": "abc" is not a number — use a percentage from 0 to 100/],
    ['a negative number', 'holder,subject,shares\nA,B,-5\n', /line 2, column "shares": "-5" is outside 0–100/],
    ['1e308', 'holder,subject,shares\nA,B,1e308\n', /"1e308" is outside 0–100/],
    ['NaN', 'holder,subject,shares\nA,B,NaN\n', /"NaN" is not a number/],
    ['Infinity', 'holder,subject,shares,votes\nA,B,5,Infinity\n', /column "votes": "Infinity" is not a number/],
    ['an empty holder', 'holder,subject,shares\n,B,5\n', /line 2, column "holder": empty — name the holder/],
    ['an empty share', 'holder,subject,shares\nA,B,\n', /line 2, column "shares": empty/],
    ['a self-holding', 'holder,subject,shares\nA,a,5\n', /line 2: "A" holds itself/],
    ['a bad date', 'holder,subject,shares,since\nA,B,5,2024-13-01\n', /column "since": "2024-13-01" is not a date/],
    ['until before since', 'holder,subject,shares,since,until\nA,B,5,2024-01-01,2023-01-01\n', /line 2: until 2023-01-01 is before since 2024-01-01/],
    ['a total above 100', 'holder,subject,shares\nA,B,60\nC,B,50\n', /holdings of "B" sum to 110% of shares, more than 100% \(line 2, line 3\) — lower a stake/],
    ['an unclosed quote', 'holder,subject,shares\n"A,B,5\n', /line 2: a quoted field is not closed/],
    ['a duplicated column', 'holder,subject,shares,Shares\n', /column "shares" appears twice/],
    ['an empty file', '', /the file is empty/],
  ])('refuses %s, naming the line and column', (_name, text, message) => {
    expect(() => importCsv(text, undefined, 't.csv')).toThrow(IoError);
    expect(() => importCsv(text, undefined, 't.csv')).toThrow(message);
  });

  it('refuses a 60 MB string at once', () => {
    expect(() => importCsv('x'.repeat(151 * 1024 * 1024), undefined, 'big.csv')).toThrow(/io\/csv: "big\.csv" is 151\.0 MB/);
  });
});

describe('io/csv export', () => {
  it('writes the holdings in force on a date, and all of them with dates otherwise', () => {
    const onDate = exportCsv(LY, '2024-09-30');
    expect(onDate.split('\r\n')[0]).toBe('holder,subject,shares,votes');
    expect(onDate).toContain('A Holdings Corporation,LY Corporation,62.5,\r\n');
    expect(onDate).not.toContain('65.25');
    const all = exportCsv(LY);
    expect(all.split('\r\n')[0]).toBe('holder,subject,shares,votes,since,until');
    expect(all).toContain('A Holdings Corporation,LY Corporation,65.25,,2021-03-01,2023-10-01\r\n');
  });

  it('round-trips the LY holdings, by name, with and without a date', () => {
    expect(lines(importCsv(exportCsv(LY)))).toEqual(lines(LY));
    const date = '2024-09-30';
    const live = { ...LY, holdings: LY.holdings.filter((h) => inForce(h, date)).map((h) => ({ ...h, since: undefined, until: undefined })) };
    expect(lines(importCsv(exportCsv(LY, date)))).toEqual(lines(live));
  });

  it('guards formula cells and quotes delimiters, and import restores them exactly', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: [{ id: 'a', name: '=HYPERLINK("http://x","y")' }, { id: 'b', name: '+1, @me' }, { id: 'c', name: "'=already" }, { id: 'd', name: '<script>alert(1)</script>' }],
      holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 5 }, { id: 'h2', holder: 'c', subject: 'd', shares: 5 }],
    });
    const csv = exportCsv(doc);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")","'+1, @me"`);
    expect(csv).toContain(`''=already,<script>alert(1)</script>`);
    expect(csv.split('\r\n').slice(1).every((l) => !/^[=+\-@]/.test(l) && !/,[=+\-@]/.test(l))).toBe(true);
    expect(importCsv(csv).entities.map((e) => e.name)).toEqual(doc.entities.map((e) => e.name));
  });
});
