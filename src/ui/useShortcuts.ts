// Global keyboard shortcuts: undo/redo, Delete for the selection, Escape to clear a lit path, leave modes and clear the selection.
import { useEffect } from 'react';
import { useStoreApi } from '../store';
import { useSimViewApi } from '../store/simView';
import { deleteSelection } from './workspace/deleteSelection';

/** Whether the key event comes from a field with an uncommitted edit (its own undo and Delete apply there). */
function inEditableField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement) return true;
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type);
}

export function useShortcuts() {
  const appStore = useStoreApi();
  const simView = useSimViewApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const st = appStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const editing = inEditableField(e.target);
      const dirty = e.target instanceof HTMLElement && e.target.dataset.dirty === 'true';
      if (mod && (k === 'z' || k === 'y')) {
        if (editing && dirty) return;
        e.preventDefault();
        if (k === 'y' || e.shiftKey) st.redo();
        else st.undo();
        return;
      }
      if (editing || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        if (st.selection && !(e.target instanceof HTMLButtonElement && e.key === 'Backspace')) {
          e.preventDefault();
          deleteSelection(appStore);
        }
      } else if (e.key === 'Escape') {
        if (document.querySelector('dialog[open]')) return;
        // One thing at a time: a lit path first, then link mode, then the selection.
        if (simView.getState().lit) simView.getState().set({ lit: null });
        else if (st.view.linkMode) st.setView({ linkMode: false });
        else st.select(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
