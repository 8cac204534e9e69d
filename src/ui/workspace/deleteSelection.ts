// Deleting the selection says what went with it ("NAVER Corporation and 7 holdings deleted") and offers Undo, so a
// delete that takes holdings, agreements or dependencies along is never silent.
import type { ExplorerStore } from '../../store';
import type { OwnershipDoc } from '../../model';
import { notifyUndoable } from './undoNotice';

const LISTS = [
  ['holdings', 'holding'],
  ['agreements', 'agreement'],
  ['dependencies', 'dependency'],
  ['relations', 'relation'],
] as const;

const plural = (n: number, word: string) => `${n} ${word === 'dependency' ? (n === 1 ? word : 'dependencies') : n === 1 ? word : `${word}s`}`;

/** "NAVER Corporation and 7 holdings deleted.", "A, 2 holdings and 1 dependency deleted." */
export function deletionText(name: string, before: OwnershipDoc, after: OwnershipDoc, removedKind: string): string {
  const parts = [name];
  for (const [list, word] of LISTS) {
    const a = (before as unknown as Record<string, unknown[] | undefined>)[list]?.length ?? 0;
    const b = (after as unknown as Record<string, unknown[] | undefined>)[list]?.length ?? 0;
    const gone = a - b - (word === removedKind ? 1 : 0);
    if (gone > 0) parts.push(plural(gone, word));
  }
  const words = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${words} deleted.`;
}

/** Deletes the selection and posts what went with it, with Undo. */
export function deleteSelection(store: ExplorerStore) {
  const st = store.getState();
  const sel = st.selection;
  if (!sel) return;
  const before = st.doc;
  const many = sel.kind === 'entity' && st.others.length > 0;
  const name = many ? `${st.others.length + 1} entities` : sel.kind === 'entity' ? (before.entities.find((e) => e.id === sel.id)?.name ?? sel.id) : `The ${sel.kind}`;
  const r = st.removeSelected();
  if (!r.ok) return;
  notifyUndoable(store, deletionText(name, before, store.getState().doc, sel.kind));
}
