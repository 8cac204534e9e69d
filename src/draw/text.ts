// The kernel's text: label fonts, text metrics (measured by the caller: a canvas in the browser, an approximation in
// Node), names wrapped into lines as Cytoscape wraps them, and a label's box. No Cytoscape, React or DOM.
export interface LabelFont { style: string; weight: string; size: number; family: string }

/**
 * Text measurement: the width of a line, and how far the alphabetic baseline sits above the bottom of the em box
 * (Cytoscape draws labels on textBaseline "bottom"; SVG places text by its alphabetic baseline).
 */
export interface TextMetrics {
  width(text: string, font: LabelFont): number;
  baseline(font: LabelFont): number;
}

/** Whether a code point is Japanese, Korean or Chinese (full-width: about an em wide). */
export function isCjk(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7ff)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
}

/** Width of `text` in em, roughly: 0.56 em a glyph in Latin and most scripts, a full em for CJK (full-width) ones, none for zero-width spaces and joiners. */
export function textEms(text: string): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    em += isCjk(cp) ? 1 : (cp >= 0x200b && cp <= 0x200d) || cp === 0xfeff ? 0 : 0.56;
  }
  return em;
}

/** Rough metrics for tests and for when no canvas exists: average glyph 0.56 em (CJK 1 em), baseline 0.2 em above the bottom. */
export const approxMetrics: TextMetrics = { width: (t, f) => textEms(t) * f.size, baseline: (f) => f.size * 0.2 };

/** The CSS/canvas font shorthand Cytoscape measures and draws labels with. */
export const labelFont = (f: LabelFont) => `${f.style} ${f.weight} ${f.size}px ${f.family}`;

/** Zero-width space: a place a line may break without a space, which Cytoscape's wrap and wrapLabel both take. */
export const BREAK = '\u200b';
/** Characters a line must not start with (closing punctuation, small kana, the long-vowel mark: kinsoku). */
const NO_START = /[、。，．,.:;!?！？）)\]｝〕〉》」』】〙〗ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・‥…〜～’”%％]/u;
/** Characters a line must not end with (opening brackets and quotes). */
const NO_END = /[（([｛〔〈《「『【〘〖‘“]/u;
const MARK = /\p{M}/u;
const SPACE = /^[\s\u200b]+$/;

/** Characters a line may break on either side of: Chinese and Japanese ones (Korean is written with spaces and keeps its words). */
function breaksWithin(cp: number): boolean {
  const hangul = (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7ff);
  return isCjk(cp) && !hangul;
}

/**
 * `text` with BREAK at every place a line may break that Cytoscape's wrap (white space only) does not see: between
 * Japanese or Chinese characters and next to them (not before closing punctuation or small kana, not after
 * an opening bracket), and, as a last resort, between every character of a word wider than `wordMax` (no hyphen; a
 * word between `maxWidth` and `wordMax` stands alone on its line, as Cytoscape draws it). Words are judged with the rough metrics at `fontSize`, a pure function of its arguments, so the
 * canvas (which draws this text) and every export (which wraps the same text, wrapLabel) break at the same places.
 */
export function breakHints(text: string, maxWidth: number, fontSize: number, wordMax = maxWidth): string {
  return text.split('\n').map((line) => {
    const chars = [...line];
    let hinted = '';
    for (let i = 0; i < chars.length; i++) {
      const a = chars[i], b = chars[i + 1];
      hinted += a;
      if (b === undefined || /\s/.test(a) || /\s/.test(b) || MARK.test(b)) continue;
      if ((breaksWithin(a.codePointAt(0)!) || breaksWithin(b.codePointAt(0)!)) && !NO_END.test(a) && !NO_START.test(b)) hinted += BREAK;
    }
    return hinted.split(/([\s\u200b]+)/).map((part) => {
      if (!part || SPACE.test(part) || textEms(part) * fontSize <= Math.max(maxWidth, wordMax)) return part;
      return [...part].map((c, i) => (i && !MARK.test(c) && !NO_START.test(c) ? BREAK + c : c)).join('');
    }).join('');
  }).join('\n');
}

/**
 * The lines of `text` as Cytoscape's text-wrap "wrap" draws them: each newline starts a line; a line wider than
 * `maxWidth` breaks at white space (Cytoscape measures a candidate with its trailing separator, and so does this);
 * a word too wide for any line stands alone. Line ends are trimmed, so that centred lines are centred. A BREAK
 * (zero-width space, breakHints) is a place to break like a space and is left out of the lines.
 */
export function wrapLabel(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const w = (s: string) => Math.ceil(width(s));
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (w(line) <= maxWidth) {
      out.push(line);
      continue;
    }
    let sub = '', previous = 0;
    for (const m of line.matchAll(/[\s\u200b]+|$/g)) {
      const sep = m[0], word = line.substring(previous, m.index);
      previous = m.index + sep.length;
      if (w(sub.length === 0 ? word : sub + word + sep) <= maxWidth) sub += word + sep;
      else {
        if (sub) out.push(sub);
        sub = word + sep;
      }
    }
    if (!/^[\s\u200b]+$/.test(sub)) out.push(sub);
  }
  return out.map((l) => l.replace(/[\s\u200b]+$/, '').replace(/\u200b/g, ''));
}

/** `text` cut with "…" to fit `maxWidth`, as Cytoscape's text-wrap "ellipsis" draws it (one line). */
export function ellipsizeLabel(text: string, maxWidth: number, width: (s: string) => number): string {
  if (width(text) < maxWidth) return text;
  let kept = '';
  for (const ch of text) {
    if (width(`${kept}${ch}…`) > maxWidth) break;
    kept += ch;
  }
  return `${kept}…`;
}

/** A label to draw: its lines, where Cytoscape anchors it, which way its box extends from there, and its paint. */
export interface LabelDraw {
  lines: string[];
  x: number;
  y: number;
  /** The side of (x, y) the text box lies on: Cytoscape's text-halign / text-valign (edges: centre, centre). */
  halign: 'left' | 'center' | 'right';
  valign: 'top' | 'center' | 'bottom';
  font: LabelFont;
  color: string;
  opacity: number;
  /** Cytoscape's line-height: a multiple of the font size. */
  lineHeight: number;
  background: { color: string; opacity: number; padding: number; round: boolean } | null;
  outline: { color: string; width: number; opacity: number } | null;
}

/** The label's box (left, top, width, height) and the baseline of each line, as Cytoscape lays out a label. */
export function labelBox(l: LabelDraw, m: TextMetrics): { x: number; y: number; w: number; h: number; baselines: number[] } {
  const size = l.font.size, n = l.lines.length, step = size * l.lineHeight;
  const w = Math.max(0, ...l.lines.map((s) => Math.ceil(m.width(s, l.font))));
  const h = n * size + (n - 1) * (l.lineHeight - 1) * size;
  const bottom = l.valign === 'top' ? l.y : l.valign === 'center' ? l.y + h / 2 : l.y + h;
  const first = bottom - (n - 1) * step, lift = m.baseline(l.font);
  const left = l.halign === 'left' ? l.x - w : l.halign === 'center' ? l.x - w / 2 : l.x;
  return { x: left, y: bottom - h, w, h, baselines: l.lines.map((_, i) => first + i * step - lift) };
}
