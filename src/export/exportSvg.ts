// Pure: the SVG export as text — the caption's draw items as SVG shapes and text around the graph's SVG (exportSvgGraph).
// Every piece of text is XML-escaped and stripped of characters XML cannot hold, so names with markup stay text.
import type { DrawItem, ExportLayout } from './exportLayout';
import { FONT_FAMILY } from './exportText';

/** Characters XML 1.0 forbids even escaped (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that make an XML document invalid. */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '');
}

/** Text or attribute value escaped for XML: & < > " ' become entities; invalid characters are dropped. */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const num = (x: number) => String(Math.round(x * 100) / 100);
const paint = (fill: string | null, stroke: string | null, width: number) =>
  `fill="${escapeXml(fill ?? 'none')}" stroke="${escapeXml(stroke ?? 'none')}"${stroke ? ` stroke-width="${num(width)}"` : ''}`;
const dashAttr = (dash?: number[]) => (dash ? ` stroke-dasharray="${dash.map(num).join(' ')}"` : '');

/** One draw item as an SVG element. */
export function itemToSvg(it: DrawItem): string {
  switch (it.type) {
    case 'text':
      return `<text x="${num(it.x)}" y="${num(it.y)}" font-size="${it.font.size}" font-weight="${it.font.weight ?? 400}" fill="${escapeXml(it.color)}">${escapeXml(it.text)}</text>`;
    case 'rect':
      return `<rect x="${num(it.x)}" y="${num(it.y)}" width="${num(it.w)}" height="${num(it.h)}"${it.radius ? ` rx="${num(it.radius)}"` : ''} ${paint(it.fill, it.stroke, it.strokeWidth)}${dashAttr(it.dash)}/>`;
    case 'poly':
      return `<polygon points="${it.points.map(num).join(' ')}" ${paint(it.fill, it.stroke, it.strokeWidth)}/>`;
    case 'ellipse':
      return `<ellipse cx="${num(it.cx)}" cy="${num(it.cy)}" rx="${num(it.rx)}" ry="${num(it.ry)}" ${paint(it.fill, it.stroke, it.strokeWidth)}/>`;
    case 'line':
      return `<line x1="${num(it.x1)}" y1="${num(it.y1)}" x2="${num(it.x2)}" y2="${num(it.y2)}" stroke="${escapeXml(it.color)}" stroke-width="${num(it.width)}"${dashAttr(it.dash)}/>`;
    default: {
      const never: never = it;
      return never;
    }
  }
}

/**
 * The whole SVG document: `graphSvg` (an `<svg>` element, as exportSvgGraph makes it) placed where the layout puts the
 * graph, the caption drawn around it, an optional background, and `title` as the document's accessible title.
 * `scale` sets the displayed size; the drawing is vector and keeps the layout's coordinates in its viewBox.
 */
export function composeSvg(layout: ExportLayout, graphSvg: string, opts: { background: string | null; title: string; scale?: number }): string {
  const { width: W, height: H, unit: u, graph } = layout;
  const s = opts.scale ?? 1;
  const inner = xmlSafe(graphSvg)
    .replace(/^\s*<\?xml[^>]*>\s*/, '')
    .replace(/^<svg\b/, `<svg x="${num(graph.x)}" y="${num(graph.y)}"`);
  if (!inner.startsWith('<svg')) throw new Error('export/exportSvg: the graph drawing is not an SVG element — this is a bug; please report it');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${num(W * s)}" height="${num(H * s)}" viewBox="0 0 ${W} ${H}">`,
    `<title>${escapeXml(opts.title)}</title>`,
    opts.background ? `<rect width="${W}" height="${H}" fill="${escapeXml(opts.background)}"/>` : '',
    inner,
    `<g transform="scale(${num(u)})" font-family="${escapeXml(FONT_FAMILY)}">`,
    ...layout.items.map(itemToSvg),
    '</g>',
    '</svg>',
  ].filter((l) => l !== '').join('\n') + '\n';
}
