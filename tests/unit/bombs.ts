// Zip bombs built bit by bit, in milliseconds: a DEFLATE stream (fixed Huffman codes) of one zero byte followed by
// back-references of 258 bytes at distance 1, 13 bits each — what compressing that many zeros would give, without
// compressing them (compressing 151 MB of zeros took seconds and timed the suite out on a loaded machine).

/** A stream that inflates to at least `bytes` zero bytes; zlib-wrapped (with its checksum) unless `zlib` is false. */
export function zeroBomb(bytes: number, zlib = true): Uint8Array {
  const matches = Math.max(0, Math.ceil((bytes - 1) / 258));
  const total = 1 + matches * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + 7) / 8) + 1);
  let pos = 0, bit = 0;
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++) {
      if ((value >> i) & 1) out[pos] |= 1 << bit;
      if (++bit === 8) [bit, pos] = [0, pos + 1];
    }
  };
  /** A Huffman code goes most significant bit first. */
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) put((value >> i) & 1, 1);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE 01: fixed Huffman codes
  code(0x30, 8); // literal 0
  for (let m = 0; m < matches; m++) {
    code(0b11000101, 8); // length code 285: 258 bytes
    code(0, 5); // distance code 0: distance 1
  }
  code(0, 7); // end of block (256)
  const deflate = out.subarray(0, pos + (bit ? 1 : 0));
  if (!zlib) return deflate;
  const b = total % 65521; // Adler-32 of `total` zero bytes: a stays 1, b adds it once per byte
  const adler = [(b >> 8) & 0xff, b & 0xff, 0, 1];
  const z = new Uint8Array(2 + deflate.length + 4);
  z.set([0x78, 0x01]);
  z.set(deflate, 2);
  z.set(adler, 2 + deflate.length);
  return z;
}
