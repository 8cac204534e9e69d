// GLEIF conversions to BODS (Open Ownership's GLEIF pipeline): every consolidation wording, the deleted relationship
// form, and reporting exceptions read as an undisclosed parent rather than "independent, no recorded holders". The
// fixtures follow the shapes the pipeline writes (LEI relationship types in the interest details, date-time start
// dates, annotations on the statement), with LEIs and names of our own.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analysis';
import { exportBods, importBods } from '../../src/io';
import { relationLabel } from '../../src/io/bodsRelations';
import { schemaProblems } from '../fixtures/io/bodsSchema';
import { company, person, rel } from '../fixtures/io/bodsBuild';

type Obj = Record<string, unknown>;
const gleif = { source: { type: ['officialRegister'], description: 'GLEIF' } };
const ooc = (details: string, more: Obj = {}) => ({ type: 'otherInfluenceOrControl', directOrIndirect: 'unknown', beneficialOwnershipOrControl: false, details, ...more });
const note = (description: string) => ({ statementPointerTarget: '/', motivation: 'commenting', description });
const child = company('lei-child', 'Child Holdings SA', gleif);
const parent = company('lei-parent', 'Parent Group AG', gleif);

describe('io/bods GLEIF: consolidation wordings', () => {
  it.each([
    ['LEI RelationshipType: IS_DIRECTLY_CONSOLIDATED_BY', 'otherInfluenceOrControl', 'direct'],
    ['LEI RelationshipType: IS_ULTIMATELY_CONSOLIDATED_BY', 'otherInfluenceOrControl', 'ultimate'],
    ['is directly consolidated by', 'otherInfluenceOrControl', 'direct'],
    ['IS-ULTIMATELY-CONSOLIDATED-BY', 'unknownInterest', 'ultimate'],
  ])('%s (%s) is consolidation at the %s level, and gives control', (details, type, level) => {
    const { doc } = importBods([child, parent, rel('rr-1', 'lei-child', 'lei-parent', [ooc(details, { type, startDate: '2018-03-23T00:00:00Z' })], {}, gleif)]);
    expect(doc.relations).toEqual([expect.objectContaining({ kind: 'consolidation', level, party: 'lei-parent', subject: 'lei-child', since: '2018-03-23' })]);
    expect(analyze(doc, { date: '2024-01-01' }).entity('lei-child').ultimate).toEqual(['lei-parent']);
  });

  it('the deleted relationship form ends the consolidation on its statement date', () => {
    const made: Obj = { ...rel('rr-1', 'lei-child', 'lei-parent', [ooc('LEI RelationshipType: IS_DIRECTLY_CONSOLIDATED_BY', { startDate: '2018-01-01' })], {}, gleif), statementDate: '2018-01-05' };
    const deleted = { ...made, statementId: `${made.statementId as string}-del`, statementDate: '2022-06-30', recordStatus: 'updated', annotations: [note('GLEIF relationship deleted on this statementDate.')] };
    const { doc } = importBods([child, parent, made, deleted]);
    expect(doc.relations?.map((r) => [r.kind, r.since, r.until])).toEqual([['consolidation', '2018-01-01', '2022-06-30']]);
    expect(analyze(doc, { date: '2020-01-01' }).entity('lei-child').parent).toEqual(['lei-parent']);
    expect(analyze(doc, { date: '2023-01-01' }).entity('lei-child').status).toBe('independent');
  });
});

describe('io/bods GLEIF: reporting exceptions are an undisclosed parent', () => {
  const repexEntity = company('repex-1', undefined, { ...gleif, annotations: [note('This statement was created due to a NON_CONSOLIDATING GLEIF Reporting Exception for LEICHILD')] }, { type: 'unknownEntity' });
  (repexEntity.recordDetails as Obj).unspecifiedEntityDetails = { reason: 'interestedPartyExemptFromDisclosure', description: 'From LEI ExemptionReason `NON_CONSOLIDATING`. The legal entity or entities are not obliged to provide consolidated accounts in relation to the entity they control.' };
  const repexRel = rel('repex-rel-1', 'lei-child', 'repex-1', [ooc('A controlling interest.', { directOrIndirect: 'direct' })], {}, { ...gleif, annotations: [note('The nature of this interest is unknown')] });

  it('NON_CONSOLIDATING: the unknown entity consolidates the child as its undisclosed direct parent', () => {
    const { doc, warnings } = importBods([child, repexEntity, repexRel]);
    const r = doc.relations![0];
    expect(r).toMatchObject({ kind: 'consolidation', level: 'direct', party: 'repex-1', exception: 'NON_CONSOLIDATING' });
    expect(relationLabel(r)).toBe('consolidates, undisclosed direct parent (GLEIF reporting exception: non-consolidating)');
    expect(doc.entities.find((e) => e.id === 'repex-1')!.name).toBe('Undisclosed parent (GLEIF: non-consolidating)');
    const c = analyze(doc, { date: '2024-01-01' }).entity('lei-child');
    expect(c.status).toBe('controlled');
    expect(c.parent).toEqual(['repex-1']);
    expect(warnings.join('\n')).toMatch(/1 GLEIF reporting exception read as an undisclosed parent that consolidates the entity: "Child Holdings SA" \(non-consolidating\)/);
  });

  it('NATURAL_PERSONS through an unknown person, indirect: the undisclosed ultimate parent', () => {
    const p = person('repex-2', undefined, { personType: 'unknownPerson', unspecifiedPersonDetails: { reason: 'interestedPartyExemptFromDisclosure', description: 'From LEI ExemptionReason `NATURAL_PERSONS`. An unknown natural person or persons controls an entity.' } });
    const { doc } = importBods([child, p, rel('repex-rel-2', 'lei-child', 'repex-2', [ooc('A controlling interest.', { directOrIndirect: 'indirect' })])]);
    expect(doc.relations![0]).toMatchObject({ kind: 'consolidation', level: 'ultimate', exception: 'NATURAL_PERSONS' });
    expect(analyze(doc, { date: '2024-01-01' }).entity('lei-child').status).toBe('controlled');
  });

  it('an unspecified party with an exception category gets a parent of its own (NON_PUBLIC), drawn and exported unnamed', () => {
    const unspecified = rel('repex-rel-3', 'lei-child', { reason: 'interestedPartyExemptFromDisclosure', description: 'NON_PUBLIC' }, [ooc('LEI ExceptionCategory: ULTIMATE_ACCOUNTING_CONSOLIDATION_PARENT')]);
    const { doc } = importBods([child, parent, rel('rr-1', 'lei-child', 'lei-parent', [ooc('LEI RelationshipType: IS_DIRECTLY_CONSOLIDATED_BY')]), unspecified]);
    const made = doc.entities.find((e) => e.id.startsWith('undisclosed-'))!;
    expect(made).toMatchObject({ id: 'undisclosed-ultimate-parent-of-lei-child', name: 'Undisclosed ultimate parent (GLEIF: non-public)', kind: 'other' });
    expect(doc.relations!.map((r) => [r.kind, r.level, r.party])).toEqual([['consolidation', 'direct', 'lei-parent'], ['consolidation', 'ultimate', made.id]]);
    // The known direct parent fires first (direct before ultimate).
    expect(analyze(doc, { date: '2024-01-01' }).entity('lei-child').parent).toEqual(['lei-parent']);

    const out = exportBods(doc, { date: '2024-01-01' });
    expect(schemaProblems(out)).toEqual([]);
    const st = out.find((s) => s.recordId === made.id)!;
    expect(st.recordDetails).toMatchObject({ entityType: { type: 'unknownEntity' }, unspecifiedEntityDetails: { reason: 'interestedPartyExemptFromDisclosure' } });
    expect(st.recordDetails).not.toHaveProperty('name');
    // Stripped of our annotations, the export reads back as the same exception.
    const back = importBods(out.map(({ annotations: _a, ...s }) => s)).doc;
    expect(back.relations!.map((r) => [r.kind, r.level, (r as { exception?: string }).exception])).toEqual([['consolidation', 'direct', undefined], ['consolidation', 'ultimate', 'NON_PUBLIC']]);
  });

  it('without the exception words an unknown party stays a plain relation', () => {
    const plain = company('u', undefined, {}, { type: 'unknownEntity' });
    const { doc } = importBods([child, plain, rel('r', 'lei-child', 'u', [ooc('some influence')])]);
    expect(doc.relations![0].kind).toBe('otherInfluenceOrControl');
    expect(analyze(doc, { date: '2024-01-01' }).entity('lei-child').status).toBe('independent');
  });
});
