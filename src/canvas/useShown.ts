// What the canvas draws while simulating: the working document, or a transfer's preview, or the scenario's base
// (compare), each decorated with the changes against the other side, the selected event and the dependency lens.
import { useMemo } from 'react';
import { analyze, type AnalysisView } from '../analysis';
import { useDrawnAnalysis, useStore } from '../store';
import { previewOf } from '../store/preview';
import { baseOf } from '../store/simState';
import { useSimView } from '../store/simView';
import { changeMarks, decorate, lensLabels } from '../draw/simMarks';
import type { ElementDef } from '../draw/toElements';
import { elementsFor, useElements, usePruneSettings } from './useElements';
import { useWorkspace } from '../store/context';

/** Graphs larger than this always draw the working document (previews and the base are listed, not drawn). */
export const MAX_SWAP_ENTITIES = 2000;

/** 'date': the working document on the split view's other date (the left side when comparing two dates). */
export type ShownMode = 'current' | 'preview' | 'base' | 'date';

export interface Shown {
  mode: ShownMode;
  analysis: AnalysisView;
  elements: ElementDef[];
}

/**
 * Which side to draw: 'auto' follows the Base/Scenario toggle; in the split view the left canvas draws 'before' (the
 * base, or the current document under a preview) and the right one 'after' (the current document, or the preview).
 */
export type Side = 'auto' | 'before' | 'after';

/** The analysis and decorated elements to draw now, on `side`. */
export function useShown(side: Side = 'auto'): Shown {
  const current = useDrawnAnalysis();
  const currentElements = useElements();
  const doc = useStore((s) => s.doc);
  const sim = useStore((s) => s.sim);
  const layers = useStore((s) => s.view.layers);
  const pruning = usePruneSettings();
  const draft = useSimView((s) => s.draft);
  const showBase = useSimView((s) => s.showBase);
  const lens = useSimView((s) => s.lens);
  const focus = useSimView((s) => s.focus);
  const lit = useSimView((s) => s.lit);
  const split = useWorkspace((s) => s.split);
  const compareDate = useWorkspace((s) => (s.split ? s.compareDate : null));
  const opts = current.options;
  const small = doc.entities.length <= MAX_SWAP_ENTITIES;
  // Only small graphs draw the base or mark changes against it; on a huge one, finding the base (withPositions) would
  // read every entity on every edit.
  const base = small ? baseOf(sim, doc) : null;
  const preview = draft ? previewOf(doc, draft) : null;

  let mode: ShownMode = 'current';
  let analysis: AnalysisView = current;
  let elements = currentElements;
  let marks = null;
  const before = side === 'before' || (side === 'auto' && showBase);
  if (compareDate && small && split && side !== 'auto') {
    // Two dates side by side: the working document on the other date (left), and on the view date (right).
    const other = analyze(doc, { ...opts, date: compareDate });
    if (side === 'before') {
      mode = 'date';
      analysis = other;
      elements = elementsFor(other, layers, null, pruning);
      marks = changeMarks(analyze(doc, opts), other);
    } else marks = changeMarks(other, analyze(doc, opts));
  } else if (preview?.ok && small && before && side === 'before') {
    // The current document, beside its preview.
    marks = changeMarks(analyze(preview.doc, opts), analyze(doc, opts));
  } else if (preview?.ok && small) {
    mode = 'preview';
    const a = analyze(preview.doc, opts);
    analysis = a;
    elements = elementsFor(a, layers, null, pruning);
    marks = changeMarks(analyze(doc, opts), a);
  } else if (before && base && small) {
    mode = 'base';
    const a = analyze(base, opts);
    analysis = a;
    elements = elementsFor(a, layers, null, pruning);
    marks = changeMarks(analyze(doc, opts), a);
  } else if (base && small) {
    // Marking changes needs two full analyses: on huge graphs the diff is listed in the panel instead.
    marks = changeMarks(analyze(base, opts), analyze(doc, opts));
  }
  const labels = lens ? lensLabels(analysis) : null;
  const decorated = useMemo(() => decorate(elements, { marks, focus, lens: labels, lit }), [elements, marks, focus, labels, lit]);
  return { mode, analysis, elements: decorated };
}

/** The decorated elements to draw now, on `side`. */
export function useShownElements(side: Side = 'auto'): ElementDef[] {
  return useShown(side).elements;
}
