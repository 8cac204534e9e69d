// The first side of the split view (left, or top when the sides are stacked): the 'before' side (the base, or the current document under a preview) drawn in the
// same layout and style as the main canvas, changes marked, fitted to its own pane (on every change and resize, as the
// right side is: each side shows its whole graph). Clicking an entity selects it and makes the inspector describe this side.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import { useStoreApi } from '../store';
import { applyElements, type Drawn } from './applyElements';
import { drawWithoutLayers } from './plainDraw';
import { wireEdgeLabels } from './edgeLabels';
import { frame, reducedMotion } from './frame';
import { stylesheet } from './stylesheet';
import { nodeId } from '../draw/toElements';
import { useShownElements } from './useShown';

/** Elements drawn per frame while the split view's left side first fills. */
const FIRST_FILL = 40;

/** Fits the whole graph of `cy` to its pane. */
export const fitSide = (cy: Core) => frame(cy, cy.nodes('.entity'), { animate: false, maxZoom: 1.25 });

export function MirrorCanvas({ onTap }: { /** Called on every click on this side (it becomes the one the inspector describes). */ onTap?: () => void }) {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  /** Whether the first fill is done: edge labels are laid out from then on, not on every slice of it. */
  const [filled, setFilled] = useState(false);
  const drawn = useRef<Drawn>(new Map());
  const elements = useShownElements('before');

  // The instance is made in a task of its own after the next frame, so that the right side's resize is drawn first and
  // no one task makes and draws both sides; its elements are added by the next effect, in a later task.
  const tapRef = useRef(onTap);
  tapRef.current = onTap;
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
      const self = c;
      c.on('tap', (evt) => {
        tapRef.current?.();
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
      fitSide(cy);
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
      else {
        fitSide(cy);
        setFilled(true);
      }
    };
    next();
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(frame);
      // Interrupted: the next run brings the instance up to its elements in one step (it is no longer empty).
    };
  }, [cy, elements]);

  useEffect(() => (cy && filled ? wireEdgeLabels(cy) : undefined), [cy, filled]);

  // Selection (the primary and every other selected entity) shows on both sides.
  useEffect(() => {
    if (!cy) return;
    const sync = () => {
      const { selection: sel, others } = store.getState();
      cy.batch(() => {
        cy.$(':selected').unselect();
        if (sel?.kind === 'entity') cy.getElementById(nodeId(sel.id)).select();
        for (const id of others) cy.getElementById(nodeId(id)).select();
      });
    };
    sync();
    return store.subscribe((s, p) => (s.selection !== p.selection || s.others !== p.others) && sync());
  }, [cy, store, elements]);

  // Fitted again whenever its pane changes size (the inspector or a panel opens, the window is resized).
  useEffect(() => {
    if (!cy) return;
    const ro = new ResizeObserver(() => {
      cy.resize();
      fitSide(cy);
    });
    ro.observe(ref.current!);
    return () => ro.disconnect();
  }, [cy]);

  return <div ref={ref} className="graph mirror" aria-label="The graph before the change (the left or top side of the split view)" role="img" />;
}
