// An SVG document made to carry the shipped CJK font subsets its text needs (export/cjkFonts.ts subsetsFor), as
// @font-face rules with data: URLs in a <style>, so that it draws its Japanese, Korean and Chinese names wherever it is
// opened — and when the app rasterises it through an <img>, which cannot use the page's fonts. An SVG whose text is
// Latin only is returned unchanged. Pure: the font bytes come from the caller (fetched from the app's own origin).
import { CJK_FONT_STACK, isCjk, needsCjk, subsetsFor, svgTexts, type CjkSubset } from './cjkFonts';
import { FONT_FAMILY } from './exportText';

/** The WOFF2 bytes of one subset (`file` is where the caller finds it: a URL in the browser). */
export type FontBytes = (subset: CjkSubset) => Promise<Uint8Array>;

/** Base64 of `bytes` (btoa over chunks: strings of a few hundred kB are fine, one argument list per byte is not). */
export function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The CJK code points of `ranges` (the subsets also cover a few Latin letters and punctuation, which stay the system's). */
export function cjkOnly(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of ranges) {
    let start = -1;
    for (let cp = a; cp <= b + 1; cp++) {
      const inside = cp <= b && isCjk(cp);
      if (inside && start < 0) start = cp;
      else if (!inside && start >= 0) {
        out.push([start, cp - 1]);
        start = -1;
      }
    }
  }
  return out;
}

const hex = (n: number) => n.toString(16);
/** Code point intervals as a CSS unicode-range. */
export const rangeCss = (ranges: [number, number][]) => ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');

/** One @font-face rule drawing the CJK code points of `subset` with `woff2` (regular weight; bold text is synthesised). */
export function fontFaceRule(subset: CjkSubset, woff2: Uint8Array): string {
  return `@font-face{font-family:"${subset.family}";font-style:normal;font-weight:400;src:url(data:font/woff2;base64,${base64(woff2)}) format("woff2");unicode-range:${rangeCss(cjkOnly(subset.ranges))}}`;
}

/**
 * The rule that puts the embedded families first for every text. They cover CJK code points only, so Latin text keeps
 * the system's fonts; a CJK character is drawn with an embedded face as soon as it has loaded (Chromium lays out an
 * SVG's text once: a face that loads after a fallback family was chosen would never be used).
 */
export const TEXT_RULE = `text{font-family:${CJK_FONT_STACK}, ${FONT_FAMILY}}`;

/**
 * `svg` with a <style> of the @font-face rules its CJK text needs, picked from `subsets` and read with `bytes`, and
 * TEXT_RULE, placed right after the root element's opening tag; `svg` itself when no text needs a CJK font (nothing
 * is read then).
 */
export async function embedCjkFonts(svg: string, subsets: CjkSubset[], bytes: FontBytes): Promise<string> {
  const texts = svgTexts(svg);
  if (!texts.some(needsCjk)) return svg;
  const chosen = subsetsFor(texts, subsets);
  if (!chosen.length) return svg;
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('export/cjkFontEmbed: the document has no <svg> element — this is a bug; please report it');
  const rules = await Promise.all(chosen.map(async (s) => fontFaceRule(s, await bytes(s))));
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}\n<style>${rules.join('\n')}\n${TEXT_RULE}</style>${svg.slice(at)}`;
}

/** What fontProbe draws: an SVG of one row per embedded face, `rows` tall rows of `ROW` px. */
export interface FontProbe {
  svg: string;
  width: number;
  height: number;
  rows: number;
}

/** Height of one probe row (px). */
export const ROW = 24;
/** Characters a probe row draws at most (one loaded glyph is proof enough; a few guard against one it lacks). */
const PROBE_CHARS = 6;

/**
 * An SVG with the same <style> as `svg` (so the same data: URLs, which the browser loads once) drawing, on a row of its
 * own, characters of `svg`'s text that each embedded face covers, in that face's family alone: a row stays empty
 * while its face loads (text waits for its first family), so once every row shows ink every face has loaded, and an
 * <img> of `svg` draws its names at once. Null when `svg` embeds no face.
 */
export function fontProbe(svg: string): FontProbe | null {
  const style = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1];
  if (!style) return null;
  const chars = [...new Set(svgTexts(svg).join(''))].filter((c) => isCjk(c.codePointAt(0)!));
  const rows: string[] = [];
  for (const m of style.matchAll(/@font-face\{font-family:"([^"]+)";[^}]*unicode-range:([^}]*)\}/g)) {
    const ranges = m[2].split(',').map((r) => r.replace(/^U\+/i, '').split('-').map((x) => parseInt(x, 16)));
    const covered = chars.filter((c) => ranges.some(([a, b = a]) => c.codePointAt(0)! >= a && c.codePointAt(0)! <= b)).slice(0, PROBE_CHARS);
    if (!covered.length) continue;
    rows.push(`<text x="2" y="${(rows.length + 1) * ROW - 6}" font-size="18" font-family="&quot;${m[1]}&quot;">${covered.join('')}</text>`);
  }
  if (!rows.length) return null;
  const width = PROBE_CHARS * 20 + 4, height = rows.length * ROW;
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><style>${style}</style>${rows.join('')}</svg>`, width, height, rows: rows.length };
}
