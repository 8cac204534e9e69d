// Checked skipping for the BODS columnar reader (cli/bodsColumns.ts): a statement's fields that the plain case never
// reads (publicationDetails, source, an entity's identifiers…) are passed over without a value made of them, but
// checked as JSON.parse would check them (grammar, escapes, UTF-8, nesting), so that a file the general reader refuses
// is never read here. Anything doubtful is NOT_PLAIN: the command line then reads the file the general way, which
// words the error.
import { isUtf8 } from 'node:buffer';
import { NOT_PLAIN, type FlatScan } from './flatScan';

/** Levels a skipped value may nest (the general reader allows 64 in all; a statement's fields sit a few levels down). */
const MAX_DEPTH = 32;

/** Bytes allowed after a backslash (\u is checked on its own). */
const ESCAPES = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPES[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

/** Checks the last string read (FlatScan.str: quotes and raw control characters already checked): its escapes and UTF-8. */
export function checkString(s: FlatScan): void {
  const buf = s.buf;
  if (s.escaped) {
    for (let p = s.sa; p < s.sb; p++) {
      if (buf[p] !== 0x5c) continue;
      const c = buf[p + 1];
      if (c === 0x75) {
        if (!(HEX[buf[p + 2]] && HEX[buf[p + 3]] && HEX[buf[p + 4]] && HEX[buf[p + 5]])) throw NOT_PLAIN;
        p += 5;
      } else if (ESCAPES[c]) p++;
      else throw NOT_PLAIN;
    }
  }
  if (s.wide && !isUtf8(buf.subarray(s.sa, s.sb))) throw NOT_PLAIN;
}

/** The last string read as text, checked first (FlatScan.text alone lets a bad escape reach JSON.parse). */
export function checkedText(s: FlatScan): string {
  checkString(s);
  return s.text();
}

/** Skips one whole value (after whitespace), checked as JSON; `depth` is the level it sits at within the statement. */
export function skipChecked(s: FlatScan, depth = 0): void {
  const c = s.peek();
  if (c === 0x22) {
    s.str();
    if (s.escaped || s.wide) checkString(s);
    return;
  }
  if (c === 0x7b || c === 0x5b) {
    if (depth >= MAX_DEPTH) throw NOT_PLAIN;
    const close = c + 2; // } and ]
    s.pos++;
    if (s.peek() === close) {
      s.pos++;
      return;
    }
    for (;;) {
      if (c === 0x7b) {
        s.str();
        if (s.escaped || s.wide) checkString(s);
        s.expect(0x3a);
      }
      skipChecked(s, depth + 1);
      const d = s.peek();
      s.pos++;
      if (d === close) return;
      if (d !== 0x2c) throw NOT_PLAIN;
    }
  }
  if (c === 0x74 || c === 0x66) {
    s.bool();
    return;
  }
  if (c === 0x6e) {
    s.null();
    return;
  }
  s.num();
}

/**
 * The bytes of a string or value met last time at one place of a statement (a register repeats its dates, notes and
 * publication details in every statement), so that a repeat is passed over, or what was made of it reused, without
 * reading it again. Pure: what is kept depends on the bytes only.
 */
export class Remembered {
  private bytes = Buffer.alloc(64);
  private len = -1;
  /** What was made of the remembered string (a day number, a test's result). */
  value = 0;

  /** Whether the last string read (FlatScan.str) has the remembered bytes. */
  isLast(s: FlatScan): boolean {
    const n = s.sb - s.sa;
    if (n !== this.len) return false;
    const buf = s.buf, b = this.bytes, a = s.sa;
    for (let i = 0; i < n; i++) if (buf[a + i] !== b[i]) return false;
    return true;
  }

  /** Remembers the last string read, and what was made of it. */
  keepLast(s: FlatScan, value: number): void {
    this.keep(s.buf, s.sa, s.sb);
    this.value = value;
  }

  private keep(buf: Buffer, a: number, b: number): void {
    if (b - a > this.bytes.length) this.bytes = Buffer.alloc(Math.max(b - a, this.bytes.length * 2));
    buf.copy(this.bytes, 0, a, b);
    this.len = b - a;
  }

  /**
   * Skips one value as skipChecked does; an object or array with the same bytes as the last one skipped here is passed
   * over at once (it was checked then, at the same depth, and a JSON object or array ends where its bytes end).
   */
  skip(s: FlatScan, depth: number): void {
    const c = s.peek();
    const p = s.pos, n = this.len;
    const nested = c === 0x7b || c === 0x5b;
    if (nested && n > 0 && p + n <= s.end && s.buf.compare(this.bytes, 0, n, p, p + n) === 0) {
      s.pos = p + n;
      return;
    }
    skipChecked(s, depth);
    if (nested) this.keep(s.buf, p, s.pos);
  }
}

/**
 * A value met last time with one string in it that changes from statement to statement (our annotation's record id):
 * its bytes before that string's text and after it, and what reading it gave. A value with the same bytes around a
 * plain string (not empty, no escapes or control characters, valid UTF-8) reads as the last one did, with that string
 * in its place: the same bytes read from the same state give the same result.
 */
export class Template {
  private pre = Buffer.alloc(256);
  private preLength = -1;
  private post = Buffer.alloc(64);
  private postLength = -1;
  /** The string's text in the value that matched: bytes [a, b). */
  a = -1;
  b = -1;
  /** What reading the value gave (the caller's to fill and read). */
  readonly result = [0, 0, 0];

  /** Whether the value at the scanner's position (after whitespace) matches; if so, the scanner is moved past it. */
  match(s: FlatScan): boolean {
    if (this.preLength < 0) return false;
    s.peek();
    const buf = s.buf, end = s.end, p = s.pos, a = p + this.preLength;
    if (a > end || buf.compare(this.pre, 0, this.preLength, p, a) !== 0) return false;
    let q = a, wide = false;
    for (; q < end; q++) {
      const c = buf[q];
      if (c === 0x22) break;
      if (c === 0x5c || c < 0x20) return false;
      if (c >= 0x80) wide = true;
    }
    if (q === a || q + this.postLength > end || buf.compare(this.post, 0, this.postLength, q, q + this.postLength) !== 0) return false;
    if (wide && !isUtf8(buf.subarray(a, q))) return false;
    this.a = a;
    this.b = q;
    s.pos = q + this.postLength;
    return true;
  }

  /** Remembers the value [start, end) of `buf` whose string's text is [a, b) (its result is set by the caller). */
  keep(buf: Buffer, start: number, a: number, b: number, end: number): void {
    if (a - start > this.pre.length) this.pre = Buffer.alloc(2 * (a - start));
    if (end - b > this.post.length) this.post = Buffer.alloc(2 * (end - b));
    buf.copy(this.pre, 0, start, a);
    buf.copy(this.post, 0, b, end);
    this.preLength = a - start;
    this.postLength = end - b;
  }
}
