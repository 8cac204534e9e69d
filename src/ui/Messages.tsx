// The message bar: refused edits (role=alert, with the model's reason) and notices (role=status).
import { useStoreApi, useStore } from '../store';

export function Messages() {
  const appStore = useStoreApi();
  const message = useStore((s) => s.message);
  return (
    <div className="messages" aria-live="polite">
      {message && (
        <div className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid={`message-${message.kind}`} key={message.seq}>
          <span>{message.kind === 'error' ? 'Refused: ' : ''}{message.text}</span>
          <button type="button" onClick={() => appStore.getState().dismissMessage()} aria-label="Dismiss message">×</button>
        </div>
      )}
    </div>
  );
}
