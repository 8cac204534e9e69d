// The minimap's pure geometry: the model box of the drawing mapped into the minimap (centred, aspect kept) and back,
// and when the minimap is worth its strip of canvas width. No DOM, no Cytoscape.
import type { Box } from '../draw/labelPlace';

/** The minimap's drawing size in CSS px, and its inner margin. */
export const MINI_W = 180;
export const MINI_H = 120;
export const MINI_PAD = 6;

/**
 * The overview is shown when the whole drawing, fitted, would be drawn below this share of the readable zoom: the
 * readable view then holds less than about half of the drawing's width or height. Above it the overview would cost
 * more canvas width than it saves (the Fit button shows the rest).
 */
export const MINIMAP_BELOW = 0.5;

export type { Box };

/** Whether a drawing whose fitted zoom is `fitZoom` gets an overview, given the zoom at which names are readable. */
export function minimapNeeded(fitZoom: number, readableZoom: number): boolean {
  return fitZoom < readableZoom * MINIMAP_BELOW;
}

/** The mapping between model coordinates inside `box` and minimap pixels (centred in the minimap, aspect kept). */
export function miniScale(box: Box) {
  const w = Math.max(1, box.x2 - box.x1), h = Math.max(1, box.y2 - box.y1);
  const scale = Math.min((MINI_W - 2 * MINI_PAD) / w, (MINI_H - 2 * MINI_PAD) / h);
  const ox = (MINI_W - w * scale) / 2, oy = (MINI_H - h * scale) / 2;
  return {
    scale,
    toMini: (x: number, y: number) => ({ x: ox + (x - box.x1) * scale, y: oy + (y - box.y1) * scale }),
    toModel: (x: number, y: number) => ({ x: box.x1 + (x - ox) / scale, y: box.y1 + (y - oy) / scale }),
  };
}
