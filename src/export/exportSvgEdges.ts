// Edges as SVG: the path through the kernel's edge geometry (draw/edgeGeometry.ts) and its arrowheads.
import { escapeXml } from './exportSvg';
import { fmt } from './exportSvgShapes';
import { ARROWS, placeArrow, type ArrowDraw, type Pt } from '../draw/edgeGeometry';

/** Path data through `pts`: straight segments, or quadratic Béziers (every other point a control point) when `curved`. */
export function linePath(pts: Pt[], curved: boolean): string {
  const p = (q: Pt) => `${fmt(q.x)} ${fmt(q.y)}`;
  const parts = [`M${p(pts[0])}`];
  if (curved) for (let i = 1; i + 1 < pts.length; i += 2) parts.push(`Q${p(pts[i])} ${p(pts[i + 1])}`);
  else for (let i = 1; i < pts.length; i++) parts.push(`L${p(pts[i])}`);
  return parts.join(' ');
}

/** An arrowhead as SVG elements; shapes this export does not know are drawn as triangles. */
export function arrowSvg(a: ArrowDraw): string {
  if (a.shape === 'none') return '';
  const color = escapeXml(a.color);
  const paint = a.hollow
    ? `fill="none" stroke="${color}" stroke-width="${fmt(a.lineWidth)}" stroke-linejoin="miter"${a.opacity < 1 ? ` stroke-opacity="${fmt(a.opacity)}"` : ''}`
    : `fill="${color}" stroke="none"${a.opacity < 1 ? ` fill-opacity="${fmt(a.opacity)}"` : ''}`;
  if (a.shape === 'circle') return `<circle cx="${fmt(a.tip.x)}" cy="${fmt(a.tip.y)}" r="${fmt(0.15 * a.size)}" ${paint}/>`;
  const shapes = ARROWS[a.shape === 'arrow' ? 'triangle' : a.shape] ?? ARROWS.triangle;
  return shapes.map((pts) => `<polygon points="${placeArrow(pts, a.tip, a.angle, a.size).map(fmt).join(' ')}" ${paint}/>`).join('');
}
