// Opening a file into the store: decided by io/open.ts (or the same function in a worker), loaded as one undoable
// step on success, one clear message either way. The document in the app is untouched by any refused file.
import { checkFileSize, decideWhole, type Decide, type FileLike, type OpenDecision } from '../io/open';
import type { ExplorerStore } from './store';

/**
 * Opens `file` into `store`: refuses it before reading when too large (io/open checkFileSize: a format read as it
 * streams may be larger than one read whole), otherwise imports it whole and loads it as one undoable step. Either way
 * the user gets one message (a cancelled open says so, not as an error); a refused file leaves the document exactly
 * as it was.
 */
export async function openFile(store: ExplorerStore, file: FileLike, decide: Decide = decideWhole): Promise<OpenDecision> {
  const st = store.getState;
  const fail = (d: Extract<OpenDecision, { ok: false }>): OpenDecision => {
    st().notify(d.error, d.cancelled ? 'notice' : 'error');
    return d;
  };
  const tooBig = checkFileSize(file.name, file.size);
  if (tooBig) return fail({ ok: false, error: tooBig });
  const d = await decide(file, { date: st().view.date ?? undefined });
  if (!d.ok) return fail(d);
  st().loadDoc(d.doc, 'imported', 'import');
  st().notify(d.notice);
  return d;
}
