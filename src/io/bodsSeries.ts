// Every BODS statement kept with its dates: each record's statements (new, updated, closed) become periods, so the
// document holds the register's whole history and a view date picks what was in force. Pure.
//
// - Entity and person records: one statement describes each (the newest as of the view date; without a view date, the
//   newest); a record whose statements are all dated after the view date is a placeholder then (`statedFrom`), its
//   first statement filling it in from its date on; a record whose last statement is `closed` notes the closing date.
// - Relationship records: a statement is in force from its earliest interest startDate (else its statementDate) and
//   replaces every earlier statement of the record from then on, so earlier interests end there (a restatement from an
//   earlier date replaces them whole). An update without startDates starts on its statementDate. A `closed` statement,
//   or one the GLEIF conversions annotate as "relationship deleted" or "retired", ends the record on its statementDate. Relationships of a closed entity or person end when that record closes.
//   Ends taken from a statement's date, not declared as an endDate, are marked inferred: the change happened on or
//   before that date (bodsImport pulls such an end back when it would make a company's stakes pass 100%).
// - The same interest restated by successive statements is one period, not several.
// - A record with more than one `new` statement is read as new then updates, with a warning (BODS gives one `new`).
import { show } from './errors';
import { readInterests, type ReadInterest, type ReadStatement } from './bodsRead';

/** A relationship statement with its interests cut to the periods the statement series gives them. */
export interface SeriesStatement {
  st: ReadStatement;
  /** Every interest the statement declares (its figures, before any cut). */
  read: ReadInterest[];
  /** The interests as in force: dates fixed by the series, superseded ones left out. */
  interests: ReadInterest[];
}

/** What readSeries returns. */
export interface Series {
  /** One describing statement per entity or person record, in the order records first appear. */
  described: ReadStatement[];
  /** Closing dates of entity and person records whose last statement is `closed` (key `type:recordId`). */
  closedOn: Map<string, string | undefined>;
  /**
   * The relationship statements with their periods, made as they are iterated (once): in order of the records' first
   * appearance, each record's in date order. An interest that is not BODS throws while iterating.
   */
  relationships: Iterable<SeriesStatement>;
  /** Interests whose end was inferred from a statement date (not a declared endDate). */
  inferred: WeakSet<ReadInterest>;
  /**
   * Entity and person records first described after the view date (key `type:recordId`), with that statement's date:
   * placeholders until then (bodsImport), the statement filling them in from its date on.
   */
  statedFrom: Map<string, string>;
}

const key = (s: ReadStatement) => `${s.recordType}:${s.recordId}`;
const minDate = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/**
 * Groups statements per record, in order of first appearance: a record of one statement (most of a register) is that
 * statement, with no list of its own; a record of several is their list in date order, warned about here (order, `new`).
 */
function groups(all: ReadStatement[], warnings: string[], where: string): (ReadStatement | ReadStatement[])[] {
  // One map per record type (no key string made per statement) from a record id to its place in `records`.
  const byType = new Map<string, Map<string, number>>();
  const records: (ReadStatement | ReadStatement[])[] = [];
  for (const s of all) {
    let byId = byType.get(s.recordType);
    if (!byId) byType.set(s.recordType, (byId = new Map()));
    const at = byId.get(s.recordId);
    if (at === undefined) {
      byId.set(s.recordId, records.length);
      records.push(s);
      continue;
    }
    const have = records[at];
    if (Array.isArray(have)) have.push(s);
    else records[at] = [have, s];
  }
  for (const list of records) {
    if (!Array.isArray(list)) continue;
    let top: ReadStatement | undefined;
    for (const s of list) {
      if (top && s.date === top.date && (s.stamp ?? '') < (top.stamp ?? '')) {
        warnings.push(`${where}${s.label} comes after ${top.label} in the file but is dated earlier the same day (${String(s.statementDate)}) — the later time wins`);
      }
      if (!top || (s.stamp ?? '') >= (top.stamp ?? '')) top = s;
    }
    // Stable: statements of the same stamp keep their order in the file.
    list.sort((a, b) => ((a.stamp ?? '') < (b.stamp ?? '') ? -1 : (a.stamp ?? '') > (b.stamp ?? '') ? 1 : 0));
    const fresh = list.filter((s) => s.status === 'new');
    if (fresh.length > 1) {
      warnings.push(`${where}record ${show(list[0].recordId, 60)} has ${fresh.length} "new" statements (${fresh.slice(0, 3).map((s) => s.label).join(', ')}${fresh.length > 3 ? ', …' : ''}) — BODS gives a record one; the later ones are read as updates of it, in date order`);
    }
  }
  return records;
}

/** The statement describing an entity or person record on `date` (see the header). */
function describing(list: ReadStatement[], date: string | undefined): { st: ReadStatement; later: boolean } {
  const open = list.filter((s) => s.status !== 'closed');
  const pool = open.length ? open : list;
  if (!date) return { st: pool[pool.length - 1], later: false };
  const before = pool.filter((s) => !s.date || s.date <= date);
  return before.length ? { st: before[before.length - 1], later: false } : { st: pool[0], later: true };
}

/** GLEIF conversions mark a deleted relationship or a retired record by an annotation on the statement that ends it. */
export const ENDED = /\brelationship deleted\b|\bset to RETIRED\b|\bstatement(?: series)? retired\b/i;

/** Whether a statement ends its record: `closed`, or annotated as deleted or retired (the GLEIF conversions). */
function closes(st: ReadStatement): boolean {
  return st.status === 'closed' || (st.notes !== '' && ENDED.test(st.notes));
}

/** A signature of what an interest says, dates aside: equal signatures restate the same interest. */
function signature(i: ReadInterest): string {
  const r = i.raw;
  return JSON.stringify([i.type ?? null, i.direct ?? null, i.details ?? null, i.share ?? null, r.beneficialOwnershipOrControl ?? null]);
}

/**
 * Cuts one relationship record's statements into periods (see the header). `lone` (the default) takes the short way
 * for a record of one statement when it can (loneStatement); false always takes the general way (tests compare them).
 */
export function relationshipSeries(list: ReadStatement[], where: string, inferred: WeakSet<ReadInterest>, lone = true): SeriesStatement[] {
  if (lone && list.length === 1 && !closes(list[0])) {
    const one = loneStatement(list[0], where);
    if (one) return one;
  }
  const rows = list.map((st) => ({ st, read: readInterests(st, where), interests: [] as ReadInterest[] }));
  // From the newest statement back: `cut` is when the statements after this one took over ('' = from the start).
  let cut: string | undefined, cutInferred = false;
  for (let i = rows.length - 1; i >= 0; i--) {
    const { st, read } = rows[i];
    const closed = closes(st);
    const starts = read.map((x) => x.since).filter((d): d is string => !!d);
    const first = starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : undefined;
    let end = cut, endInferred = cutInferred;
    if (closed && (end === undefined || (st.date ?? '') < end)) {
      end = st.date ?? '';
      endInferred = true;
    }
    for (const x of read) {
      const since = x.since ?? (i > 0 ? st.date : undefined);
      let until = x.until;
      let isInferred = false;
      if (end !== undefined && (until === undefined || end < until)) {
        until = end;
        isInferred = endInferred;
      }
      if (until !== undefined && (since === undefined ? until === '' : since >= until)) continue; // superseded
      const y: ReadInterest = { ...x, since, until: until || undefined };
      if (isInferred) inferred.add(y);
      rows[i].interests.push(y);
    }
    const from = closed ? minDate(first, st.date ?? '')! : first ?? st.date ?? '';
    if (cut === undefined || from < cut) {
      cut = from;
      cutInferred = from !== first;
    }
  }
  // The same interests restated: one period from the first statement's start to the last one's end, kept on the
  // latest. Figures are merged as bundles (a statement's shares and votes of one period together), so a holding's shares
  // and votes are never split apart; other interests one by one.
  type Bundle = { row: (typeof rows)[number]; xs: ReadInterest[]; since?: string; until?: string };
  const bySig = new Map<string, Bundle[]>();
  const all: Bundle[] = [];
  for (const row of rows) {
    const bundles = new Map<string, Bundle>();
    row.interests.forEach((x, n) => {
      const figure = (x.type === 'shareholding' || x.type === 'votingRights') && x.share;
      const k = figure ? `${x.since ?? ''}|${x.until ?? ''}` : `#${n}`;
      const bundle = bundles.get(k);
      if (bundle) bundle.xs.push(x); else bundles.set(k, { row, xs: [x], since: x.since, until: x.until });
    });
    all.push(...bundles.values());
  }
  // One bundle (most records: one statement, one period) restates nothing: no signatures to compare.
  if (all.length > 1) {
    for (const bundle of all) {
      const sig = bundle.xs.map(signature).sort().join('\n');
      const list2 = bySig.get(sig);
      if (list2) list2.push(bundle); else bySig.set(sig, [bundle]);
    }
  }
  for (const parts of bySig.values()) {
    if (parts.length < 2) continue;
    parts.sort((p1, p2) => (p1.since ?? '').localeCompare(p2.since ?? ''));
    for (let k = 1; k < parts.length; k++) {
      const prev = parts[k - 1], cur = parts[k];
      if (prev.until === undefined || cur.since === undefined || cur.since > prev.until) continue;
      const until = cur.until !== undefined && prev.until > cur.until ? prev.until : cur.until;
      const merged = cur.xs.map((x) => {
        const y: ReadInterest = { ...x, since: prev.since, until };
        if (inferred.has(until === cur.until ? x : prev.xs[0])) inferred.add(y);
        return y;
      });
      prev.row.interests = prev.row.interests.filter((x) => !prev.xs.includes(x));
      cur.row.interests = cur.row.interests.map((x) => merged[cur.xs.indexOf(x)] ?? x);
      parts[k] = { row: cur.row, xs: merged, since: prev.since, until };
    }
  }
  // A statement with no interests at all says the relationship exists: only the newest, unless the record is closed.
  const last = rows[rows.length - 1];
  return rows.filter((r) => r.interests.length || (r === last && !r.read.length && !closes(r.st)));
}

/**
 * The series of a record of one statement that does not close it (most records of a register), when its interests
 * form one period at most: what relationshipSeries gives for it, without a row, bundle or copy per interest (nothing
 * ends them, nothing restates them). Undefined when the general way is needed (several periods, which may restate).
 */
function loneStatement(st: ReadStatement, where: string): SeriesStatement[] | undefined {
  const read = readInterests(st, where);
  const interests = read.filter((x) => x.until === undefined || (x.since === undefined ? x.until !== '' : x.since < x.until));
  if (interests.length > 1) {
    const a = interests[0];
    for (const x of interests) {
      const figure = (x.type === 'shareholding' || x.type === 'votingRights') && x.share;
      if (!figure || x.since !== a.since || x.until !== a.until) return undefined;
    }
  }
  return interests.length || !read.length ? [{ st, read, interests }] : [];
}

/** Ends the interests of a relationship whose subject or party record closed (see the header). */
function endWithRecords(r: SeriesStatement, closedOn: Map<string, string | undefined>, inferred: WeakSet<ReadInterest>): void {
  const closing = (ref: unknown) => {
    if (typeof ref !== 'string') return undefined;
    for (const k of [`entity:${ref}`, `person:${ref}`]) if (closedOn.has(k)) return closedOn.get(k) ?? '';
    return undefined;
  };
  const end = minDate(closing(r.st.details.subject), closing(r.st.details.interestedParty));
  if (end === undefined) return;
  r.interests = r.interests.flatMap((x) => {
    if (x.until !== undefined && x.until <= end) return [x];
    if (end === '' || (x.since !== undefined && x.since >= end)) return [];
    const y = { ...x, until: end };
    inferred.add(y);
    return [y];
  });
}

/**
 * The relationship records' series, made as they are read (each statement's rows are garbage once the import has read
 * them, instead of all of them outliving the import): cut into periods, ended with closed records, empty ones left out.
 */
function* relationshipsOf(records: (ReadStatement | ReadStatement[])[], where: string, closedOn: Map<string, string | undefined>, inferred: WeakSet<ReadInterest>): Generator<SeriesStatement> {
  for (const record of records) {
    for (const r of relationshipSeries(Array.isArray(record) ? record : [record], where, inferred)) {
      if (closedOn.size) endWithRecords(r, closedOn, inferred);
      if (r.interests.length || !r.read.length) yield r;
    }
  }
}

/** Reads every record's statement series (see the header); `warnings` receives what was read with a guess. */
export function readSeries(all: ReadStatement[], date: string | undefined, warnings: string[], where: string): Series {
  const described: ReadStatement[] = [];
  const closedOn = new Map<string, string | undefined>();
  const inferred = new WeakSet<ReadInterest>();
  const relationshipRecords: (ReadStatement | ReadStatement[])[] = []; // in order of first appearance, each in date order
  const later: string[] = [];
  const statedFrom = new Map<string, string>();
  for (const record of groups(all, warnings, where)) {
    const list = Array.isArray(record) ? record : [record];
    const first = list[0];
    if (first.recordType === 'relationship') {
      relationshipRecords.push(record);
      continue;
    }
    const d = describing(list, date);
    described.push(d.st);
    if (d.later) {
      later.push(first.recordId);
      statedFrom.set(key(d.st), d.st.date!);
    }
    const last = list[list.length - 1];
    if (last.status === 'closed') closedOn.set(key(last), last.date);
  }
  if (later.length) {
    warnings.push(`${where}${later.length} record${later.length === 1 ? ' is' : 's are'} described only by statements dated after ${date} (${later.slice(0, 5).map((r) => show(r, 40)).join(', ')}${later.length > 5 ? ', …' : ''}) — shown as placeholders, each with the name its statement gives from that statement's date on; choose a later date to see them described`);
  }
  return { described, closedOn, relationships: relationshipsOf(relationshipRecords, where, closedOn, inferred), inferred, statedFrom };
}
