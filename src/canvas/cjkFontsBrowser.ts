// The browser's side of the shipped CJK fonts (export/cjkFonts.ts): when an image is about to be drawn with Japanese,
// Korean or Chinese text, the packages' @font-face rules are added (once; nothing for Latin-only drawings, nothing on
// the first load) and the subsets that text needs are fetched from this origin before the canvas draws it.
import { CJK_FAMILIES, needsCjk } from '../export/cjkFonts';

let rules: Promise<unknown> | undefined;

/** Resolves once every CJK character of `texts` can be drawn with the shipped fonts (at once when none needs them). */
export async function ensureCjkFonts(texts: Iterable<string>): Promise<void> {
  const need = [...texts].filter(needsCjk);
  if (!need.length || typeof document === 'undefined') return;
  // Each package's CSS declares one @font-face per subset with its unicode-range; the browser fetches only the
  // subsets whose range the text uses, when asked to load the family for that text.
  rules ??= Promise.all([
    import('@fontsource/noto-sans-jp/400.css'),
    import('@fontsource/noto-sans-kr/400.css'),
    import('@fontsource/noto-sans-sc/400.css'),
  ]);
  await rules;
  const sample = need.join(' ');
  await Promise.all(CJK_FAMILIES.map((f) => document.fonts.load(`16px "${f.family}"`, sample)));
}
