// The elements drawn for an analysis and view settings — toElements(doc, analysis, {layers, focus, large-group
// settings}) — computed once per analysis and settings, so that the canvas, the legend and the automatic layout
// (store/autoLayout.ts) share one computation. Huge graphs are drawn in focus mode (analysis/focus.ts).
import type { AnalysisView } from '../analysis';
import { focusPositions, focusSet, type Focus } from '../analysis/focus';
import { prune, type PruneSettings } from './prune';
import { toElements, type ElementDef, type Layers } from './toElements';

const memo = new WeakMap<AnalysisView, Map<string, ElementDef[]>>();

const NO_PRUNE: PruneSettings = { minStake: 0, collapsed: [] };

/** toElements(doc, analysis, {layers, focus, large-group settings}), computed once per analysis, layers, focus and settings. */
export function elementsFor(analysis: AnalysisView, layers: Layers, focus: Focus | null = null, settings: PruneSettings = NO_PRUNE): ElementDef[] {
  const key = `${+layers.holdings}${+layers.agreements}${+layers.dependencies}|${focus ? `${focus.depth}:${focus.ids.join(',')}` : ''}|${settings.minStake}|${settings.collapsed.join(',')}`;
  let byKey = memo.get(analysis);
  if (!byKey) memo.set(analysis, (byKey = new Map()));
  let els = byKey.get(key);
  if (!els) {
    const { doc, options } = analysis;
    if (focus) {
      const f = focusSet(doc, focus, options.date);
      els = toElements(doc, analysis, { layers, only: f.ids, entityIdx: f.entityIdx, holdingIdx: f.holdingIdx, hidden: f.hidden, positions: focusPositions(doc, f, options.date) });
    } else if (settings.minStake > 0 || settings.collapsed.length) els = toElements(doc, analysis, { layers, ...prune(doc, analysis, settings) });
    else els = toElements(doc, analysis, { layers });
    byKey.set(key, els);
  }
  return els;
}
