// A set of byte strings numbered in the order they were added (0, 1, 2 …), looked up by their bytes without making
// a JavaScript string: the columnar reader (cli/columnarRead.ts) resolves tens of millions of holder and subject ids
// and checks as many holding ids for duplicates this way. While the keys are a running number behind a fixed prefix
// ("e0", "e1", "e2" …, as exports and our generator number records), a key's number is read from its digits and
// nothing is stored. Past the first key that breaks the run, open addressing over typed arrays (no object per key): a
// key of up to 8 bytes is kept in its slot, so that finding it reads one cache line; longer keys are compared with
// their copy in an arena.

/** FNV-1a hash of bytes [a, b) of `buf`, with murmur3's finaliser so that the low bits depend on every byte. */
export function hashBytes(buf: Uint8Array, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Keys numbered below this (the key's length sits in a slot's top bits). */
export const MAX_KEYS = (1 << 27) - 1;
const INLINE = 8;
const STRIDE = 4;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Digits in a running number: below 2^53, so that it counts exactly. */
const MAX_DIGITS = 15;

export class ByteKeys {
  /** True while key k is `prefix` followed by base + k in decimal, written without leading zeros. */
  private numbered = true;
  private prefix = new Uint8Array(0);
  private base = 0;
  /** Four numbers a slot: the hash; key number + 1 (0 = empty) with the key's length (up to 9, "longer") in bits 27–30; the first 8 bytes. */
  private slots = new Int32Array(STRIDE << 12);
  /** Where each long key's bytes start in the arena (short keys take no room there). */
  private starts = new Int32Array((1 << 12) + 1);
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  size = 0;
  private w0 = 0;
  private w1 = 0;

  /** The first 8 bytes of [a, b) packed into w0 and w1, zero-padded. */
  private pack(buf: Uint8Array, a: number, b: number): void {
    let w0 = 0, w1 = 0;
    const n = Math.min(b - a, INLINE);
    for (let i = 0; i < n; i++) {
      if (i < 4) w0 |= buf[a + i] << (8 * i);
      else w1 |= buf[a + i] << (8 * (i - 4));
    }
    this.w0 = w0;
    this.w1 = w1;
  }

  /**
   * The running number written by bytes [a, b) of `buf` (the prefix, then decimal digits without a leading zero), or
   * −1. The prefix ends in a non-digit, so these bytes are the key of exactly that number and of no other.
   */
  private numberOf(buf: Uint8Array, a: number, b: number): number {
    const p = this.prefix, d = a + p.length, len = b - d;
    if (len < 1 || len > MAX_DIGITS || (len > 1 && buf[d] === 0x30)) return -1;
    for (let i = 0; i < p.length; i++) if (buf[a + i] !== p[i]) return -1;
    let x = 0;
    for (let i = d; i < b; i++) {
      const c = buf[i];
      if (!isDigit(c)) return -1;
      x = x * 10 + (c - 0x30);
    }
    return x;
  }

  /** Takes the first key's prefix and number, or leaves the running numbers for the hash table. */
  private startRun(buf: Uint8Array, a: number, b: number): void {
    let d = b;
    while (d > a && isDigit(buf[d - 1])) d--;
    this.prefix = new Uint8Array(buf.subarray(a, d)); // a copy: the buffer is read into again
    this.base = this.numberOf(buf, a, b);
    if (this.base < 0) this.numbered = false;
  }

  /** Moves the keys of the run into the hash table, written out again from their numbers, with the same key numbers. */
  private leaveRun(): void {
    const count = this.size, p = this.prefix;
    this.numbered = false;
    this.size = 0;
    const bytes = new Uint8Array(p.length + MAX_DIGITS + 1);
    bytes.set(p);
    for (let k = 0; k < count; k++) {
      const digits = String(this.base + k);
      for (let i = 0; i < digits.length; i++) bytes[p.length + i] = digits.charCodeAt(i);
      this.add(bytes, 0, p.length + digits.length);
    }
  }

  /** The number of the key bytes [a, b) of `buf`, or −1 when it is not in the set. */
  get(buf: Uint8Array, a: number, b: number): number {
    if (this.numbered) {
      const x = this.size ? this.numberOf(buf, a, b) : -1;
      return x >= this.base && x - this.base < this.size ? x - this.base : -1;
    }
    const s = this.find(buf, a, b, hashBytes(buf, a, b));
    const tag = this.slots[s * STRIDE + 1];
    return tag === 0 ? -1 : (tag & MAX_KEYS) - 1;
  }

  /** Adds the key bytes [a, b) of `buf` and returns its number; −1 − the number of the same key when it was there already. */
  add(buf: Uint8Array, a: number, b: number): number {
    if (this.size >= MAX_KEYS - 1) throw new RangeError(`cli/byteKeys: more than ${MAX_KEYS} keys`);
    if (this.numbered) {
      if (this.size === 0) this.startRun(buf, a, b);
      const x = this.numbered ? this.numberOf(buf, a, b) : -1;
      if (x >= 0 && x - this.base === this.size) return this.size++;
      if (x >= this.base && x - this.base < this.size) return -1 - (x - this.base);
      if (this.numbered) this.leaveRun();
    }
    const h = hashBytes(buf, a, b);
    if ((this.size + 1) * 2 * STRIDE > this.slots.length) this.grow();
    const s = this.find(buf, a, b, h);
    const slots = this.slots;
    if (slots[s * STRIDE + 1] !== 0) return -1 - ((slots[s * STRIDE + 1] & MAX_KEYS) - 1);
    const k = this.size++;
    const len = b - a;
    if (k + 1 >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.starts[k] = this.used;
    if (len > INLINE) {
      const at = this.used;
      if (at + len > this.arena.length) {
        let size = this.arena.length * 2;
        while (size < at + len) size *= 2;
        const arena = new Uint8Array(size);
        arena.set(this.arena.subarray(0, at));
        this.arena = arena;
      }
      const arena = this.arena;
      for (let i = 0; i < len; i++) arena[at + i] = buf[a + i];
      this.used = at + len;
    }
    this.starts[k + 1] = this.used;
    slots[s * STRIDE] = h;
    slots[s * STRIDE + 1] = (k + 1) | (Math.min(len, INLINE + 1) << 27);
    slots[s * STRIDE + 2] = this.w0;
    slots[s * STRIDE + 3] = this.w1;
    return k;
  }

  /** The slot holding the key [a, b), or the empty slot where it would go. */
  private find(buf: Uint8Array, a: number, b: number, h: number): number {
    const slots = this.slots, mask = slots.length / STRIDE - 1;
    const len = b - a, lenTag = Math.min(len, INLINE + 1);
    this.pack(buf, a, b);
    const w0 = this.w0, w1 = this.w1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const tag = slots[s * STRIDE + 1];
      if (tag === 0) return s;
      if (slots[s * STRIDE] !== h || tag >>> 27 !== lenTag || slots[s * STRIDE + 2] !== w0 || slots[s * STRIDE + 3] !== w1) continue;
      if (len <= INLINE || this.sameTail((tag & MAX_KEYS) - 1, buf, a, b)) return s;
    }
  }

  /** Whether long key k has the bytes [a, b) (its length and first 8 bytes already match). */
  private sameTail(k: number, buf: Uint8Array, a: number, b: number): boolean {
    const at = this.starts[k], len = this.starts[k + 1] - at;
    if (len !== b - a) return false;
    for (let i = INLINE; i < len; i++) if (this.arena[at + i] !== buf[a + i]) return false;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / STRIDE - 1;
    for (let o = 0; o < old.length; o += STRIDE) {
      if (old[o + 1] === 0) continue;
      let s = old[o] & mask;
      while (slots[s * STRIDE + 1] !== 0) s = (s + 1) & mask;
      for (let j = 0; j < STRIDE; j++) slots[s * STRIDE + j] = old[o + j];
    }
    this.slots = slots;
  }
}
