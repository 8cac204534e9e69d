// Test helper: a minimal PNG decoder and encoder (8-bit RGB/RGBA, not interlaced) to check exported images in Node:
// their size, that they are not blank, and what their chunks carry.
import { unzlibSync, zlibSync } from 'fflate';
import { readPngChunks } from '../src/io';

export interface DecodedPng {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (RGB) or 4 (RGBA). */
  channels: number;
  /** Unfiltered pixels, row by row. */
  pixels: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG's IHDR and IDAT (PNG spec §6 filters); throws on anything this helper does not read. */
export function decodePng(png: Uint8Array): DecodedPng {
  const chunks = readPngChunks(png);
  const ihdr = new DataView(chunks[0].data.buffer, chunks[0].data.byteOffset, chunks[0].data.byteLength);
  const width = ihdr.getUint32(0), height = ihdr.getUint32(4);
  const depth = ihdr.getUint8(8), colour = ihdr.getUint8(9), interlace = ihdr.getUint8(12);
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`png: unsupported depth ${depth} colour ${colour} interlace ${interlace}`);
  const channels = colour === 6 ? 4 : 3;
  const idat = chunks.filter((c) => c.type === 'IDAT');
  const joined = new Uint8Array(idat.reduce((n, c) => n + c.data.length, 0));
  let o = 0;
  for (const c of idat) {
    joined.set(c.data, o);
    o += c.data.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`png: IDAT holds ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0, b = up[i], c = i >= channels ? up[i - channels] : 0;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : NaN;
      if (Number.isNaN(pred)) throw new Error(`png: row ${y} has unknown filter ${filter}`);
      row[i] = (src[i] + pred) & 255;
    }
  }
  return { width, height, channels, pixels };
}

/** How many distinct colours (RGBA) appear among up to `samples` evenly spaced pixels. */
export function colourVariety(img: DecodedPng, samples = 20_000): number {
  const n = img.width * img.height;
  const step = Math.max(1, Math.floor(n / samples));
  const seen = new Set<number>();
  for (let p = 0; p < n; p += step) {
    const i = p * img.channels;
    const a = img.channels === 4 ? img.pixels[i + 3] : 255;
    seen.add(((img.pixels[i] << 24) | (img.pixels[i + 1] << 16) | (img.pixels[i + 2] << 8) | a) >>> 0);
  }
  return seen.size;
}

/** Share of pixels (0–1) that are not fully transparent. */
export function opaqueShare(img: DecodedPng): number {
  if (img.channels === 3) return 1;
  let k = 0;
  for (let i = 3; i < img.pixels.length; i += 4) if (img.pixels[i] > 0) k++;
  return k / (img.width * img.height);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set([...type].map((ch) => ch.charCodeAt(0)), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes RGBA pixels as a PNG, row `y` filtered with `filterOf(y)` (0–4), so tests can exercise every filter. */
export function encodePng(width: number, height: number, rgba: Uint8Array, filterOf: (y: number) => number = () => 0): Uint8Array {
  const stride = width * 4;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const f = filterOf(y);
    raw[y * (stride + 1)] = f;
    for (let i = 0; i < stride; i++) {
      const x = rgba[y * stride + i], a = i >= 4 ? rgba[y * stride + i - 4] : 0, b = y ? rgba[(y - 1) * stride + i] : 0;
      const c = y && i >= 4 ? rgba[(y - 1) * stride + i - 4] : 0;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
      raw[y * (stride + 1) + 1 + i] = (x - pred) & 255;
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
