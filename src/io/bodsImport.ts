// BODS 0.4 → ownership document. The rules and the choices behind them are documented in bods.ts.
import { CURRENT_VERSION, parseDoc, type Agreement, type Entity, type Holding, type OwnershipDoc } from '../model';
import { IoError, fileLabel, rethrowAsIo, show } from './errors';
import { isObj, newestPerRecord, parseStatements, readInterests, readStatement, type ReadInterest, type ReadStatement } from './bodsRead';
import { entityFrom, setDates, setOpt, sourcesOf, uniqueIn } from './bodsEntity';
import { placeIndirect, type PendingIndirect } from './bodsIndirect';
import { AGREEMENT_DETAILS, BOARD_BASIS, carried, type BodsEntity, type Carried } from './bodsTypes';
import { findOverfull, fmtPct } from './totals';

type Obj = Record<string, unknown>;

/** Options of importBods. */
export interface BodsImportOptions {
  /** View date YYYY-MM-DD: statements dated after it are ignored and interests ended on or before it are dropped. */
  date?: string;
  fileName?: string;
  title?: string;
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
export function importBods(input: string | unknown[], opts: BodsImportOptions = {}): BodsImport {
  const where = `io/bods: ${fileLabel(opts.fileName)}`;
  const date = opts.date;
  if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00Z`).getTime()))) {
    throw new IoError(`${where}the view date ${show(date)} is not a date — use YYYY-MM-DD`);
  }
  const all = parseStatements(input, where, opts.fileName).map((raw, i) => readStatement(raw, i + 1, where));
  const live = newestPerRecord(all, date);
  const warnings: string[] = [];

  const entities: Entity[] = [];
  const entityIds = new Set<string>();
  const idOf = new Map<string, string>();
  const byId = new Map<string, BodsEntity>();
  for (const st of live) {
    if (st.recordType === 'relationship') continue;
    const e = entityFrom(st, entityIds, where, warnings);
    entities.push(e);
    idOf.set(st.recordId, e.id);
    byId.set(e.id, e);
  }
  const nameOf = (id: string) => show(byId.get(id)?.name ?? id, 60);
  const note = (subject: string, entry: Obj) => {
    const e = byId.get(subject)!;
    const bods = (isObj(e.bods) ? e.bods : (e.bods = {})) as Obj;
    const list = (Array.isArray(bods.otherInterests) ? bods.otherInterests : (bods.otherInterests = [])) as Obj[];
    list.push(entry);
  };

  const holdings: Holding[] = [];
  const agreements: Agreement[] = [];
  const holdingIds = new Set<string>();
  const agreementIds = new Set<string>();
  const origin = new Map<object, string>();
  const indirect: PendingIndirect[] = [];
  const carriedAgreements = new Map<string, { ext: Extract<Carried, { kind: 'agreement' }>; parties: string[]; subject: string; since?: string; until?: string; label: string }>();
  const notModelled = new Map<string, number>();
  let relationships = 0, dangling = 0;

  for (const st of live) {
    if (st.recordType !== 'relationship') continue;
    relationships++;
    const subjectEnd = endpoint(st, 'subject', where);
    const partyEnd = endpoint(st, 'interestedParty', where);
    const interests = readInterests(st, where).filter((i) => !(date && i.until && i.until <= date));
    if ('unspecified' in subjectEnd) {
      warnings.push(`${where}${st.label}: the subject is unspecified (${subjectEnd.unspecified}) — relationship skipped`);
      continue;
    }
    if ('unspecified' in partyEnd) {
      warnings.push(`${where}${st.label}: the interested party is unspecified (${partyEnd.unspecified}) — not drawn; it stays in the subject's unrecorded remainder`);
      continue;
    }
    const subject = idOf.get(subjectEnd.id), holder = idOf.get(partyEnd.id);
    if (!subject || !holder) {
      dangling++;
      const [field, rid] = !subject ? ['subject', subjectEnd.id] : ['interested party', partyEnd.id];
      warnings.push(`${where}${st.label}: ${field} ${show(rid, 60)} is not an entity or person statement in this file${date ? ` on ${date}` : ''} (or its record is closed) — relationship skipped`);
      continue;
    }
    if (holder === subject) {
      warnings.push(`${where}${st.label}: ${nameOf(holder)} is recorded as holding itself — treasury shares are left out`);
      continue;
    }
    const ext = carried(st.raw.annotations);
    const viaComponents = Array.isArray(st.details.componentRecords) && st.details.componentRecords.length > 0;
    const isIndirect = (i: ReadInterest) => i.direct === 'indirect' || viaComponents;

    if (ext?.kind === 'agreement') {
      const i = interests[0];
      if (!i) continue;
      let g = carriedAgreements.get(ext.record.id);
      if (!g) carriedAgreements.set(ext.record.id, (g = { ext, parties: [], subject, since: i.since, until: i.until, label: st.label }));
      if (!g.parties.includes(holder)) g.parties.push(holder);
      continue;
    }

    const groups = new Map<string, { shares?: ReadInterest; votes?: ReadInterest; indirect: boolean; since?: string; until?: string }>();
    const addAgreement = (i: ReadInterest, basis: string | undefined) => {
      const a: Agreement = { id: '', kind: 'control', parties: [holder], subject };
      if (basis) a.basis = basis;
      if (i.since) a.since = i.since;
      if (i.until) a.until = i.until;
      a.id = `${st.recordId}${i.type === 'appointmentOfBoard' ? '-board' : '-control'}`;
      origin.set(a, st.label);
      if (isIndirect(i)) indirect.push({ agreement: a, label: st.label });
      else {
        a.id = uniqueIn(agreementIds, a.id);
        agreements.push(a);
      }
    };
    const keep = (i: ReadInterest) => {
      notModelled.set(i.type ?? 'untyped', (notModelled.get(i.type ?? 'untyped') ?? 0) + 1);
      note(subject, { recordId: st.recordId, interestedParty: holder, interest: i.raw });
    };
    for (const i of interests) {
      switch (i.type) {
        case 'shareholding':
        case 'votingRights': {
          if (!i.share) {
            keep(i);
            break;
          }
          const ind = isIndirect(i);
          const key = `${ind}|${i.since ?? ''}|${i.until ?? ''}`;
          let g = groups.get(key);
          if (!g) groups.set(key, (g = { indirect: ind, since: i.since, until: i.until }));
          const slot = i.type === 'shareholding' ? 'shares' : 'votes';
          if (g[slot]) warnings.push(`${where}${st.label}: several ${i.type} interests cover the same period — the first is used`);
          else g[slot] = i;
          break;
        }
        case 'appointmentOfBoard': {
          if (ext?.kind === 'holding') break; // seats travel in the carried holding
          const lower = i.share ? (i.share.range ? i.share.range.min : i.share.value) : undefined;
          if (lower === undefined || lower > 50) addAgreement(i, BOARD_BASIS);
          else keep(i);
          break;
        }
        case 'otherInfluenceOrControl': {
          const m = i.details ? new RegExp(`^${AGREEMENT_DETAILS}(?::\\s*(.*))?$`, 'is').exec(i.details.trim()) : null;
          if (m) addAgreement(i, m[1]?.trim() || undefined);
          else keep(i);
          break;
        }
        default:
          keep(i);
      }
    }

    let first = true;
    for (const g of groups.values()) {
      const main = (g.shares ?? g.votes)!;
      const h = (ext?.kind === 'holding' ? { ...ext.record } : {}) as Obj;
      const base = ext?.kind === 'holding' ? ext.record.id : st.recordId;
      h.id = uniqueIn(holdingIds, first ? base : `${base}-${main.since ?? 'undated'}`);
      first = false;
      h.holder = holder;
      h.subject = subject;
      h.shares = (g.shares ?? g.votes)!.share!.value;
      setOpt(h, 'votes', g.votes?.share?.value);
      setOpt(h, 'sharesRange', g.shares?.share?.range);
      setOpt(h, 'votesRange', g.votes?.share?.range);
      if (!g.shares) warnings.push(`${where}${st.label}: voting rights but no shareholding — shares set to the voting figure and marked estimated`);
      if (g.shares?.share?.range || g.votes?.share?.range || !g.shares || g.indirect) h.estimated = true;
      setDates(h, g.since, g.until);
      setOpt(h, 'indirect', g.indirect ? true : undefined);
      if (!ext) {
        const sources = sourcesOf(st.raw.source);
        if (sources) h.sources = sources;
        h.bods = { recordId: st.recordId, ...(typeof st.raw.statementId === 'string' ? { statementId: st.raw.statementId } : {}), directOrIndirect: main.direct ?? 'unknown' };
      }
      origin.set(h, st.label);
      if (g.indirect) indirect.push({ holding: h as Holding, label: st.label });
      else holdings.push(h as Holding);
    }
  }

  for (const g of carriedAgreements.values()) {
    const order = Array.isArray(g.ext.record.parties) ? g.ext.record.parties : [];
    const parties = [...order.filter((p) => g.parties.includes(p)), ...g.parties.filter((p) => !order.includes(p))];
    const a = { ...g.ext.record, parties, subject: g.subject } as Obj;
    setDates(a, g.since, g.until);
    if (a.kind === 'joint-control' && parties.length < 2) {
      warnings.push(`${where}${g.label}: joint control with only ${parties.length} party left on this date — agreement skipped`);
      continue;
    }
    a.id = uniqueIn(agreementIds, String(a.id));
    agreements.push(a as Agreement);
  }

  if (relationships > 0 && dangling === relationships) {
    throw new IoError(`${where}none of the ${relationships} relationship statements names entities or persons in this file${date ? ` on ${date}` : ''} — nothing valid to import; check that the entity and person statements are included`);
  }

  const over = findOverfull(holdings);
  if (over) {
    const refs = over.holdings.map((h) => origin.get(h) ?? `holding "${h.id}"`).join(', ');
    throw new IoError(`${where}holdings of ${nameOf(over.subject)} (${over.subject}) sum to ${fmtPct(over.total)} of ${over.measure}${over.date ? ` on ${over.date}` : ''}, more than 100% — ${refs}; check their share ranges and dates`);
  }

  placeIndirect(indirect, { holdings, agreements, agreementIds, note, nameOf, where, warnings });

  if (notModelled.size) {
    const n = [...notModelled.values()].reduce((a, b) => a + b, 0);
    warnings.push(`${where}${n} interest${n === 1 ? '' : 's'} without an ownership or control figure (${[...notModelled.keys()].join(', ')}) kept as notes in their subjects' "bods" field`);
  }
  if (!entities.length) {
    throw new IoError(`${where}no entity or person statement is left${date ? ` on ${date}` : ''} (${all.length} statements read) — nothing to import`);
  }
  const doc: OwnershipDoc = {
    format: 'ownership-graph',
    version: CURRENT_VERSION,
    title: opts.title ?? (opts.fileName ? `Imported from ${opts.fileName}` : 'Imported from BODS'),
    ...(date ? { asOf: date } : {}),
    entities, holdings, agreements, dependencies: [], events: [],
  };
  try {
    return { doc: parseDoc(doc), warnings };
  } catch (e) {
    rethrowAsIo(e, where);
  }
}
