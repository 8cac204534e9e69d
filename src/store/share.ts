// Share links: the document compressed into the URL fragment (never sent anywhere). Opening one previews the shared
// graph with autosave paused, so the saved work is untouched until the user keeps the graph or discards it. Reading and
// making links (compression: fflate) is in shareLinks.ts, loaded only when a link is opened or made.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OwnershipDoc } from '../model';
import type { AutosaveControl } from './autosave';
import { boot, type Boot } from './boot';
import { BACKUPS_KEPT, type Persistence } from './persistence';
import type { ExplorerStore } from './store';
import type { DatasetId, View } from './types';
import { scenarioMark, type ScenarioMark } from './simState';

/** Whether a URL fragment claims to be a share link ("#v2.…", or "#v1.…" from before checksums); other fragments are left alone. */
export function isShareHash(hash: string): boolean {
  return /^#?v\d+\./.test(hash);
}

/** How the app starts from a share link: the shared graph, autosave off until it is kept. */
export function sharedBoot(doc: OwnershipDoc): Boot {
  return { doc, datasetId: 'imported' };
}

export interface ShareDeps {
  store: ExplorerStore;
  persistence: Persistence;
  autosave: AutosaveControl;
  /** Removes the share fragment from the address bar (so a reload shows the working graph). */
  clearHash(): void;
  /** Offers the text of a backup as a download. */
  download(text: string, name: string): void;
}

export interface ShareSession {
  /** `active` while a shared graph is shown and not yet kept or discarded. */
  state: StoreApi<{ active: boolean }>;
  /** Shows a shared document without touching the saved work: pending edits are saved first, then autosave pauses. */
  preview(doc: OwnershipDoc): Promise<void>;
  /**
   * The shared graph becomes the working graph as one undoable step on top of the user's own work; autosave resumes.
   * Saved imported work it replaces is first copied to a backup.
   */
  keep(): Promise<void>;
  /** Back to the user's own work (as it was before the preview, else as saved); autosave resumes. */
  discard(): Promise<void>;
}

/** The user's own work: what was on screen before a preview, else what is saved. */
interface Own {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  view?: Partial<View>;
  rev?: number;
  /** The scenario it showed over its base: it comes back still shown, with Back to base. */
  scenario?: ScenarioMark;
  notice?: string;
}

/** The share-link preview over the app store; `active` when the app started from a share link. */
export function createShareSession(deps: ShareDeps, active = false): ShareSession {
  const state = createStore<{ active: boolean }>()(() => ({ active }));
  const st = deps.store.getState;
  let own: Own | null = null;
  let shared: OwnershipDoc | null = active ? st().doc : null;
  const ownWork = async (): Promise<Own> => {
    if (own) return own;
    const b = await boot(deps.persistence);
    return { doc: b.doc, datasetId: b.datasetId, view: b.view, rev: b.rev, ...(b.scenario ? { scenario: b.scenario } : {}), notice: b.unreadable ? `Your saved graph could not be read (${b.unreadable.why}); the bundled dataset is shown.` : undefined };
  };
  /** Set while the session itself loads a document, so that only other loads end the preview. */
  let loading = false;
  const load = (doc: OwnershipDoc, datasetId: DatasetId, action: 'sharePreview' | 'shareKeep' = 'sharePreview', opts?: { scenario: ScenarioMark; date: string | null }) => {
    loading = true;
    try {
      st().loadDoc(doc, datasetId, action, opts);
    } finally {
      loading = false;
    }
  };
  // Another document opened while previewing (a dataset, a sample, a file) ends the preview: the user left the shared
  // graph, and what they do next is saved as usual (their own work was saved when the preview began).
  deps.store.subscribe((s, prev) => {
    if (loading || s.loads === prev.loads || !state.getState().active) return;
    state.setState({ active: false });
    deps.clearHash();
    own = null;
    shared = null;
    deps.autosave.resume();
  });
  const restore = (o: Own) => {
    load(o.doc, o.datasetId, 'sharePreview', o.scenario ? { scenario: o.scenario, date: o.view?.date ?? null } : undefined);
    if (o.view) st().setView(o.view);
    if (o.rev !== undefined) deps.autosave.opened(o.datasetId, o.rev);
  };
  return {
    state,
    async preview(doc) {
      if (!state.getState().active) {
        await deps.autosave.pause();
        const s = st();
        const scenario = scenarioMark(s.sim);
        own = { doc: s.doc, datasetId: s.datasetId, view: { rule: s.view.rule, threshold: s.view.threshold, date: s.view.date, layers: s.view.layers }, ...(scenario ? { scenario } : {}) };
      }
      shared = doc;
      load(doc, 'imported');
      state.setState({ active: true });
    },
    async keep() {
      if (!state.getState().active || !shared) return;
      const doc = st().doc; // the shared graph with any edits made while previewing it
      const mine = await ownWork();
      // Imported work saved before is replaced by the kept graph: a copy stays in the browser, and can be downloaded.
      const backup = await deps.persistence.backup('imported').catch(() => null);
      state.setState({ active: false });
      deps.clearHash();
      restore(mine);
      load(doc, 'imported', 'shareKeep');
      deps.autosave.adopt('imported');
      await deps.autosave.saveNow();
      const title = mine.doc.title ? `"${mine.doc.title}"` : 'your own graph';
      st().notify(
        `The shared graph is now your working graph, and is autosaved. Undo goes back to ${title}.${backup ? ` The imported graph saved before was kept as a backup (the newest ${BACKUPS_KEPT} of each graph are kept).` : ''}`,
        'notice',
        backup ? [{ label: 'Download the replaced graph', run: () => void deps.persistence.backupText(backup).then((t) => t && deps.download(t, 'replaced-graph-backup.json')) }] : [],
      );
      own = null;
      shared = null;
    },
    async discard() {
      if (!state.getState().active) return;
      state.setState({ active: false });
      deps.clearHash();
      const mine = await ownWork();
      restore(mine);
      deps.autosave.resume();
      st().notify(mine.notice ?? 'The shared graph was discarded: this is your own work, as it was.');
      own = null;
      shared = null;
    },
  };
}

/** Removes the fragment from the address bar without a reload or a history entry. */
export function clearLocationHash(): void {
  if (typeof location === 'undefined' || !location.hash) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}
