// Pure: the drawn records of a graph (drawing.ts: NodeDraw / EdgeDraw) from element definitions (toElements, with the
// simulation marks of simMarks.ts) and positions, styled from the same tables as the Cytoscape stylesheet (styles.ts)
// — no Cytoscape, no DOM, so every export, in the app and the CLI, draws what the app shows. Edges between the same two entities fan out as Cytoscape's bezier edges do (60 px apart); edge
// labels say and go what and where the canvas puts them (edgeLabelLayout.ts). No edge passes under a node it does not
// touch: one that would is bent around it (route.ts).
import { labelRank, layoutEdgeLabels, type EdgeLabelInput } from './edgeLabelLayout';
import { labelHeight } from './labels';
import { samplePath } from './labelPlace';
import { EDGE_FONT, EDGE_STYLES, EXPOSURE_STYLES, FONT_FAMILY, KIND_STYLES, NODE_FONT, NODE_W, SIM_MARKS, STATUS_STYLES, textWidthOf, type EdgeStyle } from './styles';
import type { ElementDef } from './toElements';
import type { ExposureClass, Status } from '../analysis';
import type { EntityKind } from '../model';
import { arrowGap, arrowSize, chainMid, edgeGeometry, type ArrowDraw, type EdgeInput, type Pt } from './edgeGeometry';
import { ROUTE_CLEARANCE, boundary, routeGroup } from './route';
import type { EdgeDraw, ElementDraw, NodeDraw } from './drawing';
import { wrapLabel, type LabelFont, type TextMetrics } from './text';

const FAMILY = FONT_FAMILY;
const LABEL_FONT: LabelFont = { style: 'normal', weight: 'normal', size: NODE_FONT, family: FAMILY };
const STEP = 60; // control-point-step-size
const LENS_STEP = 110; // the dependency lens's (canvas/simStyles.ts)
const ARROW_SCALE = 0.9;
const DEFAULT_EDGE_WIDTH = 3; // Cytoscape's default
const LABEL_PADDING = 2; // text-background-padding
/** Drawings of up to this many nodes get their edges routed around the nodes (route.ts); bigger ones draw them straight
 * (routing costs time that grows steeply with crowding: tests/bench/routes.bench.ts). */
const ROUTE_MAX_NODES = 100;
/** Grid plans per drawing at most; past them an edge takes its best arc. */
const ROUTE_PLANS = 40;

const classOf = (el: ElementDef, prefix: string) => el.classes.split(' ').find((c) => c.startsWith(prefix))?.slice(prefix.length);

/** Control point `c` as Cytoscape's unbundled-bezier takes it: weight along `from` → `to`, distance along its normal (−dy, dx). */
function bendOf(c: Pt, from: Pt, to: Pt): { distance: number; weight: number } {
  const vx = to.x - from.x, vy = to.y - from.y, l2 = vx * vx + vy * vy || 1, l = Math.sqrt(l2);
  const weight = ((c.x - from.x) * vx + (c.y - from.y) * vy) / l2;
  const distance = ((c.x - from.x) * -vy + (c.y - from.y) * vx) / l;
  return { distance, weight };
}

function edgeStyle(el: ElementDef): EdgeStyle & { labelColor: string; italic: boolean; width: number } {
  const cls = new Set(el.classes.split(' '));
  let s: EdgeStyle = EDGE_STYLES.holding;
  let labelColor = '#1f2937', italic = false;
  if (cls.has('holding')) {
    s = cls.has('estimated') ? EDGE_STYLES.estimated : EDGE_STYLES.holding;
    if (cls.has('conferring')) s = { ...s, color: EDGE_STYLES.conferring.color };
  } else if (cls.has('agreement') || cls.has('relation')) {
    s = cls.has('rel-declared') ? EDGE_STYLES.declared : cls.has('relation') && !cls.has('rel-consolidation') ? { ...EDGE_STYLES.agreement, lineStyle: 'dotted' } : EDGE_STYLES.agreement;
    labelColor = s.color;
    italic = true;
  } else if (cls.has('dependency')) {
    s = EXPOSURE_STYLES[(classOf(el, 'x-') ?? 'third-party') as ExposureClass] ?? EXPOSURE_STYLES['third-party'];
    labelColor = s.color;
  }
  // The dependency lens (simMarks.ts) draws the dependencies it shows wider.
  const width = cls.has('lens-dep') ? 4 : cls.has('holding') ? Number(el.data.width) || DEFAULT_EDGE_WIDTH : s.width ?? DEFAULT_EDGE_WIDTH;
  return { ...s, labelColor, italic, width };
}

/** A node's height as the canvas sizes it: `data(h)` (toElements), else the same function of its label. */
export const heightOf = (el: ElementDef) => Number(el.data.h) || labelHeight(String(el.data.label ?? ''), classOf(el, 'k-'));

/** A node as the stylesheet draws it at `p`. */
function nodeDraw(el: ElementDef, p: Pt, m: TextMetrics): NodeDraw {
  const kind = (classOf(el, 'k-') ?? 'company') as EntityKind;
  const status = STATUS_STYLES[(classOf(el, 's-') ?? 'independent') as Status] ?? STATUS_STYLES.independent;
  // The text the canvas draws: with the breaks a CJK name or an over-long word needs (toElements, text.ts breakHints).
  const label = String(el.data.wrap ?? el.data.label ?? '');
  const cls = ` ${el.classes} `;
  const opacity = cls.includes(' lens-fade ') ? SIM_MARKS.fade : cls.includes(' lit-fade ') ? SIM_MARKS.litFade : 1;
  const mark = cls.includes(' lit ') ? SIM_MARKS.litNode : cls.includes(' sim-focus ') ? SIM_MARKS.focusNode : cls.includes(' sim-changed ') ? SIM_MARKS.changedNode : null;
  return {
    group: 'nodes', id: el.data.id, x: p.x, y: p.y, w: NODE_W, h: heightOf(el),
    shape: KIND_STYLES[kind]?.shape ?? 'round-rectangle',
    fill: String(el.data.fill ?? '#f3f4f6'), fillOpacity: opacity,
    border: { color: status.borderColor ?? String(el.data.line ?? '#6b7280'), width: status.borderWidth, style: status.borderStyle, dash: [], opacity },
    outline: mark ? { color: mark.color, width: mark.width, offset: mark.offset, style: 'solid', opacity } : null,
    label: label ? {
      lines: wrapLabel(label, textWidthOf(kind), (s) => m.width(s, LABEL_FONT)), x: p.x, y: p.y, halign: 'center', valign: 'center',
      font: LABEL_FONT, color: '#111827', opacity, lineHeight: 1.15, background: null, outline: null,
    } : null,
  };
}

/**
 * Every drawable element, edges first (under the nodes, as Cytoscape orders them), conferring holdings and agreements
 * above plain holdings; elements whose entities have no position are left out.
 */
export function drawElements(elements: ElementDef[], positions: Map<string, Pt>, m: TextMetrics): ElementDraw[] {
  const at = new Map<string, { p: Pt; ellipse: boolean; h: number; border: number }>();
  const nodes: NodeDraw[] = [];
  for (const el of elements) {
    if (el.group !== 'nodes') continue;
    const p = el.position ?? positions.get(String(el.data.ref));
    if (!p) continue;
    const node = nodeDraw(el, p, m);
    at.set(el.data.id, { p, ellipse: (classOf(el, 'k-') ?? 'company') === 'person', h: heightOf(el), border: node.border.width });
    nodes.push(node);
  }
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  // By id throughout, so the canvas and the exports, which may hold the elements in different orders, draw alike.
  const edges = elements.filter((el) => el.group === 'edges' && at.has(String(el.data.source)) && at.has(String(el.data.target))).sort((x, y) => byId(x.data, y.data));
  // Edges sharing a pair of nodes (either direction) fan out as Cytoscape's bundled béziers do: the pair runs from one
  // node to the other (the smaller id first), its edges by id, the i-th of n with its control point (0.5 − n/2 + i) ×
  // the step from the middle of the line between the two nodes' borders, to its left; a group whose lines would pass
  // under another node bends around it as one (route.ts). Ids, not drawing order, decide, so the canvas (which draws
  // these bends, canvas/edgeLabels.ts) and every export agree whatever order they hold.
  const pairs = new Map<string, ElementDef[]>();
  for (const el of edges) {
    const [a, b] = [String(el.data.source), String(el.data.target)].sort();
    const key = `${a}\u0000${b}`;
    const list = pairs.get(key);
    if (list) list.push(el); else pairs.set(key, [el]);
  }
  const out: { z: number; draw: EdgeDraw }[] = [];
  const labelled: EdgeLabelInput[] = [];
  // Every other node's box, its border and a clearance added: no line may pass under a node it does not touch (route.ts).
  const obstacles = at.size <= ROUTE_MAX_NODES ? [...at.entries()].map(([id, { p, h, border }]) => {
    const m = border / 2 + ROUTE_CLEARANCE;
    return { id, box: { x1: p.x - NODE_W / 2 - m, y1: p.y - h / 2 - m, x2: p.x + NODE_W / 2 + m, y2: p.y + h / 2 + m } };
  }) : [];
  // Ways planned on a grid (the costly part of routing) are shared out over the drawing.
  const budget = { plans: ROUTE_PLANS };
  for (const list of pairs.values()) {
    const [sId, tId] = [String(list[0].data.source), String(list[0].data.target)].sort();
    const S = at.get(sId)!, T = at.get(tId)!;
    const sOut = boundary(S.p, T.p, S.ellipse, S.h), tOut = boundary(T.p, S.p, T.ellipse, T.h);
    const step = (el: ElementDef) => (el.classes.includes('lens-dep') ? LENS_STEP : STEP);
    const routes = routeGroup(S, T, list.map((el, i) => ({ forward: String(el.data.source) === sId, offset: (0.5 - list.length / 2 + i) * step(el), arrowW: arrowSize(edgeStyle(el).width, ARROW_SCALE) * 0.3 })), obstacles.filter((o) => o.id !== sId && o.id !== tId).map((o) => o.box), budget);
    list.forEach((el, i) => {
      const s = at.get(String(el.data.source))!, t = at.get(String(el.data.target))!;
      const style = edgeStyle(el);
      const cls = ` ${el.classes} `;
      const faded = cls.includes(' lens-fade '), opacity = faded ? SIM_MARKS.fade : cls.includes(' lit-fade ') ? SIM_MARKS.litFade : 1;
      const lit = cls.includes(' lit ');
      // What the scenario shown changed is labelled first, and always (labelPlace: keep).
      const changed = cls.includes(' sim-changed ');
      if (lit) style.color = SIM_MARKS.litEdge.color;
      const ctrl = routes[i];
      const aim = (from: Pt) => (ctrl.length ? ctrl[0] : from);
      const aimBack = (from: Pt) => (ctrl.length ? ctrl[ctrl.length - 1] : from);
      const tail = boundary(s.p, aim(t.p), s.ellipse, s.h), tip = boundary(t.p, aimBack(s.p), t.ellipse, t.h);
      // The same bend in Cytoscape's terms (unbundled-bezier: a weight along the line between the two borders from this
      // edge's source, and a distance along its normal), so the canvas draws exactly this line (canvas/edgeLabels.ts).
      const [from, to] = String(el.data.source) === sId ? [sOut, tOut] : [tOut, sOut];
      const bend = ctrl.length ? { distances: ctrl.map((c) => bendOf(c, from, to).distance), weights: ctrl.map((c) => bendOf(c, from, to).weight) } : undefined;
      const mid = chainMid(tail, ctrl, tip);
      const input: EdgeInput = { kind: ctrl.length ? 'bezier' : 'straight', tail, tip, ctrl, mid, sourceGap: 0, targetGap: arrowGap(style.arrow, style.width, ARROW_SCALE) };
      const geometry = edgeGeometry(input);
      const arrows: ArrowDraw[] = [{ shape: style.arrow, tip, angle: geometry.targetAngle, size: arrowSize(style.width, ARROW_SCALE), color: style.color, opacity: 1, hollow: false, lineWidth: style.width }];
      arrows[0].opacity = opacity;
      const label = faded ? '' : String(el.data.label ?? '');
      const font: LabelFont = { style: style.italic ? 'italic' : 'normal', weight: cls.includes(' lens-dep ') ? 'bold' : 'normal', size: EDGE_FONT, family: FAMILY };
      if (label) {
        const whole = edgeGeometry({ ...input, targetGap: 0 });
        labelled.push({
          id: el.data.id, source: String(el.data.source), target: String(el.data.target), kind: el.data.kind, label, path: samplePath(whole.pts, whole.curved), mid,
          font, lineHeight: 1, maxWidth: Infinity, padding: LABEL_PADDING, rank: changed ? -1 : labelRank(el.data.kind, el.classes), ...(changed ? { keep: true } : {}), z: lit ? 20 : el.classes.includes('conferring') ? 2 : 0,
        });
      }
      out.push({
        z: lit ? 20 : el.classes.includes('conferring') ? 2 : 0,
        draw: {
          group: 'edges', id: el.data.id, geometry, ...(bend ? { bend } : {}), color: style.color, width: style.width, opacity,
          style: style.lineStyle, dash: style.dash ?? [6, 3], cap: 'butt', arrows,
          underlay: lit ? { ...SIM_MARKS.litEdge } : cls.includes(' sim-changed ') ? { ...SIM_MARKS.changedEdge } : null,
          label: label ? { lines: [label], x: mid.x, y: mid.y, halign: 'center', valign: 'center', font, color: style.labelColor, opacity: 1, lineHeight: 1, background: { color: '#ffffff', opacity: 0.85, padding: LABEL_PADDING, round: false }, outline: null } : null,
        },
      });
    });
  }
  // Labels as the canvas lays them out: around the nodes' boxes (their borders included), each at a free spot on its edge.
  const boxes = [...at.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v).map(({ p, h, border }) => ({ x1: p.x - NODE_W / 2 - border / 2, y1: p.y - h / 2 - border / 2, x2: p.x + NODE_W / 2 + border / 2, y2: p.y + h / 2 + border / 2 }));
  const placed = layoutEdgeLabels(labelled, boxes, m);
  for (const { draw } of out) {
    const spot = placed.get(draw.id);
    if (!draw.label || !spot) continue;
    draw.label = spot.text ? { ...draw.label, lines: spot.text.split('\n'), x: draw.label.x + spot.dx, y: draw.label.y + spot.dy } : null;
  }
  out.sort((a, b) => a.z - b.z);
  return [...out.map((e) => e.draw), ...nodes];
}

/** The drawing's box in model units (nodes and edge labels), for the SVG view box. */
export function drawBounds(draws: ElementDraw[], m: TextMetrics): { x: number; y: number; width: number; height: number } {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  const add = (x: number, y: number) => { x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x); y2 = Math.max(y2, y); };
  for (const d of draws) {
    if (d.group === 'nodes') {
      add(d.x - d.w / 2 - 4, d.y - d.h / 2 - 4);
      add(d.x + d.w / 2 + 4, d.y + d.h / 2 + 4);
    } else {
      for (const p of d.geometry.pts) add(p.x, p.y);
      if (d.label) {
        const w = Math.max(...d.label.lines.map((l) => m.width(l, d.label!.font)));
        const h = (d.label.lines.length * d.label.font.size) / 2 + 4;
        add(d.label.x - w / 2 - 4, d.label.y - h);
        add(d.label.x + w / 2 + 4, d.label.y + h);
      }
    }
  }
  if (!Number.isFinite(x1)) return { x: 0, y: 0, width: 1, height: 1 };
  const pad = 16;
  return { x: Math.floor(x1 - pad), y: Math.floor(y1 - pad), width: Math.ceil(x2 - x1 + 2 * pad), height: Math.ceil(y2 - y1 + 2 * pad) };
}
