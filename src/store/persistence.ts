// Where the working document is saved between visits: localStorage in the browser, memory in tests.
import type { OwnershipDoc } from '../model';
import type { DatasetId, View } from './types';

/** What autosave writes and the next visit reads back. */
export interface Saved {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  view?: Partial<View>;
}

/** A place to keep the working document; `save` throws when it cannot (e.g. over quota). */
export interface Persistence {
  load(): unknown | null;
  save(saved: Saved): void;
  clear(): void;
}

export const STORAGE_KEY = 'ownership-explorer:working';

/** localStorage persistence; a no-op where localStorage does not exist (Node). */
export function localPersistence(key = STORAGE_KEY): Persistence {
  const ls = typeof localStorage === 'undefined' ? null : localStorage;
  return {
    load() {
      const text = ls?.getItem(key);
      if (!text) return null;
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    },
    save(saved) {
      ls?.setItem(key, JSON.stringify(saved));
    },
    clear() {
      ls?.removeItem(key);
    },
  };
}

/** In-memory persistence for tests: `data` holds what was last saved. */
export function memoryPersistence(initial: Saved | null = null): Persistence & { data: Saved | null; saves: number } {
  const p = {
    data: initial as Saved | null,
    saves: 0,
    load: () => (p.data ? JSON.parse(JSON.stringify(p.data)) : null),
    save: (s: Saved) => {
      p.saves++;
      p.data = JSON.parse(JSON.stringify(s));
    },
    clear: () => {
      p.data = null;
    },
  };
  return p;
}
