// The left half of the split view: the 'before' side (the base, or the current document under a preview) drawn in the
// same layout and style as the main canvas, changes marked, its pan and zoom locked to the main canvas's both ways.
// Clicking an entity selects it and makes the inspector describe this side.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import { useStoreApi } from '../store';
import { applyElements, type Drawn } from './applyElements';
import { reducedMotion } from './frame';
import { stylesheet } from './stylesheet';
import { nodeId } from './toElements';
import { useShownElements } from './useShown';
import { workspace } from '../ui/workspace/workspaceState';

/** Copies one instance's viewport to another unless they already agree (which ends the echo). */
function copyViewport(from: Core, to: Core) {
  const z = from.zoom(), p = from.pan(), q = to.pan();
  if (Math.abs(to.zoom() - z) < 1e-9 && Math.abs(q.x - p.x) < 0.5 && Math.abs(q.y - p.y) < 0.5) return;
  to.viewport({ zoom: z, pan: { ...p } });
}

export function MirrorCanvas({ main }: { main: Core | null }) {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const drawn = useRef<Drawn>(new Map());
  const elements = useShownElements('before');

  useEffect(() => {
    const c = cytoscape({
      container: ref.current!,
      style: stylesheet({ still: reducedMotion() }) as unknown as cytoscape.StylesheetJson,
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: true,
      selectionType: 'single',
    });
    c.on('tap', (evt) => {
      workspace.getState().set({ splitSide: 'before' });
      if (evt.target === c) return store.getState().select(null);
      const kind = evt.target.data('kind'), ref = evt.target.data('ref');
      if (kind && ref) store.getState().select({ kind, id: ref });
    });
    setCy(c);
    return () => {
      c.destroy();
      drawn.current = new Map();
      setCy(null);
    };
  }, [store]);

  useEffect(() => {
    if (!cy) return;
    drawn.current = applyElements(cy, drawn.current, elements).drawn;
  }, [cy, elements]);

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
