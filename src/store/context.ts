// The explorer given to React: a context holding the app createApp() made, and the hooks components read it with.
import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore as useZustand } from 'zustand';
import type { AnalysisView } from '../analysis';
import type { ExplorerApp } from './app';
import type { CanvasHandle } from './canvasHandle';
import { currentAnalysis, drawnDoc, HOLD_MS, type RemoteState } from './remote';
import type { SimViewState, SimViewStore } from './simView';
import type { ExplorerState, ExplorerStore } from './store';
import type { WorkspaceState, WorkspaceStore } from './workspace';

const AppContext = createContext<ExplorerApp | null>(null);

/** Gives `app` to the components below. */
export function AppProvider({ app, children }: { app: ExplorerApp; children?: ReactNode }) {
  return createElement(AppContext.Provider, { value: app }, children);
}

/** The explorer the component belongs to. */
export function useApp(): ExplorerApp {
  const app = useContext(AppContext);
  if (!app) throw new Error('store/context: no explorer here — render the component inside <AppProvider app={createApp()}>');
  return app;
}

/** The app's handle on its mounted canvas: `useCanvas().current()?.fit()` in an event handler. */
export function useCanvas(): CanvasHandle {
  return useApp().canvas;
}

/** The store itself, for event handlers (`store.getState()` when they run, so they are never stale). */
export function useStoreApi(): ExplorerStore {
  return useApp().store;
}

/** Selects from the store; re-renders when the selected value changes (Object.is). */
export function useStore<T>(selector: (s: ExplorerState) => T): T {
  return useZustand(useApp().store, selector);
}

/** The current analysis (memoised; stable while doc, view and the worker's latest summary do not change). */
export function useAnalysis(): AnalysisView {
  const app = useApp();
  // The summary only: the worker's progress reports must not re-render every reader of the analysis.
  const summary = useZustand(app.remote, (r) => r.summary);
  return useZustand(app.store, (s) => currentAnalysis(s, summary));
}

/**
 * The analysis to draw: useAnalysis's, except that while the worker analyses an edit of a large document the drawing
 * holds the document its latest summary describes, for HOLD_MS at most (remote.ts drawnDoc): the canvas then changes
 * once per edit, with the edit's analysis, and draws no frame in between that the analysis would wait behind.
 */
export function useDrawnAnalysis(): AnalysisView {
  const app = useApp();
  const summary = useZustand(app.remote, (r) => r.summary);
  const busy = useZustand(app.remote, (r) => r.progress !== null);
  const [late, setLate] = useState<object | null>(null);
  const doc = useZustand(app.store, (s) => s.doc);
  const held = useZustand(app.store, (s) => late !== s.doc && drawnDoc(s, summary, busy) !== s.doc);
  useEffect(() => {
    if (!held) return;
    const t = setTimeout(() => setLate(doc), HOLD_MS);
    return () => clearTimeout(t);
  }, [held, doc]);
  return useZustand(app.store, (s) => currentAnalysis(held ? { doc: drawnDoc(s, summary, busy), view: s.view } : s, summary));
}

/** The worker's state: progress of the analysis in flight, last timing, errors. */
export function useRemote<T>(selector: (r: RemoteState) => T): T {
  return useZustand(useApp().remote, selector);
}

/** Selects from the Simulate panel's view state. */
export function useSimView<T>(selector: (s: SimViewState) => T): T {
  return useZustand(useApp().simView, selector);
}

/** The Simulate view state itself, for event handlers. */
export function useSimViewApi(): SimViewStore {
  return useApp().simView;
}

/** Selects from the workspace state (docks, widths, legend, split view). */
export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useZustand(useApp().workspace, selector);
}

/** The workspace state itself, for event handlers. */
export function useWorkspaceApi(): WorkspaceStore {
  return useApp().workspace;
}
