// The banner over a graph opened from a share link: Keep (it becomes the working, autosaved graph) or Discard (back to
// the autosaved work). Also opens share links pasted into the address bar of an open tab (hashchange).
import { useEffect, useState } from 'react';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { useStore as useZustand } from 'zustand';
import { useApp } from '../store';
import { isShareHash } from '../store/share';
import { BACKUPS_KEPT } from '../store/persistence';

export function ShareBanner() {
  const { store: appStore, share: shareSession } = useApp();
  const active = useZustand(shareSession.state, (s) => s.active);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  useEffect(() => {
    const onHash = async () => {
      if (!isShareHash(location.hash)) return;
      const r = (await import('../store/shareLinks')).readShareHash(location.hash);
      if (!r) return;
      if ('error' in r) return appStore.getState().notify(r.error, 'error');
      void shareSession.preview(r.doc);
    };
    const listener = () => void onHash();
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, [appStore, shareSession]);

  if (!active) return null;
  return (
    <section className="share-banner" aria-label="Shared graph">
      <p>
        <strong>You are looking at a shared graph.</strong> Your own work is saved separately and stays as it was; nothing here is saved until you keep it.
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            setConfirm({
              title: 'Keep the shared graph?',
              body: `It becomes your working graph and replaces the one you were working on (and any imported graph saved before, which is kept as a backup; this browser keeps the newest ${BACKUPS_KEPT} backups of each graph). Undo goes back to your own graph.`,
              confirmLabel: 'Keep it',
              onConfirm: () => void shareSession.keep(),
            })
          }
        >
          Keep this graph
        </button>
        <button type="button" onClick={() => void shareSession.discard()}>Discard</button>
      </div>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
