// What the app adds once its first drawing is painted: the keyboard shortcuts and drag-and-drop of files. Neither
// is needed to show the graph, so their code loads after it (App.tsx).
import { DropZone } from './DropZone';
import { useShortcuts } from './useShortcuts';

export function Extras() {
  useShortcuts();
  return <DropZone />;
}
