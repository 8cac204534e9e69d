// The app's store instance and its React hook; tests build their own stores with createExplorerStore.
import { useStore as useZustand } from 'zustand';
import { autosaveControl } from './autosave';
import { boot } from './boot';
import { clearLocationHash, createShareSession, readShareHash, sharedBoot } from './share';
import { localPersistence } from './persistence';
import { createExplorerStore, type ExplorerState } from './store';
import { currentAnalysis, remoteStore, startRemoteAnalysis, WORKER_MIN_ENTITIES, type RemoteState } from './remote';
import { loadSample } from './sample';
import type { AnalysisView } from '../analysis';

export * from './types';
export { createExplorerStore, selectionExists, type ExplorerState, type CommitResult } from './store';
export { analysisOf } from './analysis';
export { DATASETS, datasetById } from './datasets';
export { readableError } from './messages';

const persistence = localPersistence();
const workers = typeof Worker !== 'undefined';
/** A share link in the address (#v1.…) opens its graph as a preview; the saved work is untouched until it is kept. */
const shared = readShareHash(typeof location === 'undefined' ? '' : location.hash);
// Samples as large as the graphs analysed in the worker are generated there too (store/sample.ts).
const initial = shared && 'doc' in shared ? sharedBoot(shared.doc) : boot(persistence, typeof location === 'undefined' ? '' : location.search, (n) => workers && n >= WORKER_MIN_ENTITIES);

/** The one store of the running app. */
export const appStore = createExplorerStore(initial);
if (initial.notice && !initial.sample) appStore.getState().notify(initial.notice);
if (shared && 'error' in shared) appStore.getState().notify(shared.error, 'error');

/** Autosave of the working document (off for generated samples and while a shared graph is previewed). */
export const autosave = autosaveControl(appStore, persistence, initial.autosave);
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => autosave.flush());

/** The preview of a graph opened from a share link (Keep / Discard). */
export const shareSession = createShareSession({ store: appStore, persistence, autosave, clearHash: clearLocationHash }, !!shared && 'doc' in shared);

/** Clears the autosaved document (used by "reset"). */
export const clearSaved = () => persistence.clear();

/** Selects from the app store; re-renders when the selected value changes (Object.is). */
export function useStore<T>(selector: (s: ExplorerState) => T): T {
  return useZustand(appStore, selector);
}
useStore.getState = appStore.getState;

/** Large documents are analysed in a Web Worker (see remote.ts). */
const remote = workers ? startRemoteAnalysis(appStore) : null;
if (remote && initial.sample) void loadSample(appStore, initial.sample, remote.generate, initial.notice ?? '');

/** The current analysis (memoised; stable while doc, view and the worker's latest summary do not change). */
export function useAnalysis(): AnalysisView {
  const remote = useZustand(remoteStore);
  return useZustand(appStore, (s) => currentAnalysis(s, remote));
}

/** The worker's state: progress of the analysis in flight, last timing, errors. */
export function useRemote<T>(selector: (r: RemoteState) => T): T {
  return useZustand(remoteStore, selector);
}
