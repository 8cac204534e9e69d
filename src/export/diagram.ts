// Pure: a graph's drawing as a diagram to hand to other editors (draw.io, yEd) — every drawn entity once with its name,
// kind shape, fill and border at its laid-out box; every holding, agreement, relation and dependency as an edge with its
// label and line style; the legend's sections; the lit path marked — read from the drawn records (drawElements), so
// the diagram shows what the canvas and the SVG export show.
import type { ExposureClass } from '../analysis';
import { EDGE_STYLES, EXPOSURE_STYLES, KIND_STYLES, type EdgeStyle } from '../draw/styles';
import type { ElementDef, ElementKind } from '../draw/toElements';
import { litEntities, litPairs, type LitPath } from '../analysis/litPath';
import type { EntityKind } from '../model';
import { legendSections, type LegendSection } from './exportLayout';
import type { CaptionContent } from './exportCaption';
import type { ElementDraw } from '../draw/drawing';

/** An entity's box: centre (x, y), size, the kind's shape, the fill and the control status's border. */
export interface DiagramNode {
  id: string;
  entity: string;
  /** What the node says: its name and, on further lines, its status tag or notes. */
  label: string;
  kind: EntityKind;
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  border: 'solid' | 'double' | 'dashed' | 'dotted';
  lit: boolean;
}

/** A line from one entity to another, its label, colour, width, dash and arrowhead. */
export interface DiagramEdge {
  id: string;
  kind: ElementKind;
  source: string;
  target: string;
  label: string;
  color: string;
  width: number;
  line: 'solid' | 'dashed' | 'dotted';
  arrow: 'triangle' | 'diamond' | 'vee';
  /** A bend the line passes through (edges between the same two entities fan out), or null for a straight line. */
  via: { x: number; y: number } | null;
  lit: boolean;
}

export interface Diagram {
  title: string;
  subtitle: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  legend: LegendSection[];
  /** What the lit path shows, when one is drawn. */
  lit: string | null;
  /** The nodes' box (top left and size). */
  bounds: { x: number; y: number; width: number; height: number };
}

/** The colour a lit path is drawn in (the canvas's, simStyles.ts). */
export const LIT_COLOUR = '#dc2626';

const classOf = (el: ElementDef, prefix: string) => el.classes.split(' ').find((c) => c.startsWith(prefix))?.slice(prefix.length);

function edgeStyleOf(el: ElementDef): EdgeStyle {
  const cls = new Set(el.classes.split(' '));
  if (cls.has('holding')) return cls.has('estimated') ? EDGE_STYLES.estimated : cls.has('conferring') ? EDGE_STYLES.conferring : EDGE_STYLES.holding;
  if (cls.has('relation')) return cls.has('rel-consolidation') ? EDGE_STYLES.consolidation : cls.has('rel-declared') ? EDGE_STYLES.declared : EDGE_STYLES.relation;
  if (cls.has('agreement')) return EDGE_STYLES.agreement;
  return EXPOSURE_STYLES[(classOf(el, 'x-') ?? 'third-party') as ExposureClass] ?? EXPOSURE_STYLES['third-party'];
}

/**
 * The diagram of `elements` as drawn in `draws` (drawElements over the same elements and positions), with the caption's
 * title, subtitle and legend, and `lit` marked.
 */
export function buildDiagram(elements: ElementDef[], draws: ElementDraw[], caption: CaptionContent, lit: LitPath | null = null): Diagram {
  const byId = new Map(elements.map((e) => [e.data.id, e]));
  const litIds = lit ? litEntities(lit) : new Set<string>();
  const pairs = lit ? litPairs(lit) : new Set<string>();
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (const d of draws) {
    const el = byId.get(d.id);
    if (!el) continue;
    if (d.group === 'nodes') {
      const kind = (classOf(el, 'k-') ?? 'company') as EntityKind;
      nodes.push({
        id: d.id, entity: el.data.ref, label: String(el.data.label ?? ''), kind: KIND_STYLES[kind] ? kind : 'company',
        x: d.x, y: d.y, w: d.w, h: d.h, fill: d.fill, stroke: d.border.color, strokeWidth: d.border.width,
        border: d.border.style, lit: litIds.has(el.data.ref),
      });
    } else {
      const s = edgeStyleOf(el);
      const source = String(el.data.source).slice(2), target = String(el.data.target).slice(2);
      const on = el.data.kind !== 'dependency' && pairs.has(`${source}\u0000${target}`);
      const pts = d.geometry.pts;
      edges.push({
        id: d.id, kind: el.data.kind, source: String(el.data.source), target: String(el.data.target),
        label: d.label ? d.label.lines.join('\n') : String(el.data.label ?? ''),
        color: on ? LIT_COLOUR : d.color, width: on ? Math.max(d.width, 3) : d.width, line: d.style === 'double' ? 'solid' : d.style,
        arrow: s.arrow === 'diamond' ? 'diamond' : s.arrow === 'vee' ? 'vee' : 'triangle',
        via: d.geometry.curved && pts.length > 2 ? pts[Math.floor(pts.length / 2)] : null,
        lit: on,
      });
    }
  }
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const n of nodes) {
    x1 = Math.min(x1, n.x - n.w / 2); y1 = Math.min(y1, n.y - n.h / 2);
    x2 = Math.max(x2, n.x + n.w / 2); y2 = Math.max(y2, n.y + n.h / 2);
  }
  const bounds = nodes.length ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : { x: 0, y: 0, width: 0, height: 0 };
  return { title: caption.title, subtitle: caption.subtitle, nodes, edges, legend: legendSections(caption.legend), lit: lit?.label ?? null, bounds };
}
