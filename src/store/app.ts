// The composition root's parts: one explorer — its store, autosave, share-link preview and analysis worker — made
// from its environment by createApp(). Nothing here runs on import; main.tsx calls createApp() once.
import type { StoreApi } from 'zustand/vanilla';
import { serializeDoc } from '../io/native';
import { prepareEditLookups } from '../model/docIndex';
import { browserChannel, createAutosave, type AutosaveControl, type TabChannel } from './autosave';
import { boot, bootFrom, sampleRequest, type Boot } from './boot';
import { datasetById } from './datasets';
import { storageJournal, type Journal } from './journal';
import { browserKv, localStorageKv, type KV } from './kv';
import { createPersistence, type Persistence, type SlotRead } from './persistence';
import { createRemoteState, startRemoteAnalysis, WORKER_MIN_ENTITIES, type RemoteAnalysis, type RemoteState } from './remote';
import { loadSample } from './sample';
import { clearLocationHash, createShareSession, isShareHash, sharedBoot, type ShareSession } from './share';
import { createSimView, type SimViewPrefs, type SimViewStore } from './simView';
import { createExplorerStore, type ExplorerStore } from './store';
import type { DatasetId } from './types';
import { createWorkspace, type WorkspaceStore } from './workspace';
import { createDiffs, type Diffs } from './diffs';
import { createCanvasHandle, type CanvasHandle } from './canvasHandle';
import { createDrawStats, type DrawStats } from './drawStats';
import { startAutoLayout, type AutoLayout } from './autoLayout';
import { AnalysisWorker } from '../worker/client';

/** Where an explorer runs: its address, its storage, whether it may start workers, how it talks to other tabs. */
export interface AppEnv {
  search: string;
  hash: string;
  kv: KV;
  /** Where older versions saved (localStorage "ownership-explorer:working"). */
  legacy?: KV | null;
  /** Where work not yet saved when the page closes is written synchronously (journal.ts); absent: nowhere. */
  journal?: Journal | null;
  workers: boolean;
  /** Makes a Web Worker running the analysis (default: src/worker/analysis.worker.ts); only called when `workers`. */
  worker?: () => Worker;
  channel?: TabChannel | null;
  /** Removes the share fragment from the address bar. */
  clearHash(): void;
  /** Removes ?sample=… from the address bar, so a reload opens the user's work. */
  clearSearch(): void;
  /** Offers `text` as a file to download. */
  download(text: string, name: string, type?: string): void;
  /** Said at start when autosave cannot use IndexedDB (kv.ts chooseKv). */
  storageNotice?: string;
  /**
   * Where the Simulate panel's open/closed choice and the workspace (docks, widths, legend) are remembered, and the
   * window's width when the explorer starts (absent: no storage, wide).
   */
  simPrefs?: SimViewPrefs;
  /** Runs `f` when the page is idle (default: requestIdleCallback, else a timeout). */
  idle?: (f: () => void) => void;
}

/** One running explorer. */
export interface ExplorerApp {
  store: ExplorerStore;
  /** The Simulate panel's view state (open, tab, preview, compare, lens). */
  simView: SimViewStore;
  /** The workspace's view state (docks open, their widths, the legend, the split view). */
  workspace: WorkspaceStore;
  /** Control diffs of transitions, worked out in a worker of their own (stopped by stop()). */
  diffs: Diffs;
  /** The analysis worker's state (idle when there is no worker). */
  remote: StoreApi<RemoteState>;
  autosave: AutosaveControl;
  share: ShareSession;
  persistence: Persistence;
  /** The mounted canvas, for the toolbar, the search and the table (fit, zoom, focus, re-layout). */
  canvas: CanvasHandle;
  /** The automatic layout: documents that arrive without positions are laid out for the canvas (autoLayout.ts); Re-layout. */
  layout: AutoLayout;
  /** The canvas's drawing timings (the first drawing lets the rest of the interface load, ui/lazyPart.tsx). */
  drawStats: DrawStats;
  /**
   * Opens a bundled dataset (the user's saved work on it when there is some, else the dataset as bundled), or
   * "imported": the graph the user last opened from a file, as autosaved.
   */
  openDataset(id: DatasetId): Promise<void>;
  /** Whether this browser keeps a graph the user opened from a file (the dataset picker offers it). */
  ownGraph(): Promise<boolean>;
  /** Downloads the working document as an .ownership.json file. */
  saveFile(): void;
  /** Stops autosave and the workers. */
  stop(): void;
}

/** Saves text as a file through a temporary link (no network: a blob URL). */
function downloadText(text: string, name: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The environment of the page this runs in (IndexedDB when the browser has it). */
export async function browserEnv(): Promise<AppEnv> {
  let ls: Storage | null;
  try {
    ls = typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    ls = null; // localStorage blocked (cookies off)
  }
  const { kv, notice } = await browserKv(ls);
  return {
    search: location.search,
    hash: location.hash,
    kv,
    storageNotice: notice,
    legacy: ls && localStorageKv(ls),
    journal: ls && storageJournal(ls),
    workers: typeof Worker !== 'undefined',
    channel: browserChannel(),
    clearHash: clearLocationHash,
    clearSearch: () => history.replaceState(history.state, '', `${location.pathname}${location.hash}`),
    download: downloadText,
    simPrefs: { storage: ls, width: window.innerWidth },
  };
}

const tabId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Makes an explorer: the first document (share link, sample, saved work or bundled), its store and what runs beside it. */
export async function createApp(envIn?: AppEnv): Promise<ExplorerApp> {
  const env = envIn ?? (await browserEnv());
  const persistence = createPersistence(env.kv, env.legacy ?? null, env.journal ?? null);
  // A share link in the address (#v2.…) opens its graph as a preview; the saved work is untouched until it is kept.
  const shared = isShareHash(env.hash) ? (await import('./shareLinks')).readShareHash(env.hash) : null;
  // Samples as large as the graphs analysed in the worker are generated there too (sample.ts).
  const initial: Boot = shared && 'doc' in shared ? sharedBoot(shared.doc) : await boot(persistence, env.search, (n) => env.workers && n >= WORKER_MIN_ENTITIES);
  const store = createExplorerStore(initial);
  const saveFile = () => {
    const doc = store.getState().doc;
    env.download(serializeDoc(doc), `${(doc.title ?? 'graph').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'graph'}.ownership.json`);
  };
  const previewing = !!shared && 'doc' in shared;
  const autosave = createAutosave(
    // The slot opened is known at its revision (0: nothing saved yet), so another tab's later save is never overwritten.
    { store, persistence, tab: tabId(), channel: env.channel, saveFile, download: (t, n) => env.download(t, n), known: previewing ? {} : { [initial.datasetId]: initial.rev ?? (await persistence.rev(initial.datasetId)).rev } },
    !previewing,
  );
  const share = createShareSession({ store, persistence, autosave, clearHash: env.clearHash, download: (t, n) => env.download(t, n) }, previewing);
  const makeWorker = () => new AnalysisWorker(env.worker?.());
  const worker: RemoteAnalysis | null = env.workers ? startRemoteAnalysis(store, { makeWorker }) : null;
  const diffs = createDiffs(env.workers ? makeWorker : null);

  /** Says that saved work could not be read, where it is kept, and offers it as a download. */
  const reportUnreadable = (u: Extract<SlotRead, { state: 'unreadable' }>, shown: string) =>
    store.getState().notify(
      `Your autosaved graph could not be read (${u.why}). ${u.backup ? 'It is kept in this browser as a backup' : 'It was left where it was'}, and can be downloaded; ${shown} is shown instead.`,
      'warning',
      [{ label: 'Download it', run: () => env.download(u.text, 'unreadable-autosave.json') }],
    );

  // One message line: the most important last (unreadable work over storage trouble over the sample's note).
  if (initial.notice && !initial.sample) store.getState().notify(initial.notice);
  if (env.storageNotice) store.getState().notify(env.storageNotice, 'warning');
  if (initial.unreadable) reportUnreadable(initial.unreadable, `the bundled ${datasetById(initial.datasetId)?.label ?? ''} dataset`);
  if (shared && 'error' in shared) store.getState().notify(shared.error, 'error');
  if (worker && initial.sample) void loadSample(store, initial.sample, worker.generate, initial.notice ?? '');
  let search = env.search;
  // Each document opened gets, in idle time, the lookups its edits are checked with (model/docIndex.ts): at 100k
  // entities building them takes ~90 ms, which the first edit would otherwise pay.
  const idle = env.idle ?? ((f) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => f(), { timeout: 5000 }) : setTimeout(f, 200)));
  // The document as it is by then gets them (a layout may have placed it): lookups are handed on from edit to edit.
  const prepare = () => idle(() => prepareEditLookups(store.getState().doc));
  prepare();
  const unprepare = store.subscribe((s, prev) => s.loads !== prev.loads && prepare());
  const canvas = createCanvasHandle();
  const layout = startAutoLayout({ store, shape: () => canvas.current()?.shape() ?? null, onShape: canvas.onRegister });

  return {
    store,
    simView: createSimView(env.simPrefs),
    workspace: createWorkspace(env.simPrefs),
    diffs,
    remote: worker?.state ?? createRemoteState(),
    autosave,
    share,
    persistence,
    canvas,
    layout,
    drawStats: createDrawStats(),
    saveFile,
    async openDataset(id) {
      const d = datasetById(id);
      // The user's own graph (the file last opened, autosaved in its slot) is offered beside the bundled ones.
      if (!d && id !== 'imported') return;
      await autosave.flush();
      const read = await persistence.read(id);
      const st = store.getState;
      if (!d && read.state !== 'ok') {
        if (read.state === 'unreadable') reportUnreadable(read, 'the graph on screen');
        else st().notify('Your opened graph is no longer saved in this browser; open its file again (File → Open).', 'warning');
        return;
      }
      const b = bootFrom(read, id);
      st().loadDoc(b.doc, b.datasetId, 'openDataset', { ...(b.scenario ? { scenario: b.scenario } : {}), date: b.view?.date ?? null });
      if (b.view) st().setView(b.view);
      autosave.opened(b.datasetId, b.rev ?? (await persistence.rev(b.datasetId)).rev);
      // The next start opens this dataset's work, even before anything is edited here.
      await persistence.setCurrent(id).catch(() => {});
      // Leaving a generated sample: its address goes, so a reload opens this work too.
      if (sampleRequest(search)) {
        env.clearSearch();
        search = '';
      }
      if (!d) st().notify(`Opened your graph${b.doc.title ? ` "${b.doc.title}"` : ''} as last saved. Undo goes back to the previous graph.${read.state === 'ok' && read.note ? ` ${read.note}` : ''}`);
      else if (read.state === 'unreadable') reportUnreadable(read, `the bundled ${d.label} dataset`);
      else st().notify(read.state === 'ok' ? `Opened your saved work on ${d.label}. Undo goes back to the previous graph.${read.note ? ` ${read.note}` : ''}` : `Loaded ${d.label}. Undo goes back to the previous graph.`);
    },
    async ownGraph() {
      return (await persistence.rev('imported')).rev > 0;
    },
    stop() {
      unprepare();
      layout.stop();
      void autosave.pause();
      autosave.stop();
      worker?.stop();
      diffs.stop();
    },
  };
}
