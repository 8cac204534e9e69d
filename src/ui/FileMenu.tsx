// The File menu: open (hidden file input; drag-and-drop is DropZone), save, export image/BODS/CSV, share link.
// Ctrl+O opens, Ctrl+S saves. Arrow keys move through the open menu; Escape or a click elsewhere closes it.
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { today } from '../model';
import { useStore } from '../store';
import { useLazyFileActions } from './lazyFileActions';
import { useReport } from './useReport';
import type { ShareState } from './ShareDialog';
import './files.css';

/** The dialogs load when first opened. */
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** What the file picker offers (importFile also sniffs the content, so a renamed file still opens). */
export const OPEN_ACCEPT = '.json,.jsonl,.ndjson,.csv,.png,.html,.htm,.txt,application/json,application/x-ndjson,text/csv,image/png,text/html';

export function FileMenu() {
  const { openFiles, saveBods, saveFtm, saveCsv, saveDocument, makeShareLink } = useLazyFileActions();
  const [open, setOpen] = useState(false);
  const [imageOpen, setImageOpen] = useState(false);
  const [share, setShare] = useState<ShareState | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const date = useStore((s) => s.view.date ?? s.doc.asOf ?? today());
  const empty = useStore((s) => s.doc.entities.length === 0);
  const report = useReport();

  const pick = () => input.current?.click();
  const run = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const k = e.key.toLowerCase();
      if (k === 'o') {
        e.preventDefault();
        pick();
      } else if (k === 's') {
        e.preventDefault();
        void saveDocument();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onMenuKey = (e: ReactKeyboardEvent<HTMLUListElement>) => {
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('.file-menu-button')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div className="file-menu" ref={root}>
      <button type="button" className="file-menu-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        File ▾
      </button>
      {open && (
        <ul role="menu" aria-label="File" className="menu" onKeyDown={onMenuKey}>
          <li role="none"><button type="button" role="menuitem" onClick={run(pick)}>Open… <kbd>Ctrl+O</kbd></button></li>
          <li role="none" className="menu-hint">Also: drop a file anywhere. Reads .ownership.json, BODS 0.4, FollowTheMoney JSON lines, CSV, and PNGs from this app.</li>
          <li role="none"><button type="button" role="menuitem" onClick={run(saveDocument)}>Save as .ownership.json <kbd>Ctrl+S</kbd></button></li>
          <li role="separator" />
          <li role="none"><button type="button" role="menuitem" disabled={empty} onClick={run(() => setImageOpen(true))}>Export image or diagram (PNG, SVG, draw.io, GraphML)…</button></li>
          <li role="none"><button type="button" role="menuitem" disabled={empty} onClick={run(report.run)}>Export report (HTML) of {report.what}</button></li>
          <li role="none"><button type="button" role="menuitem" onClick={run(() => saveBods(date))}>Export BODS 0.4 JSON (as of {date})</button></li>
          <li role="none"><button type="button" role="menuitem" onClick={run(saveFtm)}>Export FollowTheMoney (.ftm.jsonl)</button></li>
          <li role="none"><button type="button" role="menuitem" onClick={run(() => saveCsv(date))}>Export holdings CSV (as of {date})</button></li>
          <li role="separator" />
          <li role="none">
            <button type="button" role="menuitem" onClick={run(() => void makeShareLink().then(setShare))}>Share link…</button>
          </li>
        </ul>
      )}
      <input
        ref={input}
        type="file"
        accept={OPEN_ACCEPT}
        hidden
        data-testid="open-file"
        aria-label="Open a graph file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // so that choosing the same file again opens it again
          void openFiles(files);
        }}
      />
      <Suspense fallback={null}>
        {imageOpen && <ExportDialog onClose={() => setImageOpen(false)} />}
        {share && <ShareDialog share={share} onClose={() => setShare(null)} />}
      </Suspense>
    </div>
  );
}
