// Keeps a (small-graph) Cytoscape instance's edge labels readable: after anything that moves or changes what is drawn,
// lays every label out again (edgeLabelLayout.ts) and writes each edge's shown text and offset as data (`text`, `lx`,
// `ly`), which the stylesheet draws; an edge whose label found no free spot, or whose label another edge speaks for,
// gets `lnone` and shows its own label only while hovered or selected. Exports read what is drawn, so they agree.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { arrowGap, edgeGeometry, type EdgeInput, type Pt } from '../draw/edgeGeometry';
import { MAX_LAID_OUT, labelRank, layoutEdgeLabels, type EdgeLabelInput } from '../draw/edgeLabelLayout';
import { canvasMetrics } from '../export/canvasText';
import { samplePath, type Box } from '../draw/labelPlace';

/** Classes whose edges show no label whatever the layout says (the stylesheet blanks them). */
const UNLABELLED = /\b(ghost|lens-fade)\b/;
/** Above this many edges, labels are laid out again only when a drag ends, not on every frame of it. */
const LIVE_DRAG_EDGES = 300;

const num = (e: EdgeSingular, name: string) => {
  const v = Number(e.numericStyle(name));
  return Number.isFinite(v) ? v : 0;
};

/** Where an edge's line ends, from Cytoscape's endpoints, control points and midpoint (the label layout's path). */
function readGeometry(e: EdgeSingular): EdgeInput {
  const curve = String(e.style('curve-style') ?? ''), width = num(e, 'width'), scale = num(e, 'arrow-scale') || 1;
  const pts = (list: Pt[] | undefined) => (list ?? []).map((p) => ({ x: p.x, y: p.y }));
  const ctrl = curve === 'haystack' ? [] : curve === 'segments' || curve === 'taxi' ? pts(e.segmentPoints()) : pts(e.controlPoints());
  return {
    kind: curve === 'haystack' ? 'haystack' : curve === 'segments' || curve === 'taxi' ? 'segments' : ctrl.length ? 'bezier' : 'straight',
    tail: e.sourceEndpoint(),
    tip: e.targetEndpoint(),
    ctrl,
    mid: e.midpoint(),
    sourceGap: arrowGap(String(e.style('source-arrow-shape') ?? ''), width, scale),
    targetGap: arrowGap(String(e.style('target-arrow-shape') ?? ''), width, scale),
  };
}

const finite = (p: { x: number; y: number } | undefined) => !!p && Number.isFinite(p.x) && Number.isFinite(p.y);

/** The label layout's view of a drawn edge. */
function inputOf(e: EdgeSingular): EdgeLabelInput {
  const g = edgeGeometry({ ...readGeometry(e), sourceGap: 0, targetGap: 0 });
  const wrap = String(e.style('text-wrap')) === 'wrap';
  return {
    id: e.id(),
    source: e.source().id(),
    target: e.target().id(),
    kind: String(e.data('kind') ?? ''),
    label: String(e.data('label') ?? ''),
    path: samplePath(g.pts, g.curved),
    mid: e.midpoint(),
    font: { style: String(e.style('font-style') || 'normal'), weight: String(e.style('font-weight') || 'normal'), size: num(e, 'font-size'), family: String(e.style('font-family') || 'sans-serif') },
    lineHeight: num(e, 'line-height') || 1,
    maxWidth: wrap ? num(e, 'text-max-width') : Infinity,
    padding: num(e, 'text-background-padding'),
    rank: labelRank(String(e.data('kind') ?? ''), e.classes().join(' ')),
    z: num(e, 'z-index'),
  };
}

/** A node's box as drawn (border included, its outline and label left out: names sit inside their boxes). */
function boxOf(n: NodeSingular): Box {
  const b = n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false, includeOutlines: false } as object);
  return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
}

/** Lays out `cy`'s edge labels now and writes the result into the edges' data; false when the edges are not placed yet. */
export function layOutLabels(cy: Core): boolean {
  const edges = cy.edges().filter((e) => e.visible() && !!e.data('label') && !UNLABELLED.test(e.classes().join(' ')));
  if (edges.empty()) return true;
  // Too many to lay out (edgeLabelLayout.ts): each label as it is, at its edge's middle, without reading geometry.
  const inputs = edges.length > MAX_LAID_OUT ? [] : edges.map(inputOf);
  // Until Cytoscape has placed every edge (a first frame), there is nothing to lay out.
  if (inputs.some((i) => !finite(i.mid) || i.path.some((p) => !finite(p)))) return false;
  const nodes = cy.nodes().filter((n) => n.visible() && !n.hasClass('ghost')).map(boxOf);
  const out = layoutEdgeLabels(inputs, nodes, canvasMetrics);
  cy.batch(() => {
    edges.forEach((e) => {
      const r = out.get(e.id()) ?? { text: String(e.data('label')), dx: 0, dy: 0 };
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
