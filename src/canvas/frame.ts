// Framing: moves the viewport so that some nodes are in view and readable, with a short animation (≤ 400 ms) or
// none when the user asks for reduced motion. The canvas calls it on load, on resize and after every change.
import type { Core, NodeCollection } from 'cytoscape';
import { NODE_H, NODE_W, READABLE_ZOOM } from '../draw/styles';

/** The longest framing animation, in ms. */
export const FRAME_MS = 320;
const PAD = 28;

/** Whether the user asked for reduced motion. */
export function reducedMotion(): boolean {
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Model bounds of nodes from their centres and sizes (cheap: no label measuring). */
export function bounds(nodes: NodeCollection) {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  nodes.forEach((n) => {
    const p = n.position();
    const h = Number(n.data('h')) || NODE_H;
    x1 = Math.min(x1, p.x - NODE_W / 2);
    x2 = Math.max(x2, p.x + NODE_W / 2);
    y1 = Math.min(y1, p.y - h / 2);
    y2 = Math.max(y2, p.y + h / 2);
  });
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/** The zoom that fits `nodes` on the canvas with margins. */
export function zoomToFit(cy: Core, nodes: NodeCollection): number {
  const b = bounds(nodes);
  return Math.min((cy.width() - 2 * PAD) / Math.max(1, b.w), (cy.height() - 2 * PAD) / Math.max(1, b.h));
}

/** Whether every node is inside the visible canvas. */
export function inView(cy: Core, nodes: NodeCollection): boolean {
  const e = cy.extent();
  const b = bounds(nodes);
  return b.x1 >= e.x1 && b.x2 <= e.x2 && b.y1 >= e.y1 && b.y2 <= e.y2;
}

export interface FrameOptions {
  animate: boolean;
  /** Never zoom in further than this. */
  maxZoom?: number;
  /** Never zoom out below this (READABLE_ZOOM keeps names ≥ 10 px; the nodes' centre stays in view). */
  minZoom?: number;
}

/**
 * Shifts a pan so that a drawing bigger than the view leaves no empty band at an edge (the framed nodes, inside the
 * drawing, stay in view): a part of the graph framed at a readable zoom shows as much of the rest as fits.
 */
export function fillView(all: { x1: number; y1: number; x2: number; y2: number }, zoom: number, pan: { x: number; y: number }, w: number, h: number) {
  const shift = (lo: number, hi: number, size: number) => {
    if (!Number.isFinite(lo) || hi - lo + 2 * PAD <= size) return 0; // the drawing fits this way: keep the centring
    if (lo > PAD) return PAD - lo;
    if (hi < size - PAD) return size - PAD - hi;
    return 0;
  };
  return {
    x: pan.x + shift(all.x1 * zoom + pan.x, all.x2 * zoom + pan.x, w),
    y: pan.y + shift(all.y1 * zoom + pan.y, all.y2 * zoom + pan.y, h),
  };
}

/** Centres `nodes` at the zoom that fits them, within [minZoom, maxZoom], showing as much of the rest as fits. */
export function frame(cy: Core, nodes: NodeCollection, o: FrameOptions) {
  if (nodes.empty() || cy.width() < 10 || cy.height() < 10) return;
  const b = bounds(nodes);
  const zoom = Math.max(cy.minZoom(), o.minZoom ?? 0, Math.min(o.maxZoom ?? 1.25, zoomToFit(cy, nodes)));
  const pan = fillView(bounds(cy.nodes('.entity')), zoom, { x: cy.width() / 2 - ((b.x1 + b.x2) / 2) * zoom, y: cy.height() / 2 - ((b.y1 + b.y2) / 2) * zoom }, cy.width(), cy.height());
  cy.stop(true, false);
  if (o.animate && !reducedMotion()) cy.animate({ zoom, pan }, { duration: FRAME_MS, easing: 'ease-in-out-cubic' });
  else cy.viewport({ zoom, pan });
}

/**
 * Frames a change: the whole drawing when it fits readable, else the `focus` nodes (changed entities and their
 * controllers) readable. Does nothing when the focus is already in view and readable, so the eye keeps its place.
 */
export function frameChange(cy: Core, focus: NodeCollection, animate: boolean) {
  const all = cy.nodes('.entity');
  if (all.empty()) return;
  if (focus.nonempty() && cy.zoom() >= READABLE_ZOOM - 1e-6 && inView(cy, focus)) return;
  if (zoomToFit(cy, all) >= READABLE_ZOOM) return frame(cy, all, { animate, maxZoom: 1.25 });
  frame(cy, focus.nonempty() ? focus : all, { animate, maxZoom: 1.25, minZoom: READABLE_ZOOM });
}
