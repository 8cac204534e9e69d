// BODS out says what the source said (issue 20 §2): beneficialOwnershipOrControl, directOrIndirect and each statement's
// source kept; estimates exported as estimates; declared indirect interests exported; unnamed persons exported unnamed;
// every export valid against the official 0.4 schema (tests/fixtures/io/bodsSchema.ts). Fixtures follow the structures
// of the standard's examples (multiple-indirect-ownership, a trust, a self-declaration), with our own names.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { inForce, parseDoc, type OwnershipDoc } from '../../src/model';
import { exportBods, importBods, type BodsStatement } from '../../src/io';
import { relationLabel } from '../../src/io/bodsRelations';
import { analyze } from '../../src/analysis';
import { checkBods } from '../fixtures/io/bodsCheck';
import { schemaProblems } from '../fixtures/io/bodsSchema';
import { company, person, rel, shares } from '../fixtures/io/bodsBuild';

type Obj = Record<string, unknown>;
const dataset = (name: string) => parseDoc(readFileSync(new URL(`../../data/${name}.ownership.json`, import.meta.url), 'utf8'));
const fixture = (name: string) => readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url), 'utf8');
const interestsOf = (out: BodsStatement[], recordId: string) => (out.find((s) => s.recordId === recordId)!.recordDetails.interests as Obj[]);
const lines = (doc: OwnershipDoc, date = '2024-06-01') =>
  doc.holdings.filter((h) => inForce(h, date)).map((h) => `${h.holder}>${h.subject} ${h.shares}`).sort();

describe('io/bods export: what the source said', () => {
  const selfDeclared = { source: { type: ['selfDeclaration'], assertedBy: [{ name: 'Ana Silva' }] } };
  const file = [
    company('co', 'Fabric Co'), person('ana', 'Ana Silva'), company('hold', 'Holdco Ltd'), company('trust', 'Silva Family Trust', {}, { type: 'arrangement', subtype: 'trust' }),
    rel('r-ana', 'co', 'ana', [shares(30, { beneficialOwnershipOrControl: true })], {}, selfDeclared),
    rel('r-hold', 'co', 'hold', [shares(40, { beneficialOwnershipOrControl: false, directOrIndirect: 'unknown' })]),
    rel('r-trustee', 'trust', 'ana', [{ type: 'trustee', directOrIndirect: 'direct', beneficialOwnershipOrControl: true }]),
    rel('r-plain', 'hold', 'ana', [{ type: 'shareholding', share: { exact: 10 } }]),
  ];
  const out = exportBods(importBods(file).doc, { date: '2024-06-01' });

  it('keeps beneficialOwnershipOrControl as given (a trustee stays true), and omits it where the source gave none', () => {
    expect(interestsOf(out, 'r-ana')[0].beneficialOwnershipOrControl).toBe(true);
    expect(interestsOf(out, 'r-hold')[0].beneficialOwnershipOrControl).toBe(false);
    expect(interestsOf(out, 'r-trustee-trustee')[0].beneficialOwnershipOrControl).toBe(true);
    expect(interestsOf(out, 'r-plain')[0]).not.toHaveProperty('beneficialOwnershipOrControl');
  });

  it("keeps directOrIndirect 'unknown' as unknown", () => {
    expect(interestsOf(out, 'r-hold')[0].directOrIndirect).toBe('unknown');
    expect(interestsOf(out, 'r-ana')[0].directOrIndirect).toBe('direct');
  });

  it('keeps each statement\'s source: a self-declaration is not rewritten to third party', () => {
    expect(out.find((s) => s.recordId === 'r-ana')!.source).toEqual(selfDeclared.source);
    // A source the user changed is written from the record's sources.
    const doc = importBods(file).doc;
    const edited = { ...doc, holdings: doc.holdings.map((h) => (h.id === 'r-ana' ? { ...h, sources: [{ title: 'annual report' }] } : h)) };
    expect(exportBods(edited, { date: '2024-06-01' }).find((s) => s.recordId === 'r-ana')!.source).toEqual({ type: ['thirdParty'], description: 'annual report' });
  });

  it('exports an unnamed person and an unnamed entity unnamed, never under the name shown for them', () => {
    const { doc } = importBods([company('c', undefined), person('p', undefined), rel('r', 'c', 'p', [shares(60)])]);
    expect(doc.entities.map((e) => e.name)).toEqual(['Entity c', 'Person p']);
    const back = exportBods(doc, { date: '2024-06-01' });
    expect(back.find((s) => s.recordId === 'p')!.recordDetails).not.toHaveProperty('names');
    expect(back.find((s) => s.recordId === 'c')!.recordDetails).not.toHaveProperty('name');
    // Renamed by the user: then the name is theirs, and exported.
    const renamed = { ...doc, entities: doc.entities.map((e) => (e.id === 'p' ? { ...e, name: 'Pia Rossi' } : e)) };
    expect(exportBods(renamed, { date: '2024-06-01' }).find((s) => s.recordId === 'p')!.recordDetails.names).toEqual([{ type: 'legal', fullName: 'Pia Rossi' }]);
  });

  it('exports estimated figures with an annotation on the share, not as declared figures', () => {
    const ly = dataset('line-yahoo');
    const estimated = ly.holdings.filter((h) => h.estimated && !('sharesRange' in h));
    expect(estimated.length).toBeGreaterThan(0);
    const all = exportBods(ly, { date: ly.asOf });
    for (const h of estimated) {
      const notes = all.find((s) => s.recordId === h.id)!.annotations!.filter((a) => a.statementPointerTarget === '/recordDetails/interests/0/share');
      expect(notes).toEqual([expect.objectContaining({ motivation: 'commenting', description: expect.stringMatching(/^estimated figure, not declared by a source/) })]);
    }
    const declared = ly.holdings.find((h) => !h.estimated)!;
    expect(all.find((s) => s.recordId === declared.id)!.annotations!.some((a) => a.statementPointerTarget.endsWith('/share'))).toBe(false);
  });
});

describe('io/bods: indirect interests through two or more intermediaries', () => {
  // P declares 60% of A indirectly through B and C; B holds 40% of A and C 20%: the figures say P holds all of B and C.
  const determined = [
    company('a', 'Company A'), company('b', 'Company B'), company('c', 'Company C'), person('p', 'Person P'),
    rel('r-b', 'a', 'b', [shares(40, { startDate: '2018-01-01' })]), rel('r-c', 'a', 'c', [shares(20, { startDate: '2018-01-01' })]),
    rel('r-p', 'a', 'p', [shares(60, { directOrIndirect: 'indirect', startDate: '2018-01-01' })], { componentRecords: ['b', 'c', 'r-b', 'r-c'] }),
  ];

  it('derives the stakes the declared figure determines: all of B and all of C', () => {
    const { doc, warnings } = importBods(determined);
    expect(lines(doc)).toEqual(['b>a 40', 'c>a 20', 'p>b 100', 'p>c 100']);
    expect(doc.holdings.filter((h) => h.holder === 'p').every((h) => h.estimated)).toBe(true);
    expect(warnings.join('\n')).toMatch(/"Person P" in "Company A" \(60%\) is recorded as "Person P" holding 100% of "Company B" and 100% of "Company C", estimated — derived through their 40% and 20%, which make up the whole declared figure/);
  });

  it('derives through a chain of two intermediaries (P → B → C → A)', () => {
    const chain = [
      company('a', 'Company A'), company('b', 'Company B'), company('c', 'Company C'), person('p', 'Person P'),
      rel('r-c', 'a', 'c', [shares(60)]), rel('r-bc', 'c', 'b', [shares(50)]),
      rel('r-p', 'a', 'p', [shares(15, { directOrIndirect: 'indirect' })], { componentRecords: ['b', 'c'] }),
    ];
    expect(lines(importBods(chain).doc)).toEqual(['b>c 50', 'c>a 60', 'p>b 50']);
  });

  it('exports the declared indirect interest, not the holdings derived from it; importing the export derives them again', () => {
    const doc = importBods(determined).doc;
    const out = exportBods(doc, { date: '2024-06-01' });
    const p = out.filter((s) => s.recordType === 'relationship' && s.recordDetails.interestedParty === 'p');
    expect(p).toHaveLength(1);
    expect(p[0].recordDetails).toMatchObject({ subject: 'a', componentRecords: ['b', 'c'], interests: [{ type: 'shareholding', directOrIndirect: 'indirect', share: { exact: 60 }, startDate: '2018-01-01' }] });
    expect(lines(importBods(out).doc)).toEqual(lines(doc));
  });

  // The standard's multiple-indirect-ownership structure: C and D hold 50% each of B; Person 1 declares 60% of B
  // through both, with no figure for C or D: the figures do not determine the split.
  const undetermined = [
    company('b', 'Company B'), company('c', 'Company C'), company('d', 'Company D'), person('p1', 'Person 1'),
    rel('r-c', 'b', 'c', [shares(50)]), rel('r-d', 'b', 'd', [shares(50)]),
    rel('r-p1-c', 'c', 'p1', [{ directOrIndirect: 'unknown', beneficialOwnershipOrControl: true }], { isComponent: true }),
    rel('r-p1-d', 'd', 'p1', [{ directOrIndirect: 'unknown', beneficialOwnershipOrControl: true }], { isComponent: true }),
    rel('r-p1', 'b', 'p1', [shares(60, { directOrIndirect: 'indirect' })], { componentRecords: ['c', 'd', 'r-c', 'r-d', 'r-p1-c', 'r-p1-d'] }),
  ];

  it('keeps an undetermined declaration visible as a declared indirect link, says so, and exports it as declared', () => {
    const { doc, warnings } = importBods(undetermined);
    expect(lines(doc)).toEqual(['c>b 50', 'd>b 50']);
    const link = doc.relations!.find((r) => r.party === 'p1' && r.subject === 'b')!;
    expect(link).toMatchObject({ kind: 'shareholding', directOrIndirect: 'indirect', details: 'declared indirect 60% through Company C, Company D; the stakes in between are not known' });
    expect(relationLabel(link)).toBe('declared indirect shareholding 60%');
    expect(warnings.join('\n')).toMatch(/the indirect interest of "Person 1" in "Company B" \(60%\) is kept as a declared indirect link — the figures in the file do not say "Person 1"'s stakes in "Company C" and "Company D", so it is drawn and counted as declared, not as holdings of them/);
    const out = exportBods(doc, { date: '2024-06-01' });
    const declared = out.find((s) => s.recordId === link.id)!;
    expect(declared.recordDetails).toMatchObject({ subject: 'b', interestedParty: 'p1', interests: [{ type: 'shareholding', directOrIndirect: 'indirect', beneficialOwnershipOrControl: true, share: { exact: 60 } }] });
    // Read back without our annotations, it is the same declared link.
    const back = importBods(out.map(({ annotations: _a, ...s }) => s)).doc;
    expect(back.relations!.filter((r) => r.directOrIndirect === 'indirect').map((r) => [r.party, r.subject, relationLabel(r)])).toEqual([['p1', 'b', 'declared indirect shareholding 60%']]);
  });

  it("a state declaring 100% indirectly of a company held through its ministry is that company's ultimate controller", () => {
    const file = [
      company('fi', 'Republic of Finland', {}, { type: 'state' }), company('pmo', "Prime Minister's Office", {}, { type: 'stateBody', subtype: 'governmentDepartment' }), company('soe', 'Nordic Rail Oy'),
      rel('r-pmo-soe', 'soe', 'pmo', [shares(100, { beneficialOwnershipOrControl: false })]),
      rel('r-fi-pmo', 'pmo', 'fi', [{ type: 'controlByLegalFramework', directOrIndirect: 'direct' }]),
      rel('r-fi-soe', 'soe', 'fi', [shares(100, { directOrIndirect: 'indirect', beneficialOwnershipOrControl: false })], { componentRecords: ['pmo', 'r-pmo-soe', 'r-fi-pmo'] }),
    ];
    const { doc } = importBods(file);
    expect(lines(doc)).toEqual(['fi>pmo 100', 'pmo>soe 100']);
    expect(analyze(doc, { date: '2024-06-01' }).entity('soe')).toMatchObject({ status: 'controlled', parent: ['pmo'], ultimate: ['fi'] });
  });
});

describe('io/bods export: valid against the official 0.4 schema', () => {
  const cases: [string, () => OwnershipDoc][] = [
    ['line-yahoo', () => dataset('line-yahoo')],
    ['ntt-docomo', () => dataset('ntt-docomo')],
    ['the history fixture', () => importBods(fixture('bods-history.json')).doc],
    ['the state fixture', () => importBods(fixture('bods-state.json')).doc],
    ['the ranges fixture', () => importBods(fixture('bods-ranges.json')).doc],
    ['the indirect fixture', () => importBods(fixture('bods-indirect.json')).doc],
  ];
  it.each(cases)('%s, plain and as history', (_name, make) => {
    const doc = make();
    for (const history of [false, true]) {
      const out = exportBods(doc, { date: doc.asOf ?? '2024-06-01', history });
      expect(schemaProblems(out)).toEqual([]);
      expect(checkBods(out)).toEqual([]);
    }
  });

  it('the schema check can fail: it refuses an unknown interest type, a missing isComponent and a bad reason', () => {
    const out = exportBods(dataset('line-yahoo'), { date: '2024-09-30' });
    const rel1 = out.findIndex((s) => s.recordType === 'relationship');
    const broken = structuredClone(out);
    (broken[rel1].recordDetails.interests as Obj[])[0].type = 'ownership';
    delete broken[0].recordDetails.isComponent;
    broken[rel1].recordDetails.interestedParty = { reason: 'noReason' };
    expect(schemaProblems(broken).length).toBeGreaterThanOrEqual(3);
  });
});
