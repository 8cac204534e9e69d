// A reusable byte buffer for writing large JSON output without building strings: ASCII and UTF-8 text, integers and
// percentages (integer micro-points) are written in place; `take` hands out what was written so far.

const encoder = new TextEncoder();

/** An growable output buffer of UTF-8 bytes. */
export class ByteOut {
  buf = new Uint8Array(1 << 20);
  pos = 0;

  private room(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
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
    this.room(16);
    const buf = this.buf;
    if (k < 10) {
      buf[this.pos++] = 48 + k;
      return;
    }
    let digits = 0;
    for (let x = k; x > 0; x = (x / 10) | 0) digits++;
    let p = this.pos + digits;
    this.pos = p;
    for (let x = k; x > 0; x = (x / 10) | 0) buf[--p] = 48 + (x % 10);
  }

  /** Writes k micro-points (an integer, 0 ≤ k < 2³¹) as a percentage with up to 6 decimals, as JSON.stringify(k / 1e6) would. */
  micro(k: number) {
    const whole = (k / 1e6) | 0;
    let frac = k - whole * 1e6;
    this.uint(whole);
    if (frac === 0) return;
    // Six decimals written at once, then the trailing zeros taken back.
    this.room(8);
    const buf = this.buf;
    let p = this.pos;
    buf[p] = 46;
    for (let i = 6; i >= 1; i--, frac = (frac / 10) | 0) buf[p + i] = 48 + (frac % 10);
    p += 7;
    while (buf[p - 1] === 48) p--;
    this.pos = p;
  }

  /** A copy of what was written, and an empty buffer. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
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
