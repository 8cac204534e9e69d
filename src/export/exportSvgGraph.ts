// Pure: the graph part of the SVG export — nodes and edges, as the kernel's drawn records (draw/geometry.ts),
// written as SVG in Cytoscape's drawing order (an edge's underlay, line, arrows and label; a node's outline, fill, border
// and label), every text and attribute value XML-escaped.
import { escapeXml } from './exportSvg';
import { arrowSvg, linePath } from './exportSvgEdges';
import { labelSvg } from './exportSvgLabel';
import type { EdgeDraw, ElementDraw, LineStyle, NodeDraw } from '../draw/drawing';
import type { TextMetrics } from '../draw/text';
import { fmt, shapePath } from './exportSvgShapes';

/** The stroke-dasharray attribute of a line style (Cytoscape: dotted is [1, 1], dashed its dash pattern), or ''. */
export function dashAttr(style: LineStyle, dash: number[]): string {
  const pattern = style === 'dotted' ? [1, 1] : style === 'dashed' ? dash : [];
  return pattern.length && pattern.some((d) => d > 0) ? ` stroke-dasharray="${pattern.map(fmt).join(' ')}"` : '';
}

const opacityAttr = (name: string, o: number) => (o < 1 ? ` ${name}="${fmt(Math.max(0, o))}"` : '');

/** A stroked outline (no fill) of `d`. */
function strokePath(d: string, color: string, width: number, opacity: number, extra = ''): string {
  return `<path d="${d}" fill="none" stroke="${escapeXml(color)}" stroke-width="${fmt(width)}"${opacityAttr('stroke-opacity', opacity)}${extra}/>`;
}

/**
 * A node: its outline (a selection-like ring, when styled), its shape filled, its border — a double border as two
 * outlines a third of the border width each with a gap between them, as Cytoscape erases the middle third — and its label.
 */
export function nodeSvg(n: NodeDraw, m: TextMetrics): string {
  const out: string[] = [];
  const at = (grow: number) => shapePath(n.shape, n.x, n.y, n.w, n.h, grow);
  const b = n.border, o = n.outline;
  const bw = b.width > 0 && b.opacity > 0 ? b.width : 0;
  if (o && o.width > 0 && o.opacity > 0) out.push(strokePath(at((b.width + o.width + o.offset) / 2), o.color, o.width, o.opacity, dashAttr(o.style, [4, 2])));
  const fill = `fill="${escapeXml(n.fill)}"${opacityAttr('fill-opacity', n.fillOpacity)}`;
  if (bw && b.style === 'double') {
    const third = bw / 3;
    out.push(`<path d="${at(-third)}" ${fill}/>`);
    out.push(strokePath(at(third), b.color, third, b.opacity, ' stroke-linejoin="miter"'));
    out.push(strokePath(at(-third), b.color, third, b.opacity, ' stroke-linejoin="miter"'));
  } else if (bw) {
    out.push(`<path d="${at(0)}" ${fill} stroke="${escapeXml(b.color)}" stroke-width="${fmt(bw)}"${opacityAttr('stroke-opacity', b.opacity)} stroke-linejoin="miter"${dashAttr(b.style, b.dash)}/>`);
  } else {
    out.push(`<path d="${at(0)}" ${fill}/>`);
  }
  if (n.label) out.push(labelSvg(n.label, m));
  return `<g data-id="${escapeXml(n.id)}" class="node">${out.join('')}</g>`;
}

/** An edge: its underlay (a highlight under the line, when styled), the line, its arrowheads and its label. */
export function edgeSvg(e: EdgeDraw, m: TextMetrics): string {
  const out: string[] = [];
  const d = linePath(e.geometry.pts, e.geometry.curved);
  const u = e.underlay;
  if (u && u.opacity > 0 && u.padding > 0) out.push(strokePath(d, u.color, 2 * u.padding, u.opacity, ' stroke-linecap="round" stroke-linejoin="round"'));
  if (e.width > 0 && e.opacity > 0) {
    const cap = e.cap === 'butt' ? '' : ` stroke-linecap="${escapeXml(e.cap)}"`;
    out.push(strokePath(d, e.color, e.width, e.opacity, `${cap} stroke-linejoin="round"${dashAttr(e.style, e.dash)}`));
  }
  for (const a of e.arrows) out.push(arrowSvg(a));
  if (e.label) out.push(labelSvg(e.label, m));
  return `<g data-id="${escapeXml(e.id)}" class="edge">${out.join('')}</g>`;
}

/**
 * The graph as an `<svg>` element `width` × `height` showing the model area from (x, y), the elements in the order
 * given (Cytoscape's z-order: edges under nodes, then by z-index, then by insertion).
 */
export function graphSvg(elements: ElementDraw[], view: { x: number; y: number; width: number; height: number }, m: TextMetrics): string {
  const { x, y, width, height } = view;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="${fmt(x)} ${fmt(y)} ${fmt(width)} ${fmt(height)}">`,
    ...elements.map((el) => (el.group === 'nodes' ? nodeSvg(el, m) : edgeSvg(el, m))),
    '</svg>',
  ].join('\n');
}
