// Pure: a way from one node to another around boxes in its path, found on a grid (A*, turns cost extra), cut down to
// its corners, and drawn as a chain of quadratic Béziers whose control points hug each corner (so the chain keeps to
// the way found). The router (route.ts) uses it for an edge no single arc can take clear of every other node.
import type { Pt } from './edgeGeometry';
import { segmentHitsBox, type Box } from './labelPlace';

/** Grid cell size (model units, unless a finer one is asked for), how far beyond the two nodes the way may wander, and the cost of a turn. */
const GRID = 8;
export const PLAN_ROOM = 360;
const TURN = 6;
/** How far before and after each corner its control points sit (the chain rounds each corner within this). */
const HUG = 10;

const MOVES: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]];

/** Whether the segment a → b passes through none of `boxes`. */
export function clear(a: Pt, b: Pt, boxes: readonly Box[]): boolean {
  return boxes.every((o) => !segmentHitsBox(a, b, o));
}

/**
 * The corners of a way from `from` to `to` (both excluded) that keeps out of `boxes` (grown by `margin`), or null
 * when there is none within reach.
 */
export function planCorners(from: Pt, to: Pt, boxes: readonly Box[], margin: number, CELL = GRID): Pt[] | null {
  const x0 = Math.min(from.x, to.x) - PLAN_ROOM, y0 = Math.min(from.y, to.y) - PLAN_ROOM;
  const W = Math.ceil((Math.max(from.x, to.x) + PLAN_ROOM - x0) / CELL) + 1, H = Math.ceil((Math.max(from.y, to.y) + PLAN_ROOM - y0) / CELL) + 1;
  const grown = boxes.map((b) => ({ x1: b.x1 - margin, y1: b.y1 - margin, x2: b.x2 + margin, y2: b.y2 + margin }));
  const blocked = new Uint8Array(W * H);
  for (const b of grown) {
    for (let j = Math.max(0, Math.floor((b.y1 - y0) / CELL)); j <= Math.min(H - 1, Math.ceil((b.y2 - y0) / CELL)); j++)
      for (let i = Math.max(0, Math.floor((b.x1 - x0) / CELL)); i <= Math.min(W - 1, Math.ceil((b.x2 - x0) / CELL)); i++) blocked[j * W + i] = 1;
  }
  const cellOf = (p: Pt) => Math.round((p.y - y0) / CELL) * W + Math.round((p.x - x0) / CELL);
  const ptOf = (c: number): Pt => ({ x: x0 + (c % W) * CELL, y: y0 + Math.floor(c / W) * CELL });
  const start = cellOf(from), goal = cellOf(to);
  blocked[start] = blocked[goal] = 0;
  // A* over cells; a step that turns from the way the cell was reached costs TURN more (so ways run straight). The
  // heuristic is the straight distance.
  const g = new Float64Array(W * H).fill(Infinity);
  const prev = new Int32Array(W * H).fill(-1);
  const via = new Int8Array(W * H).fill(-1);
  const heapF: number[] = [], heapC: number[] = [];
  const push = (f: number, c: number) => {
    let i = heapF.length;
    heapF.push(f);
    heapC.push(c);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapF[p] <= f) break;
      heapF[i] = heapF[p];
      heapC[i] = heapC[p];
      i = p;
    }
    heapF[i] = f;
    heapC[i] = c;
  };
  const pop = (): number => {
    const top = heapC[0], f = heapF.pop()!, c = heapC.pop()!;
    const n = heapF.length;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = -1, mf = f;
        if (l < n && heapF[l] < mf) {
          m = l;
          mf = heapF[l];
        }
        if (r < n && heapF[r] < mf) m = r;
        if (m < 0) break;
        heapF[i] = heapF[m];
        heapC[i] = heapC[m];
        i = m;
      }
      heapF[i] = f;
      heapC[i] = c;
    }
    return top;
  };
  const gx = goal % W, gy = Math.floor(goal / W);
  const h = (c: number) => Math.hypot((c % W) - gx, Math.floor(c / W) - gy) * CELL;
  const done = new Uint8Array(W * H);
  g[start] = 0;
  push(h(start), start);
  let end = -1;
  while (heapF.length) {
    const c = pop();
    if (done[c]) continue;
    done[c] = 1;
    if (c === goal) {
      end = c;
      break;
    }
    const cx = c % W, cy = Math.floor(c / W), dir = via[c];
    for (let d = 0; d < 8; d++) {
      const nx = cx + MOVES[d][0], ny = cy + MOVES[d][1];
      if (nx < 0 || ny < 0 || nx >= W || ny >= H) continue;
      const n = ny * W + nx;
      if (blocked[n] || done[n]) continue;
      const cost = g[c] + (d < 4 ? CELL : CELL * Math.SQRT2) + (dir >= 0 && dir !== d ? TURN : 0);
      if (cost < g[n]) {
        g[n] = cost;
        prev[n] = c;
        via[n] = d;
        push(cost + h(n), n);
      }
    }
  }
  if (end < 0) return null;
  const cells: Pt[] = [];
  for (let c = end; c >= 0; c = prev[c]) cells.push(ptOf(c));
  cells.reverse();
  cells[0] = from;
  cells[cells.length - 1] = to;
  // The corners: from each, the farthest point of the way in plain sight.
  const corners: Pt[] = [];
  for (let i = 0; i < cells.length - 1;) {
    let j = i + 1;
    while (j + 1 < cells.length && clear(cells[i], cells[j + 1], grown)) j++;
    if (j < cells.length - 1) corners.push(cells[j]);
    i = j;
  }
  return corners;
}

/** Control points that draw the way `from` → corners → `to` as a quadratic chain rounding each corner within HUG. */
export function hugCorners(from: Pt, corners: readonly Pt[], to: Pt): Pt[] {
  const pts = [from, ...corners, to];
  const out: Pt[] = [];
  for (let i = 1; i < pts.length - 1; i++) {
    const [a, c, b] = [pts[i - 1], pts[i], pts[i + 1]];
    const toward = (p: Pt, q: Pt) => {
      const l = Math.hypot(q.x - p.x, q.y - p.y) || 1, d = Math.min(HUG, l / 3);
      return { x: p.x + ((q.x - p.x) / l) * d, y: p.y + ((q.y - p.y) / l) * d };
    };
    out.push(toward(c, a), c, toward(c, b));
  }
  return out;
}
