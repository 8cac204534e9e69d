// Entry point, the composition root: makes the one explorer (createApp), gives it to React, and in development and
// test builds only exposes a read-only hook for end-to-end tests and benchmarks.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { stats } from './canvas/stats';
import { createApp, type ExplorerApp } from './store';
import './ui/app.css';

declare global {
  interface Window {
    /** Read-only access for end-to-end tests and the benchmark (development and test builds only). */
    __explorer?: { getState: ExplorerApp['store']['getState']; stats: typeof stats; remote: ExplorerApp['remote']['getState'] };
  }
}

// Zod would try `new Function` to speed up parsing; the Content-Security-Policy forbids it (index.html), so it is told not to.
z.config({ jitless: true });
// The saved work is read (IndexedDB) before the first drawing, so the app never shows a graph it then replaces.
const app = await createApp();
// Vite replaces these constants at build time: a production build (mode "production") carries no hook at all.
if (import.meta.env.DEV || import.meta.env.MODE === 'test') window.__explorer = { getState: app.store.getState, stats, remote: app.remote.getState };
window.addEventListener('pagehide', () => void app.autosave.flush());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App app={app} />
  </StrictMode>,
);
