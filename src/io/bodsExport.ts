// Ownership document → BODS 0.4 statements. The mapping and its choices are documented in bods.ts.
import { today, type Agreement, type Holding, type OwnershipDoc, type Relation, type Source } from '../model';
import { stableUuid } from './hash';
import { toSeries, type SeriesMeta } from './bodsHistory';
import { declaredIndirect } from './bodsIndirectOut';
import { consolidationDetails, exceptionDetails } from './bodsRelations';
import { writeNamesAndIdentifiers } from './bodsNames';
import { isObj } from './bodsRead';
import { country, personName, sourcesOf } from './bodsEntity';
import {
  AGREEMENT_DETAILS, BOARD_BASIS, BODS_VERSION, ENTITY_TYPES, PERSON_TYPES, carry,
  type BodsAnnotation, type BodsEntity, type BodsHolding, type BodsInterest, type BodsPublicationDetails, type BodsShare, type BodsSource, type BodsStatement, type EntityType, type ShareRange,
} from './bodsTypes';

/** Options of exportBods. */
export interface BodsExportOptions {
  /** Statement and publication date YYYY-MM-DD; defaults to the document's asOf, else today. */
  date?: string;
  /** Publisher name written in every statement's publicationDetails. */
  publisher?: string;
  /**
   * Write the dated history as statement series (bodsHistory.ts): each record `new` when it starts, `updated` when a
   * later period of the same holder and subject starts, `closed` when it ends, so a BODS consumer replays the timeline.
   */
  history?: boolean;
}

let regionNames: Intl.DisplayNames | null | undefined;

/** The English name of an ISO 3166-1 code (BODS jurisdictions and countries carry a name); the code when unknown. */
function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The BODS details this entity was imported with, if it came from a statement of `recordType`. */
function importedDetails(e: BodsEntity, recordType: 'entity' | 'person'): Record<string, unknown> {
  return isObj(e.bods) && e.bods.recordType === recordType && isObj(e.bods.details) ? { ...e.bods.details } : {};
}

function entityType(e: BodsEntity, imported: Record<string, unknown>): { type: EntityType; subtype?: string; details?: string } {
  const was = isObj(imported.entityType) ? imported.entityType : undefined;
  const kindOf = (t: unknown) => (t === 'state' || t === 'stateBody' ? 'state' : 'company');
  if (was && ENTITY_TYPES.includes(was.type as EntityType) && kindOf(was.type) === (e.kind === 'state' ? 'state' : 'company') && e.kind !== 'float' && e.kind !== 'fund') {
    return was as { type: EntityType };
  }
  switch (e.kind) {
    case 'state': return { type: 'state' };
    case 'fund': return { type: 'arrangement', subtype: 'other', details: 'fund' };
    case 'float': return { type: 'unknownEntity', details: 'unattributed remainder (public float and holders not recorded)' };
    case 'person': return { type: 'legalEntity', details: 'recorded as a person, but held by others, so written as an entity' };
    case 'other': return { type: 'legalEntity' };
    default: return { type: 'registeredEntity' };
  }
}

/**
 * Entity record details: what the entity was imported with (identifiers, addresses, founding date…), then our fields.
 * An imported jurisdiction or listing is kept only while it still says what the entity says.
 */
function entityDetails(e: BodsEntity): Record<string, unknown> {
  const imported = importedDetails(e, 'entity');
  const d: Record<string, unknown> = { ...imported, isComponent: false, entityType: entityType(e, imported), name: e.name };
  const placeholder = isObj(e.bods) && e.bods.placeholder === true;
  if (placeholder) d.entityType = { type: 'unknownEntity', details: 'named by a relationship only; no statement described it' };
  const et = (d.entityType as { type: string }).type;
  if (((et === 'anonymousEntity' || et === 'unknownEntity') && PLACEHOLDER.test(e.name)) || invented(e)) delete d.name;
  const was = isObj(imported.jurisdiction) ? imported.jurisdiction : undefined;
  if (!e.jurisdiction) delete d.jurisdiction;
  else if (!was || country(was.code) !== e.jurisdiction || typeof was.name !== 'string') d.jurisdiction = { name: countryName(e.jurisdiction), code: e.jurisdiction };
  if (e.listed === undefined) delete d.publicListing;
  else d.publicListing = { ...(isObj(imported.publicListing) ? imported.publicListing : {}), hasPublicListing: e.listed };
  writeNamesAndIdentifiers('entity', d, imported, e);
  return d;
}

/** The names import gives records that have none ("Anonymous person (id)", "Unknown entity (id)", "Record id"). */
const PLACEHOLDER = /^(?:(?:Anonymous|Unknown) (?:person|entity) \(.*\)|Record .+)$/s;

/** Whether the entity still shows the name import made up for a statement that gave none (it is exported unnamed). */
function invented(e: BodsEntity): boolean {
  return isObj(e.bods) && typeof e.bods.inventedName === 'string' && e.bods.inventedName === e.name;
}

/** Person record details, keeping imported names and nationalities while they still match the entity. */
function personDetails(e: BodsEntity): Record<string, unknown> {
  const imported = importedDetails(e, 'person');
  const d: Record<string, unknown> = { ...imported, isComponent: false };
  if (!PERSON_TYPES.includes(d.personType as (typeof PERSON_TYPES)[number])) d.personType = 'knownPerson';
  if ((d.personType !== 'knownPerson' && PLACEHOLDER.test(e.name)) || invented(e)) {
    // An unnamed person is exported as such (with its reason when anonymous or unknown), never under the name we showed it by.
    delete d.names;
    if (d.personType !== 'knownPerson' && !isObj(d.unspecifiedPersonDetails)) d.unspecifiedPersonDetails = { reason: 'informationUnknownToPublisher' };
    writeNamesAndIdentifiers('person', d, imported, e);
    return d;
  }
  if (personName(imported.names)?.trim() !== e.name) d.names = [{ type: 'legal', fullName: e.name }];
  const first = Array.isArray(imported.nationalities) && isObj(imported.nationalities[0]) ? imported.nationalities[0] : undefined;
  if (!e.jurisdiction) delete d.nationalities;
  else if (!first || country(first.code) !== e.jurisdiction || typeof first.name !== 'string') d.nationalities = [{ name: countryName(e.jurisdiction), code: e.jurisdiction }];
  writeNamesAndIdentifiers('person', d, imported, e);
  return d;
}

/**
 * The statement's source: the one the record was imported with, as written (a self-declaration stays one), while the
 * record's sources still say what it said; else the record's sources, as a third party's.
 */
function sourceOf(sources: Source[] | undefined, bods?: unknown): BodsSource | undefined {
  const imported = isObj(bods) && isObj(bods.source) ? (bods.source as BodsSource) : undefined;
  if (imported && JSON.stringify(sourcesOf(imported) ?? []) === JSON.stringify(sources ?? [])) return imported;
  if (!sources?.length) return undefined;
  const titles = sources.map((s) => s.title).filter((t): t is string => !!t);
  const url = sources.map((s) => s.url).find((u) => !!u && /^https?:\/\/\S+$/.test(u));
  const out: BodsSource = { type: ['thirdParty'] };
  if (titles.length) out.description = titles.join('; ').slice(0, 2000);
  if (url) out.url = url;
  return out;
}

/** A share as BODS writes it: its published band while the figure analysed still lies in it, else exact. */
function shareOf(value: number, range: unknown): BodsShare {
  if (isObj(range) && typeof range.min === 'number' && typeof range.max === 'number' && value >= range.min - 1e-9 && value <= range.max + 1e-9) {
    const r = range as unknown as ShareRange;
    return { [r.minExclusive ? 'exclusiveMinimum' : 'minimum']: r.min, [r.maxExclusive ? 'exclusiveMaximum' : 'maximum']: r.max };
  }
  return { exact: value };
}

function dated(i: BodsInterest, rec: { since?: string | null; until?: string | null }): BodsInterest {
  if (rec.since) i.startDate = rec.since;
  if (rec.until) i.endDate = rec.until;
  return i;
}

/**
 * Writes the document as BODS 0.4 statements: one entity or person statement per entity, then one relationship
 * statement per holding and per party of each agreement. Deterministic: the same document and date give the same
 * statements, with statementIds derived by SHA-256 from the record id and date.
 */
export function exportBods(doc: OwnershipDoc, opts: BodsExportOptions = {}): BodsStatement[] {
  const date = opts.date ?? doc.asOf ?? today();
  const publicationDetails: BodsPublicationDetails = { publicationDate: date, bodsVersion: BODS_VERSION, publisher: { name: opts.publisher ?? 'Ownership explorer' } };
  const taken = new Set<string>();
  const recordIdFor = (id: string, prefix: string) => {
    let r = taken.has(id) ? `${prefix}:${id}` : id;
    while (taken.has(r)) r += '~';
    taken.add(r);
    return r;
  };
  const held = new Set<string>([...doc.holdings.map((h) => h.subject), ...(doc.agreements ?? []).map((a) => a.subject), ...(doc.relations ?? []).map((r) => r.subject)]);
  const recordOf = new Map<string, string>();
  const persons = new Set<string>();
  const out: BodsStatement[] = [];
  const meta: SeriesMeta[] = [];
  const statement = (recordId: string, recordType: BodsStatement['recordType'], declarationSubject: string, recordDetails: Record<string, unknown>, sources: Source[] | undefined, extension: Parameters<typeof carry>[0] | undefined, alsoMapped: string[] = [], notes: BodsAnnotation[] = [], bods?: unknown): BodsStatement => {
    const s: BodsStatement = {
      statementId: stableUuid(`${recordType}|${recordId}|${date}`),
      declarationSubject,
      statementDate: date,
      recordId,
      recordType,
      recordStatus: 'new',
      recordDetails,
      publicationDetails,
    };
    const source = sourceOf(sources, extension ? (extension.record as { bods?: unknown }).bods : bods);
    if (source) s.source = source;
    const annotations = [...(extension ? [carry(extension, alsoMapped)] : []), ...notes];
    if (annotations.length) s.annotations = annotations;
    return s;
  };

  for (const e of doc.entities as BodsEntity[]) {
    const recordId = recordIdFor(e.id, 'entity');
    recordOf.set(e.id, recordId);
    const asPerson = e.kind === 'person' && !held.has(e.id);
    if (asPerson) persons.add(e.id);
    const details = asPerson ? personDetails(e) : entityDetails(e);
    out.push(statement(recordId, asPerson ? 'person' : 'entity', recordId, details, e.sources, { kind: 'entity', record: e }, asPerson ? [] : ['listed']));
    meta.push({});
  }

  const relationship = (subject: string, holder: string | { reason: string }, interests: BodsInterest[]) => ({
    isComponent: false,
    subject: recordOf.get(subject) ?? subject,
    interestedParty: typeof holder === 'string' ? recordOf.get(holder) ?? holder : holder,
    interests,
  });

  const { declared, derived } = declaredIndirect(doc);
  for (const h of doc.holdings as BodsHolding[]) {
    if (derived.has(h)) continue; // written as the declared indirect interest it was derived from, below
    const recordId = recordIdFor(h.id, 'holding');
    const was = isObj(h.bods) ? h.bods : {};
    // What the source said: 'unknown' stays unknown, and the beneficial-ownership flag is kept (true only for a person).
    const direct = h.indirect === true ? 'indirect' : was.directOrIndirect === 'unknown' ? 'unknown' : 'direct';
    const booc = typeof was.beneficialOwnershipOrControl === 'boolean' ? { beneficialOwnershipOrControl: was.beneficialOwnershipOrControl && persons.has(h.holder) } : {};
    const interests: BodsInterest[] = [dated({ type: 'shareholding', directOrIndirect: direct, ...booc, share: shareOf(h.shares, h.sharesRange) }, h)];
    if (h.votes !== undefined) interests.push(dated({ type: 'votingRights', directOrIndirect: direct, ...booc, share: shareOf(h.votes, h.votesRange) }, h));
    if (h.boardSeats) {
      const size = doc.entities.find((e) => e.id === h.subject)?.boardSize;
      const seats: BodsInterest = { type: 'appointmentOfBoard', directOrIndirect: direct, details: `appoints ${h.boardSeats}${size ? ` of ${size}` : ''} board seats` };
      if (size) seats.share = { exact: Math.round((h.boardSeats / size) * 1e8) / 1e6 };
      interests.push(dated(seats, h));
    }
    out.push(statement(recordId, 'relationship', recordOf.get(h.subject) ?? h.subject, relationship(h.subject, h.holder, interests), h.sources, { kind: 'holding', record: h as Holding }, [], estimateNotes(h, interests)));
    meta.push({ since: h.since, until: h.until, pair: `${h.holder}\u0000${h.subject}` });
  }

  // Declared indirect interests, as the source declared them; no annotation: importing them places them again.
  for (const { record: r, through } of declared) {
    const party = 'holder' in r ? r.holder : r.parties[0];
    const was = isObj((r as BodsHolding).bods) ? (r as BodsHolding).bods! : {};
    const booc = typeof was.beneficialOwnershipOrControl === 'boolean' ? { beneficialOwnershipOrControl: was.beneficialOwnershipOrControl && persons.has(party) } : {};
    const interests: BodsInterest[] = 'holder' in r
      ? [dated({ type: 'shareholding', directOrIndirect: 'indirect', ...booc, share: shareOf(r.shares, (r as BodsHolding).sharesRange) }, r),
        ...(r.votes === undefined ? [] : [dated({ type: 'votingRights', directOrIndirect: 'indirect', ...booc, share: shareOf(r.votes, (r as BodsHolding).votesRange) }, r)])]
      : [dated({ type: r.basis === BOARD_BASIS ? 'appointmentOfBoard' : 'otherInfluenceOrControl', directOrIndirect: 'indirect', ...(r.basis === BOARD_BASIS ? {} : { details: r.basis ? `${AGREEMENT_DETAILS}: ${r.basis}` : AGREEMENT_DETAILS }) }, r)];
    const details: Record<string, unknown> = relationship(r.subject, party, interests);
    const parts = through.map((t) => recordOf.get(t)).filter((t): t is string => !!t);
    if (parts.length) details.componentRecords = parts;
    out.push(statement(recordIdFor(r.id, 'indirect'), 'relationship', recordOf.get(r.subject) ?? r.subject, details, r.sources, undefined, [], [], was));
    meta.push({ since: r.since, until: r.until });
  }

  for (const a of doc.agreements ?? []) {
    for (const party of a.parties) {
      const recordId = recordIdFor(a.parties.length === 1 ? a.id : `${a.id}/${party}`, 'agreement');
      const interest = dated(agreementInterest(a, party, doc), a);
      out.push(statement(recordId, 'relationship', recordOf.get(a.subject) ?? a.subject, relationship(a.subject, party, [interest]), a.sources, { kind: 'agreement', record: a }));
      meta.push({ since: a.since, until: a.until });
    }
  }

  for (const r of doc.relations ?? []) {
    const recordId = recordIdFor(r.id, 'relation');
    const interest = dated(relationInterest(r, r.party !== undefined && persons.has(r.party)), r);
    const party = r.party ?? { reason: r.unspecified ?? 'unknown' };
    const details: Record<string, unknown> = relationship(r.subject, party, [interest]);
    // A declared indirect interest names its intermediaries, as the source did.
    const through = (r.through ?? []).filter((id) => recordOf.has(id));
    if (through.length) details.componentRecords = through.map((id) => recordOf.get(id)!);
    out.push(statement(recordId, 'relationship', recordOf.get(r.subject) ?? r.subject, details, r.sources, { kind: 'relation', record: r }));
    meta.push({ since: r.since, until: r.until });
  }
  if (!opts.history) return out;
  const dates = [date, ...[...doc.holdings, ...(doc.agreements ?? []), ...(doc.relations ?? [])].flatMap((x) => [x.since, x.until]).filter((d): d is string => !!d)];
  return toSeries(out, meta, dates.reduce((a, b) => (b < a ? b : a)));
}

/**
 * Annotations saying which exact figures of a holding are estimates (BODS has no estimate flag on a share): one per
 * interest whose share is written as an exact figure, pointing at that share. Published bands need none.
 */
function estimateNotes(h: BodsHolding, interests: BodsInterest[]): BodsAnnotation[] {
  if (h.estimated !== true) return [];
  return interests.flatMap((i, n) => (i.share?.exact === undefined ? [] : [{
    statementPointerTarget: `/recordDetails/interests/${n}/share`, motivation: 'commenting' as const,
    description: `estimated figure, not declared by a source${h.notes ? `: ${h.notes}` : ''}`.slice(0, 2000),
  }]));
}

/** The interest a relation is written as: its own interest type, consolidation as GLEIF words BODS tools know. */
function relationInterest(r: Relation, byPerson: boolean): BodsInterest {
  const bods = (r as Record<string, unknown>).bods;
  const imported = isObj(bods) ? bods.interest : undefined;
  // The flag as the source gave it (a trustee or beneficiary stays a beneficial owner); absent when it gave none.
  const booc = isObj(imported) && typeof imported.beneficialOwnershipOrControl === 'boolean' ? imported.beneficialOwnershipOrControl && byPerson : undefined;
  const i: BodsInterest = { type: r.kind === 'consolidation' ? 'otherInfluenceOrControl' : r.kind, ...(booc === undefined ? {} : { beneficialOwnershipOrControl: booc }) };
  if (r.directOrIndirect) i.directOrIndirect = r.directOrIndirect;
  const exception = (r as { exception?: unknown }).exception;
  const details = typeof exception === 'string' && r.kind === 'consolidation' ? exceptionDetails(exception, r.level) : r.kind === 'consolidation' ? consolidationDetails(r.level) : r.details;
  if (details) i.details = details;
  // A declared indirect figure: as the source wrote it (a band stays a band) unless it was edited since.
  const share = isObj(imported) && isObj(imported.share) ? (imported.share as BodsShare) : undefined;
  if (share && (r.share === undefined || share.exact === r.share || (share.exact === undefined && inBand(share, r.share)))) i.share = share;
  else if (r.share !== undefined) i.share = { exact: r.share };
  return i;
}

/** Whether x lies in a published band (0.4's bounds: minimum / maximum inclusive, exclusiveMinimum / exclusiveMaximum not). */
function inBand(b: BodsShare, x: number): boolean {
  return (b.minimum === undefined || x >= b.minimum) && (b.exclusiveMinimum === undefined || x > b.exclusiveMinimum)
    && (b.maximum === undefined || x <= b.maximum) && (b.exclusiveMaximum === undefined || x < b.exclusiveMaximum);
}

function agreementInterest(a: Agreement, party: string, doc: OwnershipDoc): BodsInterest {
  if (a.kind === 'control' && a.basis === BOARD_BASIS) return { type: 'appointmentOfBoard', directOrIndirect: 'unknown' };
  if (a.kind === 'control') return { type: 'otherInfluenceOrControl', directOrIndirect: 'unknown', details: a.basis ? `${AGREEMENT_DETAILS}: ${a.basis}` : AGREEMENT_DETAILS };
  const others = a.parties.filter((p) => p !== party).map((p) => doc.entities.find((e) => e.id === p)?.name ?? p);
  return { type: 'otherInfluenceOrControl', directOrIndirect: 'unknown', details: `joint control by agreement with ${others.join(', ')}${a.basis ? `: ${a.basis}` : ''}` };
}

/** The statements as a pretty JSON file. */
export function exportBodsJson(doc: OwnershipDoc, opts: BodsExportOptions = {}): string {
  return `${JSON.stringify(exportBods(doc, opts), null, 2)}\n`;
}
