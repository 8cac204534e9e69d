// Pure edge routing: the control points that bend a group of edges between the same two nodes around every other node,
// so no line passes under a node it does not touch (one read as "PPC → Docomo" when it was NTT Nexia → Docomo). The
// lines stay the quadratic Bézier chains Cytoscape draws (unbundled-bezier: control points at weights along the line
// between the two borders and distances along its normal), so the canvas and every export draw the same route.
import { edgeGeometry, type Pt } from './edgeGeometry';
import { samplePath, segmentHitsBox, type Box } from './labelPlace';
import { PLAN_ROOM, hugCorners, planCorners } from './routePlan';
import { NODE_W } from './styles';

/** A node as routing sees it: its centre, its shape (ellipse or box) and its height (width is NODE_W). */
export interface RouteNode { p: Pt; ellipse: boolean; h: number }

/** Where the segment from a node's centre toward `toward` leaves its shape (an ellipse for persons, else its box). */
export function boundary(c: Pt, toward: Pt, ellipse: boolean, h: number): Pt {
  const dx = toward.x - c.x, dy = toward.y - c.y;
  if (!dx && !dy) return c;
  const a = NODE_W / 2, b = h / 2;
  const t = ellipse ? 1 / Math.sqrt((dx * dx) / (a * a) + (dy * dy) / (b * b)) : Math.min(dx ? a / Math.abs(dx) : Infinity, dy ? b / Math.abs(dy) : Infinity);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** Whether `p` lies inside the node `n` (its box, or its ellipse for persons). */
function inside(p: Pt, n: { p: Pt; ellipse: boolean; h: number }): boolean {
  const dx = (p.x - n.p.x) / (NODE_W / 2), dy = (p.y - n.p.y) / (n.h / 2);
  return n.ellipse ? dx * dx + dy * dy < 1 : Math.abs(dx) < 1 && Math.abs(dy) < 1;
}

/**
 * A control point moved clear of both nodes, as Cytoscape corrects a bundled bézier's (tryToCorrectInvalidPoints):
 * at least three arrow widths (`arrowW` each) from where the line leaves each end, pushed away from that node's centre.
 */
export function settle(c: Pt, s: { p: Pt; ellipse: boolean; h: number }, t: { p: Pt; ellipse: boolean; h: number }, arrowW: number): Pt {
  const min = 3 * arrowW;
  for (const n of [s, t]) {
    const len = Math.hypot(c.x - n.p.x, c.y - n.p.y) || 1, m = { x: (c.x - n.p.x) / len, y: (c.y - n.p.y) / len };
    const out = boundary(n.p, c, n.ellipse, n.h);
    if (inside(c, n)) c = { x: out.x + m.x * min, y: out.y + m.y * min };
    else {
      const d = Math.hypot(c.x - out.x, c.y - out.y);
      if (d < min) c = { x: c.x + m.x * (min - d), y: c.y + m.y * (min - d) };
    }
  }
  return c;
}

/** The shapes a route may take: control points at these weights along the line, all at one distance from it. Fewer
 * and nearer the middle first (a plain arc reads best); the flatter "bridges" pass a row of nodes. */
const SHAPES: number[][] = [[0.5], [0.3], [0.7], [0.2, 0.8], [0.15], [0.85], [0.1, 0.5, 0.9], [0.06, 0.94]];
/** Distances tried, in steps of this many model units, up to MAX_STEPS of them either side. */
const STEP = 20;
const MAX_STEPS = 16;
/** Arcs up to this many steps are tried before a planned way. */
const SMALL_STEPS = 6;
/** A way is planned on the fine grid only among this many boxes at most. */
const FINE_MAX = 40;
/** Extra room the planned way keeps off the (already grown) boxes, for the grid's coarseness. */
const PLAN_MARGIN = 4;
/** A line keeps this far off a node it does not touch (model units, beyond the node's border). */
export const ROUTE_CLEARANCE = 4;
/** Points per quadratic piece when a route is checked. */
const SAMPLES = 24;

/** One edge of a group: its own direction (`forward`: from the group's first node to its second), its fan-out offset and
 * its arrow's width (a lone control point keeps three of them off each end, settle). */
export interface RouteEdge { forward: boolean; offset: number; arrowW: number }

/** What routing returns per edge: its control points (none: a straight line). */
export type Route = Pt[];

/** The drawn line (a polyline) of an edge from `s` to `t` through control points `ctrl`. */
function drawnLine(s: RouteNode, t: RouteNode, ctrl: Pt[]): Pt[] {
  const tail = boundary(s.p, ctrl[0] ?? t.p, s.ellipse, s.h), tip = boundary(t.p, ctrl[ctrl.length - 1] ?? s.p, t.ellipse, t.h);
  const mid = { x: (tail.x + tip.x) / 2, y: (tail.y + tip.y) / 2 };
  const g = edgeGeometry({ kind: ctrl.length ? 'bezier' : 'straight', tail, tip, ctrl, mid, sourceGap: 0, targetGap: 0 });
  return samplePath(g.pts, g.curved, SAMPLES * Math.max(1, ctrl.length));
}

/** Whether the segment a → b passes through box `r` (a quick reject on their extents first; Liang–Barsky after). */
function segmentHits(a: Pt, b: Pt, r: Box): boolean {
  if (Math.max(a.x, b.x) < r.x1 || Math.min(a.x, b.x) > r.x2 || Math.max(a.y, b.y) < r.y1 || Math.min(a.y, b.y) > r.y2) return false;
  return segmentHitsBox(a, b, r);
}

/** How many of `boxes` the polyline `line` passes through, counting no further than `stop`. */
export function boxesHit(line: Pt[], boxes: readonly Box[], stop = Infinity): number {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const p of line) {
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  }
  let n = 0;
  for (const b of boxes) {
    if (b.x2 < x1 || b.x1 > x2 || b.y2 < y1 || b.y1 > y2) continue;
    for (let i = 1; i < line.length; i++) {
      if (segmentHits(line[i - 1], line[i], b)) {
        if (++n >= stop) return n;
        break;
      }
    }
  }
  return n;
}

/**
 * Control points (in each edge's own direction) for each edge of a group between nodes `a` and `b` (the group's first and second node) that keep every
 * line off `obstacles` (the other nodes' boxes, clearance included): each edge keeps its fan-out offset from the others,
 * and the group as a whole moves as little as it must — straight (or its plain fan-out) when that is clear already, else
 * the nearest arc clear of every obstacle, else a way planned around them (routePlan.ts), else the arc that passes fewest.
 */
export function routeGroup(a: RouteNode, b: RouteNode, edges: readonly RouteEdge[], obstacles: readonly Box[], budget: { plans: number } = { plans: Infinity }): Route[] {
  const aOut = boundary(a.p, b.p, a.ellipse, a.h), bOut = boundary(b.p, a.p, b.ellipse, b.h);
  const len = Math.hypot(bOut.x - aOut.x, bOut.y - aOut.y) || 1;
  const normal = { x: -(bOut.y - aOut.y) / len, y: (bOut.x - aOut.x) / len };
  const at = (w: number, d: number): Pt => ({ x: aOut.x + (bOut.x - aOut.x) * w + normal.x * d, y: aOut.y + (bOut.y - aOut.y) * w + normal.y * d });
  // Only the obstacles a route could reach are checked.
  const reach = Math.max(MAX_STEPS * STEP, PLAN_ROOM) + Math.max(...edges.map((e) => Math.abs(e.offset))) + 40;
  const near = obstacles.filter((o) => o.x2 > Math.min(a.p.x, b.p.x) - reach && o.x1 < Math.max(a.p.x, b.p.x) + reach && o.y2 > Math.min(a.p.y, b.p.y) - reach && o.y1 < Math.max(a.p.y, b.p.y) + reach);
  const key = JSON.stringify([a, b, edges, near]);
  const known = memo.get(key);
  if (known) return known.map((r) => r.slice());
  const cut = { short: false };
  const found = search(a, b, edges, near, at, normal, budget, cut);
  // A route the budget cut short is not remembered: the next drawing may have plans to spare for it.
  if (!cut.short) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, found);
  }
  return found.map((r) => r.slice());
}

/** Routes found, by everything they depend on: the canvas lays its labels out again on every frame of a drag, and only
 * the groups near what moved need routing again. */
const memo = new Map<string, Route[]>();
const MEMO_SIZE = 4000;

function search(a: RouteNode, b: RouteNode, edges: readonly RouteEdge[], near: readonly Box[], at: (w: number, d: number) => Pt, normal: Pt, budget: { plans: number }, cut: { short: boolean }): Route[] {
  const routes = (shape: number[] | null, shift: number): Route[] =>
    edges.map((e) => {
      const d = e.offset + shift;
      const ctrl = !shape || (!d && shape.length === 1) ? (d ? [at(0.5, d)] : []) : shape.map((w) => at(w, d));
      const own = e.forward ? ctrl : ctrl.reverse();
      // A lone control point is kept clear of both ends, as Cytoscape keeps a bundled bézier's.
      return own.length === 1 ? [settle(own[0], e.forward ? a : b, e.forward ? b : a, e.arrowW)] : own;
    });
  /** Boxes passed by the routes `rs`, counted no further than `stop`. */
  const hits = (rs: Route[], stop = Infinity) => {
    let n = 0;
    for (let i = 0; i < rs.length && n < stop; i++) {
      const [s, t] = edges[i].forward ? [a, b] : [b, a];
      n += boxesHit(drawnLine(s, t, rs[i]), near, stop - n);
    }
    return n;
  };
  const plain = routes(null, 0);
  if (!near.length) return plain;
  let best = plain, bestHits = hits(plain);
  if (!bestHits) return plain;
  /** The nearest arc clear of every box among shifts `from`..`to` steps (the best so far kept in `best`). */
  const arcs = (from: number, to: number): Route[] | null => {
    for (let k = from; k <= to; k++) {
      for (const shape of SHAPES) {
        for (const sign of [1, -1]) {
          const rs = routes(shape, sign * k * STEP);
          const n = hits(rs, bestHits);
          if (!n) return rs;
          if (n < bestHits) {
            best = rs;
            bestHits = n;
          }
        }
      }
    }
    return null;
  };
  // A small arc reads best; a way hugging the boxes beats a wide arc that leaves the drawing.
  const small = arcs(1, SMALL_STEPS);
  if (small) return small;
  // No small arc is clear: a way planned around the boxes (routePlan.ts), each edge of the group keeping its offset.
  // Roomy first; then closer to the boxes, then on a finer grid, through gaps the coarse one cannot see.
  for (const [margin, cell] of [[PLAN_MARGIN, 8], [1, 8], [0, 3]]) {
    // `budget`: plans left for this drawing; the fine grid only where few boxes crowd the way.
    if (cell < 8 && near.length > FINE_MAX) break;
    if (budget.plans <= 0) {
      cut.short = true;
      break;
    }
    budget.plans--;
    const corners = planCorners(a.p, b.p, near, margin, cell);
    if (!corners?.length) continue;
    const hug = hugCorners(a.p, corners, b.p);
    const planned = edges.map((e) => {
      const ctrl = hug.map((c) => ({ x: c.x + normal.x * e.offset, y: c.y + normal.y * e.offset }));
      return e.forward ? ctrl : ctrl.reverse();
    });
    if (!hits(planned)) return planned;
  }
  return arcs(SMALL_STEPS + 1, MAX_STEPS) ?? best;
}
