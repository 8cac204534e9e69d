// Opening a file into the store: decided by io/open.ts (or the same function in a worker), loaded as one undoable
// step on success, one clear message either way. The document in the app is untouched by any refused file.
import { checkFileSize, decideOpen, type Decide, type FileLike, type OpenDecision } from '../io/open';
import type { ExplorerStore } from './store';

const UNCHANGED = 'The graph in the app is unchanged.';

/**
 * Opens `file` into `store`: refuses it before reading when too large, otherwise imports it whole and loads it as
 * one undoable step. Either way the user gets one message; a refused file leaves the document exactly as it was.
 */
export async function openFile(store: ExplorerStore, file: FileLike, decide: Decide = decideOpen): Promise<OpenDecision> {
  const st = store.getState;
  const fail = (error: string): OpenDecision => {
    st().notify(error, 'error');
    return { ok: false, error };
  };
  const tooBig = checkFileSize(file.name, file.size);
  if (tooBig) return fail(tooBig);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail(`"${file.name}" could not be read (it may have been moved or deleted) — choose it again. ${UNCHANGED}`);
  }
  const d = await decide(bytes, file.name, { date: st().view.date ?? undefined });
  if (!d.ok) return fail(d.error);
  st().loadDoc(d.doc, 'imported', 'import');
  st().notify(d.notice);
  return d;
}
