// Reads what Cytoscape draws — every visible element's position, size, computed style and edge geometry, in its
// drawing order — into the plain records exportSvgGraph.ts writes as SVG; labels are wrapped as Cytoscape wraps them.
import type { Collection, Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import { arrowGap, arrowSize, edgeGeometry, type ArrowDraw, type EdgeInput, type Pt } from '../export/exportSvgEdges';
import type { EdgeDraw, ElementDraw, LineStyle, NodeDraw } from '../export/exportSvgGraph';
import { approxMetrics, ellipsizeLabel, labelFont, wrapLabel, type LabelDraw, type LabelFont, type TextMetrics } from '../export/exportSvgLabel';

type Ele = SingularElementArgument;

const str = (ele: Ele, name: string): string => String(ele.style(name) ?? '');
function num(ele: Ele, name: string): number {
  const v = Number(ele.numericStyle(name));
  return Number.isFinite(v) ? v : 0;
}
function nums(ele: Ele, name: string): number[] {
  const v: unknown = ele.numericStyle(name);
  return Array.isArray(v) ? v.map(Number).filter(Number.isFinite) : [];
}
const lineStyle = (ele: Ele, name: string): LineStyle => {
  const s = str(ele, name);
  return s === 'dashed' || s === 'dotted' || s === 'double' ? s : 'solid';
};

/** The text box side of a node label's anchor, as Cytoscape's labelHalign / labelValign map text-halign / text-valign. */
const BOX_H: Record<string, LabelDraw['halign']> = { left: 'left', 'right-inside': 'left', right: 'right', 'left-inside': 'right' };
const BOX_V: Record<string, LabelDraw['valign']> = { top: 'top', 'bottom-inside': 'top', bottom: 'bottom', 'top-inside': 'bottom' };

/** An element's label as drawn, anchored at (x, y) (a node's labelX/labelY, an edge's midpoint); null when it has none. */
function readLabel(ele: Ele, x: number, y: number, m: TextMetrics, opacity: number): LabelDraw | null {
  const transform = str(ele, 'text-transform');
  let text = str(ele, 'label');
  if (!text) return null;
  if (transform === 'uppercase') text = text.toUpperCase();
  else if (transform === 'lowercase') text = text.toLowerCase();
  const font: LabelFont = { style: str(ele, 'font-style') || 'normal', weight: str(ele, 'font-weight') || 'normal', size: num(ele, 'font-size'), family: str(ele, 'font-family') || 'sans-serif' };
  const width = (s: string) => m.width(s, font);
  const wrap = str(ele, 'text-wrap'), maxWidth = num(ele, 'text-max-width');
  const lines = wrap === 'wrap' ? wrapLabel(text, maxWidth, width) : [wrap === 'ellipsis' ? ellipsizeLabel(text, maxWidth, width) : text.replace(/\n/g, ' ')];
  const node = ele.isNode();
  const bgOpacity = num(ele, 'text-background-opacity'), outlineWidth = num(ele, 'text-outline-width');
  return {
    lines,
    x: x + num(ele, 'text-margin-x'),
    y: y + num(ele, 'text-margin-y'),
    halign: node ? (BOX_H[str(ele, 'text-halign')] ?? 'center') : 'center',
    valign: node ? (BOX_V[str(ele, 'text-valign')] ?? 'center') : 'center',
    font,
    color: str(ele, 'color'),
    opacity: opacity * num(ele, 'text-opacity'),
    lineHeight: num(ele, 'line-height') || 1,
    background: bgOpacity > 0 ? { color: str(ele, 'text-background-color'), opacity: bgOpacity * opacity, padding: num(ele, 'text-background-padding'), round: /^round/.test(str(ele, 'text-background-shape')) } : null,
    outline: outlineWidth > 0 ? { color: str(ele, 'text-outline-color'), width: outlineWidth, opacity: num(ele, 'text-outline-opacity') } : null,
  };
}

/** How far from a node's centre Cytoscape anchors its label for a text-halign / text-valign value. */
function anchorOffset(align: string, half: number, pad: number): number {
  const side = align.replace(/-inside$/, ''), inside = align.endsWith('-inside');
  const dir = side === 'left' || side === 'top' ? -1 : side === 'right' || side === 'bottom' ? 1 : 0;
  return dir * (half + (inside ? -pad : pad));
}

/** A node: position, size with padding, shape, fill, border, outline and label. */
export function readNode(n: NodeSingular, m: TextMetrics): NodeDraw {
  const opacity = n.effectiveOpacity(), pos = n.position(), pad = num(n, 'padding');
  const w = n.width() + 2 * pad, h = n.height() + 2 * pad;
  const outlineWidth = num(n, 'outline-width');
  return {
    group: 'nodes',
    id: n.id(),
    x: pos.x,
    y: pos.y,
    w,
    h,
    shape: str(n, 'shape'),
    fill: str(n, 'background-color'),
    fillOpacity: num(n, 'background-opacity') * opacity,
    border: { color: str(n, 'border-color'), width: num(n, 'border-width'), style: lineStyle(n, 'border-style'), dash: nums(n, 'border-dash-pattern'), opacity: num(n, 'border-opacity') * opacity },
    outline: outlineWidth > 0
      ? { color: str(n, 'outline-color'), width: outlineWidth, offset: num(n, 'outline-offset'), style: lineStyle(n, 'outline-style'), opacity: num(n, 'outline-opacity') * opacity }
      : null,
    label: readLabel(n, pos.x + anchorOffset(str(n, 'text-halign'), n.width() / 2, pad), pos.y + anchorOffset(str(n, 'text-valign'), n.height() / 2, pad), m, opacity),
  };
}

/** Where an edge's line ends and which way its arrows point, from Cytoscape's endpoints, control points and midpoint. */
export function readGeometry(e: EdgeSingular): EdgeInput {
  const curve = str(e, 'curve-style'), width = num(e, 'width'), scale = num(e, 'arrow-scale') || 1;
  const pts = (list: Pt[] | undefined) => (list ?? []).map((p) => ({ x: p.x, y: p.y }));
  const ctrl = curve === 'haystack' ? [] : curve === 'segments' || curve === 'taxi' ? pts(e.segmentPoints()) : pts(e.controlPoints());
  return {
    kind: curve === 'haystack' ? 'haystack' : curve === 'segments' || curve === 'taxi' ? 'segments' : ctrl.length ? 'bezier' : 'straight',
    tail: e.sourceEndpoint(),
    tip: e.targetEndpoint(),
    ctrl,
    mid: e.midpoint(),
    sourceGap: arrowGap(str(e, 'source-arrow-shape'), width, scale),
    targetGap: arrowGap(str(e, 'target-arrow-shape'), width, scale),
  };
}

/** An edge: its line (shortened for its arrows), arrowheads at the ends and the middle, underlay and label. */
export function readEdge(e: EdgeSingular, m: TextMetrics): EdgeDraw {
  const opacity = e.effectiveOpacity(), lineOpacity = opacity * num(e, 'line-opacity');
  const input = readGeometry(e);
  const geometry = edgeGeometry(input);
  const width = num(e, 'width'), size = arrowSize(width, num(e, 'arrow-scale') || 1);
  const arrows: ArrowDraw[] = [];
  const haystack = input.kind === 'haystack';
  const ends: [string, Pt, number][] = [
    ['source', input.tail, geometry.sourceAngle],
    ['mid-source', input.mid, geometry.midAngle + Math.PI],
    ['mid-target', input.mid, geometry.midAngle],
    ['target', input.tip, geometry.targetAngle],
  ];
  for (const [prefix, tip, angle] of ends) {
    const shape = str(e, `${prefix}-arrow-shape`);
    if (!shape || shape === 'none' || (haystack && !prefix.startsWith('mid'))) continue;
    const hollow = str(e, `${prefix}-arrow-fill`) === 'hollow';
    arrows.push({ shape, tip, angle, size, color: str(e, `${prefix}-arrow-color`), opacity: lineOpacity, hollow, lineWidth: width });
  }
  const underlayOpacity = num(e, 'underlay-opacity');
  return {
    group: 'edges',
    id: e.id(),
    geometry,
    color: str(e, 'line-color'),
    width,
    opacity: lineOpacity,
    style: lineStyle(e, 'line-style'),
    dash: nums(e, 'line-dash-pattern'),
    cap: str(e, 'line-cap') || 'butt',
    underlay: underlayOpacity > 0 ? { color: str(e, 'underlay-color'), padding: num(e, 'underlay-padding'), opacity: underlayOpacity * opacity } : null,
    arrows,
    label: readLabel(e, input.mid.x, input.mid.y, m, opacity),
  };
}

/** Every element Cytoscape draws, in its drawing order (edges under nodes, then z-index, then insertion); hidden ones skipped. */
export function readGraph(cy: Core, m: TextMetrics): ElementDraw[] {
  const all = cy.elements() as Collection & { sortByZIndex?: () => Collection };
  const ordered = all.sortByZIndex ? all.sortByZIndex() : all.edges().union(all.nodes());
  const out: ElementDraw[] = [];
  ordered.forEach((ele) => {
    if (!ele.visible() || ele.effectiveOpacity() <= 0) return;
    if (ele.isNode()) {
      const p = ele.position();
      if (Number.isFinite(p.x) && Number.isFinite(p.y)) out.push(readNode(ele, m));
    } else {
      const e = ele as EdgeSingular;
      const ok = [e.sourceEndpoint(), e.targetEndpoint()].every((p) => p && Number.isFinite(p.x) && Number.isFinite(p.y));
      if (ok) out.push(readEdge(e, m));
    }
  });
  return out;
}

let measuring: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

const lifts = new Map<string, number>();

/** A 2D context set to `font` for measuring, or null where there is no canvas. */
function measuringContext(font: LabelFont) {
  if (measuring === undefined) measuring = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1).getContext('2d') : (globalThis.document?.createElement('canvas').getContext('2d') ?? null);
  if (measuring) measuring.font = labelFont(font);
  return measuring;
}

/** Text metrics from a canvas, as Cytoscape measures labels (calculateLabelDimensions) and places them (baseline "bottom"). */
export const canvasMetrics: TextMetrics = {
  width(text, font) {
    const ctx = measuringContext(font);
    return ctx ? ctx.measureText(text).width : approxMetrics.width(text, font);
  },
  baseline(font) {
    const key = labelFont(font), known = lifts.get(key);
    if (known !== undefined) return known;
    const ctx = measuringContext(font);
    if (!ctx) return approxMetrics.baseline(font);
    // How much the font's descent shrinks from the alphabetic baseline to the bottom one (browsers disagree on the
    // sign of TextMetrics.alphabeticBaseline, not on fontBoundingBoxDescent).
    ctx.textBaseline = 'alphabetic';
    const below = ctx.measureText('Hg').fontBoundingBoxDescent;
    ctx.textBaseline = 'bottom';
    const lift = below - ctx.measureText('Hg').fontBoundingBoxDescent;
    ctx.textBaseline = 'alphabetic';
    const out = Number.isFinite(lift) ? lift : approxMetrics.baseline(font);
    lifts.set(key, out);
    return out;
  },
};
