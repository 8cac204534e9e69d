// An SVG made to carry the shipped CJK subsets its names need (export/cjkFontEmbed.ts): which subsets are chosen, the
// base64 of their bytes, where the <style> goes, and that a Latin-only document is returned as it was, nothing read.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CJK_FAMILIES, parseFontFaces, type CjkSubset } from '../../src/export/cjkFonts';
import { base64, cjkOnly, embedCjkFonts, fontFaceRule, fontProbe, ROW, TEXT_RULE } from '../../src/export/cjkFontEmbed';

const require = createRequire(import.meta.url);

/** Hand-checkable subsets: kana, hangul syllables, and ideographs in a Japanese and a Korean face up to U+7FFF, and in a Chinese one up to U+9FFF. */
const KANA: CjkSubset = { family: 'Noto Sans JP', file: 'jp-kana', ranges: [[0x3040, 0x30ff]] };
const JP_IDEO: CjkSubset = { family: 'Noto Sans JP', file: 'jp-ideo', ranges: [[0x4e00, 0x7fff]] };
const HANGUL: CjkSubset = { family: 'Noto Sans KR', file: 'kr-hangul', ranges: [[0xac00, 0xd7af]] };
const KR_IDEO: CjkSubset = { family: 'Noto Sans KR', file: 'kr-ideo', ranges: [[0x4e00, 0x7fff]] };
const SC_IDEO: CjkSubset = { family: 'Noto Sans SC', file: 'sc-ideo', ranges: [[0x4e00, 0x9fff]] };
const SUBSETS = [KANA, JP_IDEO, HANGUL, KR_IDEO, SC_IDEO];

const svgOf = (...texts: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>t</title><svg x="1"><text x="0" y="9">${texts.join('</text><text>')}</text></svg></svg>`;

/** Embeds with fake bytes (the file name's characters) and records which files were read. */
async function embed(svg: string, subsets = SUBSETS) {
  const read: string[] = [];
  const out = await embedCjkFonts(svg, subsets, async (s) => {
    read.push(s.file);
    return new TextEncoder().encode(s.file);
  });
  return { out, read };
}

describe('base64', () => {
  it.each([
    [[], ''],
    [[0x66], 'Zg=='],
    [[0x66, 0x6f], 'Zm8='],
    [[0x66, 0x6f, 0x6f], 'Zm9v'],
    [[0x00, 0xff, 0xfe], 'AP/+'],
  ])('%j is %j', (bytes, b64) => expect(base64(new Uint8Array(bytes))).toBe(b64));

  it('equals Node\'s encoding for any bytes, across the 32 KiB chunks it is built from', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => base64(bytes) === Buffer.from(bytes).toString('base64')),
      { numRuns: 40 },
    );
    const big = new Uint8Array(0x8000 * 2 + 7).map((_, i) => (i * 31) & 0xff);
    expect(base64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('fontFaceRule', () => {
  it('declares the family, a WOFF2 data: URL of the bytes and the CJK part of the subset\'s unicode-range', () => {
    const rule = fontFaceRule({ family: 'Noto Sans KR', file: 'x', ranges: [[0x20, 0x22], [0xac00, 0xd7af], [0x3131, 0x3131], [0x4e, 0x4e]] }, new Uint8Array([0x66, 0x6f, 0x6f]));
    expect(rule).toBe('@font-face{font-family:"Noto Sans KR";font-style:normal;font-weight:400;src:url(data:font/woff2;base64,Zm9v) format("woff2");unicode-range:U+ac00-d7af,U+3131}');
  });

  it.each([
    [[[0x20, 0x7e]], []],                                      // Latin: the system's fonts draw it
    [[[0x4e00, 0x4e00]], [[0x4e00, 0x4e00]]],
    [[[0x2e00, 0x2f00]], [[0x2e80, 0x2f00]]],                  // cut where the CJK radicals begin
    [[[0xd700, 0xd900]], [[0xd700, 0xd7ff]]],                  // and where Hangul ends
    [[[0x1100, 0x11ff], [0x41, 0x5a], [0xff01, 0xff0f]], [[0x1100, 0x11ff], [0xff01, 0xff0f]]],
  ])('cjkOnly(%j) is %j', (ranges, want) => expect(cjkOnly(ranges as [number, number][])).toEqual(want));
});

describe('embedCjkFonts', () => {
  it.each([
    ['LY Corporation', 'Latin only'],
    ['Zürich AG & Cie <b>', 'accents and markup'],
    ['Ａ', 'no text of the drawing needs a shipped subset (a full-width letter none of these covers)'],
  ])('returns %j unchanged, reading nothing (%s)', async (name) => {
    const svg = svgOf(name, 'Holding 50%');
    const { out, read } = await embed(svg);
    expect(out).toBe(svg);
    expect(read).toEqual([]);
  });

  it.each([
    [['ヤフー'], ['jp-kana']],
    [['株式会社'], ['jp-ideo']],                                // ideographs: Japanese first
    [['네이버'], ['kr-hangul']],
    [['네이버 主式'], ['kr-hangul', 'kr-ideo']],                 // a Korean name's ideographs from the Korean face
    [['腾讯'], ['sc-ideo']],                                    // past the Japanese face's range: Chinese
    [['LINEヤフー株式会社', '네이버', '腾讯', 'ヤフー'], ['jp-kana', 'jp-ideo', 'kr-hangul', 'sc-ideo']], // each once
  ])('%j reads and embeds %j', async (names, files) => {
    const { out, read } = await embed(svgOf(...names));
    expect(read).toEqual(files);
    const faces = [...out.matchAll(/@font-face\{font-family:"([^"]+)";[^}]*base64,([^)]*)\)/g)].map((m) => [m[1], Buffer.from(m[2], 'base64').toString()]);
    expect(faces).toEqual(files.map((f) => [SUBSETS.find((s) => s.file === f)!.family, f]));
  });

  it('places one <style> right after the root element\'s opening tag, leaving the rest as it was', async () => {
    const svg = svgOf('LINEヤフー株式会社');
    const { out } = await embed(svg);
    const root = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">';
    const at = svg.indexOf(root) + root.length;
    const style = /\n<style>[^<]*<\/style>/.exec(out)!;
    expect(style.index).toBe(at);
    expect(out.slice(0, at) + out.slice(at + style[0].length)).toBe(svg);
    expect(out.match(/<style>/g)).toHaveLength(1);
    // After the faces, the rule that draws every text with them first (they cover CJK only: Latin is left to the system).
    expect(style[0].endsWith(`\n${TEXT_RULE}</style>`)).toBe(true);
    expect(TEXT_RULE).toMatch(/^text\{font-family:"Noto Sans JP", "Noto Sans KR", "Noto Sans SC", system-ui, .*sans-serif\}$/);
  });

  it('reads only CJK text drawn (<text>), not a title or attribute', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>株式会社</title><g data-x="ヤフー"><text>Latin</text></g></svg>';
    expect((await embed(svg)).out).toBe(svg);
  });

  it('with the packages\' own subsets, embeds only the few a name needs', async () => {
    const subsets = CJK_FAMILIES.flatMap((f) => parseFontFaces(readFileSync(require.resolve(`${f.pkg}/400.css`), 'utf8')));
    const { read } = await embed(svgOf('LINEヤフー株式会社', '네이버 주식회사', '腾讯控股'), subsets);
    expect(read.length).toBeGreaterThan(2);
    expect(read.length).toBeLessThan(16);
    expect(read.some((f) => f.startsWith('noto-sans-jp'))).toBe(true);
    expect(read.some((f) => f.startsWith('noto-sans-kr'))).toBe(true);
    expect(read.some((f) => f.startsWith('noto-sans-sc'))).toBe(true);
  });

  it('says where it comes from when the document has no <svg> element', async () => {
    await expect(embed('<text>株</text>')).rejects.toThrow(/^export\/cjkFontEmbed: .*no <svg> element/);
  });
});

describe('fontProbe', () => {
  it('draws, a row per embedded face, characters of the drawing it covers, in that family alone, under the same <style>', async () => {
    const { out } = await embed(svgOf('LINEヤフー株式会社', '네이버', '腾讯'));
    const probe = fontProbe(out)!;
    const style = /<style>[\s\S]*?<\/style>/.exec(out)![0];
    expect(probe.svg).toContain(style);
    const rows = [...probe.svg.matchAll(/<text x="2" y="(\d+)" font-size="18" font-family="&quot;([^&]+)&quot;">([^<]*)<\/text>/g)].map((m) => [Number(m[1]), m[2], m[3]]);
    expect(rows).toEqual([
      [ROW - 6, 'Noto Sans JP', 'ヤフー'],
      [2 * ROW - 6, 'Noto Sans JP', '株式会社'],
      [3 * ROW - 6, 'Noto Sans KR', '네이버'],
      [4 * ROW - 6, 'Noto Sans SC', '株式会社腾讯'],               // at most six characters a row
    ]);
    expect(probe).toMatchObject({ rows: 4, height: 4 * ROW });
  });

  it('is null for a drawing that embeds nothing', async () => {
    expect(fontProbe(svgOf('LY Corporation'))).toBeNull();
    expect(fontProbe((await embed(svgOf('LY Corporation'))).out)).toBeNull();
  });
});
