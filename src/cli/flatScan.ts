// A JSON scanner over a byte buffer for the columnar reader (cli/columnarRead.ts): whitespace, flat values (strings,
// numbers, literals), keys compared as bytes, and whole values skipped. It accepts only what JSON.parse accepts and
// gives the same numbers and strings. Two signals instead of results: MORE when the buffer ends inside a step (the
// reader refills and runs the step again), NOT_PLAIN when the bytes are outside what the columnar path reads (the
// command line then reads the file the general way, which also words any error).

import { readSync } from 'node:fs';

/** The buffer ended inside a step: refill and run the step again. */
export const MORE = Symbol('more');
/** Not something the columnar path reads: use the general reader. */
export const NOT_PLAIN = Symbol('not plain');

const QUOTE = 0x22, BACKSLASH = 0x5c;
const fatal = new TextDecoder('utf-8', { fatal: true });
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
/** Powers of ten exact in a double: m / 10^k is then correctly rounded, as JSON.parse rounds. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export class FlatScan {
  buf: Buffer = Buffer.alloc(0);
  pos = 0;
  end = 0;
  /** True once the whole file is in the buffer: running out then is a malformed file, not a refill. */
  eof = false;
  /** The last string read: bytes [sa, sb) between its quotes, and whether it had escapes or non-ASCII bytes. */
  sa = 0;
  sb = 0;
  escaped = false;
  wide = false;

  /**
   * Keeps the unread tail at the buffer's start (doubling the buffer when the tail fills it: one value longer than a
   * piece) and fills the rest from `fd`, whose bytes up to `at` are read; returns how far the file is read now.
   */
  refill(fd: number, at: number): number {
    const tail = this.end - this.pos;
    if (tail === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, this.pos, this.end);
      this.buf = bigger;
    } else this.buf.copy(this.buf, 0, this.pos, this.end);
    this.pos = 0;
    this.end = tail;
    while (!this.eof && this.end < this.buf.length) {
      const n = readSync(fd, this.buf, this.end, this.buf.length - this.end, at);
      if (n <= 0) this.eof = true;
      at += n;
      this.end += n;
    }
    return at;
  }

  /** Signals MORE (or NOT_PLAIN at the end of the file: it ends inside a value). */
  more(): never {
    throw this.eof ? NOT_PLAIN : MORE;
  }

  /** The next byte after whitespace, not consumed. */
  peek(): number {
    const buf = this.buf;
    let p = this.pos;
    for (;;) {
      if (p >= this.end) {
        this.pos = p;
        this.more();
      }
      const c = buf[p];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
    }
    this.pos = p;
    return buf[p];
  }

  /** Consumes byte `c` after whitespace, or signals NOT_PLAIN. */
  expect(c: number): void {
    if (this.peek() !== c) throw NOT_PLAIN;
    this.pos++;
  }

  /** Reads a string (after whitespace) into sa/sb/escaped/wide. */
  str(): void {
    this.expect(QUOTE);
    const buf = this.buf, end = this.end;
    let p = this.pos, escaped = false, wide = false;
    for (;;) {
      if (p >= end) this.more();
      const c = buf[p];
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        p++;
      } else if (c < 0x20) throw NOT_PLAIN; // a raw control character: JSON.parse refuses it
      else if (c >= 0x80) wide = true;
      p++;
    }
    this.sa = this.pos;
    this.sb = p;
    this.escaped = escaped;
    this.wide = wide;
    this.pos = p + 1;
  }

  /** The last string read as JavaScript text (its escapes and UTF-8 decoded as JSON.parse does; bad UTF-8 is NOT_PLAIN). */
  text(): string {
    if (!this.escaped && !this.wide) return this.buf.toString('latin1', this.sa, this.sb);
    let raw: string;
    try {
      raw = fatal.decode(this.buf.subarray(this.sa - 1, this.sb + 1));
    } catch {
      throw NOT_PLAIN;
    }
    return this.escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** Whether the last string read is exactly the ASCII bytes `key`. */
  is(key: Uint8Array): boolean {
    if (this.sb - this.sa !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.buf[this.sa + i] !== key[i]) return false;
    return true;
  }

  /** A number (after whitespace), exactly as JSON.parse reads it; anything else is NOT_PLAIN. */
  num(): number {
    const buf = this.buf;
    const c0 = this.peek();
    let p = this.pos;
    if (!((c0 >= 0x30 && c0 <= 0x39) || c0 === 0x2d)) throw NOT_PLAIN;
    // Fast path: digits with at most one point, at most 15 digits in all, no leading zero before more digits.
    let m = 0, digits = 0, frac = -1, simple = true;
    const a = p;
    for (;; p++) {
      if (p >= this.end) {
        this.pos = a;
        this.more();
      }
      const c = buf[p];
      if (c >= 0x30 && c <= 0x39) {
        m = m * 10 + (c - 0x30);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === 0x2e && frac < 0) frac = 0;
      else if (c === 0x2d || c === 0x2b || c === 0x65 || c === 0x45 || c === 0x2e) simple = false;
      else break;
    }
    this.pos = p;
    if (simple && digits <= 15 && frac !== 0 && !(buf[a] === 0x30 && digits > 1 && buf[a + 1] !== 0x2e)) return frac > 0 ? m / POW10[frac] : m;
    const s = buf.toString('latin1', a, p);
    if (!JSON_NUMBER.test(s)) throw NOT_PLAIN;
    return Number(s);
  }

  /** true or false (after whitespace); anything else is NOT_PLAIN. */
  bool(): boolean {
    const c = this.peek();
    const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : '';
    if (!word) throw NOT_PLAIN;
    this.literal(word);
    return c === 0x74;
  }

  /** Whether the next value is null (consumed when it is). */
  null(): boolean {
    if (this.peek() !== 0x6e) return false;
    this.literal('null');
    return true;
  }

  private literal(word: string): void {
    if (this.pos + word.length > this.end) this.more();
    for (let i = 0; i < word.length; i++) if (this.buf[this.pos + i] !== word.charCodeAt(i)) throw NOT_PLAIN;
    this.pos += word.length;
  }

  /** Skips one whole value (after whitespace): strings and nesting tracked; its bytes are [start, pos) after. */
  skipValue(): number {
    const c = this.peek();
    const start = this.pos;
    if (c === QUOTE) {
      this.str();
      return start;
    }
    if (c !== 0x7b && c !== 0x5b) {
      // A number or a literal: up to the next delimiter.
      let p = this.pos;
      for (;; p++) {
        if (p >= this.end) this.more();
        const b = this.buf[p];
        if (b === 0x2c || b === 0x7d || b === 0x5d || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) break;
      }
      this.pos = p;
      return start;
    }
    let depth = 0, inString = false, escaped = false;
    for (let p = this.pos; ; p++) {
      if (p >= this.end) this.more();
      const b = this.buf[p];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) inString = true;
      else if (b === 0x7b || b === 0x5b) depth++;
      else if ((b === 0x7d || b === 0x5d) && --depth === 0) {
        this.pos = p + 1;
        return start;
      }
    }
  }
}

/** The ASCII bytes of a key. */
export const key = (s: string): Uint8Array => new TextEncoder().encode(s);
