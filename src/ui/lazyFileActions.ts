// The File menu's actions (fileActions.ts) for the menu, the shortcuts and drag-and-drop, loaded on first use: the
// first drawing needs none of them. Each action waits for the module, then runs as fileActions says.
import { useMemo } from 'react';
import type { FileLike } from '../io/open';
import { useStoreApi } from '../store';

/** The file actions of this explorer, each loading fileActions.ts first (once). */
export function useLazyFileActions() {
  const store = useStoreApi();
  return useMemo(() => {
    const load = () => import('./fileActions').then((m) => m.fileActions(store));
    return {
      openFiles: async (files: FileLike[]) => (await load()).openFiles(files),
      saveDocument: async () => (await load()).saveDocument(),
      saveBods: async (date: string) => (await load()).saveBods(date),
      saveFtm: async () => (await load()).saveFtm(),
      saveCsv: async (date: string) => (await load()).saveCsv(date),
      makeShareLink: async () => (await load()).makeShareLink(),
    };
  }, [store]);
}
