// A hand-written check of the two big collections (entities, holdings) that accepts a record only where the zod
// schema in schema.ts would accept it unchanged: the schema stays the definition, this is its fast path for registers.
// It never reports an error itself: anything it does not accept is handed to zod, which names the record and field.
import { aliasKinds, entityKinds } from './schema';
import { isCoordinate } from './positions';
import { isCalendarDate } from './dates';

const KINDS: ReadonlySet<unknown> = new Set<unknown>(entityKinds);
const JURISDICTION = /^[A-Z]{2}$/;

type Rec = Record<string, unknown>;

/** A plain, non-array object (what zod's object schemas take). */
function isRecord(x: unknown): x is Rec {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** schema.ts `isoDate`: YYYY-MM-DD and a real calendar date (model/dates.ts). */
export const isIsoDate: (x: unknown) => boolean = isCalendarDate;

/** schema.ts `percent`: a finite number from 0 to 100. */
const isPercent = (x: unknown): boolean => typeof x === 'number' && x >= 0 && x <= 100;
/** schema.ts `id`: a string of 1 to 200 characters. */
const isId = (x: unknown): boolean => typeof x === 'string' && x.length >= 1 && x.length <= 200;
const optString = (x: unknown): boolean => x === undefined || typeof x === 'string';
const optBoolean = (x: unknown): boolean => x === undefined || typeof x === 'boolean';
const optDate = (x: unknown): boolean => x === undefined || isIsoDate(x);
const nullishDate = (x: unknown): boolean => x === undefined || x === null || isIsoDate(x);

/** A strict object whose own keys are exactly `keys` (in any order). */
function hasExactly(o: Rec, keys: string[]): boolean {
  let count = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    if (!keys.includes(k)) return false;
    count++;
  }
  return count === keys.length;
}

/** schema.ts `sources`: optional array of loose objects with optional title, url, date. */
function sourcesOk(x: unknown): boolean {
  if (x === undefined) return true;
  if (!Array.isArray(x)) return false;
  for (const s of x) if (!isRecord(s) || !optString(s.title) || !optString(s.url) || !optDate(s.date)) return false;
  return true;
}

/** schema.ts `decisionRuleSchema`: { moreThan: percent } or { atLeast: percent }, nothing else. */
function decisionRuleOk(x: unknown): boolean {
  if (x === undefined) return true;
  if (!isRecord(x)) return false;
  if (Object.hasOwn(x, 'moreThan')) return hasExactly(x, ['moreThan']) && isPercent(x.moreThan);
  return hasExactly(x, ['atLeast']) && isPercent(x.atLeast);
}

/** schema.ts `rangeSchema`: min and max percents, optional exclusivity flags, min below max. */
function rangeOk(x: unknown): boolean {
  if (x === undefined) return true;
  return isRecord(x) && isPercent(x.min) && isPercent(x.max) && optBoolean(x.minExclusive) && optBoolean(x.maxExclusive) && (x.min as number) < (x.max as number);
}

const ALIAS_KINDS: ReadonlySet<unknown> = new Set<unknown>(aliasKinds);
const nonEmpty = (x: unknown, max: number): boolean => typeof x === 'string' && x.length <= max && x.trim().length > 0;

/** schema.ts `aliasSchema` and `identifierSchema` lists: optional arrays of loose objects. */
function namesOk(aliases: unknown, identifiers: unknown): boolean {
  if (aliases !== undefined) {
    if (!Array.isArray(aliases)) return false;
    for (const a of aliases) {
      if (!isRecord(a) || !nonEmpty(a.name, 500) || (a.kind !== undefined && !ALIAS_KINDS.has(a.kind))) return false;
      if (!optString(a.lang) || !nullishDate(a.since) || !nullishDate(a.until) || !sourcesOk(a.sources)) return false;
    }
  }
  if (identifiers !== undefined) {
    if (!Array.isArray(identifiers)) return false;
    for (const i of identifiers) {
      if (!isRecord(i) || typeof i.scheme !== 'string' || i.scheme.length < 1 || i.scheme.length > 100) return false;
      if (typeof i.id !== 'string' || i.id.length < 1 || i.id.length > 200 || !sourcesOk(i.sources)) return false;
    }
  }
  return true;
}

/** Whether zod's entitySchema accepts `e` (unknown fields pass through, as in the schema). */
export function entityOk(e: unknown): boolean {
  if (!isRecord(e)) return false;
  const { name, boardSize, position } = e;
  if (!isId(e.id) || typeof name !== 'string' || name.length > 500 || name.trim().length === 0) return false;
  if (e.kind !== undefined && !KINDS.has(e.kind)) return false;
  if (e.jurisdiction !== undefined && (typeof e.jurisdiction !== 'string' || !JURISDICTION.test(e.jurisdiction))) return false;
  if (!optBoolean(e.listed) || !optString(e.notes)) return false;
  if (boardSize !== undefined && !(typeof boardSize === 'number' && Number.isInteger(boardSize) && boardSize >= 1 && boardSize <= 10_000)) return false;
  if (!decisionRuleOk(e.decisionRule) || !sourcesOk(e.sources) || !namesOk(e.aliases, e.identifiers)) return false;
  if (position !== undefined) {
    if (!isRecord(position) || !hasExactly(position, ['x', 'y'])) return false;
    if (!isCoordinate(position.x) || !isCoordinate(position.y)) return false;
  }
  return true;
}

/** Whether zod's holdingSchema accepts `h` (unknown fields pass through, as in the schema). */
export function holdingOk(h: unknown): boolean {
  if (!isRecord(h)) return false;
  if (!isId(h.id) || !isId(h.holder) || !isId(h.subject) || !isPercent(h.shares)) return false;
  if (h.votes !== undefined && !isPercent(h.votes)) return false;
  if (h.boardSeats !== undefined && !(typeof h.boardSeats === 'number' && Number.isInteger(h.boardSeats) && h.boardSeats >= 0)) return false;
  if (!nullishDate(h.since) || !nullishDate(h.until) || !optBoolean(h.estimated) || !optString(h.notes)) return false;
  return rangeOk(h.sharesRange) && rangeOk(h.votesRange) && sourcesOk(h.sources);
}

/** Whether every entity and every holding of the raw document passes the schema (both must be arrays). */
export function bulkRecordsOk(raw: Rec): boolean {
  const { entities, holdings } = raw;
  if (!Array.isArray(entities) || !Array.isArray(holdings)) return false;
  for (let i = 0; i < entities.length; i++) if (!entityOk(entities[i])) return false;
  for (let i = 0; i < holdings.length; i++) if (!holdingOk(holdings[i])) return false;
  return true;
}
