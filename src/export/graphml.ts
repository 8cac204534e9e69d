// Pure: a diagram (diagram.ts) as GraphML for yEd — the GraphML structure (graphml > key… > graph > node/edge with
// data) with yEd's graphics extension (namespace http://www.yworks.com/xml/graphml: y:ShapeNode with y:Geometry,
// y:Fill, y:BorderStyle, y:NodeLabel, y:Shape; y:PolyLineEdge with y:Path, y:LineStyle, y:Arrows, y:EdgeLabel), so
// shapes, colours and positions survive. Plain GraphML readers see the nodes, edges and their name/label data. The
// title and the legend are nodes of their own (yEd has no legend), ids prefixed "legend:" and "title".
import { KIND_STYLES } from '../canvas/stylesheet';
import type { Diagram, DiagramEdge, DiagramNode } from './diagram';
import { el, xmlDocument, type XmlElement } from './xmlBuilder';

const NS = {
  xmlns: 'http://graphml.graphdrawing.org/xmlns',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xmlns:y': 'http://www.yworks.com/xml/graphml',
  'xmlns:yed': 'http://www.yworks.com/xml/yed/3',
  'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd',
};

/** yEd's y:Shape type for each of the canvas's node shapes. */
const SHAPES: Record<string, string> = {
  'round-rectangle': 'roundrectangle',
  ellipse: 'ellipse',
  hexagon: 'hexagon',
  'cut-rectangle': 'octagon',
  rhomboid: 'parallelogram',
  rectangle: 'rectangle',
};
const ARROWS = { triangle: 'standard', diamond: 'diamond', vee: 'plain' } as const;
const LINE = { solid: 'line', dashed: 'dashed', dotted: 'dotted' } as const;

function shapeNode(n: { x: number; y: number; w: number; h: number; fill: string | null; stroke: string | null; width: number; border: keyof typeof LINE; shape: string; label: string; size?: number; bold?: boolean; align?: string }): XmlElement {
  return el('y:ShapeNode', {}, [
    el('y:Geometry', { x: n.x, y: n.y, width: n.w, height: n.h }),
    n.fill ? el('y:Fill', { color: n.fill, transparent: 'false' }) : el('y:Fill', { hasColor: 'false', transparent: 'false' }),
    n.stroke ? el('y:BorderStyle', { color: n.stroke, type: LINE[n.border], width: n.width }) : el('y:BorderStyle', { hasColor: 'false', type: 'line', width: 1 }),
    el('y:NodeLabel', { alignment: n.align ?? 'center', autoSizePolicy: 'content', fontFamily: 'Dialog', fontSize: n.size ?? 12, fontStyle: n.bold ? 'bold' : 'plain', hasBackgroundColor: 'false', hasLineColor: 'false', modelName: 'internal', modelPosition: n.align === 'left' ? 'l' : 'c', textColor: '#111827', visible: 'true' }, [n.label]),
    el('y:Shape', { type: SHAPES[n.shape] ?? n.shape }),
  ]);
}

function entityNode(n: DiagramNode, id: string, dx: number, dy: number): XmlElement {
  const border = n.border === 'double' ? 'solid' : n.border;
  return el('node', { id }, [
    el('data', { key: 'd_id' }, [n.entity]),
    el('data', { key: 'd_name' }, [n.label.split('\n')[0]]),
    el('data', { key: 'd_kind' }, [n.kind]),
    el('data', { key: 'd_graphics' }, [shapeNode({
      x: n.x - n.w / 2 + dx, y: n.y - n.h / 2 + dy, w: n.w, h: n.h, fill: n.fill, stroke: n.lit ? '#dc2626' : n.stroke,
      width: n.lit ? Math.max(4, n.strokeWidth) : Math.min(n.strokeWidth, 4), border, shape: KIND_STYLES[n.kind].shape, label: n.label,
    })]),
  ]);
}

function edge(e: DiagramEdge, id: string, ids: Map<string, string>, dx: number, dy: number): XmlElement {
  return el('edge', { id, source: ids.get(e.source), target: ids.get(e.target) }, [
    el('data', { key: 'e_label' }, [e.label]),
    el('data', { key: 'e_kind' }, [e.kind]),
    el('data', { key: 'e_graphics' }, [el('y:PolyLineEdge', {}, [
      el('y:Path', { sx: 0, sy: 0, tx: 0, ty: 0 }, e.via ? [el('y:Point', { x: e.via.x + dx, y: e.via.y + dy })] : []),
      el('y:LineStyle', { color: e.color, type: LINE[e.line], width: e.width }),
      el('y:Arrows', { source: 'none', target: ARROWS[e.arrow] }),
      ...(e.label ? [el('y:EdgeLabel', { alignment: 'center', fontFamily: 'Dialog', fontSize: 11, fontStyle: e.kind === 'agreement' || e.kind === 'relation' ? 'italic' : 'plain', backgroundColor: '#FFFFFF', hasLineColor: 'false', modelName: 'centered', modelPosition: 'center', preferredPlacement: 'anywhere', textColor: e.kind === 'holding' ? '#1F2937' : e.color, visible: 'true' }, [e.label])] : []),
      el('y:BendStyle', { smoothed: 'false' }),
    ])]),
  ]);
}

/** The legend as nodes: a heading per section, and per row a sample box (for lines, a box outlined in the line's colour and dash) with its words. */
function legendNodes(d: Diagram, x0: number, y0: number): XmlElement[] {
  const out: XmlElement[] = [];
  const textNode = (id: string, label: string, y: number, size: number, bold = false) =>
    el('node', { id }, [el('data', { key: 'd_name' }, [label]), el('data', { key: 'd_graphics' }, [shapeNode({ x: x0, y, w: 260, h: 20, fill: null, stroke: null, width: 1, border: 'solid', shape: 'rectangle', label, size, bold, align: 'left' })])]);
  out.push(textNode('legend:title', 'Legend', y0, 14, true));
  let y = y0 + 28;
  d.legend.forEach((section, si) => {
    out.push(textNode(`legend:${si}`, section.heading, y, 12, true));
    y += 22;
    section.rows.forEach((row, ri) => {
      const m = row.mark;
      const sample = m.type === 'group' ? { fill: m.fill, stroke: m.line, width: 2, border: 'solid' as const, shape: 'round-rectangle' }
        : m.type === 'kind' ? { fill: '#FFFFFF', stroke: '#374151', width: 1, border: 'solid' as const, shape: m.style.shape }
        : m.type === 'status' ? { fill: '#FFFFFF', stroke: m.style.borderColor ?? '#1D4ED8', width: Math.min(m.style.borderWidth, 4), border: m.style.borderStyle === 'double' ? 'solid' as const : m.style.borderStyle, shape: 'round-rectangle' }
        : { fill: null, stroke: m.style.color, width: Math.min(m.style.width ?? 2, 4), border: m.style.lineStyle, shape: 'rectangle' };
      const label = row.note ? `${row.label} ${row.note}` : row.label;
      out.push(el('node', { id: `legend:${si}:${ri}` }, [
        el('data', { key: 'd_name' }, [label]),
        el('data', { key: 'd_graphics' }, [shapeNode({ x: x0, y, w: 30, h: 16, ...sample, label: '' })]),
      ]));
      out.push(textNode(`legend:${si}:${ri}:text`, label, y - 2, 12));
      y += 22;
    });
    y += 8;
  });
  return out;
}

/** The diagram as a .graphml file with yEd's node and edge graphics. */
export function graphmlXml(d: Diagram): string {
  const margin = 40, head = 70;
  const dx = margin - d.bounds.x, dy = margin + head - d.bounds.y;
  // GraphML ids are NMTOKENs: entities get n0, n1… and keep their own id as data.
  const ids = new Map(d.nodes.map((n, i) => [n.id, `n${i}`]));
  const keys = [
    el('key', { id: 'd_id', for: 'node', 'attr.name': 'entity', 'attr.type': 'string' }),
    el('key', { id: 'd_name', for: 'node', 'attr.name': 'name', 'attr.type': 'string' }),
    el('key', { id: 'd_kind', for: 'node', 'attr.name': 'kind', 'attr.type': 'string' }),
    el('key', { id: 'd_graphics', for: 'node', 'yfiles.type': 'nodegraphics' }),
    el('key', { id: 'e_label', for: 'edge', 'attr.name': 'label', 'attr.type': 'string' }),
    el('key', { id: 'e_kind', for: 'edge', 'attr.name': 'kind', 'attr.type': 'string' }),
    el('key', { id: 'e_graphics', for: 'edge', 'yfiles.type': 'edgegraphics' }),
    el('key', { id: 'g_description', for: 'graph', 'attr.name': 'description', 'attr.type': 'string' }),
  ];
  const title = d.lit ? `${d.subtitle}  ·  Lit: ${d.lit}` : d.subtitle;
  const header = [
    el('node', { id: 'title' }, [el('data', { key: 'd_name' }, [d.title]), el('data', { key: 'd_graphics' }, [shapeNode({ x: margin, y: 10, w: Math.max(400, d.bounds.width), h: 28, fill: null, stroke: null, width: 1, border: 'solid', shape: 'rectangle', label: d.title, size: 20, bold: true, align: 'left' })])]),
    el('node', { id: 'subtitle' }, [el('data', { key: 'd_name' }, [title]), el('data', { key: 'd_graphics' }, [shapeNode({ x: margin, y: 42, w: Math.max(400, d.bounds.width), h: 20, fill: null, stroke: null, width: 1, border: 'solid', shape: 'rectangle', label: title, size: 12, align: 'left' })])]),
  ];
  const graph = el('graph', { id: 'G', edgedefault: 'directed' }, [
    el('data', { key: 'g_description' }, [`${d.title} — ${d.subtitle}`]),
    ...header,
    ...d.nodes.map((n) => entityNode(n, ids.get(n.id)!, dx, dy)),
    ...legendNodes(d, margin + d.bounds.width + 60, margin + head),
    ...d.edges.map((e, i) => edge(e, `e${i}`, ids, dx, dy)),
  ]);
  return xmlDocument(el('graphml', NS, [...keys, graph]));
}

