// Pure labels for the SVG export: Cytoscape's text wrapping (the same words on each line, measured in the same font),
// placed as Cytoscape places them, drawn as one <text> (a <tspan> per line) on an optional background; all XML-escaped.
import { textEms } from './cjkFonts';
import { escapeXml } from './exportSvg';
import { fmt } from './exportSvgShapes';

export interface LabelFont { style: string; weight: string; size: number; family: string }

/**
 * Text measurement: the width of a line, and how far the alphabetic baseline sits above the bottom of the em box
 * (Cytoscape draws labels on textBaseline "bottom"; SVG places text by its alphabetic baseline).
 */
export interface TextMetrics {
  width(text: string, font: LabelFont): number;
  baseline(font: LabelFont): number;
}

/** Rough metrics for tests and for when no canvas exists: average glyph 0.56 em (CJK 1 em), baseline 0.2 em above the bottom. */
export const approxMetrics: TextMetrics = { width: (t, f) => textEms(t) * f.size, baseline: (f) => f.size * 0.2 };

/** The CSS/canvas font shorthand Cytoscape measures and draws labels with. */
export const labelFont = (f: LabelFont) => `${f.style} ${f.weight} ${f.size}px ${f.family}`;

/**
 * The lines of `text` as Cytoscape's text-wrap "wrap" draws them: each newline starts a line; a line wider than
 * `maxWidth` breaks at white space (Cytoscape measures a candidate with its trailing separator, and so does this);
 * a word too wide for any line stands alone. Line ends are trimmed, so that centred lines are centred.
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
  return out.map((l) => l.replace(/[\s\u200b]+$/, ''));
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

const ANCHOR = { left: 'end', center: 'middle', right: 'start' } as const;

/** The label as SVG: an optional background box, then one <text> whose lines are <tspan>s (a single line is plain text). */
export function labelSvg(l: LabelDraw, m: TextMetrics): string {
  if (!l.lines.length || l.opacity <= 0) return '';
  const box = labelBox(l, m);
  const out: string[] = [];
  const bg = l.background;
  if (bg && bg.opacity > 0) {
    const p = bg.padding;
    out.push(`<rect x="${fmt(box.x - p)}" y="${fmt(box.y - p)}" width="${fmt(box.w + 2 * p)}" height="${fmt(box.h + 2 * p)}"${bg.round ? ' rx="2"' : ''} fill="${escapeXml(bg.color)}"${bg.opacity < 1 ? ` fill-opacity="${fmt(bg.opacity)}"` : ''}/>`);
  }
  const f = l.font;
  const attrs = [
    `text-anchor="${ANCHOR[l.halign]}"`,
    `font-family="${escapeXml(f.family)}"`,
    `font-size="${fmt(f.size)}"`,
    f.weight !== 'normal' && f.weight !== '400' ? `font-weight="${escapeXml(f.weight)}"` : '',
    f.style !== 'normal' ? `font-style="${escapeXml(f.style)}"` : '',
    `fill="${escapeXml(l.color)}"`,
    l.opacity < 1 ? `fill-opacity="${fmt(l.opacity)}"` : '',
    l.outline && l.outline.width > 0
      ? `stroke="${escapeXml(l.outline.color)}" stroke-width="${fmt(2 * l.outline.width)}" stroke-opacity="${fmt(l.outline.opacity * l.opacity)}" stroke-linejoin="round" paint-order="stroke"`
      : '',
    'xml:space="preserve"',
  ].filter(Boolean).join(' ');
  const x = fmt(l.x);
  if (l.lines.length === 1) out.push(`<text x="${x}" y="${fmt(box.baselines[0])}" ${attrs}>${escapeXml(l.lines[0])}</text>`);
  else out.push(`<text ${attrs}>${l.lines.map((s, i) => `<tspan x="${x}" y="${fmt(box.baselines[i])}">${escapeXml(s)}</tspan>`).join('')}</text>`);
  return out.join('');
}
