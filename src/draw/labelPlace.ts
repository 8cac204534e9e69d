// Pure edge-label placement: each label sits at a free point along its own edge (on the line, else just beside it),
// as near the edge's middle as it can, clear of every node and of every other label, and preferably where no other
// edge's line crosses it (so it reads as its own edge's). A label may take one of several shapes (one line, two
// lines). Greedy in order of importance, then a repair that moves the labels blocking an unplaced one elsewhere along
// their own edges; a label still without a spot is not drawn (the canvas shows it on hover, above the rest). Model units.
import { quadAt, type Pt } from './edgeGeometry';

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
  /** Never hidden (a stake a scenario changed): when no spot is free, the labels in the way of its best spot make room. */
  keep?: boolean;
}

/** A drawn line a label should not sit on unless it is its own (`owner`: the id of the item whose line it is; `says`:
 * what its label says). */
export interface Line { owner: string; path: Pt[]; says?: string; z?: number }

/**
 * Where a label's centre goes, in which shape, and whether it sits beside its line rather than on it. `clear` is false
 * for a label that found no spot clear of the others: its spot (clear of nodes) is where to show it on demand, above
 * the rest.
 */
export interface Placed { x: number; y: number; shape: number; beside: boolean; clear: boolean }

/** Fractions of an edge's length tried, nearest the middle first; fewer (and one shape only) past FULL_SEARCH labels,
 * where the full search would cost a frame or more on every change. */
const FRACTIONS = [0.5];
for (let d = 0.04; d < 0.45; d += 0.04) FRACTIONS.push(0.5 - d, 0.5 + d);
const FEW_FRACTIONS = [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86];
const FULL_SEARCH = 300;
/** Costs, in fractions of the edge's length away from its middle: a spot beside the line, a later shape, a spot on an
 * alternate path. */
const BESIDE_COST = 0.2;
const SHAPE_COST = 0.06;
const ALTERNATE_COST = 0.1;
/** How far a label beside its line keeps off the point it is beside (model units). */
const BESIDE_GAP = 1;
/** A label without room tries this many of its spots to make room by moving others. */
const REPAIR_SPOTS = 16;
/** Lines are indexed in pieces of at most this length (model units). */
const SEGMENT_PIECE = 64;
/** A segment is cut into at most this many pieces, however long (a far-away node must not cost millions of them). */
const MAX_PIECES = 256;
/** A box spanning more grid cells than this either way is checked against every query rather than filed in cells. */
const MAX_CELLS_SPANNED = 64;
/** At most this many placed labels are moved to make room for one. */
const MAX_MOVED = 4;

/** Whether two boxes overlap (touching edges do not count). */
export const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The box of a `w` × `h` label centred at `p`. */
export const boxAt = (p: Pt, w: number, h: number): Box => ({ x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 });

/** Points along a drawn edge: its straight segments as they are, or about `n` + 1 points along a chain of quadratic
 * Béziers when `curved`. */
export function samplePath(pts: Pt[], curved: boolean, n = 16): Pt[] {
  if (pts.length < 2) return pts.slice();
  if (!curved) return pts.slice(); // straight pieces need no more points
  const out: Pt[] = [pts[0]];
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

interface Spot extends Omit<Placed, 'clear'> { cost: number; box: Box; /** Crossings, once worked out. */ n?: number }

/** Every spot a label may take on `path`, best first: on the line at each fraction, then just beside it either side. */
function spotsOn(path: Pt[], shapes: LabelItem['shapes'], extra: number, fractions: number[]): Spot[] {
  const out: Spot[] = [];
  if (path.length < 2) return out;
  for (const t of fractions) {
    const { p, dir } = pointAt(path, t);
    const steep = Math.abs(dir.y) > Math.abs(dir.x);
    shapes.forEach(({ w, h }, shape) => {
      const cost = Math.abs(t - 0.5) + shape * SHAPE_COST + extra;
      out.push({ x: p.x, y: p.y, shape, beside: false, cost, box: boxAt(p, w, h) });
      // Beside: to the left or right of a steep line, above or below a flat one, its nearer side through the point (a
      // slanted line crosses a corner of the box: its own line, which a label on the line covers anyway).
      const shift = (steep ? w : h) / 2 + BESIDE_GAP;
      for (const side of [1, -1]) {
        const q = steep ? { x: p.x + side * shift, y: p.y } : { x: p.x, y: p.y + side * shift };
        out.push({ x: q.x, y: q.y, shape, beside: true, cost: cost + BESIDE_COST, box: boxAt(q, w, h) });
      }
    });
  }
  return out;
}

/** Every spot a label may take, best first: along its path, then along its alternates (`few`: a quicker search). */
export function candidates(item: LabelItem, few = false): Spot[] {
  const fractions = few ? FEW_FRACTIONS : FRACTIONS, shapes = few ? item.shapes.slice(0, 1) : item.shapes;
  const out = spotsOn(item.path, shapes, 0, fractions);
  for (const alt of item.alternates ?? []) out.push(...spotsOn(alt, shapes, ALTERNATE_COST, fractions));
  return out.sort((a, b) => a.cost - b.cost);
}

/** A uniform grid of boxes, for finding quickly which boxes a new one may overlap. */
class BoxGrid<T> {
  private cells = new Map<number, { box: Box; value: T }[]>();
  private keysOf = new Map<T, number[]>();
  private big: { box: Box; value: T }[] = [];
  constructor(private readonly size: number) {}
  private keys(b: Box): number[] {
    const s = this.size, out: number[] = [];
    for (let i = Math.floor(b.x1 / s); i <= Math.floor(b.x2 / s); i++) for (let j = Math.floor(b.y1 / s); j <= Math.floor(b.y2 / s); j++) out.push(i * 1_000_003 + j);
    return out;
  }
  add(box: Box, value: T) {
    const s = this.size;
    if ((box.x2 - box.x1) / s > MAX_CELLS_SPANNED || (box.y2 - box.y1) / s > MAX_CELLS_SPANNED) {
      // A box wider than the grid is useful for is kept aside and checked against every query instead.
      this.big.push({ box, value });
      return;
    }
    const keys = this.keys(box);
    const known = this.keysOf.get(value);
    if (known) known.push(...keys);
    else this.keysOf.set(value, keys);
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
    if (this.big.length) this.big = this.big.filter((e) => e.value !== value);
  }
  /** Calls `f` with each entry whose box overlaps `box` (an entry in several cells may come more than once) until it
   * returns true; returns whether one did. */
  some(box: Box, f: (value: T, box: Box) => boolean): boolean {
    const s = this.size, i2 = Math.floor(box.x2 / s), j1 = Math.floor(box.y1 / s), j2 = Math.floor(box.y2 / s);
    for (let i = Math.floor(box.x1 / s); i <= i2; i++) {
      for (let j = j1; j <= j2; j++) {
        const list = this.cells.get(i * 1_000_003 + j);
        if (list) for (const e of list) if (overlaps(e.box, box) && f(e.value, e.box)) return true;
      }
    }
    for (const e of this.big) if (overlaps(e.box, box) && f(e.value, e.box)) return true;
    return false;
  }
  /** Whether any box overlaps `box`. */
  any(box: Box): boolean {
    return this.some(box, () => true);
  }
  /** The distinct values whose boxes overlap `box`. */
  hits(box: Box): Set<T> {
    const out = new Set<T>();
    this.some(box, (v) => {
      out.add(v);
      return false;
    });
    return out;
  }
}

type Segment = { owner: string; says?: string; z: number; a: Pt; b: Pt };

/**
 * How many lines cross `box` whose labels say something else than `item`'s (segments indexed by their bounding boxes);
 * Infinity when one of them is drawn above the label.
 */
function crossings(segments: BoxGrid<Segment>, box: Box, item: LabelItem): number {
  const lines: string[] = [];
  const above = segments.some(box, (s) => {
    if (s.owner === item.id || (s.says !== undefined && s.says === item.says) || lines.includes(s.owner) || !segmentHitsBox(s.a, s.b, box)) return false;
    lines.push(s.owner);
    return s.z > (item.z ?? 0);
  });
  return above ? Infinity : lines.length;
}

/**
 * Places every label. Spots that overlap a node (`obstacles`) are never used, nor spots a line drawn above the label
 * crosses, nor spots beside the line that another of `lines` crosses; of the rest, a label takes the one fewest other
 * lines cross, then the cheapest (nearest its edge's middle, on the line). Labels are placed by rank, the ones with
 * fewest spots clear of nodes first within a rank, each clear of the labels already placed. Then each label left
 * without a spot may take one held by up to MAX_MOVED labels when every one of them can move to another spot along its
 * edge clear of all the rest (on drawings of up to FULL_SEARCH labels). Crossings are worked out only for spots that
 * are considered. Last, a label that must show (`keep`) and has no spot yet takes its best spot clear of nodes, and the
 * labels in its way move or hide. A label left without a spot is returned with `clear` false at its best spot clear of
 * nodes, or as null when it has none.
 */
export function placeLabels(items: LabelItem[], obstacles: Box[], lines: Line[] = []): Map<string, Placed | null> {
  const nodes = new BoxGrid<number>(128);
  obstacles.forEach((b, i) => nodes.add(b, i));
  const segments = new BoxGrid<Segment>(128);
  for (const l of lines) {
    for (let i = 1; i < l.path.length; i++) {
      // Long segments go in as pieces of at most SEGMENT_PIECE (and at most MAX_PIECES of them), so that each grid cell
      // holds only what passes near it.
      const p = l.path[i - 1], q = l.path[i], k = Math.min(MAX_PIECES, Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / SEGMENT_PIECE)));
      for (let j = 0; j < k; j++) {
        const a = { x: p.x + ((q.x - p.x) * j) / k, y: p.y + ((q.y - p.y) * j) / k }, b = { x: p.x + ((q.x - p.x) * (j + 1)) / k, y: p.y + ((q.y - p.y) * (j + 1)) / k };
        segments.add({ x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x) + 1e-6, y2: Math.max(a.y, b.y) + 1e-6 }, { owner: l.owner, says: l.says, z: l.z ?? 0, a, b });
      }
    }
  }
  const byId = new Map(items.map((it) => [it.id, it]));
  /** Each label's spots clear of nodes, cheapest first. */
  const free = new Map<string, Spot[]>();
  const few = items.length > FULL_SEARCH;
  for (const it of items) free.set(it.id, candidates(it, few).filter((c) => !nodes.any(c.box)));
  /** A spot's crossings (Infinity: not to be used), worked out when first asked for. */
  const cross = (it: LabelItem, s: Spot): number => {
    if (s.n === undefined) {
      const n = crossings(segments, s.box, it);
      // Beside its line, a label another line runs through could be read as that line's.
      s.n = n && s.beside ? Infinity : n;
    }
    return s.n;
  };
  const placed = new BoxGrid<string>(128);
  const clear = (s: Spot) => !placed.any(s.box);
  /** The best spot of `id` clear of the placed labels: fewest crossings, then cheapest. */
  const best = (id: string): Spot | undefined => {
    const it = byId.get(id)!;
    let pick: Spot | undefined, fewest = Infinity;
    for (const s of free.get(id)!) {
      if (!clear(s)) continue;
      const n = cross(it, s);
      if (n === 0) return s;
      if (n < fewest) [pick, fewest] = [s, n];
    }
    return pick;
  };
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
    const it = byId.get(id)!;
    // The REPAIR_SPOTS cheapest usable spots, fewest crossings first (trying every spot of every label costs too much on
    // big drawings, for little: the spots far from the middle seldom help).
    const usable: Spot[] = [];
    for (const s of free.get(id)!) if (usable.length < REPAIR_SPOTS && cross(it, s) !== Infinity) usable.push(s);
    usable.sort((a, b) => cross(it, a) - cross(it, b) || a.cost - b.cost);
    for (const c of usable) {
      const block = [...placed.hits(c.box)];
      if (block.length > MAX_MOVED) continue;
      const before = block.map((b) => at.get(b)!);
      block.forEach(lift);
      put(id, c);
      const moved = block.every((b) => {
        const spot = best(b);
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
  const order = [...items].sort((a, b) => a.rank - b.rank || free.get(a.id)!.length - free.get(b.id)!.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const left: string[] = [];
  for (const it of order) {
    const spot = best(it.id);
    if (spot) put(it.id, spot);
    else left.push(it.id);
  }
  // Repair, until a round places nothing more: moving labels along their own edges costs nothing of what they show.
  for (let round = 0, progress = !few; progress && round < 2; round++) {
    progress = false;
    for (const id of left) if (!at.has(id) && makeRoom(id)) progress = true;
  }
  // A label that must show and still has no spot takes its best spot clear of nodes; the labels there (none that must
  // show) move to another spot of their own, or are hidden.
  for (const it of order) {
    if (!it.keep || at.has(it.id)) continue;
    const spots = free.get(it.id)!.filter((c) => cross(it, c) !== Infinity);
    const spot = spots.find((c) => [...placed.hits(c.box)].every((b) => !byId.get(b)!.keep)) ?? spots[0] ?? free.get(it.id)![0];
    if (!spot) continue;
    const block = [...placed.hits(spot.box)].filter((b) => !byId.get(b)!.keep);
    block.forEach(lift);
    put(it.id, spot);
    for (const b of block) {
      const again = best(b);
      if (again) put(b, again);
    }
  }
  const out = new Map<string, Placed | null>();
  for (const it of items) {
    const s = at.get(it.id);
    // Left without a spot: the best one clear of nodes, for showing it on demand (null when there is none).
    const spare = s ? null : (free.get(it.id)!.find((c) => cross(it, c) !== Infinity) ?? free.get(it.id)![0]);
    const spot = s ?? spare;
    out.set(it.id, spot ? { x: spot.x, y: spot.y, shape: spot.shape, beside: spot.beside, clear: !!s } : null);
  }
  return out;
}
