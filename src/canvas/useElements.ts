// The drawn elements for the current document and view, as hooks: the kernel's elementsFor (draw/drawnElements.ts)
// under the view's layers, focus and large-group settings, so that the canvas and the legend share one computation.
import { useMemo } from 'react';
import { useApp, useDrawnAnalysis, useStore } from '../store';
import { mark } from '../store/drawStats';
import { effectiveFocus, type Focus } from '../analysis/focus';
import type { PruneSettings } from '../draw/prune';
import type { ElementDef } from '../draw/toElements';
import { elementsFor } from '../draw/drawnElements';

export { elementsFor };

/** The focus in force for the document drawn (null unless the graph is huge). */
export function useFocus(): Focus | null {
  const analysis = useDrawnAnalysis();
  const focus = useStore((s) => s.view.focus);
  return effectiveFocus(analysis.doc, focus, analysis.options.date);
}

/** The view's large-group settings (stable while they do not change). */
export function usePruneSettings(): PruneSettings {
  const minStake = useStore((s) => s.view.minStake);
  const collapsed = useStore((s) => s.view.collapsed);
  return useMemo(() => ({ minStake, collapsed }), [minStake, collapsed]);
}

/** The elements to draw now (of the document drawn: store/context.ts useDrawnAnalysis). */
export function useElements(): ElementDef[] {
  const analysis = useDrawnAnalysis();
  const layers = useStore((s) => s.view.layers);
  const focus = useFocus();
  const stats = useApp().drawStats;
  mark(stats, 'elements');
  const elements = elementsFor(analysis, layers, focus, usePruneSettings());
  mark(stats, 'elements:done');
  return elements;
}
