// The share-link dialog: the link (the whole graph in its fragment; nothing is uploaded), copied to the clipboard
// when the browser allows, and always shown in a field to copy by hand.
import { useEffect, useRef, useState } from 'react';

/** A link being shared: its URL and whether copying it to the clipboard worked. */
export interface ShareState {
  url: string;
  /** Said when the link is long enough for some apps to cut it. */
  warning?: string;
  copied: Promise<boolean>;
}

export function ShareDialog({ share, onClose }: { share: ShareState | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (share && !d.open) d.showModal();
    if (!share && d.open) d.close();
    if (!share) return;
    let live = true;
    setCopied(null);
    void share.copied.then((ok) => live && setCopied(ok));
    field.current?.select();
    return () => {
      live = false;
    };
  }, [share]);

  const copyAgain = () => {
    field.current?.select();
    if (!share) return;
    const p = navigator.clipboard?.writeText ? navigator.clipboard.writeText(share.url).then(() => true, () => false) : Promise.resolve(false);
    void p.then(setCopied);
  };

  return (
    <dialog ref={ref} className="confirm share-dialog" aria-labelledby="share-title" onClose={onClose} onCancel={onClose}>
      {share && (
        <form method="dialog" onSubmit={(e) => e.preventDefault()}>
          <h2 id="share-title">Share link</h2>
          <p className="small-text">
            The whole graph is inside this link (after the <code>#</code>), compressed. Nothing is uploaded: whoever opens the link sees this graph, and their own work stays as it was until they choose to keep it.
          </p>
          {share.warning && <p className="warning" role="alert" data-testid="share-warning">{share.warning}</p>}
          <input ref={field} className="share-url" readOnly value={share.url} aria-label="Share link" onFocus={(e) => e.target.select()} />
          <p className="small-text" role="status" data-testid="share-status">
            {copied === null ? '' : copied ? 'Copied to the clipboard.' : 'Copy the link from the field above (this browser did not allow copying it for you).'}
          </p>
          <div className="actions">
            <button type="button" onClick={copyAgain}>Copy</button>
            <button type="button" className="primary" onClick={onClose} autoFocus>Done</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
