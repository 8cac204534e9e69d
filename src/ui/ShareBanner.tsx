// The banner over a graph opened from a share link: Keep (it becomes the working, autosaved graph) or Discard (back to
// the autosaved work). Also opens share links pasted into the address bar of an open tab (hashchange).
import { useEffect } from 'react';
import { useStore as useZustand } from 'zustand';
import { useApp } from '../store';
import { readShareHash } from '../store/share';

export function ShareBanner() {
  const { store: appStore, share: shareSession } = useApp();
  const active = useZustand(shareSession.state, (s) => s.active);

  useEffect(() => {
    const onHash = () => {
      const r = readShareHash(location.hash);
      if (!r) return;
      if ('error' in r) return appStore.getState().notify(r.error, 'error');
      shareSession.preview(r.doc);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [appStore, shareSession]);

  if (!active) return null;
  return (
    <section className="share-banner" aria-label="Shared graph">
      <p>
        <strong>You are looking at a shared graph.</strong> Your own work is saved separately and stays as it was; nothing here is saved until you keep it.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => shareSession.keep()}>Keep this graph</button>
        <button type="button" onClick={() => shareSession.discard()}>Discard</button>
      </div>
    </section>
  );
}
