// The graph: one empty div that Cytoscape owns. One effect creates the instance once (StrictMode-safe) and
// destroys it on unmount; another applies toElements(doc, analysis, view) as a diff; a third mirrors selection.
import { useEffect, useRef } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import { useStoreApi, useStore } from '../store';
import { placeNear } from '../analysis/placement';
import { applyElements, type Drawn } from './applyElements';
import { setCanvasApi } from './canvasApi';
import { EdgeLayer } from './edgeLayer';
import { wireInteractions } from './interactions';
import { layoutPositions } from './layout';
import { stats } from './stats';
import { hardwareWebgl } from './webgl';
import { BIG_DETAIL_ZOOM, NODE_H, NODE_W, stylesheet } from './stylesheet';
import { EDGE_PREFIX, nodeId, type ElementDef } from './toElements';
import { useFocus } from './useElements';
import { useShownElements } from './useShown';

/** Elements (nodes and edges) above which a drawing is drawn the big-graph way (see edgeLayer.ts and stylesheet.ts). */
const BIG = 2000;

/** Whether a drawing (a whole graph, or a focused part of a huge one) is drawn the big-graph way. */
export const isBigDrawing = (elements: readonly unknown[]) => elements.length > BIG;

/** Fits the graph into the part of the canvas the legend does not cover, zooming in no further than 1.2. */
function fitView(cy: Core, animate: boolean) {
  const nodes = cy.nodes();
  if (nodes.empty()) return;
  // Bounds from node centres and the fixed node size: eles.boundingBox() measures every label and edge, which
  // takes seconds on thousands of elements.
  const bb = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity, w: 0, h: 0 };
  nodes.forEach((n) => {
    const p = n.position();
    bb.x1 = Math.min(bb.x1, p.x - NODE_W / 2);
    bb.x2 = Math.max(bb.x2, p.x + NODE_W / 2);
    bb.y1 = Math.min(bb.y1, p.y - NODE_H / 2);
    bb.y2 = Math.max(bb.y2, p.y + NODE_H / 2);
  });
  bb.w = bb.x2 - bb.x1;
  bb.h = bb.y2 - bb.y1;
  // The legend sits in the bottom-left corner: keep the graph beside it or above it, whichever draws it larger.
  const legend = cy.container()?.parentElement?.querySelector('.legend') as HTMLElement | null;
  const open = !!legend && legend.offsetHeight > 60;
  const pad = 30;
  const fit = (left: number, bottom: number) => {
    const w = Math.max(1, cy.width() - left - 2 * pad), h = Math.max(1, cy.height() - bottom - 2 * pad);
    return { left, w, h, zoom: Math.max(cy.minZoom(), Math.min(1.2, w / bb.w, h / bb.h)) };
  };
  const beside = fit(open ? legend!.offsetWidth + 10 : 0, 0);
  const above = open ? fit(0, legend!.offsetHeight + 10) : beside;
  const { left: inset, w, h, zoom } = above.zoom > beside.zoom ? above : beside;
  const pan = { x: inset + pad + (w - bb.w * zoom) / 2 - bb.x1 * zoom, y: pad + (h - bb.h * zoom) / 2 - bb.y1 * zoom };
  if (animate) cy.animate({ zoom, pan }, { duration: 200 });
  else cy.viewport({ zoom, pan });
}

/** The canvas; `big` (isBigDrawing) is fixed for its life: the pane remounts it when that changes. */
export function GraphCanvas({ big }: { big: boolean }) {
  const appStore = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layerRef = useRef<EdgeLayer | null>(null);
  const elementsRef = useRef<ElementDef[]>([]);
  const drawnRef = useRef<Drawn>(new Map());
  const fittedRef = useRef('');
  const pendingCentre = useRef<string | null>(null);
  const placingRef = useRef<object | null>(null);
  const placingDocRef = useRef<object | null>(null);

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

  useEffect(() => {
    const cy = cytoscape({
      container: ref.current!,
      style: stylesheet({ big }) as unknown as cytoscape.StylesheetJson,
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
      // Big fully drawn graphs use Cytoscape's WebGL renderer where the GPU is real (webgl.ts says why not otherwise).
      ...({ renderer: { name: 'canvas', webgl: big && hardwareWebgl() } } as object),
    });
    cyRef.current = cy;
    cy.on('render', () => {
      stats.lastRenderAt = performance.now();
      if (stats.firstDrawnAt === null && stats.placed) stats.firstDrawnAt = stats.lastRenderAt;
    });
    const unsubscribe = appStore.subscribe((st, prev) => {
      if (st.doc !== prev.doc) stats.lastChangeAt = performance.now();
    });
    if (big) {
      const layer = (layerRef.current = new EdgeLayer(cy));
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
    setCanvasApi({
      whole: async (fn) => {
        const layer = layerRef.current;
        if (!layer) return fn(cy);
        // A big graph's bulk-drawn edges become elements for the export (the picture is Cytoscape's), then lines again.
        layer.holdAll = true;
        apply();
        try {
          return await fn(cy);
        } finally {
          layer.holdAll = false;
          if (!cy.destroyed()) apply();
        }
      },
      fit: () => fitView(cy, true),
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
        appStore.getState().select({ kind: 'entity', id });
        cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
      },
      relayout: async () => {
        const st = appStore.getState();
        st.setBusy('Laying out…');
        try {
          const positions = await layoutPositions(cy, appStore.getState().doc);
          if (Object.keys(positions).length) appStore.getState().commit({ type: 'moveEntities', positions });
          if (!cy.destroyed()) fitView(cy, false);
        } finally {
          appStore.getState().setBusy(null);
        }
      },
      centre: () => {
        const e = cy.extent();
        return { x: Math.round((e.x1 + e.x2) / 2), y: Math.round((e.y1 + e.y2) / 2) };
      },
    });
    const ro = new ResizeObserver(() => cy.resize());
    ro.observe(ref.current!);
    return () => {
      ro.disconnect();
      unsubscribe();
      unwire();
      layerRef.current?.remove();
      layerRef.current = null;
      setCanvasApi(null);
      cy.destroy();
      cyRef.current = null;
      drawnRef.current = new Map();
      fittedRef.current = '';
      placingRef.current = null;
    };
  }, []);

  const loads = useStore((s) => s.loads);
  const selection = useStore((s) => s.selection);
  const elements = useShownElements();
  const focus = useFocus();
  const focusKey = focus ? `${focus.depth}:${focus.ids.join(',')}` : '';

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    stats.lastApplyStart = performance.now();
    elementsRef.current = elements;
    apply();
    stats.lastApplyEnd = performance.now();
    stats.applies++;
    const doc = appStore.getState().doc;
    // Focus mode (huge graphs) positions every drawn node itself, so only drawn nodes count.
    const unplaced = elements.filter((el) => el.group === 'nodes' && !el.position).length;
    stats.placed = !unplaced;
    if (!unplaced) {
      const fitKey = `${loads}|${focusKey}`;
      if (fittedRef.current !== fitKey) {
        fittedRef.current = fitKey;
        fitView(cy, false);
        if (pendingCentre.current) {
          const n = cy.getElementById(nodeId(pendingCentre.current));
          pendingCentre.current = null;
          if (n.nonempty()) cy.center(n);
        }
      }
      return;
    }
    if (unplaced < doc.entities.length) return appStore.getState().place(placeNear(doc));
    if (placingDocRef.current === doc && placingRef.current) return;
    placingDocRef.current = doc;
    const token = {};
    placingRef.current = token;
    appStore.getState().setBusy('Laying out…');
    layoutPositions(cy, doc)
      .then((positions) => {
        if (appStore.getState().doc === doc) appStore.getState().place(positions);
      })
      .catch((e) => appStore.getState().notify(`Layout failed: ${(e as Error).message}`, 'error'))
      .finally(() => {
        if (placingRef.current === token) appStore.getState().setBusy(null);
      });
  }, [elements, loads, focusKey]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // A selected edge that the layer draws becomes a Cytoscape element first, to show as selected and be clicked.
    if (layerRef.current?.stale(selection)) apply();
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (!selection) return;
      if (selection.kind === 'entity') cy.getElementById(nodeId(selection.id)).select();
      else if (selection.kind === 'agreement') cy.edges('.agreement').filter((e) => e.data('ref') === selection.id).select();
      else cy.getElementById(EDGE_PREFIX[selection.kind] + selection.id).select();
    });
    stats.selected = cy.$(':selected').map((el) => el.id());
  }, [selection, elements]);

  return <div ref={ref} className="graph" tabIndex={0} aria-label="Ownership graph. Use the table view for a keyboard-readable list of entities and holdings." role="application" />;
}
