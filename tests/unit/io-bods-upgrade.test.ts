// BODS 0.2 and 0.3 read through one upgrade step to the 0.4 model (bodsUpgrade.ts). The fixture bods-0.2.json follows
// the shapes the Open Ownership register published (statementID / statementType, describedBy… references, kebab-case
// interest types, interestLevel, boolean exclusive flags, replacesStatements), with names of our own.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { inForce } from '../../src/model';
import { analyze } from '../../src/analysis';
import { importBods } from '../../src/io';
import { upgradeStatements } from '../../src/io/bodsUpgrade';

type Obj = Record<string, unknown>;
const file = readFileSync(new URL('../fixtures/io/bods-0.2.json', import.meta.url), 'utf8');
const id = (n: number) => `0c1d${String(n).padStart(4, '0')}-7a2b-4c3d-8e9f-${String(n).padStart(12, '0')}`;

describe('io/bods upgrade: 0.2/0.3 → 0.4', () => {
  const { statements, upgraded } = upgradeStatements(JSON.parse(file) as unknown[]);
  const out = statements as Obj[];

  it('gives every statement a record: replacesStatements continues the record it replaces, as an update', () => {
    expect(upgraded).toBe(8);
    expect(out.map((s) => [s.recordType, s.recordStatus, s.recordId === s.statementId])).toEqual([
      ['entity', 'new', true], ['person', 'new', true], ['entity', 'new', true], ['relationship', 'new', true], ['relationship', 'new', true],
      ['relationship', 'updated', false], ['relationship', 'new', true], ['relationship', 'new', true],
    ]);
    expect(out[5].recordId).toBe(id(5));
    expect(out[3].declarationSubject).toBe(id(1));
  });

  it.each<[string, Obj, Obj]>([
    ['a kebab-case type and interestLevel', { type: 'voting-rights', interestLevel: 'direct' }, { type: 'votingRights', directOrIndirect: 'direct' }],
    ['a trust interest', { type: 'beneficiary-of-trust' }, { type: 'beneficiaryOfLegalArrangement' }],
    ['a type 0.4 does not know', { type: 'owns-a-lot', details: 'x' }, { type: 'otherInfluenceOrControl', details: 'BODS 0.2/0.3 interest type "owns-a-lot": x' }],
    ['a 0.2 band (max exclusive by default)', { share: { minimum: 25, maximum: 50 } }, { share: { minimum: 25, exclusiveMaximum: 50 } }],
    ['a UK PSC band (>25, ≤50)', { share: { minimum: 25, maximum: 50, exclusiveMinimum: true, exclusiveMaximum: false } }, { share: { exclusiveMinimum: 25, maximum: 50 } }],
    ['an exact figure with its bounds', { share: { exact: 60, minimum: 60, maximum: 60 } }, { share: { exact: 60 } }],
  ])('upgrades %s', (_name, before, after) => {
    const st = { statementID: 'x'.repeat(36), statementType: 'ownershipOrControlStatement', subject: { describedByEntityStatement: 'e' }, interestedParty: { unspecified: { reason: 'subject-exempt-from-disclosure' } }, interests: [before] };
    const [s] = upgradeStatements([st]).statements as Obj[];
    const d = s.recordDetails as Obj;
    expect((d.interests as Obj[])[0]).toEqual(after);
    expect(d.interestedParty).toEqual({ reason: 'subjectExemptFromDisclosure' });
  });

  it('leaves 0.4 statements untouched', () => {
    const st = { statementId: 'y'.repeat(36), recordId: 'r', recordType: 'entity', recordDetails: { isComponent: false, entityType: { type: 'registeredEntity' } } };
    expect(upgradeStatements([st])).toEqual({ statements: [st], upgraded: 0 });
  });
});

describe('io/bods upgrade: a 0.2/0.3 register imports like its 0.4 form', () => {
  const { doc, warnings } = importBods(file);
  const lines = (date: string) => doc.holdings.filter((h) => inForce(h, date)).map((h) => `${h.holder.slice(-2)}>${h.subject.slice(-2)} ${h.shares}`).sort();

  it('keeps the history of the replaced statement and the band as published', () => {
    expect(lines('2020-01-01')).toEqual(['02>01 37.5', '03>01 40']);
    expect(lines('2022-01-01')).toEqual(['02>01 37.5', '03>01 50']);
    expect(doc.holdings[0]).toMatchObject({ sharesRange: { min: 25, max: 50, minExclusive: true }, estimated: true });
    expect(doc.entities.map((e) => [e.name, e.jurisdiction ?? null])).toEqual([['Weave Textiles Ltd', 'GB'], ['Priya Natarajan', 'IN'], ['Loom Holdings plc', null]]);
  });

  it('reads trust interests, board appointment and unspecified parties', () => {
    expect((doc.relations ?? []).map((r) => [r.kind, r.unspecified ?? null])).toEqual([['trustee', null], ['unknownInterest', 'noBeneficialOwners']]);
    expect(doc.agreements?.map((a) => a.basis)).toEqual(['appointment of board (BODS)']);
    expect(analyze(doc, { date: '2022-01-01' }).entity(id(1)).parent).toEqual([id(2)]);
  });

  it('says the file was upgraded', () => {
    expect(warnings[0]).toMatch(/8 statements are in BODS 0\.2\/0\.3 — read through the upgrade to the 0\.4 model/);
  });

  it('reads a 0.2 GLEIF relationship as consolidation', () => {
    const gleif = [
      { statementID: id(11), statementType: 'entityStatement', entityType: 'registeredEntity', name: 'Sub GmbH' },
      { statementID: id(12), statementType: 'entityStatement', entityType: 'registeredEntity', name: 'Top AG' },
      { statementID: id(13), statementType: 'ownershipOrControlStatement', subject: { describedByEntityStatement: id(11) }, interestedParty: { describedByEntityStatement: id(12) },
        interests: [{ type: 'other-influence-or-control', interestLevel: 'unknown', beneficialOwnershipOrControl: false, startDate: '2018-03-23T00:00:00Z', details: 'LEI RelationshipType: IS_DIRECTLY_CONSOLIDATED_BY' }] },
    ];
    const r = importBods(gleif).doc;
    expect(r.relations).toEqual([expect.objectContaining({ kind: 'consolidation', level: 'direct', since: '2018-03-23' })]);
    expect(analyze(r, { date: '2024-01-01' }).entity(id(11)).ultimate).toEqual([id(12)]);
  });
});
