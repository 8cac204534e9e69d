// Share links: the document compressed into the URL fragment (never sent anywhere). Opening one previews the shared
// graph with autosave paused, so the saved work is untouched until the user keeps the graph or discards it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { decodeShareFragment, encodeShareFragment, MAX_SHARE_LINK_CHARS } from '../io/shareLink';
import type { OwnershipDoc } from '../model';
import type { AutosaveControl } from './autosave';
import { boot, type Boot } from './boot';
import type { Persistence } from './persistence';
import type { ExplorerState } from './store';

/** Whether a URL fragment claims to be a share link ("#v1.…"); other fragments are left alone. */
export function isShareHash(hash: string): boolean {
  return /^#?v\d+\./.test(hash);
}

/** The shared document in `hash`, an error saying why it cannot be opened, or null when the fragment is not a share link. */
export function readShareHash(hash: string): { doc: OwnershipDoc } | { error: string } | null {
  if (!isShareHash(hash)) return null;
  try {
    return { doc: decodeShareFragment(hash) };
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^io\/share:\s*/, '') : String(e);
    return { error: `The share link could not be opened: ${why}. Your own graph is shown instead, unchanged.` };
  }
}

/** How the app starts from a share link: the shared graph, autosave off until it is kept. */
export function sharedBoot(doc: OwnershipDoc): Boot {
  return { doc, datasetId: 'imported', autosave: false };
}

/** A share link to `doc` at `base` (the app's address without fragment), or why there is none. */
export function shareLink(doc: OwnershipDoc, base: string): { ok: true; url: string } | { ok: false; error: string } {
  const fragment = encodeShareFragment(doc);
  if (fragment.length > MAX_SHARE_LINK_CHARS) {
    return {
      ok: false,
      error: `This graph is too large for a share link (${fragment.length.toLocaleString('en')} characters; a link holds at most ${MAX_SHARE_LINK_CHARS.toLocaleString('en')}). Save it as a file (File → Save) or export a PNG, and send that instead.`,
    };
  }
  return { ok: true, url: `${base.replace(/#.*$/, '')}#${fragment}` };
}

export interface ShareDeps {
  store: StoreApi<ExplorerState>;
  persistence: Persistence;
  autosave: AutosaveControl;
  /** Removes the share fragment from the address bar (so a reload shows the working graph). */
  clearHash(): void;
}

export interface ShareSession {
  /** `active` while a shared graph is shown and not yet kept or discarded. */
  state: StoreApi<{ active: boolean }>;
  /** Shows a shared document without touching the saved work: pending edits are saved first, then autosave pauses. */
  preview(doc: OwnershipDoc): void;
  /** The shared graph becomes the working document; autosave resumes and writes it at once. */
  keep(): void;
  /** Back to the autosaved work (or the default dataset when nothing was saved); autosave resumes. */
  discard(): void;
}

/** The share-link preview over the app store; `active` when the app started from a share link. */
export function createShareSession(deps: ShareDeps, active = false): ShareSession {
  const state = createStore<{ active: boolean }>()(() => ({ active }));
  const st = deps.store.getState;
  return {
    state,
    preview(doc) {
      deps.autosave.pause();
      st().loadDoc(doc, 'imported');
      state.setState({ active: true });
    },
    keep() {
      if (!state.getState().active) return;
      state.setState({ active: false });
      deps.clearHash();
      deps.autosave.saveNow();
      st().notify('The shared graph is now your working graph, and is autosaved.');
    },
    discard() {
      if (!state.getState().active) return;
      state.setState({ active: false });
      deps.clearHash();
      const saved: Boot = boot(deps.persistence, '');
      st().loadDoc(saved.doc, saved.datasetId);
      if (saved.view) st().setView(saved.view);
      deps.autosave.resume();
      st().notify(saved.notice ?? 'The shared graph was discarded: this is your own work, as it was saved.');
    },
  };
}

/** Removes the fragment from the address bar without a reload or a history entry. */
export function clearLocationHash(): void {
  if (typeof location === 'undefined' || !location.hash) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}
