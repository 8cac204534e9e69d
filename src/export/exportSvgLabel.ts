// Pure labels for the SVG export: a kernel label (draw/text.ts: lines wrapped and placed as Cytoscape places them) drawn
// as one <text> (a <tspan> per line) on an optional background; all XML-escaped.
import { escapeXml } from './exportSvg';
import { fmt } from './exportSvgShapes';
import { labelBox, type LabelDraw, type TextMetrics } from '../draw/text';

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
