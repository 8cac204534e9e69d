// Large graphs are analysed in a Web Worker so the page never freezes: the worker holds its own copy of the
// document, kept in step by the changes the store dispatches (one small message per edit, undo and redo included),
// and sends back a summary; the latest request wins. Small graphs are analysed on the main thread (microseconds).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { idList, seedAdjacency, type AnalysisOptions, type AnalysisView } from '../analysis';
import type { GenerateOptions, OwnershipDoc } from '../model';
import { AnalysisWorker } from '../worker/client';
import type { AnalysisSteps } from '../worker/protocol';
import { analysisOf } from './analysis';
import type { ExplorerState, ExplorerStore } from './store';
import { WorkerAnalysis, type RemoteSummary } from './workerAnalysis';

/** Documents with at least this many entities are analysed in the worker. */
export const WORKER_MIN_ENTITIES = 10_000;

export interface RemoteState {
  summary: RemoteSummary | null;
  /** Fraction done of the analysis in flight, or null when idle. */
  progress: number | null;
  /** How long the last worker analysis took, in ms, and its steps; when (performance.now()) its summary arrived. */
  ms: number | null;
  steps: AnalysisSteps | null;
  receivedAt: number | null;
  error: string | null;
}

/** A fresh worker state (nothing analysed yet). */
export const createRemoteState = () => createStore<RemoteState>(() => ({ summary: null, progress: null, ms: null, steps: null, receivedAt: null, error: null }));

/** Whether a document is analysed in the worker. */
export const isBig = (doc: OwnershipDoc, min = WORKER_MIN_ENTITIES) => doc.entities.length >= min;

const optionsOf = (s: Pick<ExplorerState, 'view'>): Partial<AnalysisOptions> => ({ rule: s.view.rule, threshold: s.view.threshold, date: s.view.date ?? undefined });

/** The running link between the store and its worker. */
export interface RemoteAnalysis {
  /** The worker's progress, timing, errors and latest summary. */
  state: StoreApi<RemoteState>;
  /**
   * Generates a sample in the worker, which keeps it as its document: loading the returned copy into the store
   * then costs no copy back to the worker, nor building the adjacency focus mode starts from (the worker's is kept).
   */
  generate(options: GenerateOptions, onProgress?: (phase: string, fraction: number) => void): Promise<OwnershipDoc>;
  stop(): void;
}

/** Keeps the worker in step with the store and its analysis current. */
export function startRemoteAnalysis(store: ExplorerStore, opts: { makeWorker?: () => AnalysisWorker; min?: number } = {}): RemoteAnalysis {
  const remoteStore = createRemoteState();
  let client: AnalysisWorker | null = null;
  let workerDoc: OwnershipDoc | null = null;
  let run = 0;
  let scheduled = false;
  const min = opts.min ?? WORKER_MIN_ENTITIES;

  const stopOps = store.onChange((from, to, change) => {
    // A loaded document is sent whole by sync(); an operation (an edit, an undo, a redo) as itself.
    if (!client || workerDoc !== from || change.type === 'load') return;
    workerDoc = to;
    // Positions never change an analysis: the worker keeps its own, and moves cost no message.
    if (change.type === 'moveEntity' || change.type === 'moveEntities') return;
    client.apply(change).catch(() => (workerDoc = null));
  });

  const worker = () => (client ??= opts.makeWorker?.() ?? new AnalysisWorker());

  const sync = () => {
    scheduled = false;
    const s = store.getState();
    if (!isBig(s.doc, min)) return;
    const w = worker();
    if (workerDoc !== s.doc) {
      workerDoc = s.doc;
      w.load(s.doc).catch((e: Error) => remoteStore.setState({ error: e.message }));
    }
    const mine = ++run;
    remoteStore.setState({ progress: 0, error: null });
    const { doc, loads } = s;
    w.analyze(optionsOf(s), (_phase, fraction) => mine === run && remoteStore.setState({ progress: fraction }))
      .then(({ summary, ms, steps }) => mine === run && remoteStore.setState({ summary: { summary, entityIds: idList(doc.entities, 'entities'), holdingIds: idList(doc.holdings, 'holdings'), doc, loads }, ms, steps: steps ?? null, receivedAt: performance.now(), progress: null }))
      .catch((e: Error) => mine === run && remoteStore.setState({ error: e.message, progress: null }));
  };
  // Coalesce: several changes in one tick cost one analysis, and operation listeners run first.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(sync);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc !== prev.doc || s.view.rule !== prev.view.rule || s.view.threshold !== prev.view.threshold || s.view.date !== prev.view.date) schedule();
  });
  schedule();
  return {
    state: remoteStore,
    async generate(options, onProgress) {
      const { doc, seed } = await worker().generate(options, onProgress);
      workerDoc = doc;
      seedAdjacency(doc, seed.date, seed.adjacency);
      return doc;
    },
    stop() {
      stopOps();
      unsubscribe();
      client?.terminate();
    },
  };
}


/** How long the drawing holds the analysed document while the worker analyses an edit of it, at most (ms). */
export const HOLD_MS = 250;

/**
 * The document to draw while the worker analyses `s.doc` (`busy`): the one its latest summary describes when `s.doc`
 * is an edit of it that can change the analysis (holdings, agreements or relations differ; a move, a rename, a new or
 * removed entity is drawn at once), so that the drawing changes once, the edit with its analysis, and the page draws no frame
 * with the old analysis on the new document while the analysis is on its way; else `s.doc`. The caller stops holding
 * after HOLD_MS (a full analysis takes seconds at 100k entities: the edit is then drawn at once, as before).
 */
export function drawnDoc(s: Pick<ExplorerState, 'doc' | 'loads'>, summary: RemoteSummary | null, busy: boolean, min = WORKER_MIN_ENTITIES): OwnershipDoc {
  const was = summary?.doc;
  if (!busy || !was || was === s.doc || summary.loads !== s.loads || !isBig(s.doc, min)) return s.doc;
  const d = s.doc;
  // An entity added or removed is drawn at once (it may be selected and focused on straight away).
  if (was.entities.length !== d.entities.length) return d;
  return was.holdings !== d.holdings || was.agreements !== d.agreements || was.relations !== d.relations ? was : d;
}

const memo = new WeakMap<OwnershipDoc, Map<string, { summary: RemoteSummary | null; view: WorkerAnalysis }>>();

/** The analysis the app reads: live for small documents, worker-backed for large ones (possibly stale while updating). */
export function currentAnalysis(s: Pick<ExplorerState, 'doc' | 'view'>, summary: RemoteSummary | null, min = WORKER_MIN_ENTITIES): AnalysisView {
  if (!isBig(s.doc, min)) return analysisOf(s);
  const live = analysisOf.options(s);
  const key = `${live.rule}|${live.threshold}|${live.date}`;
  let byKey = memo.get(s.doc);
  if (!byKey) memo.set(s.doc, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.summary === summary) return hit.view;
  const view = new WorkerAnalysis(s.doc, live, summary);
  byKey.set(key, { summary, view });
  return view;
}
