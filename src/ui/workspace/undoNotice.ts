// Notices that offer Undo ("NAVER Corporation and 7 holdings deleted — Undo"): the status line shows the button for
// the message this module posted last, and only while that message is the one shown.
import { appStore } from '../../store';

let undoableSeq = -1;

/** Posts `text` as a notice with an Undo button. */
export function notifyUndoable(text: string) {
  appStore.getState().notify(text);
  undoableSeq = appStore.getState().message?.seq ?? -1;
}

/** Whether the message with this sequence number offers Undo. */
export function offersUndo(seq: number): boolean {
  return seq === undoableSeq;
}
