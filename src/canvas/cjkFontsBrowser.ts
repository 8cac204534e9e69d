// The browser's side of the shipped CJK fonts (export/cjkFonts.ts): when Japanese, Korean or Chinese text is about to
// be drawn (the canvas's names, an image export), the packages' @font-face rules are added (once; nothing for
// Latin-only documents, nothing on the first load) and the subsets that text needs are fetched from this origin. An
// exported SVG carries those subsets itself (export/cjkFontEmbed.ts), read back from the same files, and before such an
// SVG is rasterised through an <img> its fonts are made ready (an <img> draws text whose font is loading as nothing).
import { CJK_FAMILIES, charsByFamily, needsCjk, parseUnicodeRange, type CjkSubset } from '../export/cjkFonts';
import { cjkOnly, embedCjkFonts, fontProbe, rangeCss, ROW } from '../export/cjkFontEmbed';

let rules: Promise<unknown> | undefined;

/** The family the page's own text (ui/app.css) names first for `family`: its subsets, for CJK code points only. */
export const pageFamily = (family: string) => `Explorer ${family}`;

/**
 * Adds the packages' @font-face rules to the page (once), and each subset again as a face of pageFamily covering its
 * CJK code points only: the page's text names those first, so Latin text keeps the system's fonts while a CJK
 * character waits for its face and is drawn with it (Chromium keeps a fallback chosen while a later family loads).
 */
function addRules(): Promise<unknown> {
  rules ??= Promise.all([
    import('@fontsource/noto-sans-jp/400.css'),
    import('@fontsource/noto-sans-kr/400.css'),
    import('@fontsource/noto-sans-sc/400.css'),
  ]).then(() => {
    for (const s of pageSubsets()) {
      const ranges = cjkOnly(s.ranges);
      if (ranges.length) document.fonts.add(new FontFace(pageFamily(s.family), `url("${s.file}") format("woff2")`, { unicodeRange: rangeCss(ranges) }));
    }
  });
  return rules;
}

/** Resolves once every CJK character of `texts` can be drawn with the shipped fonts (at once when none needs them). */
export async function ensureCjkFonts(texts: Iterable<string>): Promise<void> {
  const need = [...texts].filter(needsCjk);
  if (!need.length || typeof document === 'undefined') return;
  // Each package's CSS declares one @font-face per subset with its unicode-range; the browser fetches only the
  // subsets whose range the text uses, when asked to load the family for that text. Each family is asked for the
  // characters it draws (the first in the font list that covers them), not for the whole text.
  await addRules();
  const groups = charsByFamily(need, pageSubsets());
  await Promise.all([...groups].map(([family, chars]) => document.fonts.load(`16px "${family}"`, chars)));
}

const FAMILIES = new Set<string>(CJK_FAMILIES.map((f) => f.family));
const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');

/** The shipped subsets as the page's style sheets declare them, `file` being each WOFF2 file's absolute URL. */
export function pageSubsets(): CjkSubset[] {
  const out: CjkSubset[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // a sheet from elsewhere: not ours
    }
    for (const rule of Array.from(list)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = unquote(rule.style.getPropertyValue('font-family'));
      const weight = rule.style.getPropertyValue('font-weight').trim();
      const url = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(rule.style.getPropertyValue('src'))?.[1];
      const range = rule.style.getPropertyValue('unicode-range');
      if (!FAMILIES.has(family) || (weight && weight !== '400' && weight !== 'normal') || !url || !range) continue;
      out.push({ family, file: new URL(url, sheet.href ?? document.baseURI).href, ranges: parseUnicodeRange(range) });
    }
  }
  return out;
}

/** The bytes of a subset's file, from this origin only (the font is already in the HTTP cache when the page drew it). */
async function sameOriginBytes(s: CjkSubset): Promise<Uint8Array> {
  const url = new URL(s.file);
  if (url.origin !== location.origin) throw new Error(`canvas/cjkFontsBrowser: the font ${s.file} is not served by this app; reload the page and export again.`);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`canvas/cjkFontsBrowser: the font ${s.file} could not be read (HTTP ${r.status}); reload the page and export again.`);
  return new Uint8Array(await r.arrayBuffer());
}

/** `svg` carrying the shipped CJK subsets its text needs (export/cjkFontEmbed.ts); unchanged for Latin-only text. */
export async function embedCjkFontsInBrowser(svg: string): Promise<string> {
  if (!needsCjk(svg)) return svg; // no rules added, nothing read
  await addRules();
  return embedCjkFonts(svg, pageSubsets(), sameOriginBytes);
}

/** Whether every probe row of `img` (fontProbe) shows ink. */
function rowsInked(img: HTMLImageElement, width: number, rows: number): boolean {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = rows * ROW;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return true; // nothing to probe with: draw as is
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, width, rows * ROW).data;
  for (let r = 0; r < rows; r++) {
    let ink = false;
    for (let i = r * ROW * width * 4 + 3; i < (r + 1) * ROW * width * 4 && !ink; i += 4) ink = px[i] > 0;
    if (!ink) return false;
  }
  return true;
}

/**
 * Resolves once the fonts `svg` embeds are loaded for images (at once when it embeds none): a small image with the
 * same @font-face rules is drawn until each face's row shows ink, or `limitMs` has passed (then the image is drawn
 * with what has loaded).
 */
export async function warmEmbeddedFonts(svg: string, limitMs = 5000): Promise<void> {
  const probe = fontProbe(svg);
  if (!probe) return;
  const url = URL.createObjectURL(new Blob([probe.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const until = performance.now() + limitMs;
    while (!rowsInked(img, probe.width, probe.rows) && performance.now() < until) await new Promise((r) => setTimeout(r, 30));
  } finally {
    URL.revokeObjectURL(url);
  }
}
