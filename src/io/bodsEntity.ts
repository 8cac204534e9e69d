// BODS entity and person statements → entities, and the small helpers the relationship import shares with them.
import { isCalendarDate, type EntityKind, type Entity } from '../model';
import { show } from './errors';
import { hex, sha256 } from './hash';
import { isObj, type ReadStatement } from './bodsRead';
import { type BodsEntity } from './bodsTypes';
import { aliasesFromBods, identifiersFromBods } from './bodsNames';

type Obj = Record<string, unknown>;

/** Ids are at most 200 characters in the model; longer BODS record ids are cut and made unique with a hash. */
export function fitId(id: string): string {
  return id.length <= 200 ? id : `${id.slice(0, 186)}~${hex(sha256(new TextEncoder().encode(id))).slice(0, 12)}`;
}

/**
 * A copy of a parsed record made key by key (`{ ...record }` with `extra` over it). V8 gives each `{ ...parsed }` copy
 * that later gains a field its own hidden class, so a register's holdings or entities built that way have one each and
 * everything that reads them afterwards (validation, analysis) runs megamorphic, several times slower; copies made
 * key by key share one per shape. An own "__proto__" key is copied as data, as a spread copies it.
 */
export function copyRecord(record: Obj, extra?: Obj): Obj {
  const out: Obj = {};
  for (const src of extra ? [record, extra] : [record]) {
    for (const k in src) {
      if (!Object.hasOwn(src, k)) continue;
      if (k === '__proto__') Object.defineProperty(out, k, { value: src[k], enumerable: true, writable: true, configurable: true });
      else out[k] = src[k];
    }
  }
  return out;
}

/** Reserves a unique id based on `base` (fitted to 200 characters) in `taken`. */
export function uniqueIn(taken: Set<string>, base: string): string {
  let id = fitId(base);
  for (let i = 2; taken.has(id); i++) id = fitId(`${base}-${i}`);
  taken.add(id);
  return id;
}

/** An ISO 3166-1 alpha-2 code from a BODS code (a subdivision such as GB-ENG gives GB). */
export function country(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const m = /^([A-Za-z]{2})(?:$|-)/.exec(code.trim());
  return m ? m[1].toUpperCase() : undefined;
}

/** The person's name to show: a legal (or 0.3 "individual") full name first, else any name given. */
export function personName(names: unknown): string | undefined {
  if (!Array.isArray(names)) return undefined;
  const list = names.filter(isObj);
  const full = (n: Obj) => (typeof n.fullName === 'string' && n.fullName.trim() ? n.fullName : [n.givenName, n.familyName].filter((x) => typeof x === 'string' && x.trim()).join(' ') || undefined);
  const preferred = list.find((n) => (n.type === 'legal' || n.type === 'individual') && full(n));
  const any = preferred ?? list.find((n) => full(n));
  return any ? full(any) : undefined;
}

/** The statement's source as document sources (title, http(s) URL, retrieval date). */
export function sourcesOf(source: unknown): Entity['sources'] {
  if (!isObj(source)) return undefined;
  const s: { title?: string; url?: string; date?: string } = {};
  if (typeof source.description === 'string' && source.description.trim()) s.title = source.description.trim();
  else if (Array.isArray(source.assertedBy)) {
    const names = source.assertedBy.filter(isObj).map((a) => a.name).filter((x): x is string => typeof x === 'string');
    if (names.length) s.title = `asserted by ${names.join(', ')}`;
  }
  if (typeof source.url === 'string' && /^https?:\/\//.test(source.url)) s.url = source.url;
  const d = typeof source.retrievedAt === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(source.retrievedAt)?.[0] : undefined;
  if (isCalendarDate(d)) s.date = d;
  return Object.keys(s).length ? [s] : undefined;
}

/** Sets or removes an optional field, so a record rebuilt from our annotation follows what the statement says. */
export function setOpt(rec: Obj, key: string, value: unknown) {
  // `delete` only of a field the record has: deleting an absent one is a runtime call each (a register makes millions).
  if (value === undefined) {
    if (key in rec) delete rec[key];
  } else rec[key] = value;
}

/** Applies an interest's dates to a rebuilt record; an explicit null in the carried record survives an undated interest. */
export function setDates(rec: Obj, since: string | undefined, until: string | undefined) {
  if (since !== undefined || rec.since !== null) setOpt(rec, 'since', since);
  if (until !== undefined || rec.until !== null) setOpt(rec, 'until', until);
}

/**
 * Whether an entity statement describes the unattributed remainder (public float): an unknown or anonymous entity
 * whose type details or name say "float", "free float" or "unattributed remainder" (as our export writes it), so the
 * float comes back as the float even when a BODS tool has stripped our annotation.
 */
export function isFloat(entityType: Obj, name: unknown): boolean {
  if (entityType.type !== 'unknownEntity' && entityType.type !== 'anonymousEntity') return false;
  const words = /\b(?:public|free)?\s*float\b|\bunattributed remainder\b|\bwidely held\b/i;
  return words.test(String(entityType.details ?? '')) || (typeof name === 'string' && words.test(name));
}

/** The entity of an entity or person statement; a carried record comes back whole, BODS fields taking precedence. */
export function entityFrom(st: ReadStatement, taken: Set<string>, where: string, warnings: string[], sharedId = false): Entity {
  const d = st.details;
  const ext = st.ext;
  let name: string | undefined;
  let invented: boolean;
  let kind: EntityKind;
  let jurisdiction: string | undefined;
  let listed: boolean | undefined;
  if (st.recordType === 'person') {
    kind = 'person';
    const pt = d.personType;
    name = personName(d.names);
    invented = name === undefined;
    name ??= (pt === 'anonymousPerson' ? `Anonymous person (${st.recordId})` : pt === 'unknownPerson' ? `Unknown person (${st.recordId})` : `Person ${st.recordId}`);
    jurisdiction = country(Array.isArray(d.nationalities) && isObj(d.nationalities[0]) ? d.nationalities[0].code : undefined);
  } else {
    const et = isObj(d.entityType) ? d.entityType : {};
    kind = et.type === 'state' || et.type === 'stateBody' ? 'state' : et.type === 'arrangement' && /\bfund\b/i.test(String(et.details ?? '')) ? 'fund' : isFloat(et, d.name) ? 'float' : 'company';
    invented = !(typeof d.name === 'string' && d.name.trim());
    name = !invented ? (d.name as string)
      : et.type === 'anonymousEntity' ? `Anonymous entity (${st.recordId})` : et.type === 'unknownEntity' ? `Unknown entity (${st.recordId})` : `Entity ${st.recordId}`;
    jurisdiction = country(isObj(d.jurisdiction) ? d.jurisdiction.code : undefined);
    if (isObj(d.publicListing) && typeof d.publicListing.hasPublicListing === 'boolean') listed = d.publicListing.hasPublicListing;
  }
  name = name.trim();
  if (name.length > 500) {
    warnings.push(`${where}${st.label}: the name is ${name.length} characters long — cut to 500`);
    name = name.slice(0, 500).trim();
  }
  const wanted = ext?.kind === 'entity' ? ext.record.id : st.recordId;
  const id = uniqueIn(taken, wanted);
  if (id !== wanted && !sharedId) warnings.push(`${where}${st.label}: record id ${show(wanted, 60)} is ${wanted.length > 200 ? 'longer than 200 characters' : 'used twice'} — imported as ${show(id, 60)}`);
  if (ext?.kind === 'entity') {
    const e = copyRecord(ext.record, { id, name });
    setOpt(e, 'jurisdiction', jurisdiction);
    if (st.recordType === 'entity') setOpt(e, 'listed', listed);
    return e as Entity;
  }
  const e: BodsEntity = { id, name, kind };
  if (jurisdiction) e.jurisdiction = jurisdiction;
  if (listed !== undefined) e.listed = listed;
  const sources = sourcesOf(st.source);
  if (sources) e.sources = sources;
  // Other names and identifiers, which search reads and an export writes back (bodsNames.ts).
  const aliases = aliasesFromBods(st.recordType === 'person' ? 'person' : 'entity', d, name);
  if (aliases.length) e.aliases = aliases;
  const identifiers = identifiersFromBods(d);
  if (identifiers.length) e.identifiers = identifiers;
  const { name: _name, isComponent: _isComponent, ...details } = d;
  // What the statement said, so an export says it again: its source as written, and that the name shown was made up.
  e.bods = {
    recordId: st.recordId, recordType: st.recordType, ...(st.statementId !== undefined ? { statementId: st.statementId } : {}), details,
    ...(isObj(st.source) ? { source: st.source } : {}), ...(invented ? { inventedName: name } : {}),
  };
  return e;
}

/**
 * Makes `e` the placeholder of a record first described on `from`, after the view date: named by its record id until
 * then, the name its statement gives kept as an alias from `from` on (search finds it, the inspector lists it), and
 * nothing else of that statement shown. An export writes the placeholder unnamed, its later name as another name.
 */
export function statedLater(e: BodsEntity, recordId: string, from: string): void {
  const stated = e.name;
  const name = `Record ${recordId} (stated from ${from})`.slice(0, 500);
  for (const k of ['jurisdiction', 'listed', 'aliases', 'identifiers', 'notes'] as const) delete e[k];
  e.name = name;
  e.aliases = [{ name: stated, kind: 'other', since: from }];
  e.bods = { ...(e.bods ?? {}), inventedName: name, statedFrom: from };
}
