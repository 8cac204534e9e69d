// Pure: where the callouts of a change go, in model units — a function of what is drawn (node boxes, edge labels) and
// the callouts' words alone, never of the viewport or of the order things were drawn in, so they land in the same place
// on every run. Each goes beside its node, else further out with a leader line, never over a node, another callout or
// outside the drawing; of the spots left, where it covers least of the edge labels, nearest its node.
import type { Callout } from './callouts';
import type { ElementDraw } from './drawing';
import type { Pt } from './edgeGeometry';
import type { Box } from './labelPlace';
import { FONT_FAMILY } from './styles';
import { labelBox, wrapLabel, type LabelFont, type TextMetrics } from './text';

/** The callout box's type, in model units (drawn scaled with the graph, as node names are). */
export const CALLOUT_STYLE = { size: 13, lineHeight: 1.35, padX: 8, padY: 3, border: 1, maxText: 236 };
const TITLE: LabelFont = { style: 'normal', weight: 'bold', size: CALLOUT_STYLE.size, family: FONT_FAMILY };
const BODY: LabelFont = { ...TITLE, weight: 'normal' };
/** Room kept between a callout and a node, and around the drawing (model units). */
const GAP = 6;
const MARGIN = 24;
/** The rings of spots further out, and the points on each. */
const RING_STEP = 30;
const RINGS = 16;
const RING_POINTS = 16;

/** A callout laid out: its wrapped lines (title first), its box, and its leader line (null when it sits against its node). */
export interface PlacedCallout {
  entity: string;
  title: string[];
  lines: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  leader: { from: Pt; to: Pt } | null;
}

const area = (a: Box, b: Box) => Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
const clampTo = (b: Box, p: Pt): Pt => ({ x: Math.max(b.x1, Math.min(b.x2, p.x)), y: Math.max(b.y1, Math.min(b.y2, p.y)) });

/** A callout's wrapped text and box size, measured with `m`. */
export function sizeCallout(c: Callout, m: TextMetrics) {
  const s = CALLOUT_STYLE;
  const title = wrapLabel(c.title, s.maxText, (t) => m.width(t, TITLE));
  const lines = c.lines.flatMap((l) => wrapLabel(l, s.maxText, (t) => m.width(t, BODY)));
  const text = Math.max(...title.map((t) => Math.ceil(m.width(t, TITLE))), ...lines.map((t) => Math.ceil(m.width(t, BODY))));
  return { title, lines, w: text + 2 * (s.padX + s.border), h: Math.ceil((title.length + lines.length) * s.size * s.lineHeight) + 2 * (s.padY + s.border) };
}

/**
 * Lays the callouts out over `draws` (drawElements' records: nodes by element id `e:<entity>`, edge labels), most
 * important first; a callout with no spot clear of every node and earlier callout inside the drawing is left out (the
 * Simulate panel lists every change).
 */
export function placeCallouts(callouts: readonly Callout[], draws: readonly ElementDraw[], m: TextMetrics): PlacedCallout[] {
  const nodes = new Map<string, Box>();
  const labels: Box[] = [];
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const d of draws) {
    if (d.group === 'nodes') {
      // The node as drawn: its border, and the outline that marks a change or a lit path.
      const b = d.border.width / 2 + (d.outline ? d.outline.offset + d.outline.width : 0) + 2;
      const box = { x1: d.x - d.w / 2 - b, y1: d.y - d.h / 2 - b, x2: d.x + d.w / 2 + b, y2: d.y + d.h / 2 + b };
      nodes.set(d.id, box);
      x1 = Math.min(x1, box.x1); y1 = Math.min(y1, box.y1); x2 = Math.max(x2, box.x2); y2 = Math.max(y2, box.y2);
    } else if (d.label) {
      const l = labelBox(d.label, m);
      labels.push({ x1: l.x, y1: l.y, x2: l.x + l.w, y2: l.y + l.h });
    }
  }
  const bounds = { x1: x1 - MARGIN, y1: y1 - MARGIN, x2: x2 + MARGIN, y2: y2 + MARGIN };
  const taken = [...nodes.values()];
  const out: PlacedCallout[] = [];
  for (const c of callouts) {
    const n = nodes.get(`e:${c.entity}`);
    if (!n) continue;
    const { title, lines, w, h } = sizeCallout(c, m);
    const p = { x: (n.x1 + n.x2) / 2, y: (n.y1 + n.y2) / 2 }, hw = (n.x2 - n.x1) / 2, hh = (n.y2 - n.y1) / 2;
    // Beside the node first (right, left, above, below, lower corners), then on rings further out.
    const spots: [number, number][] = [
      [p.x + hw + GAP, p.y - hh], [p.x - hw - GAP - w, p.y - hh], [p.x - w / 2, p.y - hh - GAP - h], [p.x - w / 2, p.y + hh + GAP],
      [p.x + hw + GAP, p.y + hh - h], [p.x - hw - GAP - w, p.y + hh - h],
    ];
    for (let r = 1; r <= RINGS; r++) for (let a = 0; a < RING_POINTS; a++) {
      const t = (a / RING_POINTS) * 2 * Math.PI;
      spots.push([p.x + Math.cos(t) * (hw + r * RING_STEP + w / 2) - w / 2, p.y + Math.sin(t) * (hh + r * RING_STEP + h / 2) - h / 2]);
    }
    let best: Box | null = null, bestCost = Infinity;
    for (const [x, y] of spots) {
      const b = { x1: x, y1: y, x2: x + w, y2: y + h };
      if (b.x1 < bounds.x1 || b.y1 < bounds.y1 || b.x2 > bounds.x2 || b.y2 > bounds.y2) continue;
      if (taken.some((o) => area(b, o) > 0)) continue;
      let cost = 12 * Math.hypot(x + w / 2 - p.x, y + h / 2 - p.y);
      for (const l of labels) cost += 4 * area(b, l);
      if (cost < bestCost - 1e-9) [best, bestCost] = [b, cost];
    }
    if (!best) continue;
    taken.push({ x1: best.x1 - GAP, y1: best.y1 - GAP, x2: best.x2 + GAP, y2: best.y2 + GAP });
    const against = best.x1 - n.x2 <= GAP + 1e-6 && best.x1 >= n.x2 || n.x1 - best.x2 <= GAP + 1e-6 && best.x2 <= n.x1 || best.y1 - n.y2 <= GAP + 1e-6 && best.y1 >= n.y2 || n.y1 - best.y2 <= GAP + 1e-6 && best.y2 <= n.y1;
    const centre = { x: (best.x1 + best.x2) / 2, y: (best.y1 + best.y2) / 2 };
    out.push({ entity: c.entity, title, lines, x: best.x1, y: best.y1, w, h, leader: against ? null : { from: clampTo(n, centre), to: clampTo(best, p) } });
  }
  return out;
}
