// The drawn elements for the current document and view, memoised per analysis and layer set so that the canvas
// and the legend share one computation.
import type { AnalysisView } from '../analysis';
import { useAnalysis, useStore } from '../store';
import type { Layers } from '../store/types';
import { toElements, type ElementDef } from './toElements';

const memo = new WeakMap<AnalysisView, Map<string, ElementDef[]>>();

/** toElements(doc, analysis, {layers}), computed once per analysis and layers. */
export function elementsFor(analysis: AnalysisView, layers: Layers): ElementDef[] {
  const key = `${+layers.holdings}${+layers.agreements}${+layers.dependencies}`;
  let byKey = memo.get(analysis);
  if (!byKey) memo.set(analysis, (byKey = new Map()));
  let els = byKey.get(key);
  if (!els) byKey.set(key, (els = toElements(analysis.doc, analysis, { layers })));
  return els;
}

/** The elements to draw now. */
export function useElements(): ElementDef[] {
  const analysis = useAnalysis();
  const layers = useStore((s) => s.view.layers);
  return elementsFor(analysis, layers);
}
