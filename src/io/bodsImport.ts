// BODS 0.4 → ownership document. The rules and the choices behind them are documented in bods.ts.
import { CURRENT_VERSION, isCalendarDate, parseDoc, roundingWarnings, type Agreement, type Entity, type Holding, type OwnershipDoc, type Relation } from '../model';
import { IoError, rethrowAsIo, show } from './errors';
import { bodsWhere, duplicateStatementIds, isObj, parseStatements, StatementReader, type ReadInterest, type ReadStatement } from './bodsRead';
import { readSeries } from './bodsSeries';
import { copyRecord, entityFrom, setDates, setOpt, sourcesOf, statedLater, uniqueIn } from './bodsEntity';
import { fitBands } from './bodsBands';
import { placeIndirect, type PendingIndirect } from './bodsIndirect';
import { exceptionWords, relationFrom, reportingException, type ReportingException } from './bodsRelations';
import { AGREEMENT_DETAILS, BOARD_BASIS, type BodsEntity, type Carried } from './bodsTypes';
import { findOverfull, fmtPct } from './totals';

type Obj = Record<string, unknown>;

/** Options of importBods. */
export interface BodsImportOptions {
  /** View date YYYY-MM-DD: the document's asOf, and the date whose names and details entities are shown with. */
  date?: string;
  fileName?: string;
  title?: string;
  /** The largest text read (default MAX_FILE_BYTES, io/limits.ts). */
  maxBytes?: number;
}

/** What importBods returns: a validated document and what was skipped, kept as notes or guessed. */
export interface BodsImport {
  doc: OwnershipDoc;
  warnings: string[];
}

/** One end of a relationship: a record id, or the reason an unspecified record gives. */
function endpoint(st: ReadStatement, field: 'subject' | 'interestedParty', where: string): { id: string } | { unspecified: string } {
  const v = st.details[field];
  if (v === undefined || v === null || v === '') {
    throw new IoError(`${where}${st.label} has no ${field} — every relationship statement needs one${field === 'interestedParty' ? ' (an unspecified record when the party is unknown)' : ''}`);
  }
  if (typeof v === 'string') return { id: v };
  if (isObj(v)) return { unspecified: typeof v.reason === 'string' ? v.reason : 'no reason given' };
  throw new IoError(`${where}${st.label} field "recordDetails.${field}": ${show(v)} is not a record id`);
}

/** Imports BODS 0.4 statements (JSON text, JSON Lines or a parsed array) as a validated document plus warnings. */
export function importBods(input: string | unknown[] | StatementReader, opts: BodsImportOptions = {}): BodsImport {
  const where = bodsWhere(opts.fileName);
  const date = opts.date;
  if (date !== undefined && !isCalendarDate(date)) {
    throw new IoError(`${where}the view date ${show(date)} is not a date — use YYYY-MM-DD`);
  }
  // Streamed (io/importFile streamedImport): the statements were read as the file's bytes arrived; else read them here.
  let reader = input instanceof StatementReader ? input : undefined;
  if (!reader) {
    reader = new StatementReader(where);
    for (const raw of parseStatements(input as string | unknown[], where, opts.fileName, opts.maxBytes)) reader.add(raw);
  }
  const { all, upgraded } = reader.finish();
  const warnings: string[] = duplicateStatementIds(all, where);
  if (upgraded) {
    warnings.push(`${where}${upgraded} statement${upgraded === 1 ? ' is' : 's are'} in BODS 0.2/0.3 — read through the upgrade to the 0.4 model (records from replacesStatements, interestLevel as directOrIndirect, share bounds with the 0.2 defaults)`);
  }
  const series = readSeries(all, date, warnings, where);
  const live = series.described;

  const entities: Entity[] = [];
  const entityIds = new Set<string>();
  // Record id → the entity of its entity (or person) statement: the entity itself, so a relationship finds its ends' kinds without a second lookup.
  const entityOf = new Map<string, BodsEntity>(), personOf = new Map<string, BodsEntity>();
  const byId = new Map<string, BodsEntity>();
  const statementToEntity = new Map<string, string>();
  // Record ids described by both an entity and a person statement (no set per record: the first type seen, then the ids seen with another).
  const firstKind = new Map<string, string>(), bothKinds = new Set<string>();
  for (const st of live) {
    const k = firstKind.get(st.recordId);
    if (k === undefined) firstKind.set(st.recordId, st.recordType);
    else if (k !== st.recordType) bothKinds.add(st.recordId);
  }
  for (const st of live) {
    const e = entityFrom(st, entityIds, where, warnings, bothKinds.has(st.recordId));
    const from = series.statedFrom.size ? series.statedFrom.get(`${st.recordType}:${st.recordId}`) : undefined;
    if (from) statedLater(e, st.recordId, from);
    entities.push(e);
    (st.recordType === 'entity' ? entityOf : personOf).set(st.recordId, e);
    if (st.statementId !== undefined) statementToEntity.set(st.statementId, e.id);
    byId.set(e.id, e);
  }
  if (bothKinds.size) {
    for (const [rid, ent] of entityOf) {
      const p = personOf.get(rid);
      if (p) warnings.push(`${where}record id ${show(rid, 60)} names both an entity and a person — both are kept (entity ${show(ent.id, 60)}, person ${show(p.id, 60)}); relationships take the entity as subject and the person as interested party`);
    }
  }
  // Record ids that no entity or person statement of the file ever describes: placeholders, named by the id.
  const placeholders: string[] = [];
  const placeholder = (rid: string): string => {
    const e: BodsEntity = { id: uniqueIn(entityIds, rid), name: `Record ${rid}`.slice(0, 500), kind: 'other', bods: { recordId: rid, placeholder: true } };
    entities.push(e);
    entityOf.set(rid, e);
    byId.set(e.id, e);
    placeholders.push(rid);
    return e.id;
  };
  const resolve = (rid: string, role: 'subject' | 'party'): string =>
    resolveEntity(rid, role).id;
  /** The entity a relationship's end names: the subject an entity first, the party a person first; else a placeholder. */
  const resolveEntity = (rid: string, role: 'subject' | 'party'): BodsEntity =>
    (role === 'subject' ? entityOf.get(rid) ?? personOf.get(rid) : personOf.get(rid) ?? entityOf.get(rid)) ?? byId.get(placeholder(rid))!;
  const nameOf = (id: string) => show(byId.get(id)?.name ?? id, 60);
  const note = (subject: string, entry: Obj) => {
    const e = byId.get(subject)!;
    const bods = (isObj(e.bods) ? e.bods : (e.bods = {})) as Obj;
    const list = (Array.isArray(bods.otherInterests) ? bods.otherInterests : (bods.otherInterests = [])) as Obj[];
    list.push(entry);
  };

  const holdings: Holding[] = [];
  const agreements: Agreement[] = [];
  const relations: Relation[] = [];
  const holdingIds = new Set<string>();
  const agreementIds = new Set<string>();
  const relationIds = new Set<string>();
  const origin = new Map<object, ReadStatement>(); // the statement a record came from (its label is made only for a message)
  const indirect: PendingIndirect[] = [];
  const carriedAgreements = new Map<string, { ext: Extract<Carried, { kind: 'agreement' }>; parties: string[]; subject: string; since?: string; until?: string; label: string }>();
  const personSubjects: string[] = [];

  const exceptions: string[] = [];
  const addRelation = (st: ReadStatement, i: ReadInterest | undefined, party: { id: string } | { unspecified: string }, subject: string) => {
    const ext = st.ext;
    const exception = ext ? undefined : reportingException(i, st.notes, partyText(st, party));
    if (exception) party = { id: undisclosedParent(party, subject, exception) };
    const made = relationFrom(i, party, subject);
    if (exception) {
      made.kind = 'consolidation';
      made.level = exception.level;
      (made as Obj).exception = exception.reason;
      exceptions.push(`${nameOf(subject)} (${exceptionWords(exception.reason)})`);
    }
    // A relation we exported comes back whole: the statement's fields, then what only our annotation carries.
    const r = (ext?.kind === 'relation' ? copyRecord(ext.record, made as unknown as Obj) : made) as Relation;
    if (ext?.kind === 'relation' && ext.record.kind === 'consolidation' && made.kind === 'consolidation') r.level = made.level;
    const sources = ext?.kind === 'relation' ? r.sources : sourcesOf(st.source);
    if (sources) r.sources = sources;
    r.id = uniqueIn(relationIds, ext?.kind === 'relation' ? ext.record.id : `${st.recordId}-${r.kind}`);
    if (ext?.kind === 'relation') {
      relations.push(r);
      origin.set(r, st);
      return;
    }
    (r as Obj).bods = { recordId: st.recordId, ...(st.statementId !== undefined ? { statementId: st.statementId } : {}), ...(i ? { interest: i.raw } : {}), ...(isObj(st.source) ? { source: st.source } : {}) };
    relations.push(r);
    origin.set(r, st);
  };

  /** What the statement and the party's record say about an unspecified or unknown party (reporting exceptions). */
  const partyText = (st: ReadStatement, party: { id: string } | { unspecified: string }): string => {
    if ('unspecified' in party) return JSON.stringify(st.details.interestedParty ?? '');
    const e = byId.get(party.id);
    const d = e && isObj(e.bods) && isObj(e.bods.details) ? e.bods.details : {};
    return JSON.stringify([d.unspecifiedEntityDetails ?? '', d.unspecifiedPersonDetails ?? '']);
  };
  /**
   * The entity standing for the parent a reporting exception does not disclose: the unknown entity or person the file
   * gives (renamed when it had no name), else one made for it. Exported without a name, as unknown.
   */
  const undisclosedParent = (party: { id: string } | { unspecified: string }, subject: string, exc: ReportingException): string => {
    const label = `Undisclosed ${exc.level === 'ultimate' ? 'ultimate ' : ''}parent (GLEIF: ${exceptionWords(exc.reason)})`;
    if ('id' in party) {
      const e = byId.get(party.id);
      if (e && isObj(e.bods) && typeof e.bods.inventedName === 'string' && e.bods.inventedName === e.name) {
        e.name = label;
        e.bods.inventedName = label;
      }
      return party.id;
    }
    const key = `undisclosed:${subject}:${exc.level}:${exc.reason}`;
    const have = entityOf.get(key);
    if (have) return have.id;
    const e: BodsEntity = {
      id: uniqueIn(entityIds, `undisclosed-${exc.level}-parent-of-${subject}`), name: label, kind: 'other',
      bods: { recordType: 'entity', inventedName: label, details: { entityType: { type: 'unknownEntity' }, unspecifiedEntityDetails: { reason: 'interestedPartyExemptFromDisclosure', description: `GLEIF reporting exception ${exc.reason}` } } },
    };
    entities.push(e);
    entityOf.set(key, e);
    byId.set(e.id, e);
    return e.id;
  };

  const baseUsed = new Set<string>();
  const inferredEnd = new WeakSet<Holding>();
  let inferredEnds = 0;
  for (const { st, read, interests } of series.relationships) {
    const subjectEnd = endpoint(st, 'subject', where);
    const partyEnd = endpoint(st, 'interestedParty', where);
    if ('unspecified' in subjectEnd) {
      warnings.push(`${where}${st.label}: the subject is unspecified (${subjectEnd.unspecified}) — relationship skipped`);
      continue;
    }
    const subjectEntity = resolveEntity(subjectEnd.id, 'subject');
    const subject = subjectEntity.id;
    if (subjectEntity.kind === 'person' && !personSubjects.includes(subject)) {
      personSubjects.push(subject);
      warnings.push(`${where}${st.label}: the subject ${nameOf(subject)} is a person — BODS subjects are entities; read as held anyway, check the file`);
    }
    if ('unspecified' in partyEnd) {
      const figured = interests.filter((i) => (i.type === 'shareholding' || i.type === 'votingRights') && i.share);
      if (figured.length) warnings.push(`${where}${st.label}: the interested party is unspecified (${partyEnd.unspecified}) — its ${figured.map((i) => fmtPct(i.share!.value)).join(', ')} is not drawn; it stays in the subject's unrecorded remainder`);
      const rest = interests.filter((i) => !figured.includes(i));
      if (!read.length) addRelation(st, undefined, partyEnd, subject);
      for (const i of rest) addRelation(st, i, partyEnd, subject);
      if (!figured.length) warnings.push(`${where}${st.label}: the interested party is unspecified (${partyEnd.unspecified}) — kept as a relation of ${nameOf(subject)}`);
      continue;
    }
    const holder = resolve(partyEnd.id, 'party');
    if (holder === subject) {
      warnings.push(`${where}${st.label}: ${nameOf(holder)} is recorded as holding itself — treasury shares are left out`);
      continue;
    }
    const ext = st.ext;
    const isIndirect = (i: ReadInterest) => i.direct === 'indirect';

    if (ext?.kind === 'agreement') {
      const i = interests[0];
      if (!i) continue;
      let g = carriedAgreements.get(ext.record.id);
      if (!g) carriedAgreements.set(ext.record.id, (g = { ext, parties: [], subject, since: i.since, until: i.until, label: st.label }));
      if (!g.parties.includes(holder)) g.parties.push(holder);
      continue;
    }
    if (!read.length || ext?.kind === 'relation') {
      if (!interests.length && !read.length) addRelation(st, undefined, { id: holder }, subject);
      for (const i of interests) addRelation(st, i, { id: holder }, subject);
      continue;
    }

    // The holdings of the statement, one per period (and direct or indirect): a list, searched (a statement has one or two).
    const groups: { shares?: ReadInterest; votes?: ReadInterest; indirect: boolean; since?: string; until?: string }[] = [];
    const addAgreement = (i: ReadInterest, basis: string | undefined) => {
      const a: Agreement = { id: '', kind: 'control', parties: [holder], subject };
      if (basis) a.basis = basis;
      if (i.since) a.since = i.since;
      if (i.until) a.until = i.until;
      a.id = `${st.recordId}${i.type === 'appointmentOfBoard' ? '-board' : '-control'}`;
      origin.set(a, st);
      if (isIndirect(i)) indirect.push({ agreement: a, label: st.label, components: componentsOf(st) });
      else {
        a.id = uniqueIn(agreementIds, a.id);
        agreements.push(a);
      }
    };
    for (const i of interests) {
      if (i.emptyRange) warnings.push(`${where}${st.label} field "${i.field}.share": the range (${i.emptyRange}) contains no figure — read as ${fmtPct(i.share!.value)}, marked estimated; check the bounds`);
      switch (i.type) {
        case 'shareholding':
        case 'votingRights': {
          if (!i.share) {
            addRelation(st, i, { id: holder }, subject);
            break;
          }
          const ind = isIndirect(i);
          let g = groups.find((x) => x.indirect === ind && x.since === i.since && x.until === i.until);
          if (!g) groups.push((g = { indirect: ind, since: i.since, until: i.until }));
          const slot = i.type === 'shareholding' ? 'shares' : 'votes';
          if (g[slot]) warnings.push(`${where}${st.label}: several ${i.type} interests cover the same period — the first is used`);
          else g[slot] = i;
          break;
        }
        case 'appointmentOfBoard': {
          if (ext?.kind === 'holding') break; // seats travel in the carried holding
          const lower = i.share ? (i.share.range ? i.share.range.min : i.share.value) : undefined;
          if (lower === undefined || lower > 50) addAgreement(i, BOARD_BASIS);
          else addRelation(st, i, { id: holder }, subject);
          break;
        }
        case 'otherInfluenceOrControl': {
          const m = i.details ? new RegExp(`^${AGREEMENT_DETAILS}(?::\\s*(.*))?$`, 'is').exec(i.details.trim()) : null;
          if (m) addAgreement(i, m[1]?.trim() || undefined);
          else addRelation(st, i, { id: holder }, subject);
          break;
        }
        default:
          addRelation(st, i, { id: holder }, subject);
      }
    }

    for (const g of groups) {
      const main = (g.shares ?? g.votes)!;
      const h = (ext?.kind === 'holding' ? copyRecord(ext.record) : {}) as Obj;
      const base = ext?.kind === 'holding' ? ext.record.id : st.recordId;
      h.id = uniqueIn(holdingIds, baseUsed.has(base) ? `${base}-${main.since ?? 'undated'}` : base);
      baseUsed.add(base);
      if (series.inferred.has(main)) {
        inferredEnd.add(h as Holding);
        inferredEnds++;
      }
      h.holder = holder;
      h.subject = subject;
      h.shares = (g.shares ?? g.votes)!.share!.value;
      setOpt(h, 'votes', g.votes?.share?.value);
      setOpt(h, 'sharesRange', g.shares?.share?.range);
      setOpt(h, 'votesRange', g.votes?.share?.range);
      if (!g.shares) warnings.push(`${where}${st.label}: voting rights but no shareholding — shares set to the voting figure and marked estimated`);
      if (g.shares?.share?.range || g.votes?.share?.range || !g.shares || g.indirect || g.shares.emptyRange || g.votes?.emptyRange) h.estimated = true;
      setDates(h, g.since, g.until);
      setOpt(h, 'indirect', g.indirect ? true : undefined);
      if (!ext) {
        const sources = sourcesOf(st.source);
        if (sources) h.sources = sources;
        const booc = main.raw.beneficialOwnershipOrControl;
        h.bods = {
          recordId: st.recordId, ...(st.statementId !== undefined ? { statementId: st.statementId } : {}), directOrIndirect: main.direct ?? 'unknown',
          ...(typeof booc === 'boolean' ? { beneficialOwnershipOrControl: booc } : {}), ...(isObj(st.source) ? { source: st.source } : {}),
        };
      }
      origin.set(h, st);
      if (g.indirect) indirect.push({ holding: h as Holding, label: st.label, components: componentsOf(st) });
      else holdings.push(h as Holding);
    }
  }

  for (const g of carriedAgreements.values()) {
    const order = Array.isArray(g.ext.record.parties) ? g.ext.record.parties : [];
    const parties = [...order.filter((p) => g.parties.includes(p)), ...g.parties.filter((p) => !order.includes(p))];
    const a = copyRecord(g.ext.record, { parties, subject: g.subject });
    setDates(a, g.since, g.until);
    if (a.kind === 'joint-control' && parties.length < 2) {
      warnings.push(`${where}${g.label}: joint control with only ${parties.length} party left on this date — agreement skipped`);
      continue;
    }
    a.id = uniqueIn(agreementIds, String(a.id));
    agreements.push(a as Agreement);
  }

  if (placeholders.length) {
    warnings.push(`${where}${placeholders.length} record${placeholders.length === 1 ? '' : 's'} named by relationships but described by no entity or person statement (${placeholders.slice(0, 5).map((r) => show(r, 40)).join(', ')}${placeholders.length > 5 ? ', …' : ''}) — shown as placeholder entities named by their record id; add their statements to see who they are`);
  }

  const labelOf = (h: Holding) => origin.get(h)?.label ?? `holding "${h.id}"`;
  if (inferredEnds) pullBackInferredEnds(holdings, inferredEnd, warnings, where, nameOf, labelOf);
  warnings.push(...fitBands(holdings, where, nameOf, labelOf));
  const over = findOverfull(holdings);
  if (over) {
    throw new IoError(`${where}holdings of ${nameOf(over.subject)} (${over.subject}) sum to ${fmtPct(over.total)} of ${over.measure}${over.date ? ` on ${over.date}` : ''}, more than 100% — ${over.holdings.map(labelOf).join(', ')}; check their share ranges and dates`);
  }

  placeIndirect(indirect, {
    holdings, agreements, relations, agreementIds, holdingIds, relationIds, note, nameOf, where, warnings,
    componentEntity: (ref) => entityOf.get(ref)?.id ?? personOf.get(ref)?.id ?? statementToEntity.get(ref),
  });

  if (exceptions.length) {
    warnings.push(`${where}${exceptions.length} GLEIF reporting exception${exceptions.length === 1 ? '' : 's'} read as an undisclosed parent that consolidates the entity: ${exceptions.slice(0, 5).join(', ')}${exceptions.length > 5 ? ', …' : ''}`);
  }
  const relationKinds = new Map<string, number>();
  for (const r of relations) relationKinds.set(r.kind, (relationKinds.get(r.kind) ?? 0) + 1);
  if (relationKinds.size) {
    const n = [...relationKinds.values()].reduce((a, b) => a + b, 0);
    warnings.push(`${where}${n} interest${n === 1 ? '' : 's'} without an ownership figure kept as relations (${[...relationKinds].map(([k, c]) => `${c} ${k}`).join(', ')}) — drawn as links and listed in the inspector; only consolidation counts as control`);
  }
  if (!entities.length) {
    throw new IoError(`${where}no entity, person or relationship statement in the file (${all.length} statements read) — nothing to import`);
  }
  const doc: OwnershipDoc = {
    format: 'ownership-graph',
    version: CURRENT_VERSION,
    title: opts.title ?? (opts.fileName ? `Imported from ${opts.fileName}` : 'Imported from BODS'),
    ...(date ? { asOf: date } : {}),
    entities, holdings, agreements, ...(relations.length ? { relations } : {}), dependencies: [], events: [],
  };
  try {
    const parsed = parseDoc(doc, { fresh: true });
    warnings.push(...roundingWarnings(parsed).map((w) => `${where}${w.replace(/^model\/validate: /, '')}`));
    return { doc: parsed, warnings };
  } catch (e) {
    rethrowAsIo(e, where);
  }
}

/** The componentRecords of a statement (record ids or statement ids of the chain's parts). */
function componentsOf(st: ReadStatement): string[] {
  const c = st.details.componentRecords;
  return Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * An end inferred from a later statement's date only says the interest ended on or before it: where such an interest
 * and one that starts within its last period together pass 100% of a company (the standard's tecido example: 30% ended
 * by a closing statement of 3 March, 80% from 1 March), it is ended when the other starts, with a warning.
 */
function pullBackInferredEnds(holdings: Holding[], inferred: WeakSet<Holding>, warnings: string[], where: string, nameOf: (id: string) => string, labelOf: (h: Holding) => string) {
  for (let guard = 0; guard < holdings.length; guard++) {
    const over = findOverfull(holdings);
    const d = over?.date;
    if (!over || !d) return;
    const movable = over.holdings.filter((h) => inferred.has(h) && (!h.since || h.since < d) && !!h.until && h.until > d);
    if (!movable.length) return;
    for (const h of movable) {
      warnings.push(`${where}${labelOf(h)}: ${nameOf(h.holder)}'s ${fmtPct(h.shares)} of ${nameOf(h.subject)} ends on ${h.until} only by the date of a later statement, but with the holdings from ${d} it would pass 100% — read as ended on ${d}`);
      h.until = d;
    }
  }
}
