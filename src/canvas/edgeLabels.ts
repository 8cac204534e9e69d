// Keeps a (small-graph) Cytoscape instance's edge labels readable: after anything that moves or changes what is drawn,
// lays every label out again with the drawing kernel (draw/geometry.ts, edgeLabelLayout.ts) and writes each edge's
// shown text and offset as data (`text`, `lx`, `ly`), which the stylesheet draws; an edge whose label found no free
// spot, or whose label another edge speaks for, gets `lnone` and shows its own label only while hovered or selected.
// The exports draw the same kernel's labels, so they agree.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { drawElements } from '../draw/geometry';
import type { ElementDef } from '../draw/toElements';
import { canvasMetrics } from '../export/canvasText';

/** Classes whose edges show no label whatever the layout says (the stylesheet blanks them). */
const UNLABELLED = /\b(ghost|lens-fade)\b/;
/** Above this many edges, labels are laid out again only when a drag ends, not on every frame of it. */
const LIVE_DRAG_EDGES = 300;

const finite = (p: { x: number; y: number } | undefined) => !!p && Number.isFinite(p.x) && Number.isFinite(p.y);

/** The kernel's element model of what `cy` shows (nodes where Cytoscape has them, in Cytoscape's drawing order). */
export function shownElements(cy: Core): ElementDef[] {
  const nodes = cy.nodes().filter((n) => n.visible() && !n.hasClass('ghost'));
  const edges = cy.edges().filter((e) => e.visible() && !e.hasClass('ghost'));
  return [
    ...nodes.toArray().map((n): ElementDef => ({ group: 'nodes', data: n.data() as ElementDef['data'], classes: n.classes().join(' '), position: { ...(n as NodeSingular).position() } })),
    ...edges.toArray().map((e): ElementDef => ({ group: 'edges', data: e.data() as ElementDef['data'], classes: e.classes().join(' ') })),
  ];
}

/**
 * Lays out `cy`'s edge labels now, as the kernel draws them (draw/geometry.ts: the same edge lines, the same free spots
 * as every export), and writes each label's text and its offset from Cytoscape's edge midpoint into the edges' data;
 * false when the edges are not placed yet, or were bent anew (their labels follow after the next frame).
 */
export function layOutLabels(cy: Core): boolean {
  const all = cy.edges().filter((e) => e.visible() && !e.hasClass('ghost'));
  if (all.empty()) return true;
  // Until Cytoscape has placed every edge (a first frame), there is nothing to lay out.
  if (all.toArray().some((e) => !finite((e as EdgeSingular).midpoint()))) return false;
  const drawn = new Map(drawElements(shownElements(cy), new Map(), canvasMetrics).flatMap((d) => (d.group === 'edges' ? [[d.id, d] as const] : [])));
  // Edges bend as the kernel bends them (fanned out, or routed around other nodes: the stylesheet's edge[cpd]), so its
  // labels sit on the lines drawn.
  const same = (a: unknown, b: number[] | undefined) => (Array.isArray(a) && b ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b);
  let bent = false;
  cy.batch(() => {
    all.forEach((e) => {
      const bend = drawn.get(e.id())?.bend;
      if (!same(e.data('cpd'), bend?.distances) || !same(e.data('cpw'), bend?.weights)) {
        e.data({ cpd: bend?.distances, cpw: bend?.weights });
        bent = true;
      }
    });
  });
  // A line bent anew has its new midpoint (what label offsets are measured from) only once Cytoscape has drawn it: the
  // labels are laid out after that frame.
  if (bent) return false;
  const edges = all.filter((e) => !!e.data('label') && !UNLABELLED.test(e.classes().join(' ')));
  cy.batch(() => {
    edges.forEach((e) => {
      const label = drawn.get(e.id())?.label, mid = e.midpoint();
      const r = label ? { text: label.lines.join('\n'), dx: label.x - mid.x, dy: label.y - mid.y } : { text: '', dx: 0, dy: 0 };
      const none = !r.text;
      if (e.data('text') !== r.text || e.data('lx') !== r.dx || e.data('ly') !== r.dy || !!e.data('lnone') !== none) e.data({ text: r.text, lx: r.dx, ly: r.dy, lnone: none });
    });
  });
  return true;
}

/** Keeps `cy`'s labels laid out from now on (one layout per frame at most); returns a function that stops it. */
export function wireEdgeLabels(cy: Core): () => void {
  let frame = 0, writing = false;
  const run = () => {
    frame = 0;
    if (cy.destroyed()) return;
    if (cy.edges().length > LIVE_DRAG_EDGES && cy.nodes(':grabbed').nonempty()) return; // again on 'free'
    writing = true;
    try {
      if (!layOutLabels(cy)) cy.one('render', schedule);
    } finally {
      writing = false;
    }
  };
  const schedule = () => {
    if (!writing && !frame) frame = requestAnimationFrame(run);
  };
  // Hovering changes a class, which must not lay every label out again (`writing` makes schedule ignore it).
  const peek = (on: boolean) => (evt: { target: EdgeSingular }) => {
    writing = true;
    try {
      if (on) evt.target.addClass('label-peek');
      else evt.target.removeClass('label-peek');
    } finally {
      writing = false;
    }
  };
  const over = peek(true), out = peek(false);
  const events = 'add remove data position class free';
  cy.on(events, schedule);
  cy.on('mouseover', 'edge', over);
  cy.on('mouseout', 'edge', out);
  schedule();
  return () => {
    cancelAnimationFrame(frame);
    cy.off(events, schedule);
    cy.off('mouseover', 'edge', over);
    cy.off('mouseout', 'edge', out);
  };
}
