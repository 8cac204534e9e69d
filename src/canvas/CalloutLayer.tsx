// Callouts on the canvas: a small label beside each entity the change concerns ("NAVER Corporation: veto ends"),
// kept beside its node through pans, zooms and drags, and hidden while the node is out of view. It ignores the pointer,
// so the graph stays clickable.
import { useEffect, useRef } from 'react';
import type { Core } from 'cytoscape';
import type { Callout } from '../draw/callouts';
import type { Box } from '../draw/labelPlace';
import { NODE_W } from '../draw/styles';
import { nodeId } from '../draw/toElements';

const clampTo = (b: Box, x: number, y: number) => ({ x: Math.max(b.x1, Math.min(b.x2, x)), y: Math.max(b.y1, Math.min(b.y2, y)) });

/** Edge labels are kept clear of callouts up to this many edges (reading their boxes every frame costs per edge). */
const LABELS_AVOIDED = 600;
const LABEL_BOUNDS = { includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false };

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));

/**
 * Each callout goes beside its node (right, left, above, below), else further out with a leader line: never over a node
 * or off the canvas (a callout with no such spot in reach is left out; the Simulate panel lists every change), and of
 * the spots clear of them wherever it covers the least of edge labels, nearest its node. Everything it reads is final drawing state (sizes are read afresh on each placement,
 * so a font that loads late does not leave a stale size behind), so it lands in the same place on every run.
 */
export function CalloutLayer({ cy, items }: { cy: Core | null; items: Callout[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!cy || !items.length) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const root = ref.current;
      if (!root || cy.destroyed()) return;
      const lines = new Map(Array.from(root.querySelectorAll('line')).map((l) => [l.dataset.entity!, l]));
      const z = cy.zoom();
      const W = cy.width(), H = cy.height();
      // Rendered boxes of the nodes in view and of the callouts placed so far: a callout goes where it covers least.
      const boxes: Box[] = [];
      const inView = (b: Box) => b.x2 > 0 && b.x1 < W && b.y2 > 0 && b.y1 < H;
      cy.nodes('.entity').forEach((n) => {
        const p = n.renderedPosition();
        // The node as drawn (names grow nodes; borders count): a callout over a border still hides the node's edge.
        const hw = n.renderedOuterWidth() / 2 + 2, hh = n.renderedOuterHeight() / 2 + 2;
        const b = { x1: p.x - hw, y1: p.y - hh, x2: p.x + hw, y2: p.y + hh };
        if (inView(b)) boxes.push(b);
      });
      // The edge labels drawn in view: a callout over "62.5%" hides the figure it explains.
      const labels: Box[] = [];
      const edges = cy.edges();
      if (edges.length <= LABELS_AVOIDED) edges.forEach((e) => {
        if (!e.style('label')) return;
        const b = e.renderedBoundingBox(LABEL_BOUNDS);
        if (b.w > 0 && inView(b)) labels.push(b);
      });
      const els = Array.from(root.querySelectorAll('.callout')) as HTMLElement[];
      // Sizes are all read before anything is moved: one style pass per placement, not one per callout. A callout left
      // out last time is shown for the reading (it measures 0 while hidden; nothing is painted in between).
      for (const el of els) el.style.display = '';
      const sizes = new Map(els.map((el) => [el, { w: el.offsetWidth, h: el.offsetHeight }]));
      for (const el of els) {
        const n = cy.getElementById(nodeId(el.dataset.entity!));
        const line = lines.get(el.dataset.entity!);
        const p = n.empty() ? null : n.renderedPosition();
        const hw = n.empty() ? (NODE_W / 2) * z : n.renderedOuterWidth() / 2, hh = n.empty() ? 20 * z : n.renderedOuterHeight() / 2;
        // A callout shows only while its node is on the canvas: one pointing at nothing in view explains nothing.
        const shown = p != null && p.x + hw > 0 && p.x - hw < W && p.y + hh > 0 && p.y - hh < H;
        el.style.display = shown ? '' : 'none';
        if (line) line.style.display = shown ? '' : 'none';
        if (!shown) continue;
        const { w, h } = sizes.get(el)!, g = 6;
        // Beside the node first; else further out (a leader line joins them), wherever it covers least.
        const candidates: [number, number][] = [
          [p.x + hw + g, p.y - hh], [p.x - hw - g - w, p.y - hh], [p.x - w / 2, p.y - hh - g - h], [p.x - w / 2, p.y + hh + g],
          [p.x + hw + g, p.y + hh - h], [p.x - hw - g - w, p.y + hh - h],
        ];
        for (let r = 40; r <= 480; r += 40) for (let a = 0; a < 16; a++) {
          const t = (a / 16) * 2 * Math.PI;
          candidates.push([p.x + Math.cos(t) * (hw + r) - w / 2, p.y + Math.sin(t) * (hh + r) - h / 2]);
        }
        // Covering a node (or a callout placed before), or lying off the canvas, rules a spot out while any spot in reach
        // does neither.
        let best = candidates[0], bestCost = Infinity, bestCovers = Infinity;
        for (const [x, y] of candidates) {
          const b = { x1: x, y1: y, x2: x + w, y2: y + h };
          let covers = 0, cost = 0;
          for (const o of boxes) covers += overlap(b, o);
          // Off the canvas is ruled out alike (it would not be seen); over a label and far from the node cost.
          covers += w * h - overlap(b, { x1: 0, y1: 0, x2: W, y2: H });
          for (const o of labels) cost += 4 * overlap(b, o);
          cost += 12 * Math.hypot(x + w / 2 - p.x, y + h / 2 - p.y);
          if (covers < bestCovers - 0.5 || (Math.abs(covers - bestCovers) <= 0.5 && cost < bestCost - 1)) { best = [x, y]; bestCost = cost; bestCovers = covers; }
        }
        if (bestCovers > 0.5) {
          // No room clear of the nodes: this callout is left out (the Simulate panel lists every change). The callouts
          // come most important first, so the ones shown are the main ones.
          el.style.display = 'none';
          if (line) line.style.display = 'none';
          continue;
        }
        const box = { x1: best[0], y1: best[1], x2: best[0] + w, y2: best[1] + h };
        boxes.push(box);
        el.style.transform = `translate(${Math.round(best[0])}px, ${Math.round(best[1])}px)`;
        if (line) {
          const from = clampTo({ x1: p.x - hw, y1: p.y - hh, x2: p.x + hw, y2: p.y + hh }, (box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2);
          const to = clampTo(box, p.x, p.y);
          line.setAttribute('x1', String(from.x));
          line.setAttribute('y1', String(from.y));
          line.setAttribute('x2', String(to.x));
          line.setAttribute('y2', String(to.y));
        }
      }
    };
    const schedule = () => (frame ||= requestAnimationFrame(place));
    cy.on('render', schedule);
    place();
    return () => {
      cy.off('render', schedule);
      cancelAnimationFrame(frame);
    };
  }, [cy, items]);
  if (!items.length) return null;
  return (
    <div className="callouts" ref={ref} aria-label="Main changes" role="list">
      <svg className="callout-lines" aria-hidden="true">
        {items.map((c) => <line key={c.entity} data-entity={c.entity} />)}
      </svg>
      {items.map((c) => (
        <div key={c.entity} className="callout" data-entity={c.entity} role="listitem" data-testid={`callout-${c.entity}`}>
          <strong>{c.title}</strong>
          {c.lines.map((l) => <div key={l}>{l}</div>)}
        </div>
      ))}
    </div>
  );
}
