// Drag-and-drop anywhere on the app opens the dropped file (the same path as File → Open); an overlay says so while
// a file is dragged over the page. Drags that carry no files (text, links) are left to the browser.
import { useEffect, useState } from 'react';
import { useLazyFileActions } from './lazyFileActions';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

export function DropZone() {
  const { openFiles } = useLazyFileActions();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const hover = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // allows the drop (and stops the browser from navigating to the file)
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      void openFiles([...e.dataTransfer!.files]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', hover);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', hover);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-overlay" role="status">
      <div>
        <strong>Drop to open</strong>
        <span>An .ownership.json file, BODS 0.4 JSON, FollowTheMoney JSON lines, a CSV edge list (holder,subject,shares), or a PNG exported from this app. Undo goes back.</span>
      </div>
    </div>
  );
}
