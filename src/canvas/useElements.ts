// The drawn elements for the current document and view, memoised per analysis, layer set and focus so that the
// canvas and the legend share one computation. Huge graphs are drawn in focus mode (analysis/focus.ts).
import type { AnalysisView } from '../analysis';
import { useAnalysis, useStore } from '../store';
import { effectiveFocus, focusPositions, focusSet, type Focus } from '../analysis/focus';
import type { Layers } from '../store/types';
import { toElements, type ElementDef } from '../draw/toElements';

const memo = new WeakMap<AnalysisView, Map<string, ElementDef[]>>();

/** toElements(doc, analysis, {layers, focus}), computed once per analysis, layers and focus. */
export function elementsFor(analysis: AnalysisView, layers: Layers, focus: Focus | null = null): ElementDef[] {
  const key = `${+layers.holdings}${+layers.agreements}${+layers.dependencies}|${focus ? `${focus.depth}:${focus.ids.join(',')}` : ''}`;
  let byKey = memo.get(analysis);
  if (!byKey) memo.set(analysis, (byKey = new Map()));
  let els = byKey.get(key);
  if (!els) {
    const { doc, options } = analysis;
    if (focus) {
      const f = focusSet(doc, focus, options.date);
      els = toElements(doc, analysis, { layers, only: f.ids, entityIdx: f.entityIdx, holdingIdx: f.holdingIdx, hidden: f.hidden, positions: focusPositions(doc, f, options.date) });
    } else els = toElements(doc, analysis, { layers });
    byKey.set(key, els);
  }
  return els;
}

/** The focus in force for the working document (null unless the graph is huge). */
export function useFocus(): Focus | null {
  const analysis = useAnalysis();
  const focus = useStore((s) => s.view.focus);
  return effectiveFocus(analysis.doc, focus, analysis.options.date);
}

/** The elements to draw now. */
export function useElements(): ElementDef[] {
  const analysis = useAnalysis();
  const layers = useStore((s) => s.view.layers);
  const focus = useFocus();
  return elementsFor(analysis, layers, focus);
}
