// The composition root's parts: one explorer — its store, autosave, share-link preview and analysis worker — made
// from its environment by createApp(). Nothing here runs on import; main.tsx calls createApp() once.
import type { StoreApi } from 'zustand/vanilla';
import { autosaveControl, type AutosaveControl } from './autosave';
import { boot } from './boot';
import { localPersistence, type Persistence } from './persistence';
import { createRemoteState, startRemoteAnalysis, WORKER_MIN_ENTITIES, type RemoteAnalysis, type RemoteState } from './remote';
import { loadSample } from './sample';
import { clearLocationHash, createShareSession, readShareHash, sharedBoot, type ShareSession } from './share';
import { createExplorerStore, type ExplorerStore } from './store';

/** Where an explorer runs: its address, its storage, whether it may start workers. */
export interface AppEnv {
  search: string;
  hash: string;
  persistence: Persistence;
  workers: boolean;
  /** Removes the share fragment from the address bar. */
  clearHash(): void;
}

/** One running explorer. */
export interface ExplorerApp {
  store: ExplorerStore;
  /** The analysis worker's state (idle when there is no worker). */
  remote: StoreApi<RemoteState>;
  autosave: AutosaveControl;
  share: ShareSession;
  /** Clears the autosaved document. */
  clearSaved(): void;
  /** Stops autosave and the worker. */
  stop(): void;
}

/** The environment of the page this runs in. */
export function browserEnv(): AppEnv {
  return {
    search: location.search,
    hash: location.hash,
    persistence: localPersistence(),
    workers: typeof Worker !== 'undefined',
    clearHash: clearLocationHash,
  };
}

/** Makes an explorer: the first document (share link, sample, autosave or bundled), its store and what runs beside it. */
export function createApp(env: AppEnv = browserEnv()): ExplorerApp {
  const { persistence } = env;
  // A share link in the address (#v1.…) opens its graph as a preview; the saved work is untouched until it is kept.
  const shared = readShareHash(env.hash);
  // Samples as large as the graphs analysed in the worker are generated there too (sample.ts).
  const initial = shared && 'doc' in shared ? sharedBoot(shared.doc) : boot(persistence, env.search, (n) => env.workers && n >= WORKER_MIN_ENTITIES);
  const store = createExplorerStore(initial);
  if (initial.notice && !initial.sample) store.getState().notify(initial.notice);
  if (shared && 'error' in shared) store.getState().notify(shared.error, 'error');
  const autosave = autosaveControl(store, persistence, initial.autosave);
  const share = createShareSession({ store, persistence, autosave, clearHash: env.clearHash }, !!shared && 'doc' in shared);
  const worker: RemoteAnalysis | null = env.workers ? startRemoteAnalysis(store) : null;
  if (worker && initial.sample) void loadSample(store, initial.sample, worker.generate, initial.notice ?? '');
  return {
    store,
    remote: worker?.state ?? createRemoteState(),
    autosave,
    share,
    clearSaved: () => persistence.clear(),
    stop() {
      autosave.pause();
      worker?.stop();
    },
  };
}
