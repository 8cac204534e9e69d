// The usual records of a register read in one pass over their bytes, for the columnar reader (cli/columnarRead.ts):
// no whitespace, keys without escapes, ids of printable ASCII, numbers of up to 15 digits with at most one point.
// Anything else, or the buffer's end, and the reader reads the record again its general way (FlatScan), which reads
// every record JSON.parse reads, the same; so this path only ever gives the general path's values, sooner.
import type { ByteKeys } from './byteKeys';
import type { FlatScan } from './flatScan';
import { ASCII } from './tableNames';

/**
 * A holding's fields as read: the id's bytes [ha, hb), entity numbers, percentages (votes NaN when not given), dates as
 * YYYYMMDD (0 when not given).
 */
export interface HoldingFields {
  ha: number;
  hb: number;
  holder: number;
  subject: number;
  shares: number;
  votes: number;
  since: number;
  until: number;
}

/**
 * An entity's fields as read: the id's bytes [ka, kb) and its string (null: made from the bytes, printable ASCII); the
 * name's bytes [na, nb), or its string when it was read through escapes, its length in UTF-16 units and its kind
 * (cli/tableNames.ts); the entity kind's number (−1 when not given).
 */
export interface EntityFields {
  ka: number;
  kb: number;
  id: string | null;
  na: number;
  nb: number;
  escapedName: string | null;
  units: number;
  nameKind: number;
  kind: number;
}

const QUOTE = 0x22, COLON = 0x3a, COMMA = 0x2c, CLOSE = 0x7d;
/** Powers of ten exact in a double: m / 10^k is then correctly rounded, as JSON.parse rounds. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Where the string starting after the quote at `p` closes, when it holds only printable ASCII and no escape; else −1. */
function plainString(buf: Uint8Array, p: number, end: number): number {
  for (; p < end; p++) {
    const c = buf[p];
    if (c === QUOTE) return p;
    if (c < 0x20 || c >= 0x7f || c === 0x5c) return -1;
  }
  return -1;
}

/**
 * Reads the holding record at `s.pos` into `f` and moves past it; false (nothing moved) when the record is not in the
 * usual form: the caller reads it the general way. Keys other than id, holder, subject, shares and votes are left to
 * the general way too.
 */
export function readHolding(s: FlatScan, keys: ByteKeys, f: HoldingFields): boolean {
  const buf = s.buf, end = s.end;
  let p = s.pos;
  if (p >= end || buf[p] !== 0x7b) return false;
  p++;
  f.ha = -1;
  f.holder = -1;
  f.subject = -1;
  f.shares = NaN;
  f.votes = NaN;
  f.since = 0;
  f.until = 0;
  for (;;) {
    // "key": recognised by its bytes where it stands (no scan for its end).
    const key = holdingKey(buf, p, end);
    if (key === 0) return false;
    p += KEY_BYTES[key];
    if (key <= SUBJECT) {
      // A string: the id, the holder or the subject.
      if (buf[p] !== QUOTE) return false;
      const a = p + 1, b = plainString(buf, a, end);
      if (b < 0) return false;
      if (key === ID) {
        if (b === a || b - a > 200) return false;
        f.ha = a;
        f.hb = b;
      } else {
        const v = keys.get(buf, a, b);
        if (v < 0) return false;
        if (key === HOLDER) f.holder = v;
        else f.subject = v;
      }
      p = b + 1;
    } else {
      // A number: shares or votes, 0 to 100.
      let m = 0, digits = 0, frac = -1;
      const a = p;
      for (; p < end; p++) {
        const c = buf[p];
        if (c >= 0x30 && c <= 0x39) {
          m = m * 10 + (c - 0x30);
          digits++;
          if (frac >= 0) frac++;
        } else if (c === 0x2e && frac < 0) frac = 0;
        else break;
      }
      // JSON's digits: one before the point at least, none after a leading zero, one after the point at least.
      const c0 = buf[a];
      if (p >= end || c0 < 0x30 || c0 > 0x39 || digits > 15 || frac === 0 || (c0 === 0x30 && digits > 1 && buf[a + 1] !== 0x2e)) return false;
      const x = frac > 0 ? m / POW10[frac] : m;
      if (!(x <= 100)) return false;
      if (key === SHARES) f.shares = x;
      else f.votes = x;
    }
    if (p >= end) return false;
    const c = buf[p++];
    if (c === CLOSE) break;
    if (c !== COMMA) return false;
  }
  s.pos = p;
  return true;
}

/** The keys of a holding the fast path reads, and the bytes each takes with its quotes and colon. */
const ID = 1, HOLDER = 2, SUBJECT = 3, SHARES = 4, VOTES = 5;
const KEY_BYTES = [0, 5, 9, 10, 9, 8];

/** Which of the keys the fast path reads ("id", "holder", "subject", "shares", "votes") stands at `p`, colon included; 0 for any other. */
function holdingKey(buf: Uint8Array, p: number, end: number): number {
  if (p + 11 >= end || buf[p] !== QUOTE) return 0;
  const w = word(buf, p + 1);
  if ((w & 0xffffff) === ID_) return buf[p + 4] === COLON ? ID : 0;
  if (w === HOLD) return buf[p + 5] === 0x65 && buf[p + 6] === 0x72 && buf[p + 7] === QUOTE && buf[p + 8] === COLON ? HOLDER : 0;
  if (w === SUBJ) return buf[p + 5] === 0x65 && buf[p + 6] === 0x63 && buf[p + 7] === 0x74 && buf[p + 8] === QUOTE && buf[p + 9] === COLON ? SUBJECT : 0;
  if (w === SHAR) return buf[p + 5] === 0x65 && buf[p + 6] === 0x73 && buf[p + 7] === QUOTE && buf[p + 8] === COLON ? SHARES : 0;
  if (w === VOTE) return buf[p + 5] === 0x73 && buf[p + 6] === QUOTE && buf[p + 7] === COLON ? VOTES : 0;
  return 0;
}

/** Four bytes from `a` as one number (the first in the low bits); a key's first four letters are compared at once. */
function word(buf: Uint8Array, a: number): number {
  return buf[a] | (buf[a + 1] << 8) | (buf[a + 2] << 16) | (buf[a + 3] << 24);
}

const HOLD = word(new TextEncoder().encode('hold'), 0), SUBJ = word(new TextEncoder().encode('subj'), 0);
const SHAR = word(new TextEncoder().encode('shar'), 0), VOTE = word(new TextEncoder().encode('vote'), 0);
const ID_ = word(new TextEncoder().encode('id"\0'), 0);
const NAME = word(new TextEncoder().encode('name'), 0), KIND = word(new TextEncoder().encode('kind'), 0);
const JURISDICTION = new TextEncoder().encode('jurisdiction'), JURI = word(JURISDICTION, 0);

/**
 * Reads the entity record at `s.pos` into `f` and moves past it; false (nothing moved) when the record is not in the
 * usual form: id, a name of printable ASCII, kind and jurisdiction. `kinds`: the entity kinds' bytes, in order.
 */
export function readEntity(s: FlatScan, kinds: readonly Uint8Array[], f: EntityFields): boolean {
  const buf = s.buf, end = s.end;
  let p = s.pos;
  if (p >= end || buf[p] !== 0x7b) return false;
  p++;
  f.ka = -1;
  f.id = null;
  f.na = -1;
  f.escapedName = null;
  f.nameKind = ASCII;
  f.kind = -1;
  for (;;) {
    // "key":" recognised by its bytes where it stands; then the string's bytes [a, b).
    const key = entityKey(buf, p, end);
    if (key === 0) return false;
    const a = p + KEY_BYTES_ENTITY[key] + 1;
    if (key === JURISDICTION_KEY) {
      // Two capital letters.
      if (!(buf[a] >= 0x41 && buf[a] <= 0x5a && buf[a + 1] >= 0x41 && buf[a + 1] <= 0x5a && buf[a + 2] === QUOTE)) return false;
      p = a + 3;
    } else {
      const b = plainString(buf, a, end);
      if (b < 0) return false;
      if (key === ID) {
        if (b === a || b - a > 200) return false;
        f.ka = a;
        f.kb = b;
      } else if (key === NAME_KEY) {
        // Printable ASCII, not blank, at most 500 characters.
        if (b - a > 500) return false;
        let i = a;
        while (i < b && buf[i] === 0x20) i++;
        if (i === b) return false;
        f.na = a;
        f.nb = b;
        f.units = b - a;
      } else {
        let k = kinds.length - 1;
        for (; k >= 0; k--) if (equal(kinds[k], buf, a, b)) break;
        if (k < 0) return false;
        f.kind = k;
      }
      p = b + 1;
    }
    if (p >= end) return false;
    const c = buf[p++];
    if (c === CLOSE) break;
    if (c !== COMMA) return false;
  }
  s.pos = p;
  return true;
}

/** The keys of an entity the fast path reads, and the bytes each takes with its quotes and colon. */
const NAME_KEY = 2, KIND_KEY = 3, JURISDICTION_KEY = 4;
const KEY_BYTES_ENTITY = [0, 5, 7, 7, 15];

/** Which of "id", "name", "kind", "jurisdiction" stands at `p`, its colon and the value's opening quote included; 0 for any other. */
function entityKey(buf: Uint8Array, p: number, end: number): number {
  if (p + 17 >= end || buf[p] !== QUOTE) return 0;
  const w = word(buf, p + 1);
  if ((w & 0xffffff) === ID_) return buf[p + 4] === COLON && buf[p + 5] === QUOTE ? ID : 0;
  if (w === NAME || w === KIND) return buf[p + 5] === QUOTE && buf[p + 6] === COLON && buf[p + 7] === QUOTE ? (w === NAME ? NAME_KEY : KIND_KEY) : 0;
  if (w === JURI) return equal(JURISDICTION, buf, p + 1, p + 13) && buf[p + 13] === QUOTE && buf[p + 14] === COLON && buf[p + 15] === QUOTE ? JURISDICTION_KEY : 0;
  return 0;
}

/** Whether bytes [a, b) of `buf` are `key`. */
function equal(key: Uint8Array, buf: Uint8Array, a: number, b: number): boolean {
  if (b - a !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (buf[a + i] !== key[i]) return false;
  return true;
}
