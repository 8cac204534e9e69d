// BODS names and identifiers ↔ the entities' aliases and identifiers, both ways, so search finds an imported entity by
// any name or code its statement gives and an export says them again. Entity `alternateNames` are aliases of kind
// "other" (BODS has no kind for them); a person's names other than the one shown are aliases (former and birth names
// "former", the rest "other"), each keeping its BODS name type. Identifiers keep their scheme (or, without one, their
// schemeName); the LEI's org-id scheme XI-LEI is read as "LEI" and written back as XI-LEI. An export writes what was
// imported, as it was, while the entity's names and identifiers are still those; otherwise it writes the entity's own.
import type { Alias, Identifier } from '../model';
import { isObj } from './bodsRead';

type Obj = Record<string, unknown>;

/** The person name types of BODS 0.4 (nameType codelist). */
const NAME_TYPES = ['legal', 'translation', 'transliteration', 'former', 'alternative', 'birth'] as const;
type NameType = (typeof NAME_TYPES)[number];

/** An alias read from a person's names keeps its BODS name type (a field the document keeps and the export reads). */
type BodsAlias = Alias & { bodsNameType?: NameType };

const LEI_SCHEME = 'XI-LEI';
const LEI_NAME = 'Global Legal Entity Identifier Index';
/** An org-id.guide list code (GB-COH, JP-JCN, XI-LEI): written as BODS `scheme`; any other scheme as `schemeName`. */
const ORG_ID = /^[A-Z]{2}-[A-Z0-9]+$/;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : undefined);

/** The full name of a BODS person name object. */
function fullName(n: Obj): string | undefined {
  return text(n.fullName) ?? text([n.givenName, n.patronymicName, n.familyName].filter((x) => typeof x === 'string' && x.trim()).join(' '));
}

/** The aliases a statement's details give, besides `shown` (the name the entity is shown with). */
export function aliasesFromBods(recordType: 'entity' | 'person', d: Obj, shown: string): BodsAlias[] {
  const out: BodsAlias[] = [];
  const seen = new Set([shown.trim()]);
  const add = (a: BodsAlias) => {
    if (seen.has(a.name)) return;
    seen.add(a.name);
    out.push(a);
  };
  if (recordType === 'entity') {
    for (const n of Array.isArray(d.alternateNames) ? d.alternateNames : []) {
      const name = text(n);
      if (name) add({ name, kind: 'other' });
    }
    return out;
  }
  for (const n of Array.isArray(d.names) ? d.names.filter(isObj) : []) {
    const name = fullName(n);
    if (!name) continue;
    const type = NAME_TYPES.includes(n.type as NameType) ? (n.type as NameType) : undefined;
    add({ name, kind: type === 'former' || type === 'birth' ? 'former' : 'other', ...(type ? { bodsNameType: type } : {}) });
  }
  return out;
}

/** The identifiers a statement's details give (each needs an id and a scheme or schemeName). */
export function identifiersFromBods(d: Obj): Identifier[] {
  const out: Identifier[] = [];
  for (const i of Array.isArray(d.identifiers) ? d.identifiers.filter(isObj) : []) {
    const id = typeof i.id === 'string' ? i.id.trim().slice(0, 200) : '';
    const scheme = (typeof i.scheme === 'string' && i.scheme.trim()) || (typeof i.schemeName === 'string' && i.schemeName.trim()) || '';
    if (!id || !scheme) continue;
    const s = scheme === LEI_SCHEME ? 'LEI' : scheme.slice(0, 100);
    if (!out.some((x) => x.scheme === s && x.id === id)) out.push({ scheme: s, id });
  }
  return out;
}

const sameNames = (a: Alias[], b: Alias[]) => a.length === b.length && a.every((x, i) => x.name === b[i].name && (x.kind ?? 'other') === (b[i].kind ?? 'other'));
const sameIds = (a: Identifier[], b: Identifier[]) => a.length === b.length && a.every((x, i) => x.scheme === b[i].scheme && x.id === b[i].id);

/** An identifier as BODS writes it. */
function bodsIdentifier(i: Identifier): Obj {
  if (i.scheme === 'LEI' || i.scheme === LEI_SCHEME) return { id: i.id, scheme: LEI_SCHEME, schemeName: LEI_NAME };
  return ORG_ID.test(i.scheme) ? { id: i.id, scheme: i.scheme } : { id: i.id, schemeName: i.scheme };
}

/**
 * Writes the entity's names and identifiers into record details `d` that start from the imported ones: the imported
 * arrays stay as written while they still read as the entity's aliases and identifiers, else they are rewritten.
 */
export function writeNamesAndIdentifiers(recordType: 'entity' | 'person', d: Obj, imported: Obj, e: { name: string; aliases?: Alias[]; identifiers?: Identifier[] }): void {
  const ids = e.identifiers ?? [];
  if (!sameIds(identifiersFromBods(imported), ids)) {
    const was = Array.isArray(imported.identifiers) ? imported.identifiers.filter(isObj) : [];
    // An identifier that was imported is written as it was (its uri and schemeName kept).
    const written = ids.map((i) => was.find((w) => sameIds(identifiersFromBods({ identifiers: [w] }), [i])) ?? bodsIdentifier(i));
    if (written.length) d.identifiers = written;
    else delete d.identifiers;
  }
  const aliases = (e.aliases ?? []).filter((a) => a.name.trim() !== e.name.trim());
  if (recordType === 'entity') {
    if (sameNames(aliasesFromBods('entity', imported, e.name), aliases) && Array.isArray(imported.alternateNames)) return;
    const names = [...new Set(aliases.map((a) => a.name.trim()))];
    if (names.length) d.alternateNames = names;
    else delete d.alternateNames;
    return;
  }
  if (!Array.isArray(d.names)) return; // an unnamed person is written unnamed
  if (Array.isArray(imported.names) && d.names === imported.names && sameNames(aliasesFromBods('person', imported, e.name), aliases)) return;
  const shown = (d.names as Obj[]).filter((n) => isObj(n) && fullName(n) === e.name.trim()).slice(0, 1);
  d.names = [
    ...(shown.length ? shown : [{ type: 'legal', fullName: e.name }]),
    ...(aliases as BodsAlias[]).map((a) => ({ type: a.bodsNameType ?? (a.kind === 'former' ? 'former' : 'alternative'), fullName: a.name })),
  ];
}
