// The drawn elements for the current document and view, memoised per analysis, layer set and focus so that the
// canvas and the legend share one computation. Huge graphs are drawn in focus mode (analysis/focus.ts).
import { useMemo } from 'react';
import type { AnalysisView } from '../analysis';
import { useAnalysis, useStore } from '../store';
import { effectiveFocus, focusPositions, focusSet, type Focus } from '../analysis/focus';
import type { Layers } from '../store/types';
import { prune, type PruneSettings } from './prune';
import { mark } from './stats';
import { toElements, type ElementDef } from '../draw/toElements';

const memo = new WeakMap<AnalysisView, Map<string, ElementDef[]>>();

const NO_PRUNE: PruneSettings = { minStake: 0, collapsed: [] };

/** toElements(doc, analysis, {layers, focus, large-group settings}), computed once per analysis, layers, focus and settings. */
export function elementsFor(analysis: AnalysisView, layers: Layers, focus: Focus | null = null, settings: PruneSettings = NO_PRUNE): ElementDef[] {
  const key = `${+layers.holdings}${+layers.agreements}${+layers.dependencies}|${focus ? `${focus.depth}:${focus.ids.join(',')}` : ''}|${settings.minStake}|${settings.collapsed.join(',')}`;
  let byKey = memo.get(analysis);
  if (!byKey) memo.set(analysis, (byKey = new Map()));
  let els = byKey.get(key);
  if (!els) {
    mark('elements');
    const { doc, options } = analysis;
    if (focus) {
      const f = focusSet(doc, focus, options.date);
      els = toElements(doc, analysis, { layers, only: f.ids, entityIdx: f.entityIdx, holdingIdx: f.holdingIdx, hidden: f.hidden, positions: focusPositions(doc, f, options.date) });
    } else if (settings.minStake > 0 || settings.collapsed.length) els = toElements(doc, analysis, { layers, ...prune(doc, analysis, settings) });
    else els = toElements(doc, analysis, { layers });
    byKey.set(key, els);
    mark('elements:done');
  }
  return els;
}

/** The focus in force for the working document (null unless the graph is huge). */
export function useFocus(): Focus | null {
  const analysis = useAnalysis();
  const focus = useStore((s) => s.view.focus);
  return effectiveFocus(analysis.doc, focus, analysis.options.date);
}

/** The view's large-group settings (stable while they do not change). */
export function usePruneSettings(): PruneSettings {
  const minStake = useStore((s) => s.view.minStake);
  const collapsed = useStore((s) => s.view.collapsed);
  return useMemo(() => ({ minStake, collapsed }), [minStake, collapsed]);
}

/** The elements to draw now. */
export function useElements(): ElementDef[] {
  const analysis = useAnalysis();
  const layers = useStore((s) => s.view.layers);
  const focus = useFocus();
  return elementsFor(analysis, layers, focus, usePruneSettings());
}
