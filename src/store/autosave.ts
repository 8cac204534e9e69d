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
    stop() {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
