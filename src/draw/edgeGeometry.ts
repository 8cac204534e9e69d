// The kernel's edge geometry, after Cytoscape's renderer: where a line stops short of its arrowhead, the chain of
// quadratic Béziers through the control points, and arrowheads (unit shapes scaled by the edge width, turned to the
// line's direction at the tip). Pure: points in, points out.
export interface Pt { x: number; y: number }

/** Size of the arrowhead of an edge `width` wide (Cytoscape's getArrowWidth). */
export function arrowSize(width: number, scale = 1): number {
  return Math.max(Math.pow(width * 13.37, 0.9), 29) * scale;
}

/** How far before an arrow's tip its line stops (Cytoscape's gap of the shape less its spacing); 0 without an arrow. */
export function arrowGap(shape: string, width: number, scale = 1): number {
  const standard = 2 * width * scale;
  switch (shape) {
    case 'none':
    case 'tee':
      return 0;
    case 'vee':
      return 0.525 * standard;
    case 'diamond':
      return width * scale;
    case 'chevron':
      return 0.95 * width * scale;
    case 'triangle-backcurve':
      return 0.8 * standard;
    case 'circle':
      return standard - 0.15 * arrowSize(width, scale);
    default:
      return standard;
  }
}

/** `from` moved toward `toward` by `d` (Cytoscape's shortenIntersection: never past `toward`). */
export function shorten(from: Pt, toward: Pt, d: number): Pt {
  const dx = from.x - toward.x, dy = from.y - toward.y, len = Math.hypot(dx, dy);
  if (!len || !d) return from;
  const t = Math.max((len - d) / len, 0.00001);
  return { x: toward.x + dx * t, y: toward.y + dy * t };
}

/** The point at `t` on the quadratic Bézier a → b → c. */
export function quadAt(a: Pt, b: Pt, c: Pt, t: number): Pt {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * b.x + t * t * c.x, y: u * u * a.y + 2 * u * t * b.y + t * t * c.y };
}

/** The rotation of an arrow whose line arrives at `tip` coming from `from` (Cytoscape's getAngleFromDisp). */
export function arrowAngle(from: Pt, tip: Pt): number {
  return Math.atan2(tip.y - from.y, tip.x - from.x) - Math.PI / 2;
}

/** An edge as Cytoscape placed it: arrow tips at each end, control or segment points, its midpoint, and its arrow gaps. */
export interface EdgeInput {
  kind: 'straight' | 'bezier' | 'segments' | 'haystack';
  tail: Pt;
  tip: Pt;
  /** Bézier control points (kind 'bezier') or segment corners (kind 'segments'). */
  ctrl: Pt[];
  mid: Pt;
  sourceGap: number;
  targetGap: number;
}

/** The line to stroke (through `pts`, quadratic when `curved`) and the rotation of each arrow. */
export interface EdgeGeometry { pts: Pt[]; curved: boolean; sourceAngle: number; targetAngle: number; midAngle: number }

/**
 * The drawn line of an edge: shortened at each end by its arrow's gap along the direction it arrives from; a Bézier
 * edge passes the control points as Cytoscape chains them (control point, then the midpoint to the next one).
 */
export function edgeGeometry(e: EdgeInput): EdgeGeometry {
  const { tail, tip, mid } = e;
  if (e.kind === 'haystack' || !e.ctrl.length) {
    const pts = e.kind === 'haystack' ? [tail, tip] : [shorten(tail, tip, e.sourceGap), shorten(tip, tail, e.targetGap)];
    return { pts, curved: false, sourceAngle: arrowAngle(mid, tail), targetAngle: arrowAngle(mid, tip), midAngle: arrowAngle(tail, tip) };
  }
  const first = e.ctrl[0], last = e.ctrl[e.ctrl.length - 1];
  const start = shorten(tail, first, e.sourceGap), end = shorten(tip, last, e.targetGap);
  if (e.kind === 'segments') {
    const pts = [start, ...e.ctrl, end];
    const m = Math.floor((pts.length - 1) / 2);
    return { pts, curved: false, sourceAngle: arrowAngle(first, tail), targetAngle: arrowAngle(last, tip), midAngle: arrowAngle(pts[m], pts[m + 1]) };
  }
  const pts: Pt[] = [start];
  e.ctrl.forEach((c, i) => {
    pts.push(c);
    const next = e.ctrl[i + 1];
    if (next) pts.push({ x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 });
  });
  pts.push(end);
  const n = pts.length;
  // The middle quadratic piece, and where on it the midpoint lies: its middle (odd count) or its start (even count).
  const piece = Math.floor((e.ctrl.length - 1) / 2) * 2, odd = e.ctrl.length % 2 === 1;
  const [a, b, c] = [pts[piece], pts[piece + 1], pts[piece + 2]];
  const midAngle = odd ? arrowAngle(quadAt(a, b, c, 0.4999), quadAt(a, b, c, 0.5)) : arrowAngle(quadAt(a, b, c, 0.9999), c);
  return {
    pts,
    curved: true,
    sourceAngle: arrowAngle(quadAt(pts[0], pts[1], pts[2], 0.1), tail),
    targetAngle: arrowAngle(quadAt(pts[n - 3], pts[n - 2], pts[n - 1], 0.9), tip),
    midAngle,
  };
}

/** The midpoint Cytoscape gives a chain of quadratic Béziers from `tail` through `ctrl` to `tip` (a straight line's middle without). */
export function chainMid(tail: Pt, ctrl: Pt[], tip: Pt): Pt {
  if (!ctrl.length) return { x: (tail.x + tip.x) / 2, y: (tail.y + tip.y) / 2 };
  const pts: Pt[] = [tail];
  ctrl.forEach((c, i) => {
    pts.push(c);
    const next = ctrl[i + 1];
    if (next) pts.push({ x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 });
  });
  pts.push(tip);
  const piece = Math.floor((ctrl.length - 1) / 2) * 2;
  return ctrl.length % 2 ? quadAt(pts[piece], pts[piece + 1], pts[piece + 2], 0.5) : pts[piece + 2];
}

const TRIANGLE = [-0.15, -0.3, 0, 0, 0.15, -0.3];
const TEE = [-0.15, 0, -0.15, -0.1, 0.15, -0.1, 0.15, 0];
/** Cytoscape's arrow shapes in unit coordinates: tip at (0, 0), the line coming in along negative y. */
export const ARROWS: Record<string, number[][]> = {
  triangle: [TRIANGLE],
  vee: [[-0.15, -0.3, 0, 0, 0.15, -0.3, 0, -0.15]],
  diamond: [[-0.15, -0.15, 0, -0.3, 0.15, -0.15, 0, 0]],
  square: [[-0.15, 0, 0.15, 0, 0.15, -0.3, -0.15, -0.3]],
  tee: [TEE],
  chevron: [[0, 0, -0.15, -0.15, -0.1, -0.2, 0, -0.1, 0.1, -0.2, 0.15, -0.15]],
  'triangle-tee': [TRIANGLE, [-0.15, -0.4, -0.15, -0.5, 0.15, -0.5, 0.15, -0.4]],
};

/** An arrowhead to draw: its shape, tip, rotation, size and paint. */
export interface ArrowDraw { shape: string; tip: Pt; angle: number; size: number; color: string; opacity: number; hollow: boolean; lineWidth: number }

/** Absolute points of unit `pts` turned by `angle`, scaled by `size` and moved to `tip` (Cytoscape's transformPoints). */
export function placeArrow(pts: number[], tip: Pt, angle: number, size: number): number[] {
  const cos = Math.cos(angle), sin = Math.sin(angle), out: number[] = [];
  for (let i = 0; i < pts.length; i += 2) out.push((pts[i] * cos - pts[i + 1] * sin) * size + tip.x, (pts[i] * sin + pts[i + 1] * cos) * size + tip.y);
  return out;
}
