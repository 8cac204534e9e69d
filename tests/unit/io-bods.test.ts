// BODS 0.4: import of hand-written example files (direct, ranges, indirect, state body, updates and closures),
// export validity, the LY and NTT datasets' round trips (holdings and control under all three rules), hostile input.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { inForce, parseDoc, type OwnershipDoc } from '../../src/model';
import { analyze, RULES } from '../../src/analysis';
import { IoError, exportBods, importBods, type BodsStatement } from '../../src/io';
import { checkBods } from '../fixtures/io/bodsCheck';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url), 'utf8');
const dataset = (name: string) => parseDoc(readFileSync(new URL(`../../data/${name}.ownership.json`, import.meta.url), 'utf8'));

/** Holdings in force on `date` as sorted "holder>subject shares/votes" lines. */
function holdingLines(doc: OwnershipDoc, date: string): string[] {
  return doc.holdings.filter((h) => inForce(h, date)).map((h) => `${h.holder}>${h.subject} ${h.shares}/${h.votes ?? '-'}`).sort();
}

function controlOf(doc: OwnershipDoc, date: string, rule: (typeof RULES)[number]) {
  const out: Record<string, { status: string; parent: string[]; ultimate: string[] }> = {};
  for (const [id, c] of analyze(doc, { rule, date }).control) out[id] = { status: c.status, parent: c.parent, ultimate: c.ultimate };
  return out;
}

const entity = (doc: OwnershipDoc, id: string) => doc.entities.find((e) => e.id === id)!;
const holding = (doc: OwnershipDoc, holder: string, subject: string) => doc.holdings.filter((h) => h.holder === holder && h.subject === subject);

describe('io/bods import: example files', () => {
  it('a direct shareholding by a person, with votes and the right to appoint the board', () => {
    const { doc, warnings } = importBods(fixture('bods-direct-person.json'), { fileName: 'direct.json' });
    expect(doc.entities.map((e) => [e.id, e.name, e.kind, e.jurisdiction])).toEqual([
      ['gb-coh-01234567', 'Jenex Trading Limited', 'company', 'GB'],
      ['person-jane-doe', 'Jane Doe', 'person', 'GB'],
    ]);
    const [h] = holding(doc, 'person-jane-doe', 'gb-coh-01234567');
    expect(h).toMatchObject({ id: 'rel-jane-jenex', shares: 75, votes: 80, since: '2019-01-01' });
    expect(h.estimated).toBeUndefined();
    expect(doc.agreements).toEqual([expect.objectContaining({ kind: 'control', parties: ['person-jane-doe'], subject: 'gb-coh-01234567', basis: 'appointment of board (BODS)' })]);
    // Unmapped BODS data (identifiers, founding date) and the source are kept.
    const e = entity(doc, 'gb-coh-01234567') as unknown as { bods: { recordId: string; details: Record<string, unknown> }; sources: unknown[] };
    expect(e.bods.recordId).toBe('gb-coh-01234567');
    expect(e.bods.details.identifiers).toEqual([{ scheme: 'GB-COH', id: '01234567' }]);
    expect(e.sources).toEqual([{ title: 'Companies House PSC register', url: 'https://example.org/company/01234567', date: '2024-05-02' }]);
    expect(warnings).toEqual([]);
    expect(analyze(doc, { date: '2024-06-01' }).entity('gb-coh-01234567').parent).toEqual(['person-jane-doe']);
  });

  it('share ranges are analysed at their midpoint, kept as ranges and marked estimated', () => {
    const { doc } = importBods(fixture('bods-ranges.json'));
    const [amir] = holding(doc, 'person-amir', 'gb-coh-07654321');
    const [bea] = holding(doc, 'person-bea', 'gb-coh-07654321');
    expect(amir).toMatchObject({ shares: 37.5, estimated: true, sharesRange: { min: 25, max: 50, maxExclusive: true } });
    expect(bea).toMatchObject({ shares: 62.5, votes: 62.5, estimated: true, sharesRange: { min: 50, max: 75, minExclusive: true }, votesRange: { min: 50, max: 75, minExclusive: true, maxExclusive: true } });
    // Export writes the ranges back, and they import to the same figures.
    const again = importBods(exportBods(doc, { date: '2024-06-01' }), { date: '2024-06-01' }).doc;
    expect(holdingLines(again, '2024-06-01')).toEqual(holdingLines(doc, '2024-06-01'));
    const shares = exportBods(doc, { date: '2024-06-01' }).flatMap((s) => (s.recordDetails.interests as { share: unknown }[] | undefined) ?? []).map((i) => i.share);
    expect(shares).toContainEqual({ minimum: 25, exclusiveMaximum: 50 });
    expect(shares).toContainEqual({ exclusiveMinimum: 50, maximum: 75 });
  });

  it('an indirect interest through a recorded intermediate is a note, not a second holding; without a chain it is an estimated link', () => {
    const { doc, warnings } = importBods(fixture('bods-indirect.json'), { date: '2024-06-01' });
    expect(holdingLines(doc, '2024-06-01')).toEqual(['co-b>co-a 60/-', 'person-p>co-b 50/-', 'person-q>co-c 20/-']);
    const lt = analyze(doc).lookThrough('co-a');
    expect('loop' in lt ? null : lt.lookThrough['person-p']).toBeCloseTo(30); // counted once, through B
    // Priya's own figure in B is known (50%), so nothing is derived: the indirect 30% is a note on the intermediary.
    const notes = (entity(doc, 'co-b') as unknown as { bods: { otherInterests: { indirect: boolean; record: { holder: string; shares: number } }[] } }).bods.otherInterests;
    expect(notes).toEqual([expect.objectContaining({ indirect: true, through: ['co-b'], record: expect.objectContaining({ holder: 'person-p', shares: 30 }) })]);
    expect(holding(doc, 'person-q', 'co-c')[0]).toMatchObject({ indirect: true, estimated: true });
    expect(warnings.join('\n')).toMatch(/statement 6 \(.*\): the indirect interest of "Priya Patel" in "Company A Ltd" is kept as a note on "Company B Ltd" — the chain between them is in the file/);
    expect(warnings.join('\n')).toMatch(/the indirect interest of "Quentin Moreau" in "Company C Ltd" is imported as an estimated direct link/);
  });

  it('a state body and a person; an unspecified interested party and non-ownership interests are kept aside with warnings', () => {
    const { doc, warnings } = importBods(fixture('bods-state.json'));
    expect(doc.entities.map((e) => [e.id, e.kind])).toEqual([['jp-state', 'state'], ['jp-mof', 'state'], ['jp-ntt', 'company'], ['person-sato', 'person']]);
    expect(entity(doc, 'jp-ntt').listed).toBe(true);
    expect(holdingLines(doc, '2024-06-01')).toEqual(['jp-mof>jp-ntt 34.25/-', 'person-sato>jp-ntt 0.01/-']);
    expect(warnings.join('\n')).toMatch(/the interested party is unspecified \(subjectExemptFromDisclosure\)/);
    expect(warnings.join('\n')).toMatch(/3 interests without an ownership figure kept as relations \(1 controlByLegalFramework, 1 seniorManagingOfficial, 1 shareholding\)/);
    expect((doc.relations ?? []).map((r) => [r.kind, r.party ?? r.unspecified, r.subject])).toEqual([
      ['controlByLegalFramework', 'jp-mof', 'jp-ntt'], ['seniorManagingOfficial', 'person-sato', 'jp-ntt'], ['shareholding', 'subjectExemptFromDisclosure', 'jp-ntt'],
    ]);
    expect(analyze(doc, { rule: 'defacto' }).entity('jp-ntt').parent).toEqual(['jp-mof']);
  });

  it.each([
    // Before its first statement (2020-01-01) the company is a placeholder; that statement names it from its date on.
    ['2019-06-01', 'Record co-x (stated from 2020-01-01)', []],
    ['2021-01-01', 'Old Name Ltd', ['co-y>co-x 40/-', 'person-z>co-x 10/-']],
    ['2022-03-01', 'New Name Ltd', ['co-y>co-x 40/-', 'person-z>co-x 10/-']],
    ['2022-07-01', 'New Name Ltd', ['co-y>co-x 55/-', 'person-z>co-x 10/-']],
    ['2024-01-01', 'New Name Ltd', ['co-y>co-x 55/-']],
  ])('updated and closed records on %s', (date, name, lines) => {
    const { doc, warnings } = importBods(fixture('bods-updates.json'), { date });
    expect(entity(doc, 'co-x').name).toBe(name);
    expect(holdingLines(doc, date)).toEqual(lines);
    // The closed person stays: the history before the closing holds her 10%.
    expect(doc.entities.some((e) => e.id === 'person-z')).toBe(true);
    expect(doc.asOf).toBe(date);
    expect(warnings.some((w) => /described only by statements dated after 2019-06-01 .* shown as placeholders/.test(w))).toBe(date === '2019-06-01');
    if (date === '2019-06-01') expect(entity(doc, 'co-x').aliases).toEqual([{ name: 'Old Name Ltd', kind: 'other', since: '2020-01-01' }]);
  });

  it('without a view date every statement is kept with its dates: the whole history, closings included', () => {
    const { doc } = importBods(fixture('bods-updates.json'));
    expect(doc.holdings.map((h) => [h.id, h.shares, h.since, h.until])).toEqual([
      ['rel-y-x', 40, '2020-01-01', '2022-06-01'],
      ['rel-y-x-2022-06-01', 55, '2022-06-01', undefined],
      ['rel-z-x', 10, '2020-01-01', '2023-03-01'],
    ]);
  });

  it('reads JSON Lines as well as an array', () => {
    const lines = (JSON.parse(fixture('bods-direct-person.json')) as unknown[]).map((s) => JSON.stringify(s)).join('\n');
    expect(importBods(lines).doc.holdings).toHaveLength(1);
  });
});

describe('io/bods export', () => {
  it.each(['line-yahoo', 'ntt-docomo'])('%s exports valid BODS 0.4 and imports back to the same holdings and control', (name) => {
    const doc = dataset(name);
    const date = doc.asOf!;
    const statements = exportBods(doc, { date, publisher: 'Test' });
    expect(checkBods(statements)).toEqual([]);
    expect(statements.every((s) => s.publicationDetails?.bodsVersion === '0.4' && s.publicationDetails.publisher.name === 'Test')).toBe(true);
    const { doc: back, warnings } = importBods(JSON.stringify(statements), { date });
    expect(warnings).toEqual([]);
    expect(holdingLines(back, date)).toEqual(holdingLines(doc, date));
    for (const rule of RULES) expect(controlOf(back, date, rule)).toEqual(controlOf(doc, date, rule));
    // Entities come back whole: kinds, rules, notes and sources travel in the annotation.
    expect(back.entities).toEqual(doc.entities);
  });

  it('is deterministic and maps holdings, votes, dates and agreements to the standard fields', () => {
    const doc = dataset('line-yahoo');
    const a = exportBods(doc, { date: '2024-09-30' }), b = exportBods(doc, { date: '2024-09-30' });
    expect(a).toEqual(b);
    const byId = new Map<string, BodsStatement>(a.map((s) => [s.recordId, s]));
    expect(byId.get('son')).toMatchObject({ recordType: 'person', recordDetails: { personType: 'knownPerson', names: [{ type: 'legal', fullName: 'Masayoshi Son' }], nationalities: [{ name: 'Japan', code: 'JP' }] } });
    expect(byId.get('sbg')).toMatchObject({ recordType: 'entity', recordDetails: { entityType: { type: 'registeredEntity' }, jurisdiction: { name: 'Japan', code: 'JP' }, publicListing: { hasPublicListing: true } } });
    expect(byId.get('ly-float')?.recordDetails.entityType).toMatchObject({ type: 'unknownEntity' });
    expect(byId.get('h-sbgj-sbkk')?.recordDetails).toMatchObject({
      subject: 'sbkk', interestedParty: 'sbgj',
      interests: [{ type: 'shareholding', share: { exact: 40.47 } }, { type: 'votingRights', share: { exact: 40.68 } }],
    });
    expect(byId.get('h-ahd-ly-2023-10')?.recordDetails.interests).toEqual([expect.objectContaining({ startDate: '2023-10-01', endDate: '2024-09-02' })]);
    expect(byId.get('a-sbkk-ahd')?.recordDetails.interests).toEqual([expect.objectContaining({ type: 'otherInfluenceOrControl', details: expect.stringMatching(/^control by agreement: board majority/) })]);
  });

  it('keeps the holdings even when a tool strips our annotations', () => {
    const doc = dataset('line-yahoo');
    const stripped = exportBods(doc, { date: '2024-09-30' }).map(({ annotations: _a, ...s }) => s);
    const { doc: back } = importBods(stripped, { date: '2024-09-30' });
    expect(holdingLines(back, '2024-09-30')).toEqual(holdingLines(doc, '2024-09-30'));
    expect(back.agreements?.map((a) => [a.parties, a.subject])).toEqual(doc.agreements?.map((a) => [a.parties, a.subject]));
  });

  it('writes imported BODS details back, follows later edits, and re-imports to the same document', () => {
    const { doc } = importBods(fixture('bods-direct-person.json'), { date: '2024-06-01' });
    const out = exportBods(doc, { date: '2024-06-01' });
    expect(checkBods(out)).toEqual([]);
    const company = out.find((s) => s.recordId === 'gb-coh-01234567')!;
    expect(company.recordDetails).toMatchObject({ identifiers: [{ scheme: 'GB-COH', id: '01234567' }], foundingDate: '2010-03-04', jurisdiction: { name: 'United Kingdom', code: 'GB' } });
    expect(out.find((s) => s.recordId === 'person-jane-doe')!.recordDetails).toMatchObject({ birthDate: '1970-05', names: [{ type: 'legal', fullName: 'Jane Doe' }] });
    expect(out.find((s) => s.recordId.endsWith('-board'))!.recordDetails.interests).toEqual([{ type: 'appointmentOfBoard', directOrIndirect: 'unknown', startDate: '2019-01-01' }]);
    const back = importBods(out, { date: '2024-06-01' }).doc;
    expect([back.entities, back.holdings, back.agreements]).toEqual([doc.entities, doc.holdings, doc.agreements]);
    const edited = { ...doc, entities: doc.entities.map((e) => (e.id === 'gb-coh-01234567' ? { ...e, name: 'Renamed Ltd', jurisdiction: 'IE', listed: false } : e)) };
    expect(exportBods(edited, { date: '2024-06-01' }).find((s) => s.recordId === 'gb-coh-01234567')!.recordDetails).toMatchObject({
      name: 'Renamed Ltd', jurisdiction: { name: 'Ireland', code: 'IE' }, publicListing: { hasPublicListing: false }, identifiers: [{ scheme: 'GB-COH', id: '01234567' }],
    });
  });

  it('exports boards, seats, joint control and colliding ids as valid BODS and back', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1, asOf: '2024-01-01',
      entities: [{ id: 'x', name: 'X', boardSize: 5 }, { id: 'y', name: 'Y' }, { id: 'z', name: 'Z', kind: 'person' }, { id: 'p', name: 'P', kind: 'person' }],
      holdings: [{ id: 'x', holder: 'y', subject: 'x', shares: 30, boardSeats: 3 }, { id: 'h2', holder: 'x', subject: 'z', shares: 10, votes: 20 }],
      agreements: [{ id: 'y', kind: 'joint-control', parties: ['y', 'p'], subject: 'z', basis: 'pact' }],
    });
    const statements = exportBods(doc);
    expect(checkBods(statements)).toEqual([]);
    expect(statements.map((s) => s.recordId)).toEqual(['x', 'y', 'z', 'p', 'holding:x', 'h2', 'y/y', 'y/p']);
    expect(statements[2].recordType).toBe('entity'); // a held person is written as an entity: BODS subjects are entities
    expect(statements[4].recordDetails.interests).toContainEqual(expect.objectContaining({ type: 'appointmentOfBoard', share: { exact: 60 } }));
    const back = importBods(statements, { date: '2024-01-01' }).doc;
    expect(back.holdings).toEqual(doc.holdings);
    expect(back.agreements).toEqual(doc.agreements);
    expect(back.entities).toEqual(doc.entities);
  });
});

describe('io/bods import: broken and hostile input', () => {
  const ok = JSON.parse(fixture('bods-direct-person.json')) as Record<string, unknown>[];
  const rel = (change: Record<string, unknown>) => [ok[0], ok[1], { ...ok[2], recordDetails: { ...(ok[2].recordDetails as object), ...change } }];
  const share = (s: unknown) => rel({ interests: [{ type: 'shareholding', share: s }] });
  it.each<[string, unknown, RegExp]>([
    ['truncated JSON', fixture('bods-ranges.json').slice(0, 400), /io\/bods: f\.json: the file is not valid JSON .* — check that it is complete/],
    ['an object instead of an array', '{"statements": []}\n', /io\/bods: f\.json: expected a JSON array of BODS statements but found a JSON object/],
    ['a native document', '{"format": "ownership-graph"}', /found a JSON object — this is an ownership document, not BODS/],
    ['a number', '42', /expected a JSON array of BODS statements/],
    ['a statement that is not an object', '[1]', /statement 1 is 1, not an object/],
    ['a statement without recordId', [{ statementId: 'x'.repeat(36), recordType: 'entity', recordDetails: {} }], /statement 1 \("x+"\) has no recordId/],
    ['an unknown record type', [{ recordId: 'a', recordType: 'company', recordDetails: {} }], /statement 1 field "recordType": "company" is not entity, person or relationship/],
    ['a BODS 0.2 relationship without subject', [{ statementID: 'x', statementType: 'ownershipOrControlStatement', interestedParty: { unspecified: { reason: 'unknown' } } }], /statement 1 \("x"\) has no subject/],
    ['a relationship without subject', rel({ subject: undefined }), /statement 3 \("[0-9a-f-]+"\) has no subject — every relationship statement needs one/],
    ['a relationship without interestedParty', rel({ interestedParty: null }), /statement 3 .* has no interestedParty/],
    ['a subject that is a number', rel({ subject: 7 }), /field "recordDetails\.subject": 7 is not a record id/],
    ['a negative share', share({ exact: -5 }), /field "recordDetails\.interests\[0\]\.share\.exact": -5 is outside 0–100 — use a percentage from 0 to 100/],
    ['a share of 1e308', share({ exact: 1e308 }), /share\.exact": 1e\+308 is outside 0–100/],
    ['a share of "NaN"', share({ exact: 'NaN' }), /share\.exact": "NaN" is not a number/],
    ['a minimum above the maximum', share({ minimum: 60, maximum: 40 }), /the minimum 60 is above the maximum 40/],
    ['a bad interest type', rel({ interests: [{ type: 'owns' }] }), /interests\[0\]\.type": "owns" is not a BODS 0\.4 interest type/],
    ['a bad date', rel({ interests: [{ type: 'shareholding', share: { exact: 5 }, startDate: '2024-02-30' }] }), /startDate": "2024-02-30" is not a date/],
    ['interests that are not a list', rel({ interests: 'all of them' }), /field "recordDetails\.interests": "all of them" is not a list/],
  ])('refuses %s with a message naming the statement and field', (_name, input, message) => {
    const run = () => importBods(input as string, { fileName: 'f.json' });
    expect(run).toThrow(IoError);
    expect(run).toThrow(message);
  });

  it('refuses shares summing to more than 100% for one subject, naming it and the statements', () => {
    const two = [...JSON.parse(fixture('bods-ranges.json')) as Record<string, unknown>[]];
    const bea = two[4] as { recordDetails: { interests: { share: unknown }[] } };
    bea.recordDetails.interests[0].share = { exact: 80 };
    expect(() => importBods(two)).toThrow(/the shares bands of "Banded Holdings Ltd" \(gb-coh-07654321\) start at 105% in all on 2019-01-01, more than 100% even at their lower bounds — statement 4 .*, statement 5 .*; check the bands and dates/);
    bea.recordDetails.interests[0].share = { exact: 70 };
    const twoExact = two.map((s, i) => (i === 3 ? { ...s, recordDetails: { ...(s.recordDetails as object), interests: [{ type: 'shareholding', directOrIndirect: 'direct', share: { exact: 40 }, startDate: '2019-01-01' }] } } : s));
    expect(() => importBods(twoExact)).toThrow(/holdings of "Banded Holdings Ltd" \(gb-coh-07654321\) sum to 110% of shares on 2019-01-01, more than 100% — statement 4 .*, statement 5 .*; check their share ranges and dates/);
  });

  it('draws a record no statement describes as a placeholder named by its id, keeps names as plain text, fits 250-character record ids', () => {
    const long = 'r'.repeat(250);
    const input = [
      { ...ok[0], recordId: long, recordDetails: { ...(ok[0].recordDetails as object), name: '<script>alert(1)</script>' } },
      ok[1],
      { ...ok[2], recordDetails: { ...(ok[2].recordDetails as object), subject: long } },
      { ...ok[2], statementId: 'b'.repeat(40), recordId: 'rel-2', recordDetails: { ...(ok[2].recordDetails as object), subject: 'nobody' } },
    ];
    const { doc, warnings } = importBods(input);
    expect(doc.entities[0].id).toHaveLength(199);
    expect(doc.entities[0].name).toBe('<script>alert(1)</script>');
    expect(doc.holdings).toHaveLength(2);
    expect(entity(doc, 'nobody')).toMatchObject({ name: 'Record nobody', kind: 'other' });
    expect(warnings.join('\n')).toMatch(/record id "r+…" is longer than 200 characters — imported as/);
    expect(warnings.join('\n')).toMatch(/1 record named by relationships but described by no entity or person statement \("nobody"\) — shown as placeholder entities named by their record id/);
  });

  it('refuses a 60 MB string without parsing it', () => {
    expect(() => importBods(' '.repeat(151 * 1024 * 1024), { fileName: 'huge.json' })).toThrow(/io\/bods: "huge\.json" is 151\.0 MB/);
  });

  it('refuses a view date that is not a date', () => {
    expect(() => importBods('[]', { date: '30/09/2024' })).toThrow(/the view date "30\/09\/2024" is not a date/);
  });
});
