// WOFF 1.0 → the TrueType/OpenType font it wraps (W3C WOFF File Format 1.0, §3–§5): each table inflated with zlib
// where it was compressed, laid out again as an sfnt. resvg (the command line's PNG renderer) reads only TrueType and
// OpenType; the CJK fonts we ship come from the npm registry as WOFF subsets. Pure: bytes in, bytes out.
import { unzlibSync } from 'fflate';

const WOFF = 0x774f4646; // "wOFF"

/** The sfnt (TrueType/OpenType) bytes of a WOFF 1.0 font; throws an Error naming what is wrong with the input. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const v = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44 || v.getUint32(0) !== WOFF) throw new Error('export/woff: not a WOFF 1.0 font (no "wOFF" signature) — pass a .woff file');
  const flavor = v.getUint32(4);
  const numTables = v.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const d = 44 + i * 20;
    if (d + 20 > woff.length) throw new Error('export/woff: the table directory runs past the end of the file — the font is truncated');
    const tag = v.getUint32(d), offset = v.getUint32(d + 4), compLength = v.getUint32(d + 8), origLength = v.getUint32(d + 12), checksum = v.getUint32(d + 16);
    if (offset + compLength > woff.length) throw new Error('export/woff: a table runs past the end of the file — the font is truncated');
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? unzlibSync(raw) : raw;
    if (data.length !== origLength) throw new Error('export/woff: a table inflates to the wrong length — the font is damaged');
    tables.push({ tag, checksum, data });
  }
  // The sfnt offset table's binary-search fields (OpenType spec, "Table Directory").
  let pow = 1, log = 0;
  while (pow * 2 <= numTables) {
    pow *= 2;
    log++;
  }
  const pad = (n: number) => (n + 3) & ~3;
  let size = 12 + 16 * numTables;
  for (const t of tables) size += pad(t.data.length);
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, pow * 16);
  o.setUint16(8, log);
  o.setUint16(10, numTables * 16 - pow * 16);
  let at = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    o.setUint32(r, t.tag);
    o.setUint32(r + 4, t.checksum);
    o.setUint32(r + 8, at);
    o.setUint32(r + 12, t.data.length);
    out.set(t.data, at);
    at += pad(t.data.length);
  });
  return out;
}
