// Entry point: mounts the app under StrictMode and exposes a read-only hook for tests and benchmarks.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { stats } from './canvas/stats';
import { appStore } from './store';
import { remoteStore } from './store/remote';
import './ui/app.css';

declare global {
  interface Window {
    /** Read-only access for end-to-end tests and the benchmark. */
    __explorer?: { getState: typeof appStore.getState; stats: typeof stats; remote: typeof remoteStore.getState };
  }
}
window.__explorer = { getState: appStore.getState, stats, remote: remoteStore.getState };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
