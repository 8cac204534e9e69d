// Notices that offer Undo ("NAVER Corporation and 7 holdings deleted — Undo"): the status line shows the button for
// the message this module posted last, and only while that message is the one shown.
import type { ExplorerStore } from '../../store';

const undoable = new WeakMap<ExplorerStore, number>();

/** Posts `text` as a notice with an Undo button. */
export function notifyUndoable(store: ExplorerStore, text: string) {
  store.getState().notify(text);
  undoable.set(store, store.getState().message?.seq ?? -1);
}

/** Whether the message with this sequence number offers Undo. */
export function offersUndo(store: ExplorerStore, seq: number): boolean {
  return undoable.get(store) === seq;
}
