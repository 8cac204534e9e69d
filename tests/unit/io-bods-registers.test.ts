// BODS from real registers, on hand-written fixtures that reproduce the structures of the standard's examples and
// test data: indirect interests, componentRecords, bands, figureless interests, GLEIF consolidation, relationship-only
// files, the warning cases, anonymous persons, history series and rounded totals.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fmtRange, inForce, parseDoc, roundingWarnings, type OwnershipDoc } from '../../src/model';
import { analyze, controlCertainty, timelineDates } from '../../src/analysis';
import { exportBods, importBods, type BodsStatement } from '../../src/io';
import { checkBods } from '../fixtures/io/bodsCheck';
import { toElements } from '../../src/canvas/toElements';
import { company, person, rel, shares, sid } from '../fixtures/io/bodsBuild';

const dataset = (name: string) => parseDoc(readFileSync(new URL(`../../data/${name}.ownership.json`, import.meta.url), 'utf8'));
const lines = (doc: OwnershipDoc, date?: string) =>
  doc.holdings.filter((h) => !date || inForce(h, date)).map((h) => `${h.holder}>${h.subject} ${h.shares}`).sort();
const owners = (doc: OwnershipDoc, id: string) => {
  const lt = analyze(doc).lookThrough(id);
  if ('loop' in lt) throw new Error('loop');
  return Object.fromEntries(Object.entries(lt.ultimateOwners).map(([k, v]) => [k, Math.round(v * 1e6) / 1e6]));
};
const sum = (o: Record<string, number>) => Math.round(Object.values(o).reduce((a, b) => a + b, 0) * 1e6) / 1e6;

describe('io/bods: indirect interests are never counted twice', () => {
  // The standard's indirect-ownership example: B holds 60% of A; Person 1 holds 30% of A indirectly through B, and
  // the file says nothing of Person 1's own figure in B.
  const file = [
    company('a', 'Company A'), company('b', 'Company B'), person('p1', 'Person 1'),
    rel('rel-b-a', 'a', 'b', [shares(60, { startDate: '2017-11-01' })]),
    rel('rel-p-b', 'b', 'p1', [{ directOrIndirect: 'unknown', beneficialOwnershipOrControl: false }]),
    rel('rel-p-a', 'a', 'p1', [shares(30, { directOrIndirect: 'indirect', startDate: '2017-11-01' })], { componentRecords: ['rel-p-b', 'b', 'rel-b-a'] }),
  ];

  it('records the intermediate holding Person 1 → B = 30 / 60 = 50%, estimated, with the derivation in its note', () => {
    const { doc, warnings } = importBods(file);
    expect(lines(doc)).toEqual(['b>a 60', 'p1>b 50']);
    const derived = doc.holdings.find((h) => h.holder === 'p1')!;
    expect(derived).toMatchObject({ subject: 'b', estimated: true, since: '2017-11-01' });
    expect((derived as { notes?: string }).notes).toMatch(/indirect 30% of Company A through Company B, which holds 60% of it \(30% \/ 60% = 50%\)/);
    expect(doc.relations ?? []).toEqual([]); // the figureless link is now quantified
    expect(warnings.join('\n')).toMatch(/the indirect interest of "Person 1" in "Company A" \(30%\) is recorded as "Person 1" holding 50% of "Company B", estimated .* it replaces the link without a figure \(rel-p-b-unknownInterest\)/);
  });

  it("gives A's ultimate owners summing to 100 with Person 1 inside B's part", () => {
    const o = owners(importBods(file).doc, 'a');
    expect(o).toEqual({ p1: 30, 'float:b': 30, 'float:a': 40 });
    expect(sum(o)).toBe(100);
  });

  it('keeps the interest as a note on the intermediary when the figure cannot be derived', () => {
    const known = file.map((s) => (s.recordId === 'rel-p-b' ? rel('rel-p-b', 'b', 'p1', [shares(40)]) : s));
    const { doc, warnings } = importBods(known);
    expect(lines(doc)).toEqual(['b>a 60', 'p1>b 40']);
    const b = doc.entities.find((e) => e.id === 'b') as unknown as { bods: { otherInterests: unknown[] } };
    expect(b.bods.otherInterests).toEqual([expect.objectContaining({ indirect: true, through: ['b'] })]);
    expect(warnings.join('\n')).toMatch(/is kept as a note on "Company B" — the chain between them is in the file/);
  });

  it('componentRecords do not make a direct interest indirect (the mixed direct-and-indirect example)', () => {
    const [a, b, p] = [company('a', 'Company A'), company('b', 'Company B', {}, { type: 'registeredEntity' }), person('p1', 'Person 1')];
    const ba = rel('rel-b-a', 'a', 'b', [shares(50, { startDate: '2017-11-01' })]);
    const pb = rel('rel-p-b', 'b', 'p1', [{ directOrIndirect: 'unknown', beneficialOwnershipOrControl: true }]);
    const pa = rel('rel-p-a', 'a', 'p1', [
      shares(50, { directOrIndirect: 'indirect', startDate: '2017-11-01' }),
      shares(50, { directOrIndirect: 'direct', startDate: '2019-05-01' }),
    ], { componentRecords: [b.statementId, pb.statementId, ba.statementId] });
    const { doc, warnings } = importBods([a, b, p, ba, pb, pa]);
    const direct = doc.holdings.find((h) => h.holder === 'p1' && h.subject === 'a')!;
    expect(direct).toMatchObject({ shares: 50, since: '2019-05-01' });
    expect((direct as { indirect?: boolean }).indirect).toBeUndefined();
    expect(doc.holdings.find((h) => h.holder === 'p1' && h.subject === 'b')).toMatchObject({ shares: 100, estimated: true, since: '2017-11-01' });
    // One warning about the indirect interest, none contradicting it.
    expect(warnings.filter((w) => /indirect interest/.test(w))).toHaveLength(1);
    expect(warnings.join('\n')).not.toMatch(/kept as a note/);
  });
});

describe('io/bods: our float without our annotation', () => {
  it('reads the exported unknownEntity float back as the float, so NTT is not "controlled by NTT public float"', () => {
    const ntt = dataset('ntt-docomo');
    const stripped = exportBods(ntt, { date: ntt.asOf }).map(({ annotations: _a, ...s }) => s);
    const { doc } = importBods(stripped as BodsStatement[], { date: ntt.asOf });
    expect(doc.entities.find((e) => e.id === 'ntt-float')?.kind).toBe('float');
    const a = analyze(doc, { date: ntt.asOf });
    for (const [, c] of a.control) expect(c.ultimate).not.toContain('ntt-float');
    expect(a.entity('ntt').status).toBe(analyze(ntt).entity('ntt').status);
  });
});

describe('io/bods: UK PSC bands', () => {
  const band = { exclusiveMinimum: 25, maximum: 50 };
  const three = [company('c', 'Banded Co'), person('x', 'X'), person('y', 'Y'), person('z', 'Z'),
    rel('r-x', 'c', 'x', [shares(band)]), rel('r-y', 'c', 'y', [shares(band)]), rel('r-z', 'c', 'z', [shares(band)])];

  it('three holders at 25–50% open (no "sum to 112.5%"), analysed at a point that never oversums, with a warning', () => {
    const { doc, warnings } = importBods(three);
    expect(doc.holdings.map((h) => h.shares)).toEqual([33.333333, 33.333333, 33.333333]);
    expect(doc.holdings[0].sharesRange).toEqual({ min: 25, max: 50, minExclusive: true });
    expect(fmtRange(doc.holdings[0].sharesRange!)).toBe('>25–50%');
    expect(warnings.join('\n')).toMatch(/the shares bands of "Banded Co" \(c\) would sum to 112\.5% at their midpoints — analysed nearer their lower bounds/);
    expect(sum(owners(doc, 'c'))).toBe(100);
  });

  it('says control is certain or only possible from the bounds', () => {
    // Three bands of 25–50%: nobody controls at the point, and nobody could (50% is not more than half).
    const none = importBods(three).doc;
    expect(controlCertainty(none, analyze(none)).size).toBe(0);
    // >50–75% controls at every point; 30–80% controls at the midpoint (55%) but not at 30%.
    const certain = importBods([company('c', 'C'), person('x', 'X'), rel('r', 'c', 'x', [shares({ exclusiveMinimum: 50, exclusiveMaximum: 75 })])]).doc;
    expect(controlCertainty(certain, analyze(certain)).get('c')).toMatchObject({ control: 'certain', controllers: ['x'] });
    const possible = importBods([company('c', 'C'), person('x', 'X'), rel('r', 'c', 'x', [shares({ minimum: 30, maximum: 80 })])]).doc;
    expect(analyze(possible).entity('c').parent).toEqual(['x']);
    expect(controlCertainty(possible, analyze(possible)).get('c')).toMatchObject({ control: 'possible', controllers: ['x'] });
    // 10–60% beside an exact 30%: nobody controls at the point (35%), but X could at 60%.
    const could = importBods([company('c', 'C'), person('x', 'X'), person('y', 'Y'), rel('r', 'c', 'x', [shares({ minimum: 10, maximum: 60 })]), rel('s', 'c', 'y', [shares(30)])]).doc;
    expect(analyze(could).entity('c').status).not.toBe('controlled');
    expect(controlCertainty(could, analyze(could)).get('c')).toMatchObject({ control: 'possible', controllers: ['x'] });
  });

  it('warns about an empty range instead of reading it silently', () => {
    const { doc, warnings } = importBods([company('c', 'C'), person('x', 'X'), rel('r', 'c', 'x', [shares({ minimum: 50, exclusiveMaximum: 50 })])]);
    expect(doc.holdings[0]).toMatchObject({ shares: 50, estimated: true });
    expect(warnings.join('\n')).toMatch(/the range \(minimum 50 and exclusiveMaximum 50\) contains no figure — read as 50%/);
  });
});

describe('io/bods: interests without a figure are typed relations', () => {
  const kinds = ['trustee', 'settlor', 'beneficiaryOfLegalArrangement', 'nominee', 'nominator', 'boardMember', 'otherInfluenceOrControl'];
  const file = [
    company('co', 'Held Co'), company('trust', 'Family Trust', {}, { type: 'arrangement', subtype: 'trust' }), person('p', 'Pat'),
    ...kinds.map((k, i) => rel(`r-${k}`, i < 3 ? 'trust' : 'co', 'p', [{ type: k, directOrIndirect: 'direct', beneficialOwnershipOrControl: true, ...(k === 'otherInfluenceOrControl' ? { details: 'veto over budgets' } : {}) }])),
    rel('r-exempt', 'co', { reason: 'interestedPartyExemptFromDisclosure' }, [{ type: 'unpublishedInterest' }]),
    rel('r-bare', 'co', 'trust', []),
  ];

  it('keeps each as a relation, names them in a warning, and exports them back as BODS relationships', () => {
    const { doc, warnings } = importBods(file);
    expect((doc.relations ?? []).map((r) => r.kind)).toEqual([...kinds, 'unpublishedInterest', 'unknownInterest']);
    expect(doc.relations!.find((r) => r.kind === 'unpublishedInterest')).toMatchObject({ unspecified: 'interestedPartyExemptFromDisclosure', subject: 'co' });
    expect(warnings.join('\n')).toMatch(/9 interests without an ownership figure kept as relations \(1 trustee, 1 settlor, 1 beneficiaryOfLegalArrangement, 1 nominee, 1 nominator, 1 boardMember, 1 otherInfluenceOrControl, 1 unpublishedInterest, 1 unknownInterest\)/);
    const out = exportBods(doc, { date: '2024-02-01' });
    expect(checkBods(out)).toEqual([]);
    const types = out.filter((s) => s.recordType === 'relationship').map((s) => (s.recordDetails.interests as { type: string }[])[0].type);
    expect(types).toEqual([...kinds, 'unpublishedInterest', 'unknownInterest']);
    const back = importBods(out).doc;
    expect(back.relations).toEqual(doc.relations);
    // Without our annotations a BODS tool still gets the same kinds, parties and subjects.
    const stripped = importBods(out.map(({ annotations: _a, ...s }) => s) as BodsStatement[]).doc;
    expect(stripped.relations!.map((r) => [r.kind, r.party ?? r.unspecified, r.subject])).toEqual(doc.relations!.map((r) => [r.kind, r.party ?? r.unspecified, r.subject]));
  });
});

describe('io/bods: GLEIF accounting consolidation', () => {
  const gleif = (id: string, child: string, parent: string, type: string) =>
    rel(id, child, parent, [{ type: 'otherInfluenceOrControl', directOrIndirect: type.includes('ULTIMATELY') ? 'indirect' : 'direct', beneficialOwnershipOrControl: false, details: `LEI RelationshipType: ${type}`, startDate: '2012-06-06' }]);
  const file = [
    company('lei-child', 'Child GmbH'), company('lei-mid', 'Mid Holding AG'), company('lei-top', 'Top Group plc'),
    gleif('rr-1', 'lei-child', 'lei-mid', 'IS_DIRECTLY_CONSOLIDATED_BY'),
    gleif('rr-2', 'lei-child', 'lei-top', 'IS_ULTIMATELY_CONSOLIDATED_BY'),
    gleif('rr-3', 'lei-mid', 'lei-top', 'IS_DIRECTLY_CONSOLIDATED_BY'),
  ];

  it('becomes control by consolidation (IFRS 10): the group draws edges and shows its ultimate parent', () => {
    const { doc } = importBods(file);
    expect(doc.relations!.map((r) => [r.kind, r.level, r.party, r.subject])).toEqual([
      ['consolidation', 'direct', 'lei-mid', 'lei-child'], ['consolidation', 'ultimate', 'lei-top', 'lei-child'], ['consolidation', 'direct', 'lei-top', 'lei-mid'],
    ]);
    const a = analyze(doc, { date: '2024-01-01' });
    expect(a.entity('lei-child')).toMatchObject({ status: 'controlled', parent: ['lei-mid'], ultimate: ['lei-top'] });
    expect(a.entity('lei-mid')).toMatchObject({ status: 'controlled', parent: ['lei-top'] });
    expect(a.explain('lei-child').join(' ')).toMatch(/consolidation/);
    // Drawn: three edges, like agreements, labelled as consolidation.
    const edges = toElements(doc, a, { layers: { holdings: true, agreements: true, dependencies: true } }).filter((e) => e.group === 'edges');
    expect(edges.map((e) => [e.data.kind, e.data.label, e.classes])).toEqual([
      ['relation', 'consolidates (direct parent)', 'relation rel-consolidation'],
      ['relation', 'consolidates (ultimate parent)', 'relation rel-consolidation'],
      ['relation', 'consolidates (direct parent)', 'relation rel-consolidation'],
    ]);
    // Exported back with the GLEIF relationship type, so a BODS tool reads it the same way.
    const back = importBods(exportBods(doc, { date: '2024-01-01' }).map(({ annotations: _a, ...s }) => s) as BodsStatement[]).doc;
    expect(analyze(back, { date: '2024-01-01' }).entity('lei-child').ultimate).toEqual(['lei-top']);
  });
});

describe('io/bods: relationship-only files and the warning cases', () => {
  it('opens a file of relationship statements only, with placeholder entities named by their record id', () => {
    const { doc, warnings } = importBods([rel('r1', 'gb-1', 'gb-2', [shares(75)]), rel('r2', 'gb-2', 'gb-3', [shares(100)])]);
    expect(doc.entities.map((e) => [e.id, e.name])).toEqual([['gb-1', 'Record gb-1'], ['gb-2', 'Record gb-2'], ['gb-3', 'Record gb-3']]);
    expect(lines(doc)).toEqual(['gb-2>gb-1 75', 'gb-3>gb-2 100']);
    expect(warnings.join('\n')).toMatch(/3 records named by relationships but described by no entity or person statement .* placeholder entities/);
    // Exported as unknown entities without a made-up name.
    const ents = exportBods(doc, { date: '2024-01-01' }).filter((s) => s.recordType === 'entity');
    expect(ents.map((s) => [(s.recordDetails.entityType as { type: string }).type, s.recordDetails.name])).toEqual([['unknownEntity', undefined], ['unknownEntity', undefined], ['unknownEntity', undefined]]);
  });

  it('warns about a person as subject, an entity and a person sharing a recordId, and duplicate statementIds', () => {
    const dup = sid('dup-statement');
    const { doc, warnings } = importBods([
      company('same', 'Same Ltd'), person('same', 'Same Person'), person('kid', 'A Child'), company('co', 'Co', { statementId: dup }),
      rel('r1', 'kid', 'same', [shares(10)]), rel('r2', 'same', 'same', [shares(20)], {}, { statementId: dup }),
    ]);
    expect(doc.entities.map((e) => [e.id, e.kind])).toEqual([['same', 'company'], ['same-2', 'person'], ['kid', 'person'], ['co', 'company']]);
    expect(lines(doc)).toEqual(['same-2>kid 10', 'same-2>same 20']);
    const text = warnings.join('\n');
    expect(text).toMatch(/record id "same" names both an entity and a person — both are kept \(entity "same", person "same-2"\)/);
    expect(text).toMatch(/the subject "A Child" is a person — BODS subjects are entities/);
    expect(text).toMatch(/statement 6 \("dup-statementx+"\) repeats the statementId of statement 4/);
    expect(text.match(/repeats the statementId/g)).toHaveLength(1);
  });

  it('orders same-day updates by the time of statementDate and warns when the file has them out of order', () => {
    const later = { ...rel('r', 'c', 'x', [shares(60)]), statementDate: '2024-03-01T15:00:00Z', recordStatus: 'updated' };
    const earlier = { ...rel('r', 'c', 'x', [shares(40)]), statementDate: '2024-03-01T09:30:00Z', recordStatus: 'updated' };
    const { doc, warnings } = importBods([company('c', 'C'), person('x', 'X'), later, earlier]);
    // The earlier statement describes the time before the later one's day; from that day the later one is in force.
    expect(lines(doc, '2024-02-01')).toEqual(['x>c 40']);
    expect(lines(doc, '2024-03-01')).toEqual(['x>c 60']);
    expect(warnings.join('\n')).toMatch(/comes after statement 3 .* but is dated earlier the same day \(2024-03-01T09:30:00Z\) — the later time wins/);
  });
});

describe('io/bods export: anonymous persons and history', () => {
  it('exports an anonymous person as such, with its reason, never as a legal name', () => {
    const file = [company('c', 'C'), person('anon', undefined, { personType: 'anonymousPerson', unspecifiedPersonDetails: { reason: 'subjectExemptFromDisclosure', description: 'protected' } }), rel('r', 'c', 'anon', [shares(30)])];
    const { doc } = importBods(file);
    expect(doc.entities.find((e) => e.id === 'anon')?.name).toBe('Anonymous person (anon)');
    const out = exportBods(doc, { date: '2024-02-01' }).find((s) => s.recordId === 'anon')!;
    expect(out.recordDetails.personType).toBe('anonymousPerson');
    expect(out.recordDetails.names).toBeUndefined();
    expect(out.recordDetails.unspecifiedPersonDetails).toEqual({ reason: 'subjectExemptFromDisclosure', description: 'protected' });
  });

  it('writes the dated history as new / updated / closed series that replay the same timeline', () => {
    const base = dataset('line-yahoo');
    // LY's history chains each period into the next; add a stake that ends with no successor, so a record closes.
    const ly = parseDoc({ ...base, entities: [...base.entities, { id: 'tmp-co', name: 'Temp Co' }], holdings: [...base.holdings, { id: 'h-ended', holder: 'naver', subject: 'tmp-co', shares: 10, since: '2022-01-01', until: '2023-01-01' }] });
    const series = exportBods(ly, { date: ly.asOf, history: true });
    expect(series.filter((s) => s.recordId === 'h-ended').map((s) => [s.recordStatus, s.statementDate])).toEqual([['new', '2022-01-01'], ['closed', '2023-01-01']]);
    expect(checkBods(series)).toEqual([]);
    const statuses = new Set(series.map((s) => s.recordStatus));
    expect([...statuses].sort()).toEqual(['closed', 'new', 'updated']);
    for (const date of timelineDates(ly)) {
      const back = importBods(series, { date }).doc;
      expect(lines(back, date)).toEqual(lines(ly, date));
    }
  });
});

describe('model: rounded published figures', () => {
  const doc = (b: number) => ({
    format: 'ownership-graph', version: 1,
    entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }],
    holdings: [{ id: 'h1', holder: 'a', subject: 'c', shares: 60 }, { id: 'h2', holder: 'b', subject: 'c', shares: b }],
  });

  it('accepts stakes summing to at most 100.1% with a warning naming the company, and analyses them as 100%', () => {
    const d = parseDoc(doc(40.08));
    expect(roundingWarnings(d)).toEqual([expect.stringMatching(/the stakes in "C" \(c\) sum to 100\.08% — read as rounding/)]);
    const o = owners(d, 'c');
    expect(sum(o)).toBe(100);
    expect(o['float:c']).toBeUndefined();
  });

  it('still refuses more than 100.1% with the clear message', () => {
    expect(() => parseDoc(doc(40.2))).toThrow(/holdings of "C" \(c\) sum to 100\.2% of shares, more than 100% \(100\.1% is allowed for rounding\)/);
  });
});
