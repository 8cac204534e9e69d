// Pure: a diagram (diagram.ts) as a draw.io file — uncompressed mxfile XML (mxfile > diagram > mxGraphModel > root of
// mxCells), as draw.io itself saves with compression off: one vertex per entity at its laid-out box with its kind's
// shape, fill and border; one edge per holding, agreement, relation and dependency between them with its label, colour,
// dash and arrowhead; the title above and the legend to the right, as plain cells the user can move or delete.
import type { Diagram, DiagramEdge, DiagramNode } from './diagram';
import { el, num, xmlDocument, type XmlElement } from './xmlBuilder';
import { FONT_FAMILY } from './exportText';
import { KIND_STYLES } from '../canvas/stylesheet';

/** draw.io style values are `key=value;` pairs: a value must not carry `;` or `=`. */
const styleValue = (v: string) => v.replace(/[;=]/g, ' ');
const style = (pairs: Record<string, string | number | undefined>) => Object.entries(pairs).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => `${k}=${typeof v === 'number' ? num(v) : styleValue(v)}`).join(';') + ';';

/** draw.io's built-in shape for each of the canvas's node shapes (mxGraph core shapes and the basic library). */
const SHAPES: Record<string, Record<string, string | number>> = {
  'round-rectangle': { rounded: 1, arcSize: 14 },
  ellipse: { ellipse: '', perimeter: 'ellipsePerimeter' },
  hexagon: { shape: 'hexagon', perimeter: 'hexagonPerimeter2', size: 0.2 },
  'cut-rectangle': { shape: 'mxgraph.basic.octagon2', dx: 8 },
  rhomboid: { shape: 'parallelogram', perimeter: 'parallelogramPerimeter', size: 0.15 },
  rectangle: { rounded: 0 },
};

const ARROWS = { triangle: { endArrow: 'block', endFill: 1 }, diamond: { endArrow: 'diamond', endFill: 1 }, vee: { endArrow: 'open', endFill: 0 } } as const;

/** A canvas shape's style pairs, written `ellipse;` for the bare keys draw.io uses. */
function shapeStyle(shape: string): string {
  return Object.entries(SHAPES[shape] ?? SHAPES['round-rectangle']).map(([k, v]) => (v === '' ? `${k};` : `${k}=${v};`)).join('');
}

function nodeCell(n: DiagramNode, id: string, dx: number, dy: number): XmlElement {
  const border = n.border === 'dashed' ? { dashed: 1 } : n.border === 'dotted' ? { dashed: 1, dashPattern: '1 3' } : {};
  const s = shapeStyle(KIND_STYLES[n.kind].shape) + style({
    whiteSpace: 'wrap', html: 0, fillColor: n.fill, strokeColor: n.lit ? '#dc2626' : n.stroke,
    strokeWidth: n.lit ? Math.max(4, n.strokeWidth) : n.border === 'double' ? Math.min(n.strokeWidth, 4) : n.strokeWidth,
    fontFamily: FONT_FAMILY.split(',')[0].replace(/"/g, ''), fontSize: 12, fontColor: '#111827', ...border,
  });
  return el('mxCell', { id, value: n.label, style: s, vertex: '1', parent: '1' }, [
    el('mxGeometry', { x: n.x - n.w / 2 + dx, y: n.y - n.h / 2 + dy, width: n.w, height: n.h, as: 'geometry' }),
  ]);
}

function edgeCell(e: DiagramEdge, id: string, ids: Map<string, string>, dx: number, dy: number): XmlElement {
  const dash = e.line === 'dashed' ? { dashed: 1 } : e.line === 'dotted' ? { dashed: 1, dashPattern: '1 3' } : {};
  const s = style({
    edgeStyle: 'none', curved: 0, html: 0, rounded: 0, strokeColor: e.color, strokeWidth: e.width, ...ARROWS[e.arrow], ...dash,
    fontSize: 11, fontColor: e.kind === 'holding' ? '#1f2937' : e.color, labelBackgroundColor: '#ffffff',
    ...(e.kind === 'agreement' || e.kind === 'relation' ? { fontStyle: 2 } : {}),
  });
  const geometry = el('mxGeometry', { relative: '1', as: 'geometry' }, e.via ? [el('Array', { as: 'points' }, [el('mxPoint', { x: e.via.x + dx, y: e.via.y + dy })])] : []);
  return el('mxCell', { id, value: e.label, style: s, edge: '1', parent: '1', source: ids.get(e.source), target: ids.get(e.target) }, [geometry]);
}

const text = (id: string, value: string, x: number, y: number, w: number, h: number, size: number, extra: Record<string, string | number> = {}) =>
  el('mxCell', { id, value, style: style({ text: '', html: 0, align: 'left', verticalAlign: 'top', whiteSpace: 'wrap', fontSize: size, fontColor: '#0f172a', ...extra }).replace('text=;', 'text;'), vertex: '1', parent: '1' }, [
    el('mxGeometry', { x, y, width: w, height: h, as: 'geometry' }),
  ]);

/** The legend as cells: each section's heading, then per row a sample (a box or a short line) and its words. */
function legendCells(d: Diagram, x0: number, y0: number): XmlElement[] {
  const out: XmlElement[] = [text('legend-title', 'Legend', x0, y0, 240, 22, 14, { fontStyle: 1 })];
  let y = y0 + 28;
  d.legend.forEach((section, si) => {
    out.push(text(`legend-${si}`, section.heading, x0, y, 260, 18, 12, { fontStyle: 1, fontColor: '#64748b' }));
    y += 22;
    section.rows.forEach((row, ri) => {
      const id = `legend-${si}-${ri}`, m = row.mark;
      if (m.type === 'edge') {
        const dash = m.style.lineStyle === 'solid' ? {} : { dashed: 1 };
        const arrow = m.style.arrow === 'diamond' ? ARROWS.diamond : m.style.arrow === 'vee' ? ARROWS.vee : ARROWS.triangle;
        out.push(el('mxCell', { id: `${id}-mark`, value: '', style: style({ html: 0, strokeColor: m.style.color, strokeWidth: Math.min(m.style.width ?? 2, 4), ...arrow, ...dash }), edge: '1', parent: '1' }, [
          el('mxGeometry', { relative: '1', as: 'geometry' }, [el('mxPoint', { x: x0, y: y + 9, as: 'sourcePoint' }), el('mxPoint', { x: x0 + 30, y: y + 9, as: 'targetPoint' })]),
        ]));
      } else {
        const s = m.type === 'group' ? style({ rounded: 1, fillColor: m.fill, strokeColor: m.line, strokeWidth: 2 })
          : m.type === 'kind' ? shapeStyle(m.style.shape) + style({ fillColor: '#ffffff', strokeColor: '#374151' })
          : style({ rounded: 1, fillColor: '#ffffff', strokeColor: m.style.borderColor ?? '#1d4ed8', strokeWidth: Math.min(m.style.borderWidth, 4), ...(m.style.borderStyle === 'dashed' || m.style.borderStyle === 'dotted' ? { dashed: 1 } : {}) });
        out.push(el('mxCell', { id: `${id}-mark`, value: '', style: s, vertex: '1', parent: '1' }, [el('mxGeometry', { x: x0, y: y + 1, width: 30, height: 16, as: 'geometry' })]));
      }
      out.push(text(id, row.note ? `${row.label} ${row.note}` : row.label, x0 + 38, y, 240, 18, 12));
      y += 22;
    });
    y += 8;
  });
  return out;
}

/** The diagram as a .drawio file (uncompressed mxfile XML). */
export function drawioXml(d: Diagram): string {
  const margin = 40, head = 70;
  const dx = margin - d.bounds.x, dy = margin + head - d.bounds.y;
  const ids = new Map(d.nodes.map((n, i) => [n.id, `n${i}`]));
  const cells: XmlElement[] = [el('mxCell', { id: '0' }), el('mxCell', { id: '1', parent: '0' })];
  cells.push(text('title', d.title, margin, 12, Math.max(400, d.bounds.width), 28, 20, { fontStyle: 1 }));
  cells.push(text('subtitle', d.lit ? `${d.subtitle}  ·  Lit: ${d.lit}` : d.subtitle, margin, 42, Math.max(400, d.bounds.width), 20, 12, { fontColor: '#475569' }));
  d.edges.forEach((e, i) => cells.push(edgeCell(e, `e${i}`, ids, dx, dy)));
  d.nodes.forEach((n) => cells.push(nodeCell(n, ids.get(n.id)!, dx, dy)));
  cells.push(...legendCells(d, margin + d.bounds.width + 60, margin + head));
  const model = el('mxGraphModel', { dx: 0, dy: 0, grid: '0', gridSize: 10, guides: '1', tooltips: '1', connect: '1', arrows: '1', fold: '1', page: '0', pageScale: 1, math: '0', shadow: '0' }, [el('root', {}, cells)]);
  return xmlDocument(el('mxfile', { host: 'Ownership Explorer', type: 'device', compressed: 'false' }, [el('diagram', { id: 'ownership', name: d.title.slice(0, 60) || 'Ownership' }, [model])]));
}
