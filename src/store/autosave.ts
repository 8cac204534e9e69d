// Debounced autosave: writes the working document (and view) whenever it changes; reports when it cannot.
import type { StoreApi } from 'zustand/vanilla';
import type { Persistence } from './persistence';
import type { ExplorerState } from './store';

/** Starts autosaving `store` into `persistence`; returns { flush, stop }. */
export function startAutosave(store: StoreApi<ExplorerState>, persistence: Persistence, delay = 300) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failed = false;
  const write = () => {
    timer = null;
    const { doc, datasetId, view } = store.getState();
    try {
      persistence.save({ doc, datasetId, view: { rule: view.rule, threshold: view.threshold, layers: view.layers } });
      failed = false;
    } catch {
      if (!failed) store.getState().notify('This graph is too large to autosave in this browser: export it to keep your changes.', 'notice');
      failed = true;
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const v = s.view, pv = prev.view;
    if (s.doc === prev.doc && s.datasetId === prev.datasetId && v.rule === pv.rule && v.threshold === pv.threshold && v.layers === pv.layers) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, delay);
  });
  return {
    /** Writes now if a save is pending. */
    flush() {
      if (timer) {
        clearTimeout(timer);
        write();
      }
    },
    /** Writes now, whether or not a save is pending. */
    saveNow() {
      if (timer) clearTimeout(timer);
      write();
    },
    stop() {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}

/** Autosave that can be paused (while a shared link is previewed, so the saved work stays as it was) and resumed. */
export interface AutosaveControl {
  readonly running: boolean;
  /** Writes now if a save is pending. */
  flush(): void;
  /** Writes what is pending, then stops saving. */
  pause(): void;
  resume(): void;
  /** Resumes and writes the working document at once. */
  saveNow(): void;
}

/** An AutosaveControl over `store`, saving from the start when `on`. */
export function autosaveControl(store: StoreApi<ExplorerState>, persistence: Persistence, on: boolean, delay = 300): AutosaveControl {
  let running = on ? startAutosave(store, persistence, delay) : null;
  const resume = () => (running ??= startAutosave(store, persistence, delay));
  return {
    get running() {
      return running !== null;
    },
    flush: () => running?.flush(),
    pause() {
      running?.flush();
      running?.stop();
      running = null;
    },
    resume() {
      resume();
    },
    saveNow: () => resume().saveNow(),
  };
}
