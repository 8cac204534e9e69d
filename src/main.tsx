// Entry point, the composition root: makes the one explorer (createApp), gives it to React, and in development and
// test builds only exposes a read-only hook for end-to-end tests and benchmarks.
import './csp';
import type { ExplorerApp } from './store';
import type { applyScenario as ApplyScenario } from './store/scenario';
import './ui/app.css';

declare global {
  interface Window {
    /** Read-only access for end-to-end tests and the benchmark (development and test builds only). */
    __explorer?: {
      getState: ExplorerApp['store']['getState'];
      stats: ExplorerApp['drawStats'];
      remote: ExplorerApp['remote']['getState'];
      /** Applies a scenario as the Simulate panel does (one undo step); the benchmark times it. */
      applyScenario(scenario: Parameters<typeof ApplyScenario>[1]): ReturnType<typeof ApplyScenario>;
    };
  }
}

// The app's modules load after csp.ts has configured Zod: a static import could be bundled into a chunk that runs first.
const [{ StrictMode, createElement }, { createRoot }, { App }, { createApp }] = await Promise.all([
  import('react'),
  import('react-dom/client'),
  import('./App'),
  import('./store'),
]);

// The saved work is read (IndexedDB) before the first drawing, so the app never shows a graph it then replaces.
const app = await createApp();
// Vite replaces these constants at build time: a production build (mode "production") carries no hook at all.
if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
  const { applyScenario } = await import('./store/scenario');
  window.__explorer = { getState: app.store.getState, stats: app.drawStats, remote: app.remote.getState, applyScenario: (s) => applyScenario(app.store, s) };
}
// Closing or reloading never loses an edit: work not yet written is journaled synchronously (store/journal.ts) and
// recovered at the next start; where it cannot be (no localStorage, or full), the browser asks before leaving.
window.addEventListener('beforeunload', (e) => {
  if (!app.autosave.unloading()) e.preventDefault();
});
window.addEventListener('pagehide', () => {
  app.autosave.unloading();
  void app.autosave.flush();
});

createRoot(document.getElementById('root')!).render(createElement(StrictMode, null, createElement(App, { app })));
