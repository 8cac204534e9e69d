// The graph: one empty div that Cytoscape owns. One effect creates the instance once (StrictMode-safe) and
// destroys it on unmount; another applies toElements(doc, analysis, view) as a diff; a third mirrors selection.
import { Suspense, useEffect, useRef, useState, type ComponentType } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import { useApp, useStore } from '../store';
import { drawWithoutLayers } from './plainDraw';
import { applyElements, type Drawn } from './applyElements';
import { Minimap } from './Minimap';
import { useCalloutSource, type CalloutSource } from './useCallouts';
import type { EdgeLayer } from './edgeLayer';
import { edgeLayerModule } from './edgeLayerModule';
import { wireInteractions } from './interactions';
import { mark } from '../store/drawStats';
import { frame, frameChange, reducedMotion, zoomToFit } from './frame';
import { freeSpot } from '../draw/freeSpot';
import { BIG_DETAIL_ZOOM, stylesheet } from './stylesheet';
import { NODE_H, NODE_W, READABLE_ZOOM } from '../draw/styles';
import { EDGE_PREFIX, nodeId, type ElementDef } from '../draw/toElements';
import { useFocus } from './useElements';
import { useShownElements, type Side } from './useShown';
import { useCjkFonts } from './useCjkFonts';

/** The edge-label layout (edgeLabels.ts) loads after the first drawing. */
const loadEdgeLabels = () => import('./edgeLabels');

/** Elements (nodes and edges) above which a drawing is drawn the big-graph way (see edgeLayer.ts and stylesheet.ts). */
const BIG = 2000;

/** Whether a drawing (a whole graph, or a focused part of a huge one) is drawn the big-graph way. */
export const isBigDrawing = (elements: readonly unknown[]) => elements.length > BIG;

/** The default view: the whole graph when its names are readable so; else what matters (the selection, else the
 * change shown and who controls it, else the entity with the most holdings and its neighbours) readable. */
function fitView(cy: Core, animate: boolean) {
  const nodes = cy.nodes('.entity');
  if (nodes.empty()) return;
  if (zoomToFit(cy, nodes) >= READABLE_ZOOM) return frame(cy, nodes, { animate, maxZoom: 1.25 });
  const selected = cy.$('node.entity:selected');
  const changed = changeFocus(cy);
  const focus = selected.nonempty() ? selected.closedNeighborhood('node.entity')
    : changed.nonempty() ? changed
    : cy.collection().union(nodes.max((n) => n.outdegree(false)).ele).closedNeighborhood('node.entity');
  frame(cy, focus, { animate, maxZoom: 1.25, minZoom: READABLE_ZOOM });
}

/** Each drawn entity's control status and group ("classes|group"), by element id. */
function statusOf(drawn: Drawn): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, d] of drawn) if (d.group === 'nodes') out.set(id, `${d.classes}|${String(d.data.controlGroup)}`);
  return out;
}

/** The entities a change concerns: those marked changed or highlighted, and the controllers of each. */
function changeFocus(cy: Core) {
  const marked = cy.nodes('.entity.sim-changed, .entity.sim-focus').union(cy.edges('.sim-changed').connectedNodes('.entity'));
  return marked.union(marked.incomers('edge.conferring, edge.agreement').sources());
}
/** What the pane hands the canvas: the callouts' component (loaded after the first drawing, ui/parts.ts) and what a click on it means besides selecting. */
export interface GraphCanvasProps {
  /** Fixed for the canvas's life (isBigDrawing): the pane remounts it when that changes. */
  big: boolean;
  side?: Side;
  onCy?: (cy: Core | null) => void;
  Callouts?: ComponentType<{ cy: Core | null; source: CalloutSource }>;
  /** Called on every click on the canvas (the split view's right side becomes the one the inspector describes). */
  onTap?: () => void;
}

/** The canvas; see GraphCanvasProps. */
export function GraphCanvas({ big, side = 'auto', onCy, Callouts, onTap }: GraphCanvasProps) {
  const app = useApp();
  const appStore = app.store;
  const stats = app.drawStats;
  const ref = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [cyState, setCy] = useState<Core | null>(null);
  const calloutSource = useCalloutSource(side);
  const layerRef = useRef<EdgeLayer | null>(null);
  const elementsRef = useRef<ElementDef[]>([]);
  const drawnRef = useRef<Drawn>(new Map());
  const fittedRef = useRef('');
  /** The last automatic framing (re-run when the canvas is resized), or null once the user pans or zooms. */
  const autoRef = useRef<((animate: boolean) => void) | null>(null);
  const changeKeyRef = useRef('');
  const dateRef = useRef<string | null | undefined>(undefined);
  const pendingCentre = useRef<string | null>(null);
  /** What a click means besides selecting: it changes when the split view opens or closes, without a new instance. */
  const tapRef = useRef(onTap);
  tapRef.current = onTap;

  /** Brings Cytoscape up to the latest elements (on a big graph: the nodes and the live edges; the layer draws the rest).
   * It reads refs only, so the copies captured at mount (viewport handler, export) stay current. */
  const apply = () => {
    const cy = cyRef.current!;
    const layer = layerRef.current;
    const shown = layer ? layer.split(elementsRef.current, appStore.getState().selection) : elementsRef.current;
    const r = applyElements(cy, drawnRef.current, shown);
    drawnRef.current = r.drawn;
    if (layer && (r.added || r.removed)) layer.indexNodes();
    stats.nodes = cy.nodes('.entity').length;
    stats.edges = layer ? layer.count : cy.edges().length;
    stats.liveEdges = cy.edges().length;
  };

  useEffect(() => onCy?.(cyState), [cyState, onCy]);

  useEffect(() => {
    const cy = cytoscape({
      container: ref.current!,
      style: stylesheet({ big, still: reducedMotion() }) as unknown as cytoscape.StylesheetJson,
      minZoom: 0.02,
      maxZoom: 3,
      // Shift + drag on the background draws a box that selects (with panning on, Cytoscape asks for a modifier key).
      boxSelectionEnabled: true,
      selectionType: 'single',
      textureOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
      // Big fully drawn graphs use Cytoscape's WebGL renderer where the GPU is real (webgl.ts says why not otherwise).
      ...({ renderer: { name: 'canvas', webgl: big && !!edgeLayerModule()?.hardwareWebgl() } } as object),
    });
    if (!big) drawWithoutLayers(cy);
    cyRef.current = cy;
    setCy(cy);
    cy.on('render', () => {
      stats.lastRenderAt = performance.now();
      mark(stats, 'render');
      if (stats.firstDrawnAt === null && stats.placed) stats.firstDrawnAt = stats.lastRenderAt;
    });
    // Edge labels are laid out by a module loaded once the first drawing is painted (it reads edge geometry as the SVG
    // export does, off the first-load path): until it runs, edges show no label rather than labels piled on each other.
    let unlabel = () => {};
    const labelLater = () => {
      if (big || stats.firstDrawnAt === null) return;
      cy.off('render', labelLater);
      void loadEdgeLabels().then((m) => !cy.destroyed() && (unlabel = m.wireEdgeLabels(cy)));
    };
    cy.on('render', labelLater);
    const unsubscribe = appStore.subscribe((st, prev) => {
      if (st.doc !== prev.doc) stats.lastChangeAt = performance.now();
    });
    if (big) {
      // The pane mounts a big canvas only once the layer's module has loaded (CanvasPane, loadEdgeLayer).
      const Layer = edgeLayerModule()?.EdgeLayer;
      if (!Layer) throw new Error('canvas/GraphCanvas: a big drawing needs the edge layer — load it first (loadEdgeLayer)');
      const layer = (layerRef.current = new Layer(cy));
      // After a pan or zoom settles, the edges near the new viewport become Cytoscape elements (labels, clicks).
      let settle: ReturnType<typeof setTimeout> | undefined;
      cy.on('viewport', () => {
        clearTimeout(settle);
        settle = setTimeout(() => !cy.destroyed() && layer.stale(appStore.getState().selection) && apply(), 150);
      });
      // Big graphs restyle once when the zoom crosses the level at which names and arrows become readable.
      let detail = false;
      cy.on('zoom', () => {
        const want = cy.zoom() >= BIG_DETAIL_ZOOM;
        if (want !== detail) cy.style(stylesheet({ big, detail: (detail = want) }) as unknown as cytoscape.StylesheetJson);
      });
    }
    const unwire = wireInteractions(cy, appStore);
    // In the split view a click on this (the right) side makes the inspector describe it (the pane says how).
    cy.on('tap', () => tapRef.current?.());
    const unregister = app.canvas.register({
      fit: () => (autoRef.current = (a) => fitView(cy, a))(true),
      zoom: (f) => cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
      focus: (id) => {
        const n = cy.getElementById(nodeId(id));
        if (n.empty()) {
          // Out of focus on a huge graph: focus on it (it is drawn, then centred).
          const st = appStore.getState();
          if (!st.doc.entities.some((e) => e.id === id)) return;
          pendingCentre.current = id;
          st.setView({ focus: { ids: [id], depth: st.view.focus?.depth ?? 2 } });
          st.select({ kind: 'entity', id });
          return;
        }
        autoRef.current = null; // the user chose where to look
        appStore.getState().select({ kind: 'entity', id });
        cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: reducedMotion() ? 0 : 250 });
      },
      relayout: async () => {
        if ((await app.layout.relayout()) && !cy.destroyed()) fitView(cy, false);
      },
      shape: () => ({ width: cy.width(), height: cy.height() }),
      centre: () => {
        const e = cy.extent();
        const sel = cy.$('node.entity:selected');
        const taken = cy.nodes('.entity').map((n) => n.position());
        return freeSpot(taken, NODE_W, NODE_H, e, sel.nonempty() ? (sel.first() as cytoscape.NodeSingular).position() : null);
      },
    });
    // The user's own pan or zoom ends automatic framing until the next load or change.
    cy.on('dragpan scrollzoom pinchzoom', () => (autoRef.current = null));
    // Opening or resizing a panel re-frames what was framed, so nothing ends up cut off at the edge.
    // Otherwise the centre of the view stays where it was.
    let resized: ReturnType<typeof setTimeout> | undefined;
    let size = { w: cy.width(), h: cy.height() };
    const ro = new ResizeObserver(() => {
      cy.resize();
      const w = cy.width(), h = cy.height();
      if (!autoRef.current && size.w > 0 && size.h > 0) cy.panBy({ x: (w - size.w) / 2, y: (h - size.h) / 2 });
      size = { w, h };
      clearTimeout(resized);
      resized = setTimeout(() => !cy.destroyed() && autoRef.current?.(false), 60);
    });
    ro.observe(ref.current!);
    return () => {
      ro.disconnect();
      unlabel();
      unsubscribe();
      unwire();
      layerRef.current?.remove();
      layerRef.current = null;
      unregister();
      cy.destroy();
      cyRef.current = null;
      setCy(null);
      drawnRef.current = new Map();
      fittedRef.current = '';
    };
  }, []);

  const loads = useStore((s) => s.loads);
  const selection = useStore((s) => s.selection);
  const others = useStore((s) => s.others);
  mark(stats, 'canvas');
  const elements = useShownElements(side);
  const focus = useFocus();
  const focusKey = focus ? `${focus.depth}:${focus.ids.join(',')}` : '';
  useCjkFonts(cyState, elements);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    stats.lastApplyStart = performance.now();
    mark(stats, 'apply');
    // A move of the view date (the timeline): the entities whose control status or group changes are framed.
    const date = appStore.getState().view.date;
    const before = !big && date !== dateRef.current && dateRef.current !== undefined ? statusOf(drawnRef.current) : null;
    dateRef.current = date;
    elementsRef.current = elements;
    apply();
    stats.lastApplyEnd = performance.now();
    mark(stats, 'applied');
    stats.applies++;
    // Focus mode (huge graphs) positions every drawn node itself, so only drawn nodes count.
    const unplaced = elements.filter((el) => el.group === 'nodes' && !el.position).length;
    stats.placed = !unplaced;
    if (!unplaced) {
      const fitKey = `${loads}|${focusKey}`;
      // A change (scenario, preview, what-if, timeline event): frame what changed and who controls it.
      const changeKey = cy.elements('.sim-changed, .sim-focus').map((n) => n.id()).sort().join(',');
      const changed = changeKey !== changeKeyRef.current;
      changeKeyRef.current = changeKey;
      if (fittedRef.current !== fitKey) {
        fittedRef.current = fitKey;
        (autoRef.current = (a) => fitView(cy, a))(false);
        if (pendingCentre.current) {
          const n = cy.getElementById(nodeId(pendingCentre.current));
          pendingCentre.current = null;
          if (n.nonempty()) {
            cy.center(n);
            autoRef.current = null; // searched for: the view stays on it
          }
        }
      } else if (changed && changeKey) {
        (autoRef.current = (a) => frameChange(cy, changeFocus(cy), a))(true);
      } else if (before) {
        const after = statusOf(drawnRef.current);
        const moved = [...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);
        if (moved.length) {
          const nodes = cy.collection().union(moved.map((id) => cy.getElementById(id)));
          const focus = nodes.union(nodes.incomers('edge.conferring, edge.agreement').sources());
          (autoRef.current = (a) => frameChange(cy, focus, a))(true);
        }
      }
      return;
    }
    // Entities not yet placed: the app's automatic layout is placing them (store/autoLayout.ts); the next elements have them.
  }, [elements, loads, focusKey]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // A selected edge that the layer draws becomes a Cytoscape element first, to show as selected and be clicked.
    if (layerRef.current?.stale(selection)) apply();
    cy.batch(() => {
      cy.$(':selected').unselect();
      for (const id of others) cy.getElementById(nodeId(id)).select();
      if (!selection) return;
      if (selection.kind === 'entity') cy.getElementById(nodeId(selection.id)).select();
      else if (selection.kind === 'agreement') cy.edges('.agreement').filter((e) => e.data('ref') === selection.id).select();
      else cy.getElementById(EDGE_PREFIX[selection.kind] + selection.id).select();
    });
    stats.selected = cy.$(':selected').map((el) => el.id());
  }, [selection, others, elements]);

  // The split view's right side fits its whole graph to its pane, as the left side does (MirrorCanvas), on every change
  // and resize (autoRef), until the user pans or zooms.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || side !== 'after') return;
    (autoRef.current = (a) => frame(cy, cy.nodes('.entity'), { animate: a, maxZoom: 1.25 }))(false);
  }, [side, elements]);

  return (
    <>
      <div ref={ref} className="graph" tabIndex={0} aria-label="Ownership graph. Use the table view for a keyboard-readable list of entities and holdings." role="application" />
      {calloutSource && Callouts && (
        <Suspense fallback={null}>
          <Callouts cy={cyState} source={calloutSource} />
        </Suspense>
      )}
      {side !== 'after' && <Minimap cy={cyState} />}
    </>
  );
}
