// Reading BODS 0.4 input defensively: JSON array or JSON Lines in, every statement and interest checked field by
// field (bodsSeries.ts turns each record's statements into periods). Nothing here trusts the shape of the input.
import { isCalendarDate } from '../model/dates';
import { IoError, fileLabel, show } from './errors';
import { checkSize } from './limits';
import { checkNesting, stripBom } from './text';
import { isOldStatement, upgradeStatements } from './bodsUpgrade';
import {
  carried, DIRECT_OR_INDIRECT, INTEREST_TYPES, RECORD_STATUSES, RECORD_TYPES,
  type Carried, type InterestType, type RecordStatus, type RecordType, type ShareRange,
} from './bodsTypes';

type Obj = Record<string, unknown>;

/**
 * A checked statement: where it sits in the file, how to name it in messages, its record fields, and of the rest only
 * what the import reads (the parsed statement itself is let go: publicationDetails, declarationSubject… die young).
 */
export interface ReadStatement {
  index: number;
  label: string;
  /** The statementId when it is a string. */
  statementId?: string;
  /** The statementDate as written (for messages). */
  statementDate?: unknown;
  /** The statement's source as written. */
  source?: unknown;
  /** The descriptions of its annotations, one line each ('' when none): GLEIF conversions say there what ended. */
  notes: string;
  /** The record our export carried in an annotation (bodsTypes `carried`), if any. */
  ext?: Carried;
  recordId: string;
  recordType: RecordType;
  status: RecordStatus;
  date?: string;
  /** The full statementDate (a date-time orders same-day statements); undefined when absent. */
  stamp?: string;
  details: Obj;
}

/** A checked interest of a relationship statement. */
export interface ReadInterest {
  field: string;
  type?: InterestType;
  direct?: 'direct' | 'indirect' | 'unknown';
  details?: string;
  share?: { value: number; range?: ShareRange };
  /** Set when the share was an empty range (bounds that exclude each other): what it said. */
  emptyRange?: string;
  since?: string;
  until?: string;
  raw: Obj;
}

/** Whether a value is a plain JSON object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const DATE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;


/** A YYYY-MM-DD date (a date-time is cut to its date), undefined when absent; anything else is an error. */
export function readDate(v: unknown, fail: (what: string) => never): string | undefined {
  if (v === undefined || v === null) return undefined;
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (!m || !isCalendarDate(m[1])) fail(`${show(v)} is not a date — BODS dates are YYYY-MM-DD`);
  return m[1];
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Parses the file: a JSON array of statements, or JSON Lines (one statement object per line). */
export function parseStatements(input: unknown, where: string, fileName?: string, maxBytes?: number): unknown[] {
  if (typeof input !== 'string') {
    if (!Array.isArray(input)) throw new IoError(`${where}expected a JSON array of BODS statements — is this a BODS 0.4 file?`);
    checkNesting(input, where);
    return input;
  }
  checkSize(input.length, 'io/bods', fileName, maxBytes);
  const text = stripBom(input).trim();
  if (text.startsWith('{')) {
    const whole = tryParse(text);
    if (isObj(whole)) {
      checkNesting(whole, where);
      if ('recordType' in whole || 'statementId' in whole || 'recordId' in whole) return [whole];
      const hint = whole.format === 'ownership-graph' ? 'this is an ownership document, not BODS' : 'a BODS file is a JSON array of statements';
      throw new IoError(`${where}expected a JSON array of BODS statements but found a JSON object — ${hint}`);
    }
    return text.split(/\r?\n/).flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        const v = JSON.parse(line) as unknown;
        checkNesting(v, where);
        return [v];
      } catch (e) {
        if (e instanceof IoError) throw e;
        throw new IoError(`${where}line ${i + 1} is not valid JSON (${(e as Error).message}) — a BODS file is a JSON array or one statement per line`);
      }
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new IoError(`${where}the file is not valid JSON (${(e as Error).message}) — check that it is complete`);
  }
  if (!Array.isArray(value)) throw new IoError(`${where}expected a JSON array of BODS statements — is this a BODS 0.4 file?`);
  checkNesting(value, where);
  return value;
}

/** The prefix of every message about a BODS file ("io/bods: "name": "). */
export const bodsWhere = (fileName?: string) => `io/bods: ${fileLabel(fileName)}`;

/**
 * Statements checked one by one as they stream in (`add`, as a JsonSplitter's callback): each is read at once into its
 * ReadStatement, so a file is never an array of every parsed statement before it is read. BODS 0.2/0.3 statements
 * need the whole file (their records come from replacesStatements): they are kept aside and upgraded together at
 * `finish`, in their places, as upgradeStatements upgrades a whole file.
 */
export class StatementReader {
  private readonly all: ReadStatement[] = [];
  private readonly old: { at: number; raw: unknown }[] = [];
  private readonly strings = new Map<string, string>();
  constructor(readonly where: string) {}

  /** One string for equal dates and annotation texts (thousands of statements share them). */
  private readonly intern = (s: string): string => {
    const have = this.strings.get(s);
    if (have !== undefined) return have;
    if (this.strings.size < 100_000) this.strings.set(s, s);
    return s;
  };

  /** The last statementDate made a stamp, and its stamp (interned): most statements of a register share their date. */
  private lastStamp = { from: '', stamp: '' };
  private readonly stampOf = (v: string): string => {
    if (v !== this.lastStamp.from) this.lastStamp = { from: v, stamp: this.intern(normStamp(v)) };
    return this.lastStamp.stamp;
  };

  /** Reads the next statement of the file (throws an IoError naming it and its field when it is not one). */
  readonly add = (raw: unknown): void => {
    if (isOldStatement(raw)) {
      this.old.push({ at: this.all.length, raw });
      this.all.push(undefined as unknown as ReadStatement);
    } else {
      this.all.push(readStatement(raw, this.all.length + 1, this.where, this.intern, this.stampOf));
    }
  };

  /** Every statement, in file order, and how many were upgraded from BODS 0.2/0.3. */
  finish(): { all: ReadStatement[]; upgraded: number } {
    if (this.old.length) {
      const { statements } = upgradeStatements(this.old.map((o) => o.raw));
      statements.forEach((s, k) => (this.all[this.old[k].at] = readStatement(s, this.old[k].at + 1, this.where, this.intern, this.stampOf)));
    }
    return { all: this.all, upgraded: this.old.length };
  }
}

/** Checks one statement's envelope (0.2/0.3 statements arrive upgraded by bodsUpgrade.ts); throws an IoError naming the statement and the field. */
export function readStatement(
  raw: unknown, index: number, where: string, intern: (s: string) => string = (x) => x, stampOf: (statementDate: string) => string = (v) => intern(normStamp(v)),
): ReadStatement {
  if (!isObj(raw)) throw new IoError(`${where}statement ${index} is ${show(raw)}, not an object — every statement is a JSON object`);
  const label = () => labelOf(index, raw.statementId);
  const fail = (field: string, what: string): never => {
    throw new IoError(`${where}${label()} field "${field}": ${what}`);
  };
  if (typeof raw.recordId !== 'string' || !raw.recordId) throw new IoError(`${where}${label()} has no recordId — every BODS 0.4 statement needs one`);
  if (!RECORD_TYPES.includes(raw.recordType as RecordType)) fail('recordType', `${show(raw.recordType)} is not entity, person or relationship`);
  if (raw.recordStatus !== undefined && !RECORD_STATUSES.includes(raw.recordStatus as RecordStatus)) fail('recordStatus', `${show(raw.recordStatus)} is not new, updated or closed`);
  if (!isObj(raw.recordDetails)) fail('recordDetails', `${show(raw.recordDetails)} is not an object — every statement needs its record details`);
  const date = readDate(raw.statementDate, (what) => fail('statementDate', what));
  const recordType = RECORD_TYPES[RECORD_TYPES.indexOf(raw.recordType as RecordType)]; // one string for all, not one each
  const st = new Statement(
    index, raw.recordId, recordType, (raw.recordStatus as RecordStatus | undefined) ?? 'new',
    date && intern(date), typeof raw.statementDate === 'string' && date ? stampOf(raw.statementDate) : undefined, raw.recordDetails as Obj,
    notesOf(raw.annotations, intern), typeof raw.statementId === 'string' ? raw.statementId : undefined,
  );
  // Rare fields are set only when present, so most statements share one shape without them.
  if (raw.statementDate !== undefined) st.statementDate = raw.statementDate === st.date ? st.date : typeof raw.statementDate === 'string' ? intern(raw.statementDate) : raw.statementDate;
  if (raw.source !== undefined) st.source = raw.source;
  const ext = carried(raw.annotations);
  if (ext) st.ext = ext;
  shareWords(st.details, intern);
  return st;
}

/**
 * Puts one string in place of each copy of the words a register repeats in every statement (JSON.parse makes a string
 * of each longer than ten characters, such as "shareholding" or "registeredEntity"): the kept details are the same
 * values, held once. Only the fields every statement of a kind has; the rest is left as parsed.
 */
function shareWords(details: Obj, intern: (s: string) => string): void {
  const et = details.entityType;
  if (isObj(et) && typeof et.type === 'string') et.type = intern(et.type);
  if (typeof details.personType === 'string') details.personType = intern(details.personType);
  const j = details.jurisdiction;
  if (isObj(j) && typeof j.name === 'string') j.name = intern(j.name);
  const interests = details.interests;
  if (Array.isArray(interests)) {
    for (const i of interests as unknown[]) {
      if (isObj(i) && typeof i.type === 'string') i.type = intern(i.type);
    }
  }
}

/** The descriptions of a statement's annotations, one line each (what a GLEIF conversion says ended a record). */
function notesOf(annotations: unknown, intern: (s: string) => string): string {
  if (!Array.isArray(annotations) || !annotations.length) return '';
  const texts = annotations.map((a: unknown) => (isObj(a) ? String(a.description ?? '') : ''));
  return intern(texts.length === 1 ? texts[0] : texts.join('\n'));
}

/** How messages name a statement: its number in the file, and its statementId when it has one. */
function labelOf(index: number, statementId: unknown): string {
  return typeof statementId === 'string' && statementId ? `statement ${index} (${show(statementId, 64)})` : `statement ${index}`;
}

/** A ReadStatement whose label is made when a message asks for it (a register has millions of statements, few messages). */
class Statement implements ReadStatement {
  statementDate?: unknown;
  source?: unknown;
  ext?: Carried;
  constructor(
    readonly index: number, readonly recordId: string, readonly recordType: RecordType, readonly status: RecordStatus,
    readonly date: string | undefined, readonly stamp: string | undefined, readonly details: Obj, readonly notes: string,
    readonly statementId: string | undefined,
  ) {}

  get label(): string {
    return labelOf(this.index, this.statementId);
  }
}

/** A statementDate as a sortable UTC-ish stamp: the date, then the time part (without a time, midnight). */
function normStamp(v: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?/.exec(v);
  if (!m) return v;
  if (!m[2]) return `${m[1]}T00:00:00.000Z`;
  const t = Date.parse(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`);
  return Number.isNaN(t) ? `${m[1]}T${m[2]}` : new Date(t).toISOString();
}

/** Warnings for statementIds used more than once (BODS requires them to be unique). */
export function duplicateStatementIds(statements: ReadStatement[], where: string): string[] {
  // One set operation per statement (a register has millions); the first use of a repeated id is looked up only then.
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of statements) {
    const sid = s.statementId;
    if (!sid) continue;
    const size = seen.size;
    if (seen.add(sid).size > size) continue;
    const first = statements.find((t) => t.statementId === sid)!;
    out.push(`${where}${s.label} repeats the statementId of statement ${first.index} — statementIds must be unique; both are read, in file order`);
  }
  return out;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A checked share: exact, or the midpoint of its range with the range kept. Undefined when it gives no figure. */
function readShare(v: unknown, fail: (field: string, what: string) => never, field: string): (ReadInterest['share'] & { empty?: string }) | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) fail(field, `${show(v)} is not an object with exact, minimum or maximum`);
  // Most shares: an exact figure alone, within 0–100 (what the checks below accept and give, without their closures).
  const e = v.exact;
  if (typeof e === 'number' && e >= 0 && e <= 100 && (v.minimum ?? v.maximum ?? v.exclusiveMinimum ?? v.exclusiveMaximum) == null) return { value: e };
  const num = (k: string): number | undefined => {
    const x = v[k];
    if (x === undefined || x === null) return undefined;
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(`${field}.${k}`, `${show(x)} is not a number — use a percentage from 0 to 100`);
    if (x < 0 || x > 100) fail(`${field}.${k}`, `${show(x)} is outside 0–100 — use a percentage from 0 to 100`);
    return x;
  };
  const exact = num('exact'), min = num('minimum'), max = num('maximum'), xmin = num('exclusiveMinimum'), xmax = num('exclusiveMaximum');
  if (exact !== undefined) return { value: exact };
  if (min === undefined && max === undefined && xmin === undefined && xmax === undefined) return undefined;
  const lo = min ?? xmin ?? 0, hi = max ?? xmax ?? 100;
  if (lo > hi) fail(field, `the minimum ${lo} is above the maximum ${hi} — swap them`);
  if (lo === hi && (min === undefined || max === undefined)) return { value: lo, empty: `${min === undefined ? 'exclusiveMinimum' : 'minimum'} ${lo} and ${max === undefined ? 'exclusiveMaximum' : 'maximum'} ${hi}` };
  if (lo === hi) return { value: lo };
  const range: ShareRange = { min: lo, max: hi };
  if (min === undefined && xmin !== undefined) range.minExclusive = true;
  if (max === undefined && xmax !== undefined) range.maxExclusive = true;
  return { value: round6((lo + hi) / 2), range };
}

/** The interest types of BODS 0.4, as a set (looked up once per interest). */
const INTEREST_TYPE_SET: ReadonlySet<unknown> = new Set(INTEREST_TYPES);

/** The names of the first interests' fields, made once. */
const FIELDS = Array.from({ length: 8 }, (_, j) => `interests[${j}]`);
const RECORD_FIELDS = FIELDS.map((f) => `recordDetails.${f}`);

/** Checks the interests of a relationship statement; throws an IoError naming the statement and the field. */
export function readInterests(st: ReadStatement, where: string): ReadInterest[] {
  const list = st.details.interests;
  const fail = (field: string, what: string): never => {
    throw new IoError(`${where}${st.label} field "recordDetails.${field}": ${what}`);
  };
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) fail('interests', `${show(list)} is not a list of interests`);
  return (list as unknown[]).map((raw, j) => {
    const field = FIELDS[j] ?? `interests[${j}]`;
    if (!isObj(raw)) fail(field, `${show(raw)} is not an object`);
    const r = raw as Obj;
    if (r.type !== undefined && r.type !== null && !INTEREST_TYPE_SET.has(r.type)) fail(`${field}.type`, `${show(r.type)} is not a BODS 0.4 interest type`);
    if (r.directOrIndirect !== undefined && r.directOrIndirect !== null && !DIRECT_OR_INDIRECT.includes(r.directOrIndirect as 'direct')) {
      fail(`${field}.directOrIndirect`, `${show(r.directOrIndirect)} is not direct, indirect or unknown`);
    }
    // Dates read (and their messages' closures made) only when given.
    const since = r.startDate == null ? undefined : readDate(r.startDate, (what) => fail(`${field}.startDate`, what));
    const until = r.endDate == null ? undefined : readDate(r.endDate, (what) => fail(`${field}.endDate`, what));
    if (since && until && until < since) fail(`${field}.endDate`, `${until} is before the start date ${since} — swap them`);
    const share = readShare(r.share, fail, `${field}.share`);
    const emptyRange = share?.empty;
    if (share) delete share.empty;
    return {
      field: RECORD_FIELDS[j] ?? `recordDetails.${field}`,
      emptyRange,
      type: (r.type ?? undefined) as InterestType | undefined,
      direct: (r.directOrIndirect ?? undefined) as ReadInterest['direct'],
      details: typeof r.details === 'string' ? r.details : undefined,
      share,
      since, until, raw: r,
    };
  });
}
