// Pure text fitting for export captions: fonts, an injected width measure, truncation and word wrapping.

import { CJK_FONT_STACK, textEms } from './cjkFonts';

/** The caption's font stack (the canvas draws node names in the same one); the shipped CJK fonts before the generic. */
export const FONT_FAMILY = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", ${CJK_FONT_STACK}, sans-serif`;

export interface Font {
  size: number;
  weight?: 400 | 600 | 700;
}

/** Width of `text` in `font`, in the same units as `font.size` (a canvas measureText in the browser). */
export type Measure = (text: string, font: Font) => number;

/** The CSS/canvas font shorthand of `font`. */
export function cssFont(font: Font): string {
  return `${font.weight ?? 400} ${font.size}px ${FONT_FAMILY}`;
}

/** A rough measure for tests and for when no canvas exists: average glyph width 0.56 em, a full em for CJK. */
export const approxMeasure: Measure = (text, font) => textEms(text) * font.size;

/** `text` cut with an ellipsis so that it fits `width`; the whole text when it already fits. */
export function truncate(text: string, width: number, font: Font, measure: Measure): string {
  if (measure(text, font) <= width) return text;
  const chars = [...text];
  let lo = 0, hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, font) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo ? `${chars.slice(0, lo).join('').trimEnd()}…` : '…';
}

/** Splits a word wider than `width` into pieces that fit. */
function breakWord(word: string, width: number, font: Font, measure: Measure): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur && measure(cur + ch, font) > width) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Word-wraps `text` into lines no wider than `width`; beyond `maxLines` the last line ends with an ellipsis. */
export function wrapText(text: string, width: number, font: Font, measure: Measure, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => (measure(w, font) > width ? breakWord(w, width, font, measure) : [w]));
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && measure(next, font) > width) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines[maxLines]}`, width, font, measure);
  if (!kept[maxLines - 1].endsWith('…')) kept[maxLines - 1] = truncate(`${kept[maxLines - 1]}…`, width, font, measure);
  return kept;
}
