// A reusable byte buffer for writing large JSON output without building strings: ASCII and UTF-8 text, integers and
// percentages (integer micro-points) are written in place; `take` hands out what was written so far.

const encoder = new TextEncoder();

/** The ASCII digits of 00 … 99, two bytes each. */
const PAIRS = new Uint8Array(200).map((_, i) => 48 + (i & 1 ? (i >> 1) % 10 : ((i >> 1) / 10) | 0));

/** A character JSON.stringify would escape, or one outside ASCII. */
const NOT_PLAIN = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/** An growable output buffer of UTF-8 bytes (a Node Buffer: plain ASCII text is copied in natively). */
export class ByteOut {
  buf: Buffer;
  pos = 0;

  /** `buf`: the buffer to write into first (it is replaced by a larger one when full). */
  constructor(buf = Buffer.allocUnsafe(1 << 20)) {
    this.buf = buf;
  }

  /** Makes room for n more bytes at `pos` (callers then write into `buf` directly). */
  room(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Writes a string as UTF-8. */
  str(s: string) {
    const n = s.length;
    this.room(n * 3);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.pos = p;
        const r = encoder.encodeInto(s.slice(i), buf.subarray(p));
        this.pos = p + r.written;
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /**
   * Writes a string as a JSON string literal, exactly as JSON.stringify(s) does: ASCII text that needs no escape is
   * copied byte by byte (no intermediate string); anything else is left to JSON.stringify.
   */
  json(s: string) {
    const n = s.length;
    this.room(n + 2);
    const buf = this.buf;
    let p = this.pos;
    if (n > 24 && !NOT_PLAIN.test(s)) {
      // A long plain string (an explanation): copied natively.
      buf[p++] = 34;
      p += buf.write(s, p, n, 'latin1');
      buf[p++] = 34;
      this.pos = p;
      return;
    }
    buf[p++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c >= 127 || c === 34 || c === 92) {
        this.str(JSON.stringify(s));
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = 34;
    this.pos = p;
  }

  /** Writes bytes (e.g. a cached, already encoded key); short ones by hand, as TypedArray#set costs more than a short copy. */
  bytes(b: Uint8Array, from = 0, to = b.length) {
    const n = to - from;
    this.room(n);
    if (n > 64) this.buf.set(b.subarray(from, to), this.pos);
    else {
      const buf = this.buf;
      let p = this.pos;
      for (let i = from; i < to; i++) buf[p++] = b[i];
    }
    this.pos += n;
  }

  /** Writes one ASCII character code. */
  char(c: number) {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /** Writes a non-negative integer below 2³¹. */
  uint(k: number) {
    this.room(10);
    this.pos = uintAt(this.buf, this.pos, k);
  }

  /** Writes k micro-points (an integer, 0 ≤ k < 2³¹) as a percentage with up to 6 decimals, as JSON.stringify(k / 1e6) would. */
  micro(k: number) {
    this.room(MICRO_BYTES);
    this.pos = microAt(this.buf, this.pos, k);
  }

  /** A copy of what was written, and an empty buffer. */
  take(): Uint8Array {
    const out = new Uint8Array(this.buf.subarray(0, this.pos)); // a copy (Buffer#slice would share)
    this.pos = 0;
    return out;
  }
}

/** The UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The length in UTF-8 bytes of a string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The most bytes `microAt` writes (10 digits, a point and 6 decimals). */
export const MICRO_BYTES = 17;

/** Writes a non-negative integer below 2³¹ at buf[p] (room made by the caller: 10 bytes); returns the end. */
export function uintAt(buf: Uint8Array, p: number, k: number): number {
  let x = k | 0;
  const digits = x < 10 ? 1 : x < 100 ? 2 : x < 1e3 ? 3 : x < 1e4 ? 4 : x < 1e5 ? 5 : x < 1e6 ? 6 : x < 1e7 ? 7 : x < 1e8 ? 8 : x < 1e9 ? 9 : 10;
  const end = p + digits;
  // Two digits at a time from the end, from the table of pairs; an odd first digit alone.
  let j = end;
  while (x >= 100) {
    const q = (x / 100) | 0;
    const d = (x - q * 100) << 1;
    buf[--j] = PAIRS[d + 1];
    buf[--j] = PAIRS[d];
    x = q;
  }
  if (x >= 10) {
    buf[j - 1] = PAIRS[(x << 1) + 1];
    buf[j - 2] = PAIRS[x << 1];
  } else buf[j - 1] = 48 + x;
  return end;
}

/**
 * Writes k micro-points (an integer, 0 ≤ k < 2³¹) at buf[p] as a percentage with up to 6 decimals, as
 * JSON.stringify(k / 1e6) would (room made by the caller: MICRO_BYTES); returns the end.
 */
export function microAt(buf: Uint8Array, p: number, k: number): number {
  const whole = (k / 1e6) | 0;
  let frac = (k - whole * 1e6) | 0; // an int32: the digits below use integer division, not a floating remainder
  // A whole part below 100 (nearly every figure) from the table of pairs.
  if (whole < 10) buf[p++] = 48 + whole;
  else if (whole < 100) {
    buf[p++] = PAIRS[whole << 1];
    buf[p++] = PAIRS[(whole << 1) + 1];
  } else p = uintAt(buf, p, whole);
  if (frac === 0) return p;
  // Six decimals written two at a time from a table of pairs, then the trailing zeros taken back.
  buf[p] = 46;
  for (let i = 5; i >= 1; i -= 2) {
    const q = (frac / 100) | 0;
    const d = (frac - q * 100) << 1;
    buf[p + i] = PAIRS[d];
    buf[p + i + 1] = PAIRS[d + 1];
    frac = q;
  }
  p += 7;
  while (buf[p - 1] === 48) p--;
  return p;
}
