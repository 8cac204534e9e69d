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
    // "key":
    if (p >= end || buf[p] !== QUOTE) return false;
    const ka = p + 1, kb = plainString(buf, ka, end);
    if (kb < 0 || kb + 1 >= end || buf[kb + 1] !== COLON) return false;
    const len = kb - ka;
    p = kb + 2;
    if (p >= end) return false;
    if (buf[p] === QUOTE) {
      // A string: the id, the holder or the subject.
      const a = p + 1, b = plainString(buf, a, end);
      if (b < 0) return false;
      if (len === 2 && buf[ka] === 0x69 && buf[ka + 1] === 0x64) {
        if (b === a || b - a > 200) return false;
        f.ha = a;
        f.hb = b;
      } else {
        const v = keys.get(buf, a, b);
        if (v < 0) return false;
        const w = word(buf, ka);
        if (len === 6 && w === HOLD && buf[ka + 4] === 0x65 && buf[ka + 5] === 0x72) f.holder = v;
        else if (len === 7 && w === SUBJ && buf[ka + 4] === 0x65 && buf[ka + 5] === 0x63 && buf[ka + 6] === 0x74) f.subject = v;
        else return false;
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
      const w = word(buf, ka);
      if (len === 6 && w === SHAR && buf[ka + 4] === 0x65 && buf[ka + 5] === 0x73) f.shares = x;
      else if (len === 5 && w === VOTE && buf[ka + 4] === 0x73) f.votes = x;
      else return false;
    }
    if (p >= end) return false;
    const c = buf[p++];
    if (c === CLOSE) break;
    if (c !== COMMA) return false;
  }
  s.pos = p;
  return true;
}

/** Four bytes from `a` as one number (the first in the low bits); a key's first four letters are compared at once. */
function word(buf: Uint8Array, a: number): number {
  return buf[a] | (buf[a + 1] << 8) | (buf[a + 2] << 16) | (buf[a + 3] << 24);
}

const HOLD = word(new TextEncoder().encode('hold'), 0), SUBJ = word(new TextEncoder().encode('subj'), 0);
const SHAR = word(new TextEncoder().encode('shar'), 0), VOTE = word(new TextEncoder().encode('vote'), 0);
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
    if (p >= end || buf[p] !== QUOTE) return false;
    const ka = p + 1, kb = plainString(buf, ka, end);
    if (kb < 0 || kb + 1 >= end || buf[kb + 1] !== COLON) return false;
    const len = kb - ka;
    p = kb + 2;
    if (p >= end || buf[p] !== QUOTE) return false;
    const a = p + 1, b = plainString(buf, a, end);
    if (b < 0) return false;
    const w = word(buf, ka);
    if (len === 2 && buf[ka] === 0x69 && buf[ka + 1] === 0x64) {
      if (b === a || b - a > 200) return false;
      f.ka = a;
      f.kb = b;
    } else if (len === 4 && w === NAME) {
      // Printable ASCII, not blank, at most 500 characters.
      if (b - a > 500) return false;
      let i = a;
      while (i < b && buf[i] === 0x20) i++;
      if (i === b) return false;
      f.na = a;
      f.nb = b;
      f.units = b - a;
    } else if (len === 4 && w === KIND) {
      let k = kinds.length - 1;
      for (; k >= 0; k--) if (equal(kinds[k], buf, a, b)) break;
      if (k < 0) return false;
      f.kind = k;
    } else if (len === 12 && w === JURI) {
      if (b - a !== 2 || !(buf[a] >= 0x41 && buf[a] <= 0x5a && buf[a + 1] >= 0x41 && buf[a + 1] <= 0x5a)) return false;
      if (!equal(JURISDICTION, buf, ka, kb)) return false;
    } else return false;
    p = b + 1;
    if (p >= end) return false;
    const c = buf[p++];
    if (c === CLOSE) break;
    if (c !== COMMA) return false;
  }
  s.pos = p;
  return true;
}

/** Whether bytes [a, b) of `buf` are `key`. */
function equal(key: Uint8Array, buf: Uint8Array, a: number, b: number): boolean {
  if (b - a !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (buf[a + i] !== key[i]) return false;
  return true;
}
