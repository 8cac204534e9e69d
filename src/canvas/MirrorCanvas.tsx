// The left half of the split view: the 'before' side (the base, or the current document under a preview) drawn in the
// same layout and style as the main canvas, changes marked, its pan and zoom locked to the main canvas's both ways.
// Clicking an entity selects it and makes the inspector describe this side.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import { useStoreApi } from '../store';
import { applyElements, type Drawn } from './applyElements';
import { drawWithoutLayers } from './plainDraw';
import { wireEdgeLabels } from './edgeLabels';
import { reducedMotion } from './frame';
import { stylesheet } from './stylesheet';
import { nodeId } from './toElements';
import { useShownElements } from './useShown';
import { useWorkspaceApi } from '../ui/workspace/workspaceState';

/** Elements drawn per frame while the split view's left side first fills. */
const FIRST_FILL = 40;

/** Copies one instance's viewport to another unless they already agree (which ends the echo). */
function copyViewport(from: Core, to: Core) {
  const z = from.zoom(), p = from.pan(), q = to.pan();
  if (Math.abs(to.zoom() - z) < 1e-9 && Math.abs(q.x - p.x) < 0.5 && Math.abs(q.y - p.y) < 0.5) return;
  to.viewport({ zoom: z, pan: { ...p } });
}

export function MirrorCanvas({ main }: { main: Core | null }) {
  const store = useStoreApi();
  const workspace = useWorkspaceApi();
  const ref = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  /** Whether the first fill is done: edge labels are laid out from then on, not on every slice of it. */
  const [filled, setFilled] = useState(false);
  const drawn = useRef<Drawn>(new Map());
  const elements = useShownElements('before');

  // The instance is made in a task of its own after the next frame, so that the right side's resize is drawn first and
  // no one task makes and draws both sides; its elements are added by the next effect, in a later task.
  const mainRef = useRef(main);
  mainRef.current = main;
  useEffect(() => {
    let c: Core | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const make = () => {
      c = cytoscape({
        container: ref.current!,
        style: stylesheet({ still: reducedMotion() }) as unknown as cytoscape.StylesheetJson,
        minZoom: 0.02,
        maxZoom: 3,
        boxSelectionEnabled: false,
        autoungrabify: true,
        selectionType: 'single',
        // While the main side pans or zooms (the framing animation), this side moves a picture of itself rather
        // than drawing every element again each frame.
        textureOnViewport: true,
      });
      drawWithoutLayers(c);
      if (mainRef.current) copyViewport(mainRef.current, c);
      const self = c;
      c.on('tap', (evt) => {
        workspace.getState().set({ splitSide: 'before' });
        if (evt.target === self) return store.getState().select(null);
        const kind = evt.target.data('kind'), ref = evt.target.data('ref');
        if (kind && ref) store.getState().select({ kind, id: ref });
      });
      setCy(c);
    };
    const frame = requestAnimationFrame(() => (timer = setTimeout(make, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      c?.destroy();
      drawn.current = new Map();
      setCy(null);
      setFilled(false);
    };
  }, [store]);

  useEffect(() => {
    if (!cy) return;
    if (drawn.current.size || elements.length <= FIRST_FILL) {
      drawn.current = applyElements(cy, drawn.current, elements).drawn;
      setFilled(true);
      return;
    }
    // The first fill goes in slices, one a frame: drawing an element the first time (its label rasterised) is the
    // costly part, and the slices keep each frame short. Nodes come first, so that every edge finds its ends.
    const ordered = [...elements.filter((e) => e.group === 'nodes'), ...elements.filter((e) => e.group !== 'nodes')];
    let n = 0;
    let frame = 0;
    const next = () => {
      n = Math.min(ordered.length, n + FIRST_FILL);
      drawn.current = applyElements(cy, drawn.current, ordered.slice(0, n)).drawn;
      if (n < ordered.length) frame = requestAnimationFrame(() => (frame = window.setTimeout(next, 0)));
      else setFilled(true);
    };
    next();
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(frame);
      // Interrupted: the next run brings the instance up to its elements in one step (it is no longer empty).
    };
  }, [cy, elements]);

  useEffect(() => (cy && filled ? wireEdgeLabels(cy) : undefined), [cy, filled]);

  // Selection shows on both sides.
  useEffect(() => {
    if (!cy) return;
    const sync = () => {
      const sel = store.getState().selection;
      cy.batch(() => {
        cy.$(':selected').unselect();
        if (sel?.kind === 'entity') cy.getElementById(nodeId(sel.id)).select();
      });
    };
    sync();
    return store.subscribe((s, p) => s.selection !== p.selection && sync());
  }, [cy, store, elements]);

  // Pan and zoom locked both ways.
  useEffect(() => {
    if (!cy || !main) return;
    const toMirror = () => copyViewport(main, cy);
    const toMain = () => copyViewport(cy, main);
    main.on('viewport', toMirror);
    cy.on('viewport', toMain);
    const ro = new ResizeObserver(() => {
      cy.resize();
      toMirror();
    });
    ro.observe(ref.current!);
    toMirror();
    return () => {
      main.removeListener('viewport', toMirror);
      cy.removeListener('viewport', toMain);
      ro.disconnect();
    };
  }, [cy, main]);

  return <div ref={ref} className="graph mirror" aria-label="The graph before the change (left half of the split view)" role="img" />;
}
