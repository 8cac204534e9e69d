// FollowTheMoney JSON lines in and out (io/ftmImport.ts, io/ftmExport.ts): a hand-written file reads to the entities,
// holdings and relations it states; detection by content; errors name the line and field; round trips both ways.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseDoc, type Entity, type OwnershipDoc } from '../../src/model';
import { IoError, detectFormat, exportFtm, exportFtmEntities, importFile, importFtm } from '../../src/io';
import { docArb } from '../fixtures/io/arbitraries';

const fixture = readFileSync(new URL('../fixtures/io/ftm-group.ftm.jsonl', import.meta.url), 'utf8');

describe('importFtm on a hand-written group', () => {
  const { doc, warnings } = importFtm(fixture, 'group.ftm.jsonl');
  const ent = (id: string) => doc.entities.find((e) => e.id === id)!;

  it('reads entities with their kinds, names, other names, identifiers and jurisdictions', () => {
    expect(doc.entities.map((e) => [e.id, e.kind, e.name])).toEqual([
      ['co-hold', 'company', 'Harbour Holdings KK'],
      ['co-op', 'company', 'Harbour Operations Co.'],
      ['p-kim', 'person', 'Min-jun Kim'],
      ['gov', 'state', 'Ministry of Ports'],
    ]);
    expect(ent('co-hold').aliases).toEqual([{ name: 'ハーバーホールディングス株式会社', kind: 'other' }, { name: 'Old Harbour Ltd', kind: 'former' }]);
    expect(ent('co-hold').identifiers).toEqual([{ scheme: 'LEI', id: '5299000TESTLEI00001' }, { scheme: 'TSE', id: '9999' }]);
    expect(ent('co-hold').jurisdiction).toBe('JP');
    expect(ent('co-op').jurisdiction).toBe('KR');
    expect(ent('co-op').aliases).toEqual([{ name: '하버 오퍼레이션', kind: 'other' }]); // from a second fragment of co-op
    expect(ent('co-op').identifiers).toEqual([{ scheme: 'registration number', id: '110111-0000001' }]);
    expect(ent('co-hold').sources).toEqual([{ url: 'https://example.org/harbour' }]);
  });

  it('reads Ownership as holdings: percentages, bands, partial dates and date-times', () => {
    expect(doc.holdings.map((h) => [h.id, h.holder, h.subject, h.shares, h.since, h.until, h.sharesRange, h.estimated])).toEqual([
      ['own-1', 'gov', 'co-hold', 34.25, '2015-01-01', undefined, undefined, undefined],
      ['own-2', 'co-hold', 'co-op', 62.5, '2020-03-01', '2024-06-30', { min: 50, max: 75 }, true],
      ['own-3', 'p-kim', 'co-op', 10, '2021-01-01', undefined, undefined, undefined],
    ]);
  });

  it('reads Directorship and UnknownLink as relations', () => {
    expect(doc.relations!.map((r) => [r.id, r.kind, r.party, r.subject, r.details, r.since])).toEqual([
      ['dir-1', 'boardChair', 'p-kim', 'co-hold', 'Chairman of the Board', '2022-06-15'],
      ['link-1', 'otherInfluenceOrControl', 'gov', 'co-op', 'golden share', undefined],
    ]);
  });

  it('warns about partial dates and skipped schemata', () => {
    expect(warnings.some((w) => /1 date gives only a year or a month/.test(w))).toBe(true);
    expect(warnings.some((w) => /skipped 1 Sanction/.test(w))).toBe(true);
  });

  it('writes a weak alias back as a weakAlias, not as an alias', () => {
    const line = JSON.stringify({ id: 'co-x', schema: 'Company', properties: { name: ['Harbour X'], alias: ['HX Group'], weakAlias: ['HX'], leiCode: ['5299000TESTLEI00009'] } });
    const x = importFtm(line, 'x.ftm.jsonl').doc.entities[0];
    expect(x.aliases!.map((a) => a.name)).toEqual(['HX Group', 'HX']);
    expect(exportFtmEntities(importFtm(line, 'x.ftm.jsonl').doc)[0].properties).toMatchObject({ alias: ['HX Group'], weakAlias: ['HX'], leiCode: ['5299000TESTLEI00009'] });
  });

  it('writes the FtM properties it has no field for back out, and reads its own export to the same document', () => {
    const out = exportFtmEntities(doc);
    const hold = out.find((e) => e.id === 'co-hold')!;
    expect(hold.properties.incorporationDate).toEqual(['1999-04-01']);
    expect(hold.properties.previousName).toEqual(['Old Harbour Ltd']);
    expect(out.find((e) => e.id === 'own-1')!.properties.sharesCount).toEqual(['1000']);
    expect(out.find((e) => e.id === 'co-op')!.properties.address).toEqual(['1 Pier Road, Busan']);
    const again = importFtm(exportFtm(doc), 'group.ftm.jsonl').doc;
    expect(again).toEqual(doc);
  });
});

describe('FtM detection and errors', () => {
  it.each([
    ['JSON lines of FtM entities', '{"id":"a","schema":"Company","properties":{"name":["A"]}}\n', 'ftm'],
    ['a JSON array of FtM entities', '[{"id":"a","schema":"Company","properties":{"name":["A"]}}]', 'ftm'],
    ['BODS JSON lines', '{"statementId":"s","recordType":"entity"}\n', 'bods'],
    ['a BODS array', '[{"statementId":"s","recordType":"entity","recordDetails":{}}]', 'bods'],
    ['a native document on one line', '{"format":"ownership-graph","version":1,"entities":[],"holdings":[]}', 'ownership'],
  ])('%s → %s', (_what, text, format) => {
    expect(detectFormat(text, 'x.json')).toBe(format);
  });

  it('opens through importFile, named by format', () => {
    const r = importFile(new TextEncoder().encode(fixture), 'renamed.txt');
    expect(r.format).toBe('ftm');
    expect(r.doc.entities).toHaveLength(4);
  });

  it.each([
    ['{"id":"a","schema":"Company","properties":{"name":["A"]}}\nnot json', /line 2 is not valid JSON/],
    ['{"id":"a","schema":"Company","properties":{"name":["A"]}}\n{"id":"o","schema":"Ownership","properties":{"owner":["a"],"asset":["b"],"percentage":["150"]}}', /line 2 \(Ownership "o"\) field "percentage": "150" is outside 0–100/],
    ['{"id":"a","schema":"Company","properties":{"name":["A"]}}\n{"id":"o","schema":"Ownership","properties":{"asset":["a"]}}', /has no owner/],
    ['{"id":"o","schema":"Ownership","properties":{"owner":["a"],"asset":["b"],"percentage":["5"],"startDate":["2020-02-30"]}}', /field "startDate": "2020-02-30" is not a calendar date/],
    ['{"id":"a","schema":"Company","properties":{"name":["A"]}}\n{"id":"x","schema":"Ownership","properties":{"owner":["x1"],"asset":["a"],"percentage":["60"]}}\n{"id":"y","schema":"Ownership","properties":{"owner":["x2"],"asset":["a"],"percentage":["60"]}}', /sum to 120%.*more than 100%/],
    ['{"id":"s","schema":"Sanction","properties":{}}', /no Company, Organization, LegalEntity, PublicBody or Person/],
  ])('refuses %j', (text, message) => {
    expect(() => importFtm(text, 'bad.ftm.jsonl')).toThrow(IoError);
    expect(() => importFtm(text, 'bad.ftm.jsonl')).toThrow(message);
  });
});

/** What FtM carries of a document: everything but titles of sources, kinds of non-former names, and unmapped fields. */
function carried(doc: OwnershipDoc) {
  const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    entities: doc.entities.map((e) => ({
      id: e.id, name: e.name, kind: e.kind ?? 'company', jurisdiction: e.jurisdiction,
      aliases: (e.aliases ?? []).map((a) => `${a.kind === 'former' ? 'former' : 'other'}:${a.name}`).sort(),
      identifiers: (e.identifiers ?? []).map((i) => `${i.scheme}:${i.id}`).sort(),
    })),
    holdings: sortBy(doc.holdings.map((h) => ({ id: h.id, holder: h.holder, subject: h.subject, shares: h.shares, votes: h.votes, since: h.since ?? undefined, until: h.until ?? undefined, estimated: !!h.estimated })), (h) => h.id),
    agreements: sortBy((doc.agreements ?? []).map((a) => ({ id: a.id, kind: a.kind, parties: a.parties, subject: a.subject, basis: a.basis, since: a.since ?? undefined })), (a) => a.id),
    relations: sortBy((doc.relations ?? []).map((r) => ({ id: r.id, kind: r.kind, party: r.party, subject: r.subject, level: r.level, since: r.since ?? undefined })), (r) => r.id),
  };
}

const NAMES = fc.constantFrom('LINEヤフー株式会社', 'Z Holdings Corporation', '네이버', 'NAVER Corp.', 'Old name, "quoted"');
const SCHEMES = fc.constantFrom('LEI', 'TSE', 'KRX', 'EDINET', 'DART', 'registration number');
const withNames = docArb.chain((doc) => fc.array(fc.record({
  aliases: fc.array(fc.record({ name: NAMES, kind: fc.constantFrom('former', 'other') as fc.Arbitrary<'former' | 'other'> }), { maxLength: 2 }),
  identifiers: fc.array(fc.record({ scheme: SCHEMES, id: fc.constantFrom('4689', '035420', '5299003FU7V4I45FU310') }), { maxLength: 2 }),
}), { minLength: doc.entities.length, maxLength: doc.entities.length }).map((names) => ({
  ...doc,
  entities: doc.entities.map((e, i): Entity => {
    const seen = new Set([e.name]);
    const aliases = names[i].aliases.filter((a) => !seen.has(a.name) && seen.add(a.name));
    const ids = names[i].identifiers.filter((x, j, all) => all.findIndex((y) => y.scheme === x.scheme && y.id === x.id) === j);
    return { ...e, ...(aliases.length ? { aliases } : {}), ...(ids.length ? { identifiers: ids } : {}) };
  }),
})));

describe('FtM round trip (property)', () => {
  it('document → FtM → document keeps entities, names, identifiers, holdings, agreements and relations', () => {
    fc.assert(fc.property(withNames, (raw) => {
      const doc = parseDoc(raw);
      const back = importFtm(exportFtm(doc), 'r.ftm.jsonl').doc;
      expect(carried(back)).toEqual(carried(doc));
    }), { numRuns: 60 });
  });

  it('FtM → document → FtM is the identity on our own export', () => {
    fc.assert(fc.property(withNames, (raw) => {
      const once = exportFtm(parseDoc(raw));
      expect(exportFtm(importFtm(once, 'r.ftm.jsonl').doc)).toBe(once);
    }), { numRuns: 40 });
  });
});
