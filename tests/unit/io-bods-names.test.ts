// BODS names and identifiers ↔ entity aliases and identifiers (issue 20 §3, src/io/bodsNames.ts): imported so search
// finds them, exported back as the source wrote them, and round-tripped. Fixtures follow the standard's
// bods-package-fi-soe (alternateNames, FI-PRO identifiers) and a person with legal, transliterated and former names.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc, type OwnershipDoc } from '../../src/model';
import { exportBods, importBods, type BodsStatement } from '../../src/io';
import { searchEntities } from '../../src/ui/searchEntities';
import { schemaProblems } from '../fixtures/io/bodsSchema';
import { checkBods } from '../fixtures/io/bodsCheck';
import { company, person, rel, shares } from '../fixtures/io/bodsBuild';

type Obj = Record<string, unknown>;
const dataset = (name: string) => parseDoc(readFileSync(new URL(`../../data/${name}.ownership.json`, import.meta.url), 'utf8'));
const strip = (out: BodsStatement[]) => out.map(({ annotations: _a, ...s }) => s);
const namesAndIds = (doc: OwnershipDoc) => doc.entities.map((e) => ({ id: e.id, aliases: (e.aliases ?? []).map((a) => a.name), identifiers: (e.identifiers ?? []).map((i) => `${i.scheme}:${i.id}`) }));
const details = (out: BodsStatement[], id: string) => out.find((s) => s.recordId === id)!.recordDetails as Obj;

const file = [
  company('grid', 'Gasgrid Finland Oy', {}, { type: 'registeredEntity' }),
  company('vm', 'Valtiovarainministeriö', {}, { type: 'stateBody', subtype: 'governmentDepartment' }),
  company('fi', 'Suomen tasavalta', {}, { type: 'state' }),
  person('p', 'Tanaka Hanako', {
    names: [{ type: 'legal', fullName: 'Tanaka Hanako' }, { type: 'transliteration', fullName: '田中花子' }, { type: 'birth', fullName: 'Suzuki Hanako' }],
    identifiers: [{ id: 'X1234567', schemeName: 'passport' }],
  }),
  rel('r-vm', 'grid', 'vm', [shares(76.5)]), rel('r-p', 'grid', 'p', [shares(1)]),
].map((s) => {
  const d = (s as { recordDetails: Obj }).recordDetails;
  if ((s as { recordId: string }).recordId === 'grid') Object.assign(d, { identifiers: [{ id: '3007894-1', scheme: 'FI-PRO', uri: 'https://tietopalvelu.ytj.fi/yritys/3007894-1' }, { id: '743700KJ2BUNNUCSQJ52', scheme: 'XI-LEI' }] });
  if ((s as { recordId: string }).recordId === 'vm') Object.assign(d, { alternateNames: ['Finansministeriet', 'Ministry of Finance'] });
  if ((s as { recordId: string }).recordId === 'fi') Object.assign(d, { alternateNames: ['Republic of Finland'] });
  return s;
});

describe('io/bods: names and identifiers', () => {
  it('imports alternateNames, other person names and identifiers as aliases and identifiers', () => {
    const { doc } = importBods(file);
    const by = (id: string) => doc.entities.find((e) => e.id === id)!;
    expect(by('vm').aliases).toEqual([{ name: 'Finansministeriet', kind: 'other' }, { name: 'Ministry of Finance', kind: 'other' }]);
    expect(by('grid').identifiers).toEqual([{ scheme: 'FI-PRO', id: '3007894-1' }, { scheme: 'LEI', id: '743700KJ2BUNNUCSQJ52' }]);
    expect(by('p').name).toBe('Tanaka Hanako');
    expect(by('p').aliases).toEqual([{ name: '田中花子', kind: 'other', bodsNameType: 'transliteration' }, { name: 'Suzuki Hanako', kind: 'former', bodsNameType: 'birth' }]);
    expect(by('p').identifiers).toEqual([{ scheme: 'passport', id: 'X1234567' }]);
  });

  it('search finds them by any of those names and codes', () => {
    const { doc } = importBods(file);
    const first = (q: string) => searchEntities(doc.entities, q)[0]?.entity.id;
    expect(first('Finansministeriet')).toBe('vm');
    expect(first('Republic of Finland')).toBe('fi');
    expect(first('田中')).toBe('p');
    expect(first('3007894-1')).toBe('grid');
    expect(first('743700KJ2BUNNUCSQJ52')).toBe('grid');
  });

  it('exports them as the source wrote them (uri and scheme kept), valid against the 0.4 schema', () => {
    const out = exportBods(importBods(file).doc, { date: '2024-06-01' });
    expect(schemaProblems(out)).toEqual([]);
    expect(checkBods(out)).toEqual([]);
    expect(details(out, 'grid').identifiers).toEqual([{ id: '3007894-1', scheme: 'FI-PRO', uri: 'https://tietopalvelu.ytj.fi/yritys/3007894-1' }, { id: '743700KJ2BUNNUCSQJ52', scheme: 'XI-LEI' }]);
    expect(details(out, 'vm').alternateNames).toEqual(['Finansministeriet', 'Ministry of Finance']);
    expect(details(out, 'p').names).toEqual([{ type: 'legal', fullName: 'Tanaka Hanako' }, { type: 'transliteration', fullName: '田中花子' }, { type: 'birth', fullName: 'Suzuki Hanako' }]);
  });

  it('round-trips: import → export → import gives the same aliases and identifiers, with or without our annotations', () => {
    const doc = importBods(file).doc;
    expect(namesAndIds(doc).filter((x) => x.aliases.length || x.identifiers.length).map((x) => x.id)).toEqual(['grid', 'vm', 'fi', 'p']);
    const out = exportBods(doc, { date: '2024-06-01' });
    expect(namesAndIds(importBods(out).doc)).toEqual(namesAndIds(doc));
    expect(namesAndIds(importBods(strip(out)).doc)).toEqual(namesAndIds(doc));
  });

  it('writes what the entity says once it is edited: a new alias and identifier, a removed one', () => {
    let doc = importBods(file).doc;
    doc = apply(doc, { type: 'updateEntity', id: 'vm', changes: { aliases: [{ name: 'Ministry of Finance', kind: 'other' }, { name: 'VM', kind: 'trading' }] } });
    doc = apply(doc, { type: 'updateEntity', id: 'grid', changes: { identifiers: [{ scheme: 'FI-PRO', id: '3007894-1' }, { scheme: 'EDINET', id: 'E00000' }] } });
    doc = apply(doc, { type: 'updateEntity', id: 'p', changes: { aliases: [{ name: 'Suzuki Hanako', kind: 'former' }] } });
    const out = exportBods(doc, { date: '2024-06-01' });
    expect(schemaProblems(out)).toEqual([]);
    expect(details(out, 'vm').alternateNames).toEqual(['Ministry of Finance', 'VM']);
    expect(details(out, 'grid').identifiers).toEqual([{ id: '3007894-1', scheme: 'FI-PRO', uri: 'https://tietopalvelu.ytj.fi/yritys/3007894-1' }, { id: 'E00000', schemeName: 'EDINET' }]);
    expect(details(out, 'p').names).toEqual([{ type: 'legal', fullName: 'Tanaka Hanako' }, { type: 'former', fullName: 'Suzuki Hanako' }]);
    expect(namesAndIds(importBods(strip(out)).doc)).toEqual(namesAndIds(doc));
  });

  it("the bundled LY dataset's names and identifiers survive a BODS export read back without our annotations", () => {
    const ly = dataset('line-yahoo');
    const out = exportBods(ly, { date: '2024-09-30' });
    expect(schemaProblems(out)).toEqual([]);
    const back = importBods(strip(out)).doc;
    expect(namesAndIds(back)).toEqual(namesAndIds(ly));
    const tse = out.flatMap((s) => ((s.recordDetails as Obj).identifiers as Obj[] | undefined) ?? []).find((i) => i.schemeName === 'TSE');
    expect(tse).toBeDefined();
  });
});
