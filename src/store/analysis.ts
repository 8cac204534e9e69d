// The Analysis is derived from the document and the view, never stored: analyze() memoises per doc and view.
import { analyze, resolveOptions, type Analysis, type AnalysisOptions } from '../analysis';
import type { ExplorerState } from './store';

/** The analysis of the working document under the current rule, τ and date. */
export function analysisOf(s: Pick<ExplorerState, 'doc' | 'view'>): Analysis {
  return analyze(s.doc, { rule: s.view.rule, threshold: s.view.threshold, date: s.view.date ?? undefined });
}

/** The resolved view options of the working document. */
analysisOf.options = (s: Pick<ExplorerState, 'doc' | 'view'>): AnalysisOptions =>
  resolveOptions(s.doc, { rule: s.view.rule, threshold: s.view.threshold, date: s.view.date ?? undefined });
