// An AnalysisView for graphs analysed in the worker: control, conferring holdings and exposure come from the
// worker's summary; one entity's explanation, look-through and power are computed on demand from its upstream
// sub-document, which gives exactly the whole graph's answer (property-tested) at a fraction of the cost.
import { Analysis, subDocument, upstreamOf, viewOfSummary, type AnalysisOptions, type AnalysisSummary, type AnalysisView, type ControlView, type EntityControl } from '../analysis';
import type { OwnershipDoc } from '../model';

/** A worker's summary with the ids of the document it describes (indices in the summary refer to them). */
export interface RemoteSummary {
  summary: AnalysisSummary;
  entityIds: string[];
  holdingIds: string[];
  /** The document analysed, and the store's load count then (the drawing may hold it while an edit of it is analysed: remote.ts drawnDoc). */
  doc?: OwnershipDoc;
  loads?: number;
}

const views = new WeakMap<RemoteSummary, ControlView>();
/** One view per summary, shared by the analyses of every document that reads it (edits before the next summary). */
function viewOf(summary: RemoteSummary): ControlView {
  let v = views.get(summary);
  if (!v) views.set(summary, (v = viewOfSummary(summary.summary, summary.entityIds, summary.holdingIds)));
  return v;
}

// Per document and view: the analyses of upstream sub-documents, shared by the WorkerAnalysis made when a
// document is edited and the one made when its summary arrives (the summary plays no part in them).
const locals = new WeakMap<OwnershipDoc, Map<string, Map<string, Analysis>>>();

export class WorkerAnalysis implements AnalysisView {
  readonly control: ControlView['control'];
  readonly loops: string[][];
  private view: ControlView;
  private local: Map<string, Analysis>;

  /**
   * `summary` may be stale (for an earlier document) while the worker catches up, so it comes with the entity
   * and holding ids of the document it describes; null before the first summary arrives.
   */
  constructor(readonly doc: OwnershipDoc, readonly options: AnalysisOptions, summary: RemoteSummary | null) {
    this.view = summary ? viewOf(summary) : { options, control: new Map(), loops: [], groupSize: () => 1, conferring: () => new Set(), dependencies: () => ({}) };
    this.control = this.view.control;
    this.loops = this.view.loops;
    const key = `${options.rule}|${options.threshold}|${options.date}`;
    let byView = locals.get(doc);
    if (!byView) locals.set(doc, (byView = new Map()));
    let local = byView.get(key);
    if (!local) byView.set(key, (local = new Map()));
    this.local = local;
  }

  private of(id: string): Analysis {
    let a = this.local.get(id);
    if (!a) {
      const sub = subDocument(this.doc, upstreamOf(this.doc, [id], this.options.date), this.options.date);
      this.local.set(id, (a = new Analysis(sub, this.options)));
    }
    return a;
  }

  entity(id: string): EntityControl {
    return this.of(id).entity(id);
  }
  top(id: string): string[] {
    const c = this.control.get(id);
    return c && c.ultimate.length ? c.ultimate : [id];
  }
  groupSize(id: string): number {
    return this.view.groupSize(id);
  }
  explain(id: string): string[] {
    return this.of(id).explain(id);
  }
  lookThrough(id: string) {
    return this.of(id).lookThrough(id);
  }
  stake(owner: string, id: string): number {
    return this.of(id).stake(owner, id);
  }
  power(id: string) {
    return this.of(id).power(id);
  }
  conferring(): ReadonlySet<string> {
    return this.view.conferring();
  }
  dependencies() {
    return this.view.dependencies();
  }
}
