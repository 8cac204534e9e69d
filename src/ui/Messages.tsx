// The status line under the workspace: refused edits and warnings (role=alert, with the reason) and notices
// (role=status), some with Undo or the actions they offer. Its height never changes, so a message never moves the graph;
// a message too long for the line offers "More", which unfolds the whole text upward over the canvas (never pushing it).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStoreApi, useStore } from '../store';
import { offersUndo } from './workspace/undoNotice';

/** Whether the one-line text is cut (measured while folded, again whenever its box changes size). */
function useCut(el: React.RefObject<HTMLElement | null>, folded: boolean, text: string | undefined): boolean {
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const node = el.current;
    if (!node || !folded) return;
    const measure = () => setCut(node.scrollWidth > node.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(node);
    return () => ro.disconnect();
  }, [el, folded, text]);
  return cut;
}

export function Messages() {
  const appStore = useStoreApi();
  const message = useStore((s) => s.message);
  const [open, setOpen] = useState(false);
  const textRef = useRef<HTMLSpanElement>(null);
  const cut = useCut(textRef, !open, message?.text);
  // A new message starts folded.
  useEffect(() => setOpen(false), [message?.seq]);
  return (
    <div className="messages" aria-live="polite">
      {message && (
        <div
          className={`message ${message.kind}${open ? ' unfolded' : ''}`}
          role={message.kind === 'notice' ? 'status' : 'alert'}
          data-testid={`message-${message.kind}`}
          key={message.seq}
          onKeyDown={(e) => { if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false); } }}
        >
          <span ref={textRef} id={`message-text-${message.seq}`} className={cut || open ? 'foldable' : undefined} title={cut && !open ? message.text : undefined} onClick={() => (cut || open) && setOpen(!open)}>
            {message.kind === 'error' ? 'Refused: ' : ''}{message.text}
          </span>
          {(cut || open) && (
            <button type="button" className="more" aria-expanded={open} aria-controls={`message-text-${message.seq}`} onClick={() => setOpen(!open)}>
              {open ? 'Less' : 'More'}
            </button>
          )}
          {message.actions?.map((a) => (
            <button type="button" className="action" key={a.label} onClick={() => a.run()}>{a.label}</button>
          ))}
          {offersUndo(appStore, message.seq) && (
            <button type="button" className="undo" onClick={() => { appStore.getState().undo(); appStore.getState().dismissMessage(); }}>Undo</button>
          )}
          <button type="button" onClick={() => appStore.getState().dismissMessage()} aria-label="Dismiss message">×</button>
        </div>
      )}
    </div>
  );
}
