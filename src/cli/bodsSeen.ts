// Which byte strings have been seen, by two 32-bit hashes of their bytes (no copy of the bytes kept): the BODS columnar
// reader (cli/bodsColumns.ts) checks hundreds of thousands of statementIds and relationship record ids for repeats this
// way. Two different strings with the same 64 bits are reported as a repeat: the reader then declines the file and the
// general reader, which compares the strings, reads it (about one chance in 10^8 for a million ids). Never the reverse.

export class SeenHashes {
  /** Pairs of hashes; (0, 0) is an empty slot (a string hashing to it is stored as (0, 1)). */
  private slots: Int32Array;
  private size = 0;

  /** `expected`: about how many strings will be added (the table is made for them at once). */
  constructor(expected = 0) {
    let n = 1 << 12;
    while (n < expected * 2 && n < 1 << 26) n *= 2;
    this.slots = new Int32Array(2 * n);
  }

  /** Adds bytes [a, b) of `buf`; false when a string with the same hashes was added before. */
  add(buf: Uint8Array, a: number, b: number): boolean {
    // Four bytes at a time (murmur3's mixing, two seeds), then the last one to three.
    let h1 = 0x811c9dc5 ^ (b - a), h2 = 0x01000193 + (b - a);
    let i = a;
    for (; i + 4 <= b; i += 4) {
      let k = buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
      k = Math.imul(k, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      h1 ^= k;
      h1 = (Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64) | 0;
      h2 = Math.imul(h2 ^ k, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    for (; i < b; i++) {
      h1 = Math.imul(h1 ^ buf[i], 0x01000193);
      h2 = Math.imul(h2 ^ buf[i], 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
    h1 ^= h1 >>> 13;
    h1 = Math.imul(h1, 0xc2b2ae35);
    h1 ^= h1 >>> 16;
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    if (h1 === 0 && h2 === 0) h2 = 1;
    if ((this.size + 1) * 4 > this.slots.length) this.grow();
    return this.put(this.slots, h1, h2);
  }

  private put(slots: Int32Array, h1: number, h2: number): boolean {
    const mask = (slots.length >> 1) - 1;
    for (let s = h1 & mask; ; s = (s + 1) & mask) {
      const x = slots[2 * s], y = slots[2 * s + 1];
      if (x === 0 && y === 0) {
        slots[2 * s] = h1;
        slots[2 * s + 1] = h2;
        this.size++;
        return true;
      }
      if (x === h1 && y === h2) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.size = 0;
    for (let s = 0; s < old.length; s += 2) if (old[s] !== 0 || old[s + 1] !== 0) this.put(this.slots, old[s], old[s + 1]);
  }
}
