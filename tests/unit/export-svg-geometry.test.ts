// SVG export geometry: Cytoscape's node shapes as path data (grown and shrunk in parallel for double borders and
// outlines), edge lines shortened for their arrowheads, Bézier chains through control points, and arrowheads.
import { describe, expect, it } from 'vitest';
import { arrowAngle, arrowGap, arrowSize, edgeGeometry, placeArrow, quadAt, shorten, type EdgeInput } from '../../src/draw/edgeGeometry';
import { arrowSvg, linePath } from '../../src/export/exportSvgEdges';
import { ellipsePath, fmt, ngonPoints, offsetPolygon, POLYGONS, roundRectPath, shapePath } from '../../src/export/exportSvgShapes';

const close = (a: number[], b: number[]) => {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
};

/** Distance from point (px, py) to the line through (ax, ay) and (bx, by). */
const lineDistance = (px: number, py: number, ax: number, ay: number, bx: number, by: number) =>
  Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / Math.hypot(bx - ax, by - ay);

describe('fmt', () => {
  it.each([[1, '1'], [1 / 3, '0.33'], [-0.001, '0'], [-2.675, '-2.67'], [1e6, '1000000']])('%d → %s', (x, s) => expect(fmt(x)).toBe(s));
});

describe('node shapes', () => {
  it.each<[number, number[]]>([
    [3, [0, -1, -1, 1, 1, 1]],
    [4, [-1, -1, -1, 1, 1, 1, 1, -1]],
    [6, [-0.5, -1, -1, 0, -0.5, 1, 0.5, 1, 1, 0, 0.5, -1]],
  ])('a regular %d-gon fits the unit square as Cytoscape fits it', (sides, pts) => close(ngonPoints(sides), pts));

  it('every polygon spans the unit square across and stays within it', () => {
    for (const [name, pts] of Object.entries(POLYGONS)) {
      const xs = pts.filter((_, i) => i % 2 === 0), ys = pts.filter((_, i) => i % 2 === 1);
      expect([Math.min(...xs), Math.max(...xs)].map((v) => Math.round(v * 1000) / 1000), name).toEqual([-1, 1]);
      for (const y of ys) expect(Math.abs(y), name).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it.each([
    ['clockwise', [0, 0, 2, 0, 2, 2, 0, 2]],
    ['anticlockwise', [0, 0, 0, 2, 2, 2, 2, 0]],
  ])('offsetPolygon grows and shrinks a %s square by the offset on every side', (_, square) => {
    close(offsetPolygon(square, 1).map((v) => Math.abs(v - 1)), [2, 2, 2, 2, 2, 2, 2, 2]);
    close(offsetPolygon(square, -0.5).map((v) => Math.abs(v - 1)), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(offsetPolygon(square, 0)).toEqual(square);
  });

  it('offsetPolygon keeps every side of a slanted shape parallel, at the offset from the original', () => {
    const rhomboid = POLYGONS.rhomboid.map((v, i) => (i % 2 ? 26 * v : 85 * v));
    const grown = offsetPolygon(rhomboid, 3);
    for (let i = 0; i < 4; i++) {
      const j = (i + 1) % 4;
      const [ax, ay, bx, by] = [rhomboid[2 * i], rhomboid[2 * i + 1], rhomboid[2 * j], rhomboid[2 * j + 1]];
      expect(lineDistance(grown[2 * i], grown[2 * i + 1], ax, ay, bx, by)).toBeCloseTo(3, 6);
      expect(lineDistance(grown[2 * j], grown[2 * j + 1], ax, ay, bx, by)).toBeCloseTo(3, 6);
    }
  });

  it('a round rectangle has Cytoscape\'s corner radius (8 at the node size), reduced and grown with the outline', () => {
    expect(shapePath('round-rectangle', 0, 0, 170, 52)).toBe('M-77 -26 H77 A8 8 0 0 1 85 -18 V18 A8 8 0 0 1 77 26 H-77 A8 8 0 0 1 -85 18 V-18 A8 8 0 0 1 -77 -26 Z');
    expect(shapePath('round-rectangle', 0, 0, 170, 52, -2)).toMatch(/^M-77 -24 H77 A6 6 0 0 1 83 -18 /);
    expect(shapePath('round-rectangle', 0, 0, 170, 52, 3)).toMatch(/^M-77 -29 H77 A11 11 0 0 1 88 -18 /);
    expect(roundRectPath(0, 0, 2, 1, 0)).toBe('M-2 -1 L2 -1 L2 1 L-2 1 Z');
  });

  it.each([
    ['ellipse', 'M-85 0 A85 26 0 1 0 85 0 A85 26 0 1 0 -85 0 Z'],
    ['hexagon', 'M-42.5 -26 L-85 0 L-42.5 26 L42.5 26 L85 0 L42.5 -26 Z'],
    ['rhomboid', 'M-85 -26 L28.31 -26 L85 26 L-28.31 26 Z'],
    ['rectangle', 'M-85 -26 L-85 26 L85 26 L85 -26 Z'],
    ['cut-rectangle', 'M-77 -26 L77 -26 L85 -18 L85 18 L77 26 L-77 26 L-85 18 L-85 -18 Z'],
    ['no-such-shape', 'M-85 -26 L-85 26 L85 26 L85 -26 Z'],
  ])('%s at 170 × 52', (shape, d) => expect(shapePath(shape, 0, 0, 170, 52)).toBe(d));

  it('grows an ellipse by the offset on each radius, and centres every shape on the node', () => {
    expect(ellipsePath(10, 20, 5, 3)).toBe('M5 20 A5 3 0 1 0 15 20 A5 3 0 1 0 5 20 Z');
    expect(shapePath('ellipse', 0, 0, 40, 20, -2)).toBe(ellipsePath(0, 0, 18, 8));
    expect(shapePath('hexagon', 100, 50, 170, 52)).toBe('M57.5 24 L15 50 L57.5 76 L142.5 76 L185 50 L142.5 24 Z');
    // Round polygons: each corner cut by Cytoscape's corner radius and joined by a curve through the corner.
    expect(shapePath('round-hexagon', 0, 0, 170, 52)).toMatch(/^M-37\.3 -26 Q-42\.5 -26 -46\.94 -23\.29 L/);
  });
});

describe('edges', () => {
  it('sizes arrowheads and the gap before them as Cytoscape does', () => {
    expect(arrowSize(1)).toBe(29);
    expect(arrowSize(8)).toBeCloseTo(Math.pow(8 * 13.37, 0.9), 9);
    expect(arrowSize(8, 0.9)).toBeCloseTo(0.9 * Math.pow(8 * 13.37, 0.9), 9);
    expect([arrowGap('triangle', 3, 0.9), arrowGap('vee', 2, 0.9), arrowGap('diamond', 2, 0.9), arrowGap('none', 5), arrowGap('tee', 5)]).toEqual([5.4, 0.525 * 3.6, 1.8, 0, 0]);
  });

  it('shortens toward a point, never past it', () => {
    expect(shorten({ x: 10, y: 0 }, { x: 0, y: 0 }, 4)).toEqual({ x: 6, y: 0 });
    expect(shorten({ x: 10, y: 0 }, { x: 0, y: 0 }, 0)).toEqual({ x: 10, y: 0 });
    expect(shorten({ x: 10, y: 0 }, { x: 0, y: 0 }, 50).x).toBeCloseTo(0, 3);
    expect(quadAt({ x: 0, y: 0 }, { x: 5, y: 10 }, { x: 10, y: 0 }, 0.5)).toEqual({ x: 5, y: 5 });
  });

  const straight: EdgeInput = { kind: 'straight', tail: { x: 0, y: 0 }, tip: { x: 0, y: 100 }, ctrl: [], mid: { x: 0, y: 50 }, sourceGap: 0, targetGap: 6 };

  it('a straight edge stops its line short of the arrow tip; the arrow points along it', () => {
    const g = edgeGeometry(straight);
    expect(g.pts).toEqual([{ x: 0, y: 0 }, { x: 0, y: 94 }]);
    expect(g.curved).toBe(false);
    expect(g.targetAngle).toBeCloseTo(0, 9);
    expect(linePath(g.pts, g.curved)).toBe('M0 0 L0 94');
    // Pointing down: the tip at (0, 100), the base 0.3 × size above it.
    close(placeArrow([-0.15, -0.3, 0, 0, 0.15, -0.3], straight.tip, g.targetAngle, 20), [-3, 94, 0, 100, 3, 94]);
    close(placeArrow([0, -0.3], { x: 0, y: 0 }, arrowAngle({ x: 10, y: 0 }, { x: 0, y: 0 }), 10), [3, 0]);
  });

  it('a Bézier edge chains its control points (control point, then the midpoint to the next one)', () => {
    const one = edgeGeometry({ ...straight, kind: 'bezier', ctrl: [{ x: 50, y: 50 }], targetGap: 0 });
    expect(one.pts).toEqual([{ x: 0, y: 0 }, { x: 50, y: 50 }, { x: 0, y: 100 }]);
    expect(linePath(one.pts, one.curved)).toBe('M0 0 Q50 50 0 100');
    const two = edgeGeometry({ ...straight, kind: 'bezier', ctrl: [{ x: 40, y: 30 }, { x: 40, y: 70 }], targetGap: 0 });
    expect(two.pts).toEqual([{ x: 0, y: 0 }, { x: 40, y: 30 }, { x: 40, y: 50 }, { x: 40, y: 70 }, { x: 0, y: 100 }]);
    expect(linePath(two.pts, true)).toBe('M0 0 Q40 30 40 50 Q40 70 0 100');
    // The line ends short of the tip along the direction from the last control point.
    const gap = edgeGeometry({ ...straight, kind: 'bezier', ctrl: [{ x: 0, y: 50 }], targetGap: 10 });
    expect(gap.pts[2]).toEqual({ x: 0, y: 90 });
  });

  it('a haystack edge runs tip to tip; its middle arrow follows it', () => {
    const g = edgeGeometry({ ...straight, kind: 'haystack', tip: { x: 100, y: 0 }, mid: { x: 50, y: 0 } });
    expect(g.pts).toEqual([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    expect(g.midAngle).toBeCloseTo(-Math.PI / 2, 9);
  });

  it.each([
    ['triangle', 1],
    ['vee', 1],
    ['diamond', 1],
    ['triangle-tee', 2],
    ['made-up', 1],
  ])('draws a %s arrowhead as %d polygon(s)', (shape, n) => {
    const svg = arrowSvg({ shape, tip: { x: 0, y: 100 }, angle: 0, size: 20, color: '#123', opacity: 1, hollow: false, lineWidth: 2 });
    expect(svg.match(/<polygon /g)).toHaveLength(n);
    expect(svg).toContain('fill="#123" stroke="none"');
  });

  it('draws a circle, a hollow or faded arrow, and nothing for none', () => {
    const base = { tip: { x: 0, y: 0 }, angle: 0, size: 20, color: 'rgb(1,2,3)', opacity: 1, hollow: false, lineWidth: 2 };
    expect(arrowSvg({ ...base, shape: 'circle' })).toBe('<circle cx="0" cy="0" r="3" fill="rgb(1,2,3)" stroke="none"/>');
    expect(arrowSvg({ ...base, shape: 'triangle', hollow: true })).toContain('fill="none" stroke="rgb(1,2,3)" stroke-width="2"');
    expect(arrowSvg({ ...base, shape: 'triangle', opacity: 0.45 })).toContain('fill-opacity="0.45"');
    expect(arrowSvg({ ...base, shape: 'none' })).toBe('');
  });
});
