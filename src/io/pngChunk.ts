// The document inside a PNG: a compressed iTXt chunk with keyword "ownership-graph" before IEND (PNG spec §11.3.4.5),
// read back with every chunk's length and CRC checked, so a damaged file is refused rather than half-read.
import { zlibSync } from 'fflate';
import type { OwnershipDoc } from '../model';
import { crc32 } from './crc32';
import { PNG_SIGNATURE } from './detect';
import { parseDocText } from './native';
import { IoError, fileLabel, rethrowAsIo } from './errors';
import { inflateLimited } from './inflate';
import { MAX_FILE_BYTES } from './limits';
import { fromUtf8, utf8 } from './text';

/** The iTXt keyword under which the document is stored. */
export const PNG_KEYWORD = 'ownership-graph';

/** One chunk of a PNG file: its type, its data and where the whole chunk (length…CRC) sits in the file. */
export interface PngChunk {
  type: string;
  data: Uint8Array;
  start: number;
  end: number;
}

/** Latin-1 text of bytes, converted in slices so a large chunk cannot overflow the call stack. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Parses and checks a PNG's chunk list: signature, IHDR first, lengths inside the file, CRCs, IEND last. */
export function readPngChunks(png: Uint8Array, fileName?: string): PngChunk[] {
  const where = `io/png: ${fileLabel(fileName)}`;
  if (png.length < 8 || !PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new IoError(`${where}not a PNG file (its first bytes are not the PNG signature)`);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let pos = 8;
  for (;;) {
    const n = chunks.length + 1;
    if (pos + 12 > png.length) throw new IoError(`${where}the file ends inside chunk ${n} — it is truncated; export the PNG again`);
    const length = view.getUint32(pos);
    const typeBytes = png.subarray(pos + 4, pos + 8);
    const type = latin1(typeBytes);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new IoError(`${where}chunk ${n} has an invalid type — the file is damaged`);
    if (length > 0x7fffffff || pos + 12 + length > png.length) {
      throw new IoError(`${where}chunk ${n} (${type}) claims ${length} bytes but only ${png.length - pos - 12} remain — the file is truncated`);
    }
    const data = png.subarray(pos + 8, pos + 8 + length);
    const stored = view.getUint32(pos + 8 + length);
    const actual = crc32(data, crc32(typeBytes));
    if (stored !== actual) throw new IoError(`${where}chunk ${n} (${type}) fails its CRC check — the file is damaged; export the PNG again`);
    if (chunks.length === 0 && type !== 'IHDR') throw new IoError(`${where}the first chunk is ${type}, not IHDR — the file is damaged`);
    chunks.push({ type, data, start: pos, end: pos + 12 + length });
    pos += 12 + length;
    if (type === 'IEND') return chunks;
  }
}

/** The keyword of a tEXt, zTXt or iTXt chunk (up to its first NUL), or null for other chunks. */
function keywordOf(c: PngChunk): string | null {
  if (c.type !== 'tEXt' && c.type !== 'zTXt' && c.type !== 'iTXt') return null;
  const nul = c.data.indexOf(0);
  return nul < 1 || nul > 79 ? null : latin1(c.data.subarray(0, nul));
}

function chunkBytes(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Returns a copy of `png` carrying `doc` in a compressed iTXt chunk just before IEND; an older copy of the
 * document in the file is replaced. Every other chunk is kept byte for byte, so the image is unchanged.
 */
export function embedDoc(png: Uint8Array, doc: OwnershipDoc): Uint8Array {
  const chunks = readPngChunks(png);
  const key = utf8(PNG_KEYWORD);
  const text = zlibSync(utf8(JSON.stringify(doc)), { level: 9 });
  // keyword NUL, compression flag 1, method 0 (zlib), empty language tag NUL, empty translated keyword NUL, text.
  const data = new Uint8Array(key.length + 5 + text.length);
  data.set(key, 0);
  data.set([0, 1, 0, 0, 0], key.length);
  data.set(text, key.length + 5);
  const ours = chunkBytes('iTXt', data);
  const parts: Uint8Array[] = [PNG_SIGNATURE];
  for (const c of chunks) {
    if (keywordOf(c) === PNG_KEYWORD) continue;
    if (c.type === 'IEND') parts.push(ours);
    parts.push(png.subarray(c.start, c.end));
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const REEXPORT = 'export the PNG from the app again';

/** The text of our chunk, decompressed as needed (tEXt and zTXt are read too, in case another tool rewrote it). */
function chunkText(c: PngChunk, where: string): string {
  const d = c.data;
  const k = d.indexOf(0);
  if (c.type === 'tEXt') return latin1(d.subarray(k + 1));
  const limit = { zlib: true, limit: MAX_FILE_BYTES, where };
  if (c.type === 'zTXt') {
    if (d[k + 1] !== 0) throw new IoError(`${where}the ${PNG_KEYWORD} chunk uses an unknown compression method — export the PNG again`);
    return fromUtf8(inflateLimited(d.subarray(k + 2), limit), where, REEXPORT);
  }
  const flag = d[k + 1], method = d[k + 2];
  const lang = d.indexOf(0, k + 3);
  const translated = lang < 0 ? -1 : d.indexOf(0, lang + 1);
  if (flag === undefined || method === undefined || lang < 0 || translated < 0 || flag > 1) {
    throw new IoError(`${where}the ${PNG_KEYWORD} chunk is malformed — export the PNG again`);
  }
  const body = d.subarray(translated + 1);
  if (flag === 0) return fromUtf8(body, where, REEXPORT);
  if (method !== 0) throw new IoError(`${where}the ${PNG_KEYWORD} chunk uses an unknown compression method — export the PNG again`);
  return fromUtf8(inflateLimited(body, limit), where, REEXPORT);
}

/**
 * The document embedded in a PNG, or null when the PNG carries none. Throws an IoError when the PNG is damaged
 * (bad signature, length or CRC) or the embedded document is corrupt or invalid.
 */
export function extractDoc(png: Uint8Array, fileName?: string): OwnershipDoc | null {
  const where = `io/png: ${fileLabel(fileName)}`;
  const chunk = readPngChunks(png, fileName).find((c) => keywordOf(c) === PNG_KEYWORD);
  if (!chunk) return null;
  const text = chunkText(chunk, where);
  try {
    return parseDocText(text, `${where}the embedded document: `);
  } catch (e) {
    rethrowAsIo(e, `${where}the embedded document: `);
  }
}
