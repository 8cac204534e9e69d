// Pure geometry of node shapes for the SVG export: Cytoscape's shapes (its unit points, corner radii and cut lengths) as
// SVG path data, grown or shrunk by an offset so that double borders and outlines are drawn as parallel outlines.

/** A number for SVG markup: at most two decimals, no "-0". */
export function fmt(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/**
 * Unit points of a regular polygon fitted to the square [-1, 1]², as Cytoscape makes them
 * (math.generateUnitNgonPointsFitToSquare, including its running minimum when it shifts odd polygons down).
 */
export function ngonPoints(sides: number): number[] {
  const inc = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + inc / 2 : Math.PI / 2;
  const pts: number[] = [];
  for (let i = 0; i < sides; i++) pts.push(Math.cos(start + i * inc), Math.sin(-(start + i * inc)));
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < pts.length; i += 2) {
    minX = Math.min(minX, pts[i]); maxX = Math.max(maxX, pts[i]);
    minY = Math.min(minY, pts[i + 1]); maxY = Math.max(maxY, pts[i + 1]);
  }
  const sx = 2 / (maxX - minX), sy = 2 / (maxY - minY);
  for (let i = 0; i < pts.length; i += 2) {
    pts[i] *= sx;
    pts[i + 1] *= sy;
    minY = Math.min(minY, pts[i + 1]);
  }
  if (minY < -1) for (let i = 1; i < pts.length; i += 2) pts[i] += -1 - minY;
  return pts;
}

/** Unit points (x, y pairs in [-1, 1]) of Cytoscape's polygon node shapes; round-* shapes share their plain shape's points. */
export const POLYGONS: Record<string, number[]> = {
  triangle: ngonPoints(3),
  rectangle: ngonPoints(4),
  square: ngonPoints(4),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  pentagon: ngonPoints(5),
  hexagon: ngonPoints(6),
  heptagon: ngonPoints(7),
  octagon: ngonPoints(8),
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  'concave-hexagon': [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
  tag: [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
};

/** Twice the signed area of a polygon (flat x, y pairs): positive when its points turn left in x-right, y-up terms. */
function signedArea2(pts: number[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i += 2) {
    const j = (i + 2) % pts.length;
    a += pts[i] * pts[j + 1] - pts[j] * pts[i + 1];
  }
  return a;
}

/**
 * The polygon `pts` (flat x, y pairs) with every side moved `grow` outward (inward when negative), corners mitred, so
 * that a stroke along the result runs parallel to the original outline.
 */
export function offsetPolygon(pts: number[], grow: number): number[] {
  const n = pts.length / 2;
  if (!grow || n < 3) return pts.slice();
  const orient = Math.sign(signedArea2(pts)) || 1;
  // Outward unit normal of side i (from point i to point i + 1).
  const normals: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const ex = pts[2 * j] - pts[2 * i], ey = pts[2 * j + 1] - pts[2 * i + 1];
    const len = Math.hypot(ex, ey) || 1;
    normals.push([(orient * ey) / len, (-orient * ex) / len]);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [ax, ay] = normals[(i + n - 1) % n], [bx, by] = normals[i];
    // Miter: the point at distance `grow` from both sides meeting here.
    const k = grow / Math.max(1 + ax * bx + ay * by, 0.05);
    out.push(pts[2 * i] + (ax + bx) * k, pts[2 * i + 1] + (ay + by) * k);
  }
  return out;
}

/** Path data of a closed polygon. */
export function polygonPath(pts: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pts.length; i += 2) parts.push(`${i ? 'L' : 'M'}${fmt(pts[i])} ${fmt(pts[i + 1])}`);
  return `${parts.join(' ')} Z`;
}

/** Path data of a closed polygon with corners rounded by quadratic curves cutting `r` off each side (round-* shapes; Cytoscape draws arcs). */
function roundedPolygonPath(pts: number[], r: number): string {
  const n = pts.length / 2;
  const at = (i: number) => ({ x: pts[2 * ((i + n) % n)], y: pts[2 * ((i + n) % n) + 1] });
  const toward = (a: { x: number; y: number }, b: { x: number; y: number }, d: number) => {
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1, t = Math.min(d, len / 2) / len;
    return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
  };
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = at(i), from = toward(p, at(i - 1), r), to = toward(p, at(i + 1), r);
    parts.push(`${i ? 'L' : 'M'}${fmt(from.x)} ${fmt(from.y)} Q${fmt(p.x)} ${fmt(p.y)} ${fmt(to.x)} ${fmt(to.y)}`);
  }
  return `${parts.join(' ')} Z`;
}

/** Path data of a rectangle centred at (cx, cy) with half-sizes hw, hh and corner radius r (0: square corners). */
export function roundRectPath(cx: number, cy: number, hw: number, hh: number, r: number): string {
  r = Math.max(0, Math.min(r, hw, hh));
  const x0 = cx - hw, x1 = cx + hw, y0 = cy - hh, y1 = cy + hh;
  if (r === 0) return polygonPath([x0, y0, x1, y0, x1, y1, x0, y1]);
  const arc = (x: number, y: number) => `A${fmt(r)} ${fmt(r)} 0 0 1 ${fmt(x)} ${fmt(y)}`;
  return [
    `M${fmt(x0 + r)} ${fmt(y0)}`, `H${fmt(x1 - r)}`, arc(x1, y0 + r), `V${fmt(y1 - r)}`, arc(x1 - r, y1),
    `H${fmt(x0 + r)}`, arc(x0, y1 - r), `V${fmt(y0 + r)}`, arc(x0 + r, y0), 'Z',
  ].join(' ');
}

/** Path data of an ellipse centred at (cx, cy) with radii rx, ry (two half arcs, so it can be dashed like any path). */
export function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  rx = Math.max(rx, 0.01);
  ry = Math.max(ry, 0.01);
  const arc = (x: number) => `A${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(x)} ${fmt(cy)}`;
  return `M${fmt(cx - rx)} ${fmt(cy)} ${arc(cx + rx)} ${arc(cx - rx)} Z`;
}

/** Cytoscape's default corner radius of a round rectangle (math.getRoundRectangleRadius) and of round polygons. */
export const roundRectRadius = (w: number, h: number) => Math.min(w / 4, h / 4, 8);
const roundPolygonRadius = (w: number, h: number) => Math.min(w / 10, h / 10, 8);
/** Cytoscape's cut corner of a cut-rectangle (math.getCutRectangleCornerLength). */
export const CUT_CORNER = 8;

/**
 * Path data of a node of `shape` centred at (cx, cy), w × h, with its outline moved `grow` outward (inward when
 * negative). Shapes this export does not know (barrel, star, custom polygons) are drawn as rectangles.
 */
export function shapePath(shape: string, cx: number, cy: number, w: number, h: number, grow = 0): string {
  const hw = w / 2, hh = h / 2;
  switch (shape) {
    case 'ellipse':
      return ellipsePath(cx, cy, hw + grow, hh + grow);
    case 'round-rectangle':
    case 'roundrectangle':
    case 'bottom-round-rectangle':
    case 'bottomroundrectangle':
    case 'barrel':
      return roundRectPath(cx, cy, hw + grow, hh + grow, roundRectRadius(w, h) + grow);
    case 'cut-rectangle':
    case 'cutrectangle': {
      const c = Math.min(CUT_CORNER, hw, hh);
      const pts = [cx - hw + c, cy - hh, cx + hw - c, cy - hh, cx + hw, cy - hh + c, cx + hw, cy + hh - c, cx + hw - c, cy + hh, cx - hw + c, cy + hh, cx - hw, cy + hh - c, cx - hw, cy - hh + c];
      return polygonPath(offsetPolygon(pts, grow));
    }
    default: {
      const round = shape.startsWith('round-');
      const unit = POLYGONS[round ? shape.slice(6) : shape] ?? POLYGONS.rectangle;
      const pts = offsetPolygon(unit.map((v, i) => (i % 2 ? cy + hh * v : cx + hw * v)), grow);
      return round ? roundedPolygonPath(pts, Math.max(0, roundPolygonRadius(w, h) + grow)) : polygonPath(pts);
    }
  }
}
