// The status line under the workspace: refused edits and warnings (role=alert, with the reason) and notices
// (role=status), some with Undo or the actions they offer. Its height never changes, so a message never moves the graph.
import { useStoreApi, useStore } from '../store';
import { offersUndo } from './workspace/undoNotice';

export function Messages() {
  const appStore = useStoreApi();
  const message = useStore((s) => s.message);
  return (
    <div className="messages" aria-live="polite">
      {message && (
        <div className={`message ${message.kind}`} role={message.kind === 'notice' ? 'status' : 'alert'} data-testid={`message-${message.kind}`} key={message.seq}>
          <span title={message.text}>{message.kind === 'error' ? 'Refused: ' : ''}{message.text}</span>
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
