// Japanese, Korean and Chinese names are drawn, not boxes, in the command line's PNG: the shipped Noto Sans CJK
// subsets a text needs are found from the packages' unicode-ranges, converted from WOFF, and handed to resvg.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { charsByFamily, CJK_FAMILIES, needsCjk, parseFontFaces, subsetsFor } from '../../src/export/cjkFonts';
import { cjkFontFiles, svgTexts } from '../../src/export/cjkFontsNode';
import { documentSvg } from '../../src/export/documentSvg';
import { parseDoc } from '../../src/model';
import { svgToPng } from '../../src/export/rasterize';
import { woffToSfnt } from '../../src/export/woff';
import { decodePng } from '../png';

const require = createRequire(import.meta.url);
const subsets = CJK_FAMILIES.flatMap((f) => parseFontFaces(readFileSync(require.resolve(`${f.pkg}/400.css`), 'utf8')));

describe('CJK font subsets', () => {
  it('reads every subset of the three packages', () => {
    expect(new Set(subsets.map((s) => s.family))).toEqual(new Set(['Noto Sans JP', 'Noto Sans KR', 'Noto Sans SC']));
    expect(subsets.length).toBeGreaterThan(200);
  });

  it.each([
    ['LY Corporation', []],
    ['ヤフー', ['Noto Sans JP']],
    ['네이버', ['Noto Sans KR']],
    ['腾讯', ['Noto Sans SC']],           // simplified forms Japanese fonts lack
  ])('%j needs %j', (text, families) => {
    expect(needsCjk(text)).toBe(families.length > 0);
    expect([...new Set(subsetsFor([text], subsets).map((s) => s.family))]).toEqual(families);
  });

  it('groups characters by the family that draws them in the font list\'s order, each character once', () => {
    const groups = (texts: string[]) => Object.fromEntries(charsByFamily(texts, subsets));
    expect(groups(['LY Corporation'])).toEqual({});
    // Ideographs Japanese fonts have are drawn (and fetched) in Japanese only, never also in Korean or Chinese.
    expect(groups(['腾讯控股', '控股'])).toEqual({ 'Noto Sans JP': '控股', 'Noto Sans SC': '腾讯' });
    expect(groups(['네이버', 'ヤフー'])).toEqual({ 'Noto Sans KR': '네이버', 'Noto Sans JP': 'ヤフー' });
    // Every CJK character lands in exactly one family, and that family has a subset covering it.
    const text = '腾讯控股有限公司 네이버주식회사 ヤフー株式会社';
    const all = charsByFamily([text], subsets);
    const chars = [...all.values()].join('');
    expect([...chars].sort()).toEqual([...new Set([...text].filter((c) => needsCjk(c)))].sort());
    for (const [family, cs] of all) for (const c of cs) expect(subsets.some((s) => s.family === family && s.ranges.some(([a, b]) => c.codePointAt(0)! >= a && c.codePointAt(0)! <= b))).toBe(true);
  });

  it('converts a shipped WOFF subset to an OpenType font with its tables', () => {
    const s = subsetsFor(['株'], subsets)[0];
    const sfnt = woffToSfnt(new Uint8Array(readFileSync(require.resolve(`@fontsource/noto-sans-jp/files/${s.file}.woff`))));
    const v = new DataView(sfnt.buffer);
    expect([0x00010000, 0x4f54544f]).toContain(v.getUint32(0)); // TrueType or "OTTO"
    const tags = Array.from({ length: v.getUint16(4) }, (_, i) => String.fromCharCode(...sfnt.subarray(12 + i * 16, 16 + i * 16)));
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name']));
    expect(() => woffToSfnt(new Uint8Array(60))).toThrow(/not a WOFF 1.0 font/);
  });

  it('finds the text of an SVG', () => {
    expect(svgTexts('<svg><text x="1">A <tspan>株</tspan></text><rect/><text>B</text></svg>')).toEqual(['A 株', 'B']);
    expect(cjkFontFiles(['Latin only'])).toEqual([]);
  });
});

describe('the command line PNG draws CJK names', () => {
  const png = (text: string) => decodePng(svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="48"><rect width="240" height="48" fill="#fff"/><text x="8" y="34" font-size="28" font-family="system-ui, sans-serif">${text}</text></svg>`));
  const ink = (img: ReturnType<typeof png>) => {
    let n = 0;
    for (let i = 0; i < img.width * img.height; i++) if (img.pixels[i * img.channels] < 128) n++;
    return n;
  };

  it.each([['株式会社', '네이버다'], ['株式会社', '腾讯控股']])('%s and %s are inked and differ (missing glyphs draw the same box)', (a, b) => {
    const pa = png(a), pb = png(b);
    expect(ink(pa)).toBeGreaterThan(300);
    expect(ink(pb)).toBeGreaterThan(300);
    expect(Buffer.from(pa.pixels).equals(Buffer.from(pb.pixels))).toBe(false);
  }, 20_000); // first use converts the subsets (about a second)
});

describe('the command line SVG carries the CJK subsets its names need', () => {
  const doc = (names: string[]) => parseDoc({
    format: 'ownership-graph', version: 1, title: 'Names',
    entities: names.map((name, i) => ({ id: `e${i}`, name, position: { x: i * 200, y: 0 } })),
    holdings: [],
  });
  const faces = (svg: string) => [...svg.matchAll(/@font-face\{font-family:"([^"]+)"/g)].map((m) => m[1]);

  it('embeds the Japanese, Korean and Chinese subsets of its names, as WOFF2 data, only when asked', async () => {
    const d = doc(['LINEヤフー株式会社', '네이버 주식회사', '腾讯控股']);
    const svg = await documentSvg(d, { embedFonts: true });
    expect(new Set(faces(svg))).toEqual(new Set(['Noto Sans JP', 'Noto Sans KR', 'Noto Sans SC']));
    const data = [...svg.matchAll(/base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], 'base64'));
    expect(data.every((b) => b.subarray(0, 4).toString('latin1') === 'wOF2')).toBe(true);
    expect(faces(await documentSvg(d))).toEqual([]);
  });

  it('leaves a Latin-only drawing as it was', async () => {
    const d = doc(['LY Corporation', 'NAVER Corporation']);
    expect(await documentSvg(d, { embedFonts: true })).toBe(await documentSvg(d));
  });
});
