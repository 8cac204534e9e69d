// The message bar: refused edits and warnings (role=alert) and notices (role=status), with the actions they offer.
import { useStoreApi, useStore } from '../store';

export function Messages() {
  const appStore = useStoreApi();
  const message = useStore((s) => s.message);
  return (
    <div className="messages" aria-live="polite">
      {message && (
        <div className={`message ${message.kind}`} role={message.kind === 'notice' ? 'status' : 'alert'} data-testid={`message-${message.kind}`} key={message.seq}>
          <span>{message.kind === 'error' ? 'Refused: ' : ''}{message.text}</span>
          {message.actions?.map((a) => (
            <button type="button" className="action" key={a.label} onClick={() => a.run()}>{a.label}</button>
          ))}
          <button type="button" onClick={() => appStore.getState().dismissMessage()} aria-label="Dismiss message">×</button>
        </div>
      )}
    </div>
  );
}
