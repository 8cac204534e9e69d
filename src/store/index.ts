// The app's store instance and its React hook; tests build their own stores with createExplorerStore.
import { useStore as useZustand } from 'zustand';
import { analysisOf } from './analysis';
import { startAutosave } from './autosave';
import { boot } from './boot';
import { localPersistence } from './persistence';
import { createExplorerStore, type ExplorerState } from './store';
import type { AnalysisView } from '../analysis';

export * from './types';
export { createExplorerStore, selectionExists, type ExplorerState, type CommitResult } from './store';
export { analysisOf } from './analysis';
export { DATASETS, datasetById } from './datasets';
export { readableError } from './messages';

const persistence = localPersistence();
const initial = boot(persistence, typeof location === 'undefined' ? '' : location.search);

/** The one store of the running app. */
export const appStore = createExplorerStore(initial);
if (initial.notice) appStore.getState().notify(initial.notice);

/** Autosave of the working document (off for generated samples). */
export const autosave = initial.autosave ? startAutosave(appStore, persistence) : null;
if (autosave && typeof window !== 'undefined') window.addEventListener('pagehide', () => autosave.flush());

/** Clears the autosaved document (used by "reset"). */
export const clearSaved = () => persistence.clear();

/** Selects from the app store; re-renders when the selected value changes (Object.is). */
export function useStore<T>(selector: (s: ExplorerState) => T): T {
  return useZustand(appStore, selector);
}
useStore.getState = appStore.getState;

/** The current analysis (memoised; stable while doc and view do not change). */
export function useAnalysis(): AnalysisView {
  return useZustand(appStore, analysisOf);
}
