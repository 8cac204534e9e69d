// Which way the split view's two sides go: side by side, or one above the other when that draws the graph markedly
// bigger (a wide graph in a pane narrowed by the side panels). Pure: sizes in, a decision out.
import { NODE_H, NODE_W } from '../../draw/styles';
import type { ElementDef } from '../../draw/toElements';

export interface Size {
  width: number;
  height: number;
}

/** Side by side unless stacking draws at least this much bigger (so the familiar left | right stays when it is close). */
const STACK_GAIN = 1.15;

/** The scale that fits `graph` into half of `pane`, cut across its width (side by side) or its height (stacked). */
const fit = (pane: Size, graph: Size, stacked: boolean) =>
  Math.min((stacked ? pane.width : pane.width / 2) / graph.width, (stacked ? pane.height / 2 : pane.height) / graph.height);

/** Whether the two sides of a split `pane` go one above the other for a drawing of size `graph`. */
export function stackSides(pane: Size, graph: Size | null): boolean {
  if (!graph || graph.width <= 0 || graph.height <= 0 || pane.width <= 0 || pane.height <= 0) return false;
  return fit(pane, graph, true) >= STACK_GAIN * fit(pane, graph, false);
}

/** The size of the box around the placed entity nodes of `elements` (each counted as a node's box); null when none. */
export function drawingSize(elements: readonly ElementDef[]): Size | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const e of elements) {
    if (e.group !== 'nodes' || !e.position || e.data.kind !== 'entity') continue;
    x1 = Math.min(x1, e.position.x);
    y1 = Math.min(y1, e.position.y);
    x2 = Math.max(x2, e.position.x);
    y2 = Math.max(y2, e.position.y);
  }
  return x1 === Infinity ? null : { width: x2 - x1 + NODE_W, height: y2 - y1 + NODE_H };
}
