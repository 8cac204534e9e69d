// The minimap as the e2e tests read it: the drawn entities, the view and the minimap's box, and the mapping between
// model coordinates and minimap pixels that its contract states (src/canvas/minimapGeometry.ts).
import type { Page } from 'playwright-core';

// The minimap's geometry as its contract states it (src/canvas/minimapGeometry.ts): the box of the drawn entities'
// centres, centred in a 180×120 drawing with a 6 px margin, aspect kept.
export const W = 180, H = 120, PAD = 6;

export interface View {
  /** Drawn entity centres (model). */
  nodes: { id: string; x: number; y: number }[];
  extent: { x1: number; y1: number; x2: number; y2: number };
  /** The model point at the canvas's centre. */
  centre: { x: number; y: number };
  graph: DOMRect;
  mini: DOMRect;
  /** The minimap canvas's border width (its drawing starts inside it). */
  border: number;
}

export const read = (page: Page): Promise<View> =>
  page.evaluate(`(() => {
    const el = document.querySelector('.graph');
    const cy = el._cyreg.cy;
    const mini = document.querySelector('canvas.minimap');
    const pan = cy.pan(), z = cy.zoom();
    return {
      nodes: cy.nodes('.entity').map((n) => ({ id: n.id(), ...n.position() })),
      extent: cy.extent(),
      centre: { x: (cy.width() / 2 - pan.x) / z, y: (cy.height() / 2 - pan.y) / z },
      graph: el.getBoundingClientRect().toJSON(),
      mini: mini.getBoundingClientRect().toJSON(),
      border: mini.clientLeft,
    };
  })()`) as Promise<View>;

/** Model ↔ minimap pixels, from the drawn entities. */
export function mapping(v: View) {
  const xs = v.nodes.map((n) => n.x), ys = v.nodes.map((n) => n.y);
  const x1 = Math.min(...xs), y1 = Math.min(...ys), w = Math.max(1, Math.max(...xs) - x1), h = Math.max(1, Math.max(...ys) - y1);
  const scale = Math.min((W - 2 * PAD) / w, (H - 2 * PAD) / h);
  const ox = (W - w * scale) / 2, oy = (H - h * scale) / 2;
  return {
    scale,
    toMini: (x: number, y: number) => ({ x: ox + (x - x1) * scale, y: oy + (y - y1) * scale }),
    /** Page coordinates of a model point on the minimap. */
    toPage: (x: number, y: number) => ({ x: v.mini.left + v.border + ox + (x - x1) * scale, y: v.mini.top + v.border + oy + (y - y1) * scale }),
  };
}
