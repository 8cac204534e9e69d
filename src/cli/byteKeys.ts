// A set of byte strings numbered in the order they were added (0, 1, 2 …), looked up by their bytes without making
// a JavaScript string: the columnar reader (cli/columnarRead.ts) resolves tens of millions of holder and subject ids
// and checks as many holding ids for duplicates this way. Open addressing over typed arrays: no object per key.

/** FNV-1a hash of bytes [a, b) of `buf`. */
export function hashBytes(buf: Uint8Array, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  // murmur3's finaliser: the low bits that pick a slot depend on every byte.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

const EMPTY = 0;

export class ByteKeys {
  /** Two numbers a slot: the key's hash, and its number + 1 (0 = empty), so a probe reads one cache line. */
  private slots = new Int32Array(1 << 17);
  private hashes = new Int32Array(1 << 12);
  private starts = new Int32Array((1 << 12) + 1);
  private arena = new Uint8Array(1 << 16);
  size = 0;

  /** The number of the key bytes [a, b) of `buf`, or −1 when it is not in the set. */
  get(buf: Uint8Array, a: number, b: number, h = hashBytes(buf, a, b)): number {
    const slots = this.slots, mask = (slots.length >> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = slots[2 * s + 1] - 1;
      if (k < 0) return -1;
      if (slots[2 * s] === h && this.equal(k, buf, a, b)) return k;
    }
  }

  /** Adds the key bytes [a, b) of `buf` and returns its number; −1 − the number of the same key when it was there already. */
  add(buf: Uint8Array, a: number, b: number, h = hashBytes(buf, a, b)): number {
    if ((this.size + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots, mask = (slots.length >> 1) - 1;
    let s = h & mask;
    for (; slots[2 * s + 1] !== EMPTY; s = (s + 1) & mask) {
      const k = slots[2 * s + 1] - 1;
      if (slots[2 * s] === h && this.equal(k, buf, a, b)) return -1 - k;
    }
    const k = this.size++;
    if (k >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const starts = new Int32Array(this.hashes.length + 1);
      starts.set(this.starts);
      this.starts = starts;
    }
    const at = this.starts[k], len = b - a;
    if (at + len > this.arena.length) {
      let size = this.arena.length * 2;
      while (size < at + len) size *= 2;
      const arena = new Uint8Array(size);
      arena.set(this.arena.subarray(0, at));
      this.arena = arena;
    }
    const arena = this.arena;
    for (let i = 0; i < len; i++) arena[at + i] = buf[a + i];
    this.starts[k + 1] = at + len;
    this.hashes[k] = h;
    slots[2 * s] = h;
    slots[2 * s + 1] = k + 1;
    return k;
  }

  private equal(k: number, buf: Uint8Array, a: number, b: number): boolean {
    const at = this.starts[k], len = this.starts[k + 1] - at;
    if (len !== b - a) return false;
    for (let i = 0; i < len; i++) if (this.arena[at + i] !== buf[a + i]) return false;
    return true;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < this.size; k++) {
      const h = this.hashes[k];
      let s = h & mask;
      while (slots[2 * s + 1] !== EMPTY) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = k + 1;
    }
    this.slots = slots;
  }
}
