// The automatic layout, run by the app and never by the canvas: a document that arrives with entities not placed (a
// load, the redo of one, the first document, entities added without positions) is laid out by the kernel's one pure
// layout (draw/layout.ts) from the elements the canvas will draw, and the positions are committed once, as the
// 'layout' action (actions.ts; a load's step then holds the laid-out graph, store.place). ELK is asynchronous: a result
// is committed only if its document is still the working one, so a load, edit or undo made meanwhile supersedes it.
import { ELK_LIMIT, placeNear } from '../analysis/placement';
import { effectiveFocus, needsFocus } from '../analysis/focus';
import type { OwnershipDoc } from '../model';
import { elementsFor } from '../draw/drawnElements';
import type { CanvasShape, Positions } from '../draw/layout';
import type { ElementDef } from '../draw/toElements';
import { analysisOf } from './analysis';
import type { ExplorerState, ExplorerStore } from './store';

/** The kernel's layout: every drawn entity laid out afresh for a canvas of `shape` (draw/layout.ts, loaded on first use with ELK). */
export type LayOut = (doc: OwnershipDoc, elements: readonly ElementDef[], shape: CanvasShape) => Promise<Positions>;

const kernelLayout: LayOut = (doc, elements, shape) => import('../draw/layout').then((m) => m.layoutPositions(doc, elements, shape));

export interface AutoLayoutDeps {
  store: ExplorerStore;
  /** The canvas's shape, or null while no canvas is mounted (the layout then waits for one: presets fit its shape). */
  shape(): CanvasShape | null;
  /** Calls `listener` when the shape becomes known (a canvas mounts); returns a function that stops it. */
  onShape(listener: () => void): () => void;
  layOut?: LayOut;
}

export interface AutoLayout {
  /** Lays the working document out afresh and commits it as one undo step (an edit); false when superseded or empty. */
  relayout(): Promise<boolean>;
  /** Settles when no layout is in flight (tests). */
  idle(): Promise<void>;
  stop(): void;
}

/** The elements the canvas draws for the working document under the view (what the layout sizes and links). */
export function layoutElements(s: Pick<ExplorerState, 'doc' | 'view'>): ElementDef[] {
  const analysis = analysisOf(s);
  return elementsFor(analysis, s.view.layers, effectiveFocus(s.doc, s.view.focus, analysis.options.date), { minStake: s.view.minStake, collapsed: s.view.collapsed });
}

/** Starts laying out every working document that needs it; stop() ends it. */
export function startAutoLayout(deps: AutoLayoutDeps): AutoLayout {
  const { store } = deps;
  const layOut = deps.layOut ?? kernelLayout;
  /** The run in flight: the document it lays out and its promise. */
  let running: { doc: OwnershipDoc; done: Promise<void> } | null = null;
  let scheduled = false;
  let stopped = false;

  const check = () => {
    scheduled = false;
    if (stopped) return;
    const s = store.getState();
    const doc = s.doc;
    if (running?.doc === doc) return;
    // Huge graphs are drawn in focus mode, which places each drawn neighbourhood itself (analysis/focus.ts).
    if (!doc.entities.length || needsFocus(doc)) return;
    let unplaced = 0;
    for (const e of doc.entities) if (!e.position) unplaced++;
    if (!unplaced) return;
    // Some placed: the others go near what they are linked to, at once; large graphs were placed when loaded (placeIfLarge).
    if (unplaced < doc.entities.length || doc.entities.length > ELK_LIMIT) return s.place(placeNear(doc), doc);
    const shape = deps.shape();
    if (!shape) return; // onShape checks again
    const elements = layoutElements(s);
    s.setBusy('Laying out…');
    const run: { doc: OwnershipDoc; done: Promise<void> } = {
      doc,
      done: layOut(doc, elements, shape)
        .then((positions) => store.getState().place(positions, doc))
        .catch((e: unknown) => {
          if (store.getState().doc === doc) store.getState().notify(`Layout failed: ${(e as Error).message} — use Re-layout to try again`, 'error');
        })
        .finally(() => {
          if (running !== run) return;
          running = null;
          store.getState().setBusy(null);
        }),
    };
    running = run;
  };
  // Checked once the change's synchronous follow-ups are made (a dataset opens with its saved view: loadDoc, setView).
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(check);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc !== prev.doc) schedule();
  });
  const unshape = deps.onShape(schedule);
  schedule();

  return {
    async relayout() {
      const s = store.getState();
      const doc = s.doc;
      const shape = deps.shape();
      if (!doc.entities.length || !shape) return false;
      s.setBusy('Laying out…');
      try {
        const positions = await layOut(doc, layoutElements(s), shape);
        if (store.getState().doc !== doc || !Object.keys(positions).length) return false;
        return store.getState().commit({ type: 'moveEntities', positions }).ok;
      } finally {
        store.getState().setBusy(null);
      }
    },
    async idle() {
      while (scheduled || running) {
        await Promise.resolve();
        await running?.done;
      }
    },
    stop() {
      stopped = true;
      unsubscribe();
      unshape();
    },
  };
}
