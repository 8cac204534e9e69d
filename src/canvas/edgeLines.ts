// The pure part of the big-graph edge layer (edgeLayer.ts): which edges stay Cytoscape elements, and drawing the
// rest as lines stroked like the stylesheet strokes them (its tables give the colours, so the legend stays true).
import { BIG_DETAIL_ZOOM } from './stylesheet';
import { EDGE_STYLES, EXPOSURE_STYLES, type EdgeStyle } from '../draw/styles';
import type { ElementDef } from '../draw/toElements';

/** Classes a bulk-drawn line cannot show: edges carrying them are always Cytoscape elements. */
const MARKED = /\b(sim-changed|lens-dep)\b/;
/** At reading zoom, at most this many edges near the viewport become Cytoscape elements. */
export const MAX_LIVE = 2500;
/** Opacity of holding lines that confer nothing (as the big-graph stylesheet draws them). */
const FAINT = 0.45;

export interface Viewport {
  zoom: number;
  extent: { x1: number; y1: number; x2: number; y2: number };
}

/** What is selected, as the store has it (agreements are drawn as one edge per party, all with the same ref). */
export type Selected = { kind: string; id: string } | null;

type Pos = (nodeId: string) => { x: number; y: number } | undefined;

/**
 * The edges Cytoscape should hold as elements: the selected ones and marked ones always; at reading zoom also those
 * with an end inside the viewport widened by half its size on each side (up to MAX_LIVE, nearest the centre first).
 */
export function liveEdges(edges: ElementDef[], pos: Pos, view: Viewport, selected: Selected): Set<string> {
  const live = new Set<string>();
  for (const e of edges) if ((selected && e.data.kind === selected.kind && e.data.ref === selected.id) || MARKED.test(e.classes)) live.add(e.data.id);
  if (view.zoom < BIG_DETAIL_ZOOM) return live;
  const { x1, y1, x2, y2 } = view.extent;
  const mx = (x2 - x1) / 2, my = (y2 - y1) / 2, cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
  const inside = (p: { x: number; y: number } | undefined) => !!p && p.x >= x1 - mx && p.x <= x2 + mx && p.y >= y1 - my && p.y <= y2 + my;
  const near: { id: string; d: number }[] = [];
  for (const e of edges) {
    const s = pos(e.data.source!), t = pos(e.data.target!);
    if (!inside(s) && !inside(t)) continue;
    const d = Math.min(s ? Math.hypot(s.x - cx, s.y - cy) : Infinity, t ? Math.hypot(t.x - cx, t.y - cy) : Infinity);
    near.push({ id: e.data.id, d });
  }
  if (near.length > MAX_LIVE) near.sort((a, b) => a.d - b.d).length = MAX_LIVE;
  for (const n of near) live.add(n.id);
  return live;
}

/** How a bulk-drawn edge is stroked: the same colours, dashes and widths as its Cytoscape style. */
export interface Stroke {
  color: string;
  width: number;
  dash: number[];
  alpha: number;
}

/** The stroke of an edge element, from the stylesheet tables (EDGE_STYLES, EXPOSURE_STYLES). */
export function strokeOf(e: ElementDef): Stroke {
  const cls = e.classes.split(' ');
  const faded = cls.includes('lens-fade') ? 0.18 : 1;
  const of = (s: EdgeStyle, alpha: number, width = s.width ?? 1): Stroke => ({ color: s.color, width, dash: s.dash ?? [], alpha: alpha * faded });
  if (e.data.kind === 'holding') {
    const width = Number(e.data.width) || 1;
    if (cls.includes('conferring')) return of(EDGE_STYLES.conferring, 1, width);
    return of(cls.includes('estimated') ? EDGE_STYLES.estimated : EDGE_STYLES.holding, FAINT, width);
  }
  if (e.data.kind === 'agreement') return of(EDGE_STYLES.agreement, 1);
  if (e.data.kind === 'relation') return of(cls.includes('rel-consolidation') ? EDGE_STYLES.consolidation : cls.includes('rel-declared') ? EDGE_STYLES.declared : { ...EDGE_STYLES.relation, dash: [2, 3] }, 1);
  const x = cls.find((c) => c.startsWith('x-'))?.slice(2) as keyof typeof EXPOSURE_STYLES | undefined;
  return of(EXPOSURE_STYLES[x ?? 'third-party'] ?? EXPOSURE_STYLES['third-party'], 1);
}

const strokeKey = (s: Stroke) => `${s.color}|${s.width}|${s.dash.join(',')}|${s.alpha}`;

/** Lines sharing a stroke: their end node ids, source then target, one pair per line. */
export interface Batch {
  stroke: Stroke;
  ends: string[];
}

/**
 * The lines to draw for `edges` except the live ones, one batch per stroke, faint ones first and emphasised ones on
 * top (as Cytoscape's z-index puts conferring holdings above the rest). Computed once per drawing, not per frame.
 */
export function batchLines(edges: ElementDef[], live: Set<string>): Batch[] {
  const batches = new Map<string, Batch>();
  for (const e of edges) {
    if (live.has(e.data.id)) continue;
    const stroke = strokeOf(e);
    const key = strokeKey(stroke);
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { stroke, ends: [] }));
    b.ends.push(e.data.source!, e.data.target!);
  }
  return [...batches.values()].sort((a, b) => a.stroke.alpha - b.stroke.alpha || a.stroke.width - b.stroke.width);
}

/** Draws the batches as straight centre-to-centre lines, one path each; lines with an end not drawn are skipped. */
export function drawBatches(ctx: CanvasRenderingContext2D, batches: Batch[], pos: Pos): void {
  for (const { stroke, ends } of batches) {
    ctx.beginPath();
    for (let i = 0; i < ends.length; i += 2) {
      const s = pos(ends[i]), t = pos(ends[i + 1]);
      if (!s || !t) continue;
      ctx.moveTo(s.x, s.y);
      ctx.lineTo(t.x, t.y);
    }
    ctx.strokeStyle = stroke.color;
    ctx.globalAlpha = stroke.alpha;
    ctx.lineWidth = stroke.width;
    ctx.setLineDash(stroke.dash);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

