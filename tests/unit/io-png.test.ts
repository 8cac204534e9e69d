// PNG text-chunk embedding: a real PNG encoded here (zlib IDAT via fflate), the document embedded and read back,
// the image still decoding with valid CRCs, and damaged files refused with a clear IoError.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { inflateSync, unzlibSync, zlibSync } from 'fflate';
import { zeroBomb } from './bombs';
import { parseDoc } from '../../src/model';
import { IoError, embedDoc, extractDoc, readPngChunks, PNG_KEYWORD } from '../../src/io';

const LY = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));

// An independent CRC-32 and PNG encoder/decoder, so the test does not check the module against itself.
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
  return out;
}
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};

/** Encodes a width×height RGB image (8-bit, filter 0 on every row) as a PNG. */
function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (1 + width * 3) + 1 + x * 3);
  const sig = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  return concat([sig, chunk('IHDR', ihdr), chunk('tEXt', new TextEncoder().encode('Software\u0000test')), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Decodes our RGB PNGs independently: walks chunks checking CRCs, inflates IDAT, returns the pixel bytes. */
function decodePng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array; types: string[] } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8, width = 0, height = 0;
  const idat: Uint8Array[] = [];
  const types: string[] = [];
  for (;;) {
    const len = v.getUint32(pos);
    const type = new TextDecoder().decode(png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (crc(png.subarray(pos + 4, pos + 8 + len)) !== v.getUint32(pos + 8 + len)) throw new Error(`bad CRC in ${type}`);
    types.push(type);
    if (type === 'IHDR') { width = v.getUint32(pos + 8); height = v.getUint32(pos + 12); }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
    if (type === 'IEND') break;
  }
  const raw = unzlibSync(concat(idat));
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) pixels.set(raw.subarray(y * (1 + width * 3) + 1, (y + 1) * (1 + width * 3)), y * width * 3);
  return { width, height, pixels, types };
}

const image = encodePng(7, 5, (x, y) => [x * 30, y * 50, (x + y) * 10]);

describe('io/png', () => {
  it('embeds the document before IEND and reads it back; the image still decodes to the same pixels', () => {
    const out = embedDoc(image, LY);
    const before = decodePng(image), after = decodePng(out);
    expect(after.pixels).toEqual(before.pixels);
    expect(after.types).toEqual(['IHDR', 'tEXt', 'IDAT', 'iTXt', 'IEND']);
    expect(extractDoc(out)).toEqual(LY);
    const itxt = readPngChunks(out).find((c) => c.type === 'iTXt')!;
    expect(new TextDecoder().decode(itxt.data.subarray(0, PNG_KEYWORD.length + 3))).toBe(`${PNG_KEYWORD}\u0000\u0001\u0000`);
    expect(out.length - image.length).toBeLessThan(JSON.stringify(LY).length / 3); // compressed
  });

  it('replaces an earlier copy instead of adding a second one', () => {
    const doc2 = { ...LY, title: 'Second' };
    const twice = embedDoc(embedDoc(image, LY), doc2);
    expect(decodePng(twice).types.filter((t) => t === 'iTXt')).toHaveLength(1);
    expect(extractDoc(twice)?.title).toBe('Second');
  });

  it('returns null for a PNG without a document', () => {
    expect(extractDoc(image)).toBeNull();
  });

  it('also reads an uncompressed iTXt or a tEXt chunk another tool may have written', () => {
    const json = new TextEncoder().encode(JSON.stringify(LY));
    const key = new TextEncoder().encode(PNG_KEYWORD);
    const plain = concat([key, new Uint8Array([0, 0, 0, 0, 0]), json]);
    const chunks = readPngChunks(image);
    const withChunk = (c: Uint8Array) => concat([image.subarray(0, chunks[3].start), c, image.subarray(chunks[3].start)]);
    expect(extractDoc(withChunk(chunk('iTXt', plain)))).toEqual(LY);
    expect(extractDoc(withChunk(chunk('tEXt', concat([key, new Uint8Array([0]), new TextEncoder().encode('{"format":"ownership-graph","entities":[],"holdings":[]}')]))))?.entities).toEqual([]);
  });

  const embedded = embedDoc(image, LY);
  const itxt = readPngChunks(embedded).find((c) => c.type === 'iTXt')!;
  const flip = (at: number) => { const b = embedded.slice(); b[at] ^= 0x40; return b; };
  it.each<[string, () => Uint8Array, RegExp]>([
    ['not a PNG', () => new TextEncoder().encode('hello'), /io\/png: not a PNG file/],
    ['a truncated file', () => embedded.subarray(0, embedded.length - 20), /io\/png: chunk \d+ \(\w+\) claims \d+ bytes but only \d+ remain — the file is truncated|the file ends inside chunk/],
    ['a flipped bit in the document chunk', () => flip(itxt.start + 40), /io\/png: chunk 4 \(iTXt\) fails its CRC check/],
    ['a flipped bit in the image data', () => flip(readPngChunks(embedded)[2].start + 10), /chunk 3 \(IDAT\) fails its CRC check/],
    ['a huge chunk length', () => { const b = embedded.slice(); new DataView(b.buffer).setUint32(itxt.start, 0x7ffffff0); return b; }, /chunk 4 \(iTXt\) claims 2147483632 bytes/],
    ['a corrupt compressed document with a valid CRC', () => {
      const data = itxt.data.slice();
      data.fill(0x55, PNG_KEYWORD.length + 7);
      const c = chunk('iTXt', data);
      return concat([embedded.subarray(0, itxt.start), c, embedded.subarray(itxt.end)]);
    }, /io\/png: the compressed data is corrupt/],
    ['an invalid embedded document', () => embedDoc(image, { ...LY, holdings: [{ id: 'x', holder: 'nobody', subject: 'ly', shares: 5 }] }), /io\/png: the embedded document: holdings\[0\] "x" field "holder" names unknown entity "nobody"/],
  ])('refuses %s with an IoError', (_name, bytes, message) => {
    expect(() => extractDoc(bytes())).toThrow(IoError);
    expect(() => extractDoc(bytes())).toThrow(message);
  });

  it('refuses a zip bomb inside the chunk', () => {
    const bomb = zeroBomb(151 * 1024 * 1024);
    const data = concat([new TextEncoder().encode(PNG_KEYWORD), new Uint8Array([0, 1, 0, 0, 0]), bomb]);
    const chunks = readPngChunks(image);
    const png = concat([image.subarray(0, chunks[3].start), chunk('iTXt', data), image.subarray(chunks[3].start)]);
    expect(() => extractDoc(png)).toThrow(/expands to more than 150 MB — refused/);
  }, 30_000); // inflating up to the 150 MB limit is the work under test: about 1.5 s idle, 5 s and more on a loaded machine
});

describe('the zip-bomb fixture', () => {
  it('inflates to exactly the zeros it stands for (zlib and raw), written directly rather than compressed', () => {
    expect(zeroBomb(151 * 1024 * 1024).length).toBeLessThan(1_100_000); // 13 bits per 258 bytes; no 151 MB buffer
    const small = unzlibSync(zeroBomb(100_000));
    expect(small.length).toBe(1 + Math.ceil(99_999 / 258) * 258);
    expect(small.every((x) => x === 0)).toBe(true);
    expect(inflateSync(zeroBomb(5000, false))).toEqual(new Uint8Array(1 + Math.ceil(4999 / 258) * 258));
  });
});
