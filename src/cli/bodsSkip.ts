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
