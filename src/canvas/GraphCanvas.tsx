// The graph: one empty div that Cytoscape owns. One effect creates the instance once (StrictMode-safe) and
// destroys it on unmount; another applies toElements(doc, analysis, view) as a diff; a third mirrors selection.
import { useEffect, useRef } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import { appStore, useStore } from '../store';
import { placeNear } from '../store/placement';
import { applyElements, type Drawn } from './applyElements';
import { setCanvasApi } from './canvasApi';
import { wireInteractions } from './interactions';
import { layoutPositions } from './layout';
import { stats } from './stats';
import { stylesheet } from './stylesheet';
import { EDGE_PREFIX, nodeId } from './toElements';
import { useElements } from './useElements';

/** Elements above which Cytoscape renders a texture while panning and zooming. */
const BIG = 4000;

export function GraphCanvas() {
  const ref = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const drawnRef = useRef<Drawn>(new Map());
  const fittedRef = useRef(-1);
  const placingRef = useRef<object | null>(null);

  useEffect(() => {
    const s = appStore.getState();
    const big = s.doc.entities.length + s.doc.holdings.length > BIG;
    const cy = cytoscape({
      container: ref.current!,
      style: stylesheet() as unknown as cytoscape.StylesheetJson,
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
    });
    cyRef.current = cy;
    cy.on('render', () => {
      stats.lastRenderAt = performance.now();
      if (stats.firstDrawnAt === null && stats.placed) stats.firstDrawnAt = stats.lastRenderAt;
    });
    const unsubscribe = appStore.subscribe((st, prev) => {
      if (st.doc !== prev.doc) stats.lastChangeAt = performance.now();
    });
    const unwire = wireInteractions(cy, appStore);
    setCanvasApi({
      fit: () => cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 200 }),
      zoom: (f) => cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
      focus: (id) => {
        const n = cy.getElementById(nodeId(id));
        if (n.empty()) return;
        appStore.getState().select({ kind: 'entity', id });
        cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
      },
      relayout: async () => {
        const st = appStore.getState();
        st.setBusy('Laying out…');
        try {
          const positions = await layoutPositions(cy, appStore.getState().doc);
          if (Object.keys(positions).length) appStore.getState().commit({ type: 'moveEntities', positions });
          if (!cy.destroyed()) cy.fit(undefined, 40);
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
      setCanvasApi(null);
      cy.destroy();
      cyRef.current = null;
      drawnRef.current = new Map();
      fittedRef.current = -1;
    };
  }, []);

  const loads = useStore((s) => s.loads);
  const selection = useStore((s) => s.selection);
  const elements = useElements();

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    stats.lastApplyStart = performance.now();
    const r = applyElements(cy, drawnRef.current, elements);
    drawnRef.current = r.drawn;
    stats.lastApplyEnd = performance.now();
    stats.applies++;
    stats.nodes = cy.nodes('.entity').length;
    stats.edges = cy.edges().length;
    const doc = appStore.getState().doc;
    const unplaced = doc.entities.filter((e) => !e.position).length;
    stats.placed = !unplaced;
    if (!unplaced) {
      if (fittedRef.current !== loads) {
        fittedRef.current = loads;
        cy.fit(undefined, 40);
        if (cy.zoom() > 1.2) cy.zoom({ level: 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      }
      return;
    }
    if (unplaced < doc.entities.length) return appStore.getState().place(placeNear(doc));
    if (placingRef.current === doc) return;
    placingRef.current = doc;
    appStore.getState().setBusy('Laying out…');
    layoutPositions(cy, doc)
      .then((positions) => {
        if (appStore.getState().doc === doc) appStore.getState().place(positions);
      })
      .catch((e) => appStore.getState().notify(`Layout failed: ${(e as Error).message}`, 'error'))
      .finally(() => appStore.getState().setBusy(null));
  }, [elements, loads]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (!selection) return;
      if (selection.kind === 'entity') cy.getElementById(nodeId(selection.id)).select();
      else if (selection.kind === 'agreement') cy.edges('.agreement').filter((e) => e.data('ref') === selection.id).select();
      else cy.getElementById(EDGE_PREFIX[selection.kind] + selection.id).select();
    });
  }, [selection, elements]);

  return <div ref={ref} className="graph" tabIndex={0} aria-label="Ownership graph. Use the table view for a keyboard-readable list of entities and holdings." role="application" />;
}
