// An SVG document made to carry the shipped CJK font subsets its text needs (export/cjkFonts.ts subsetsFor), as
// @font-face rules with data: URLs in a <style>, so that it draws its Japanese, Korean and Chinese names wherever it is
// opened — and when the app rasterises it through an <img>, which cannot use the page's fonts. An SVG whose text is
// Latin only is returned unchanged. Pure: the font bytes come from the caller (fetched from the app's own origin).
import { needsCjk, subsetsFor, svgTexts, type CjkSubset } from './cjkFonts';

/** The WOFF2 bytes of one subset (`file` is where the caller finds it: a URL in the browser). */
export type FontBytes = (subset: CjkSubset) => Promise<Uint8Array>;

/** Base64 of `bytes` (btoa over chunks: strings of a few hundred kB are fine, one argument list per byte is not). */
export function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const hex = (n: number) => n.toString(16);

/** One @font-face rule drawing `subset`'s code points with `woff2` (regular weight; bold text is synthesised). */
export function fontFaceRule(subset: CjkSubset, woff2: Uint8Array): string {
  const range = subset.ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
  return `@font-face{font-family:"${subset.family}";font-style:normal;font-weight:400;src:url(data:font/woff2;base64,${base64(woff2)}) format("woff2");unicode-range:${range}}`;
}

/**
 * `svg` with a <style> of the @font-face rules its CJK text needs, picked from `subsets` and read with `bytes`, placed
 * right after the root element's opening tag; `svg` itself when no text needs a CJK font (nothing is read then).
 */
export async function embedCjkFonts(svg: string, subsets: CjkSubset[], bytes: FontBytes): Promise<string> {
  const texts = svgTexts(svg);
  if (!texts.some(needsCjk)) return svg;
  const chosen = subsetsFor(texts, subsets);
  if (!chosen.length) return svg;
  const rules = await Promise.all(chosen.map(async (s) => fontFaceRule(s, await bytes(s))));
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('export/cjkFontEmbed: the document has no <svg> element — this is a bug; please report it');
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}\n<style>${rules.join('\n')}</style>${svg.slice(at)}`;
}
