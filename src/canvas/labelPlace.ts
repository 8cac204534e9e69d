// Pure edge-label placement: each label sits at a free point along its own edge (on the line, else just beside it),
// as near the edge's middle as it can, clear of every node and of every other label, and preferably where no other
// edge's line crosses it (so it reads as its own edge's). A label may take one of several shapes (one line, two
// lines). Greedy in order of importance, then a repair that moves the labels blocking an unplaced one elsewhere along
// their own edges; a label still without a spot is left unplaced (the canvas shows it on hover). Model units.
import { quadAt, type Pt } from '../export/exportSvgEdges';

/** An axis-aligned box. */
export interface Box { x1: number; y1: number; x2: number; y2: number }

/** A label to place: the edge's drawn path (a polyline from source to target), the shapes it may take, its rank. */
export interface LabelItem {
  id: string;
  path: Pt[];
  /** Footprints in model units (text box with background padding and clearance), the preferred one first. */
  shapes: { w: number; h: number }[];
  /** Lower ranks are placed first (they get the better spots). */
  rank: number;
  /** What the label says: a line whose label says the same does not make it ambiguous. */
  says?: string;
  /** Further paths the label may sit on, at a small extra cost (the edges of a group whose middle line is `path`). */
  alternates?: Pt[][];
  /** Drawing order (z-index): a line drawn above the label (higher z) would strike it through, so never crosses it. */
  z?: number;
}

/** A drawn line a label should not sit on unless it is its own (`owner`: the id of the item whose line it is; `says`:
 * what its label says). */
export interface Line { owner: string; path: Pt[]; says?: string; z?: number }

/** Where a label's centre goes, in which shape, and whether it sits beside its line rather than on it. */
export interface Placed { x: number; y: number; shape: number; beside: boolean }

/** Fractions of an edge's length tried, nearest the middle first. */
const FRACTIONS = [0.5];
for (let d = 0.04; d < 0.45; d += 0.04) FRACTIONS.push(0.5 - d, 0.5 + d);
/** Costs, in fractions of the edge's length away from its middle: a spot beside the line, a later shape, a crossing line,
 * a spot on an alternate path. */
const BESIDE_COST = 0.2;
const SHAPE_COST = 0.06;
const CROSSING_COST = 1;
const ALTERNATE_COST = 0.1;
/** How far a label beside its line keeps off the point it is beside (model units). */
const BESIDE_GAP = 1;
/** At most this many placed labels are moved to make room for one. */
const MAX_MOVED = 4;

/** Whether two boxes overlap (touching edges do not count). */
export const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The box of a `w` × `h` label centred at `p`. */
export const boxAt = (p: Pt, w: number, h: number): Box => ({ x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 });

/** `n` + 1 points (about) along a drawn edge: straight segments, or a chain of quadratic Béziers when `curved`. */
export function samplePath(pts: Pt[], curved: boolean, n = 16): Pt[] {
  if (pts.length < 2) return pts.slice();
  const out: Pt[] = [pts[0]];
  if (!curved) {
    const k = Math.max(1, Math.round(n / (pts.length - 1)));
    for (let i = 1; i < pts.length; i++) for (let j = 1; j <= k; j++) out.push({ x: pts[i - 1].x + ((pts[i].x - pts[i - 1].x) * j) / k, y: pts[i - 1].y + ((pts[i].y - pts[i - 1].y) * j) / k });
    return out;
  }
  const pieces = Math.floor((pts.length - 1) / 2), per = Math.max(2, Math.round(n / pieces));
  for (let p = 0; p < pieces; p++) for (let j = 1; j <= per; j++) out.push(quadAt(pts[2 * p], pts[2 * p + 1], pts[2 * p + 2], j / per));
  return out;
}

/** The point at fraction `t` of a polyline's length, and the unit direction of the line there. */
export function pointAt(path: Pt[], t: number): { p: Pt; dir: Pt } {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += Math.hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
  let want = t * total;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1], b = path[i], l = Math.hypot(b.x - a.x, b.y - a.y);
    if (want <= l || i === path.length - 1) {
      const k = l ? Math.max(0, Math.min(1, want / l)) : 0;
      return { p: { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k }, dir: l ? { x: (b.x - a.x) / l, y: (b.y - a.y) / l } : { x: 1, y: 0 } };
    }
    want -= l;
  }
  return { p: path[0] ?? { x: 0, y: 0 }, dir: { x: 1, y: 0 } };
}

/** Whether the segment a–b passes through box `r` (Liang–Barsky clipping). */
export function segmentHitsBox(a: Pt, b: Pt, r: Box): boolean {
  let t0 = 0, t1 = 1;
  const dx = b.x - a.x, dy = b.y - a.y;
  for (const [p, q] of [[-dx, a.x - r.x1], [dx, r.x2 - a.x], [-dy, a.y - r.y1], [dy, r.y2 - a.y]]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

interface Spot extends Placed { cost: number; box: Box }

/** Every spot a label may take on `path`, best first: on the line at each fraction, then just beside it either side. */
function spotsOn(path: Pt[], shapes: LabelItem['shapes'], extra: number): Spot[] {
  const out: Spot[] = [];
  if (path.length < 2) return out;
  for (const t of FRACTIONS) {
    const { p, dir } = pointAt(path, t);
    const steep = Math.abs(dir.y) > Math.abs(dir.x);
    shapes.forEach(({ w, h }, shape) => {
      const cost = Math.abs(t - 0.5) + shape * SHAPE_COST + extra;
      out.push({ ...p, shape, beside: false, cost, box: boxAt(p, w, h) });
      // Beside: to the left or right of a steep line, above or below a flat one, its nearer side through the point (a
      // slanted line crosses a corner of the box: its own line, which a label on the line covers anyway).
      const shift = (steep ? w : h) / 2 + BESIDE_GAP;
      for (const side of [1, -1]) {
        const q = steep ? { x: p.x + side * shift, y: p.y } : { x: p.x, y: p.y + side * shift };
        out.push({ ...q, shape, beside: true, cost: cost + BESIDE_COST, box: boxAt(q, w, h) });
      }
    });
  }
  return out;
}

/** Every spot a label may take, best first: along its path, then along its alternates. */
export function candidates(item: LabelItem): Spot[] {
  const out = spotsOn(item.path, item.shapes, 0);
  for (const alt of item.alternates ?? []) out.push(...spotsOn(alt, item.shapes, ALTERNATE_COST));
  return out.sort((a, b) => a.cost - b.cost);
}

/** A uniform grid of boxes, for finding quickly which boxes a new one may overlap. */
class BoxGrid<T> {
  private cells = new Map<string, { box: Box; value: T }[]>();
  private keysOf = new Map<T, string[]>();
  constructor(private readonly size: number) {}
  private keys(b: Box): string[] {
    const s = this.size, out: string[] = [];
    for (let i = Math.floor(b.x1 / s); i <= Math.floor(b.x2 / s); i++) for (let j = Math.floor(b.y1 / s); j <= Math.floor(b.y2 / s); j++) out.push(`${i},${j}`);
    return out;
  }
  add(box: Box, value: T) {
    const keys = this.keys(box);
    this.keysOf.set(value, [...(this.keysOf.get(value) ?? []), ...keys]);
    for (const k of keys) {
      const list = this.cells.get(k);
      if (list) list.push({ box, value });
      else this.cells.set(k, [{ box, value }]);
    }
  }
  remove(value: T) {
    for (const k of this.keysOf.get(value) ?? []) {
      const list = this.cells.get(k)!;
      for (let i = list.length - 1; i >= 0; i--) if (list[i].value === value) list.splice(i, 1);
    }
    this.keysOf.delete(value);
  }
  /** The entries whose boxes overlap `box`, each once. */
  entries(box: Box): { box: Box; value: T }[] {
    const out = new Set<{ box: Box; value: T }>();
    for (const k of this.keys(box)) for (const e of this.cells.get(k) ?? []) if (overlaps(e.box, box)) out.add(e);
    return [...out];
  }
  /** The distinct values whose boxes overlap `box`. */
  hits(box: Box): Set<T> {
    return new Set(this.entries(box).map((e) => e.value));
  }
}

type Segment = { owner: string; says?: string; z: number; a: Pt; b: Pt };

/**
 * How many lines cross `box` whose labels say something else than `item`'s (segments indexed by their bounding boxes);
 * Infinity when one of them is drawn above the label.
 */
function crossings(segments: BoxGrid<Segment>, box: Box, item: LabelItem): number {
  const lines = new Set<string>();
  for (const { value: s } of segments.entries(box)) {
    if (s.owner === item.id || lines.has(s.owner) || (s.says !== undefined && s.says === item.says)) continue;
    if (!segmentHitsBox(s.a, s.b, box)) continue;
    if (s.z > (item.z ?? 0)) return Infinity;
    lines.add(s.owner);
  }
  return lines.size;
}

/**
 * Places every label: spots that overlap a node (`obstacles`) are never used, nor spots a line drawn above the label
 * crosses, nor spots beside the line that another of `lines` crosses; spots on the line that other lines cross cost more; labels are placed by rank, the ones with fewest free spots first within a rank, each at its cheapest spot clear
 * of the labels already placed. Then each label left without a spot may take one held by up to MAX_MOVED labels when
 * every one of them can move to another spot along its edge clear of all the rest.
 */
export function placeLabels(items: LabelItem[], obstacles: Box[], lines: Line[] = []): Map<string, Placed | null> {
  const nodes = new BoxGrid<number>(128);
  obstacles.forEach((b, i) => nodes.add(b, i));
  const segments = new BoxGrid<Segment>(128);
  for (const l of lines) {
    for (let i = 1; i < l.path.length; i++) {
      const a = l.path[i - 1], b = l.path[i];
      segments.add({ x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x) + 1e-6, y2: Math.max(a.y, b.y) + 1e-6 }, { owner: l.owner, says: l.says, z: l.z ?? 0, a, b });
    }
  }
  const free = new Map<string, Spot[]>();
  for (const it of items) {
    const spots: Spot[] = [];
    for (const c of candidates(it)) {
      if (nodes.hits(c.box).size) continue;
      // Beside its line, a label another line runs through could be read as that line's: such spots are not used.
      const n = crossings(segments, c.box, it);
      if (n === Infinity || (n && c.beside)) continue;
      spots.push({ ...c, cost: c.cost + CROSSING_COST * n });
    }
    free.set(it.id, spots.sort((a, b) => a.cost - b.cost));
  }
  const order = [...items].sort((a, b) => a.rank - b.rank || free.get(a.id)!.length - free.get(b.id)!.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed = new BoxGrid<string>(128);
  const at = new Map<string, Spot>();
  const put = (id: string, s: Spot) => {
    at.set(id, s);
    placed.add(s.box, id);
  };
  const lift = (id: string) => {
    at.delete(id);
    placed.remove(id);
  };
  /** Places `id` at a spot held by at most MAX_MOVED labels if each of them can move to another free spot. */
  const makeRoom = (id: string): boolean => {
    for (const c of free.get(id)!) {
      const block = [...placed.hits(c.box)];
      if (block.length > MAX_MOVED) continue;
      const before = block.map((b) => at.get(b)!);
      block.forEach(lift);
      put(id, c);
      const moved = block.every((b) => {
        const spot = free.get(b)!.find((o) => placed.hits(o.box).size === 0);
        if (spot) put(b, spot);
        return !!spot;
      });
      if (moved) return true;
      // Undo: the blocking labels go back where they were.
      lift(id);
      for (const b of block) if (at.has(b)) lift(b);
      block.forEach((b, i) => put(b, before[i]));
    }
    return false;
  };
  const left: string[] = [];
  for (const it of order) {
    const spot = free.get(it.id)!.find((c) => placed.hits(c.box).size === 0);
    if (spot) put(it.id, spot);
    else left.push(it.id);
  }
  // Repair, until a round places nothing more: moving labels along their own edges costs nothing of what they show.
  for (let round = 0, progress = true; progress && round < 4; round++) {
    progress = false;
    for (const id of left) if (!at.has(id) && makeRoom(id)) progress = true;
  }
  const out = new Map<string, Placed | null>();
  for (const it of items) {
    const s = at.get(it.id);
    out.set(it.id, s ? { x: s.x, y: s.y, shape: s.shape, beside: s.beside } : null);
  }
  return out;
}
