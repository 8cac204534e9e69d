// Which pieces of the open CJK fonts we ship (Noto Sans JP, KR and SC from the npm registry, @fontsource packages,
// OFL-1.1) a text needs: each package splits its font into subsets by unicode-range, so a drawing loads only the few
// subsets that cover its names, and none at all for names in Latin script. Pure: CSS text and strings in, file names out.

import { isCjk, textEms } from '../draw/text';

/** Whether a character needs a CJK font, and a text's rough width in em: the kernel's (draw/text.ts). */
export { isCjk, textEms };

/** The CJK families we ship, in the order a text with no kana or hangul prefers them (Japanese first: our datasets). */
export const CJK_FAMILIES = [
  { family: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp' },
  { family: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr' },
  { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc' },
] as const;

/** The font-family list entries that draw CJK text with the shipped fonts (before any generic family). */
export const CJK_FONT_STACK = CJK_FAMILIES.map((f) => `"${f.family}"`).join(', ');

/** One subset of a shipped font: its family, its file name without extension, and the code points it covers. */
export interface CjkSubset {
  family: string;
  file: string;
  ranges: [number, number][];
}

/** The @font-face rules of a @fontsource weight file (e.g. 400.css): family, file and unicode-range of each subset. */
export function parseFontFaces(css: string): CjkSubset[] {
  const out: CjkSubset[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    const file = /url\(\.\/files\/([^)]+?)\.woff2\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;}]+)/.exec(block)?.[1];
    if (!family || !file || !range) continue;
    out.push({ family, file, ranges: parseUnicodeRange(range) });
  }
  return out;
}

/** A CSS unicode-range ("U+25ee8, U+26ff6-26ff8") as inclusive code point intervals. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((r): [number, number] => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

/** The text of every <text> element of an SVG document, tags inside it dropped. */
export function svgTexts(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) out.push(m[1].replace(/<[^>]*>/g, ''));
  return out;
}
/** Whether any character of `text` needs a CJK font. */
export function needsCjk(text: string): boolean {
  for (const ch of text) if (isCjk(ch.codePointAt(0)!)) return true;
  return false;
}

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/** The families in the order `text` prefers them: Korean text Korean first, Japanese (kana) text Japanese first. */
function preference(text: string): string[] {
  const names = CJK_FAMILIES.map((f) => f.family as string);
  if (HANGUL.test(text) && !KANA.test(text)) return ['Noto Sans KR', 'Noto Sans JP', 'Noto Sans SC'];
  return names;
}

const covers = (s: CjkSubset, cp: number) => s.ranges.some(([a, b]) => cp >= a && cp <= b);

/**
 * The subsets that draw the CJK characters of `texts` (each text picks its families by its own script), each once,
 * in first-use order. Characters no subset covers are left to the renderer's fallback.
 */
export function subsetsFor(texts: Iterable<string>, subsets: CjkSubset[]): CjkSubset[] {
  const byFamily = new Map<string, CjkSubset[]>();
  for (const s of subsets) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s]);
  const chosen = new Set<CjkSubset>();
  for (const text of texts) {
    if (!needsCjk(text)) continue;
    const order = preference(text);
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!isCjk(cp)) continue;
      for (const fam of order) {
        const hit = byFamily.get(fam)?.find((s) => covers(s, cp));
        if (hit) {
          chosen.add(hit);
          break;
        }
      }
    }
  }
  return [...chosen];
}

/**
 * The CJK characters of `texts` grouped by the family that draws them where a font list names the shipped families
 * in CJK_FAMILIES order, as the page and the canvas do: each character under the first family with a subset covering
 * it. Loading each family for its own characters fetches only the subsets that are drawn (a Chinese name does not
 * also fetch the Korean font's subsets for the same ideographs).
 */
export function charsByFamily(texts: Iterable<string>, subsets: CjkSubset[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!isCjk(cp) || seen.has(cp)) continue;
      seen.add(cp);
      const fam = CJK_FAMILIES.find((f) => subsets.some((s) => s.family === f.family && covers(s, cp)))?.family;
      if (fam) out.set(fam, (out.get(fam) ?? '') + ch);
    }
  }
  return out;
}
