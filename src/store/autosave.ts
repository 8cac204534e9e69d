// Autosave: writes the working document (and view) into its dataset's slot a moment after it changes. A tab writes
// only over the revision it last saw, so two tabs never overwrite each other silently: the one that finds the other's
// work asks which to keep. A full browser is reported with the graph's size and an offer to save it as a file.
import type { DatasetId, View } from './types';
import { datasetById } from './datasets';
import { StorageFull } from './kv';
import { BACKUPS_KEPT, SAVED_SLOTS, type Persistence } from './persistence';
import { scenarioMark } from './simState';
import type { ExplorerState, ExplorerStore } from './store';

/** What tabs tell each other: a slot was saved at a revision. */
export interface TabMessage {
  type: 'saved';
  slot: DatasetId;
  rev: number;
  tab: string;
}

/** A channel between the tabs of this app (a BroadcastChannel in the browser). */
export interface TabChannel {
  post(msg: TabMessage): void;
  listen(f: (msg: TabMessage) => void): () => void;
}

export interface AutosaveDeps {
  store: ExplorerStore;
  persistence: Persistence;
  /** This tab's id. */
  tab: string;
  channel?: TabChannel | null;
  /** Offered when the browser is full: saves the working document as a file. */
  saveFile(): void;
  /** Revisions of the slots this tab opened. */
  known?: Partial<Record<DatasetId, number>>;
  /** Offers the text of a backup as a download. */
  download?(text: string, name: string): void;
  /** Wait after a change before writing, by document size (big graphs are written less often). */
  delay?: (entities: number) => number;
}

export interface AutosaveControl {
  readonly running: boolean;
  /** Writes now if a save is pending. */
  flush(): Promise<void>;
  /** Writes what is pending, then stops saving (while a shared graph is previewed). */
  pause(): Promise<void>;
  resume(): void;
  /** Resumes and writes the working document at once. */
  saveNow(): Promise<void>;
  /** Records that `doc` is what `slot` holds at revision `rev` (the work was just opened from it). */
  opened(slot: DatasetId, rev: number): void;
  /** The next write to `slot` replaces whatever it holds (the user chose to: a kept share link). */
  adopt(slot: DatasetId): void;
  /** Resolves once every write asked for so far is done. */
  idle(): Promise<void>;
  /**
   * Called as the page closes: journals the work not yet written, synchronously (journal.ts). False when work is
   * pending and could not be journaled: the page should then ask before it closes.
   */
  unloading(): boolean;
  stop(): void;
}

const defaultDelay = (entities: number) => 300 + Math.min(3000, entities / 50);

/** The view fields worth keeping between visits. */
const savedViewOf = (v: View): Partial<View> => ({ rule: v.rule, threshold: v.threshold, date: v.date, layers: v.layers });

const slotOf = (s: Pick<ExplorerState, 'datasetId'>): DatasetId | null => (SAVED_SLOTS.includes(s.datasetId) ? s.datasetId : null);
const labelOf = (slot: DatasetId) => datasetById(slot)?.label ?? 'imported';

/** "2.4 MB" */
export function sizeText(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(chars / 1024))} KB`;
}

/** Starts autosaving; `on` false starts it paused. */
export function createAutosave(deps: AutosaveDeps, on = true): AutosaveControl {
  const { store, persistence, tab, channel } = deps;
  const delayOf = deps.delay ?? defaultDelay;
  const known = new Map<DatasetId, number>(Object.entries(deps.known ?? {}) as [DatasetId, number][]);
  /** Slots whose stored work another tab changed: not written until the user chooses. */
  const blocked = new Set<DatasetId>();
  /** Slots another tab saved while this one had nothing to save: the first edit here asks. */
  const stale = new Set<DatasetId>();
  let running = on;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let full = false;
  /** What was last written or opened (no need to write it again). */
  let saved = { doc: store.getState().doc, datasetId: store.getState().datasetId, view: store.getState().view, scenario: store.getState().sim.scenario };
  /**
   * The load (store `loads`) whose work each slot holds, as far as this tab knows. A write of another load's document
   * (a second file opened, a reset) first copies the slot's work to a backup, as keeping a share link does.
   */
  const lineage = new Map<DatasetId, number>();
  for (const slot of known.keys()) lineage.set(slot, store.getState().loads);
  /** The document this tab journaled as the page was closing, if any (a page kept in the back-forward cache lives on). */
  let journaled: ExplorerState['doc'] | null = null;
  const dirty = () => {
    const s = store.getState();
    return s.doc !== saved.doc || s.sim.scenario !== saved.scenario || s.datasetId !== saved.datasetId || s.view.rule !== saved.view.rule || s.view.threshold !== saved.view.threshold || s.view.layers !== saved.view.layers || s.view.date !== saved.view.date;
  };
  const st = store.getState;

  const askAboutOther = (slot: DatasetId) =>
    st().notify(
      `Your saved "${labelOf(slot)}" graph was changed in another tab; this tab's changes wait until you choose.`,
      'warning',
      [
        { label: 'Open the other tab’s version', run: () => void openOther(slot) },
        { label: 'Keep this tab’s version', run: () => void write('force') },
      ],
    );

  const openOther = async (slot: DatasetId) => {
    const r = await persistence.read(slot);
    if (r.state !== 'ok') return st().notify(`The other tab's "${labelOf(slot)}" graph could not be read; this tab's version is kept.`, 'warning');
    known.set(slot, r.saved.rev);
    blocked.delete(slot);
    stale.delete(slot);
    st().loadDoc(r.saved.doc, slot, 'otherTab', { ...(r.saved.scenario ? { scenario: r.saved.scenario } : {}), date: r.saved.view?.date ?? null });
    if (r.saved.view) st().setView(r.saved.view);
    const s = st();
    saved = { doc: s.doc, datasetId: s.datasetId, view: s.view, scenario: s.sim.scenario };
    lineage.set(slot, s.loads);
    st().notify('Opened the version saved by the other tab. Undo goes back to this tab’s version.');
  };

  /** Copies the work `slot` holds to a backup before another document replaces it, and says so, with a download. */
  const keepReplaced = async (slot: DatasetId) => {
    const key = await persistence.backup(slot).catch(() => null);
    if (!key) return;
    const m = st().message;
    const said = `Your previous "${labelOf(slot)}" graph is kept in this browser as a backup (the newest ${BACKUPS_KEPT} of each graph are kept).`;
    const download = { label: 'Download the previous graph', run: () => void persistence.backupText(key).then((t) => t && deps.download?.(t, `previous-${slot}-graph.json`)) };
    // Said after what the user just did (e.g. "Opened acme.csv…"), not instead of it.
    if (m && m.kind === 'notice' && !m.actions?.length) st().notify(`${m.text} ${said}`, 'notice', deps.download ? [download] : []);
    else st().notify(said, 'notice', deps.download ? [download] : []);
  };

  /** Writes the working document: when it changed since last saved, always, or over another tab's work (`force`). */
  const write = (mode: 'changed' | 'always' | 'force' = 'changed'): Promise<void> =>
    (chain = chain.then(async () => {
      const s = st();
      const slot = slotOf(s);
      const force = mode === 'force';
      if (!slot || (blocked.has(slot) && !force) || (mode === 'changed' && !dirty())) return;
      // A slot this tab never opened (a file just imported) is taken over at its present revision.
      const expect = known.get(slot) ?? (await persistence.rev(slot)).rev;
      try {
        if (!force && lineage.get(slot) !== s.loads) await keepReplaced(slot);
        // A scenario shown is saved as one, with its base: a reload shows it still marked, with Back to base.
        const scenario = scenarioMark(s.sim);
        const r = await persistence.write({ doc: s.doc, datasetId: slot, view: savedViewOf(s.view), tab, ...(scenario ? { scenario } : {}) }, expect, force);
        if (!r.ok) {
          blocked.add(slot);
          return askAboutOther(slot);
        }
        known.set(slot, r.rev);
        lineage.set(slot, s.loads);
        blocked.delete(slot);
        stale.delete(slot);
        saved = { doc: s.doc, datasetId: s.datasetId, view: s.view, scenario: s.sim.scenario };
        if (journaled) {
          persistence.settled(slot, tab);
          journaled = null;
        }
        channel?.post({ type: 'saved', slot, rev: r.rev, tab });
        if (full) {
          full = false;
          st().notify('Autosave works again: this graph is saved in the browser.');
        } else if (force) st().notify('This tab’s version is saved; the other tab will be asked before it saves over it.');
      } catch (e) {
        if (e instanceof StorageFull) {
          if (!full) st().notify(`The browser's storage is full: this graph (${sizeText(JSON.stringify(s.doc).length)}) could not be autosaved. Save it as a file to keep your changes.`, 'warning', [{ label: 'Save as file', run: deps.saveFile }]);
          full = true;
        } else st().notify(`Autosave failed (${e instanceof Error ? e.message : String(e)}). Save the graph as a file to keep your changes.`, 'warning', [{ label: 'Save as file', run: deps.saveFile }]);
      }
    }));

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void write();
    }, delayOf(st().doc.entities.length));
  };
  const unsubscribe = store.subscribe(() => {
    if (!running || !dirty()) return;
    const slot = slotOf(st());
    if (slot && stale.has(slot) && !blocked.has(slot)) {
      stale.delete(slot);
      blocked.add(slot);
      askAboutOther(slot);
    }
    schedule();
  });
  const stopListening = channel?.listen((msg) => {
    if (msg.tab === tab || msg.type !== 'saved') return;
    const slot = slotOf(st());
    if (slot !== msg.slot || known.get(slot) === msg.rev) return;
    if (running && (dirty() || timer)) {
      blocked.add(slot);
      askAboutOther(slot);
    } else if (running) {
      stale.add(slot);
      st().notify(`This graph was changed and saved in another tab.`, 'notice', [{ label: 'Show the newer version', run: () => void openOther(slot) }]);
    }
  });

  const flush = () => {
    if (!timer) return chain;
    clearTimeout(timer);
    timer = null;
    return write();
  };
  return {
    get running() {
      return running;
    },
    flush,
    async pause() {
      await flush();
      running = false;
    },
    resume() {
      running = true;
      if (dirty()) schedule();
    },
    saveNow() {
      running = true;
      if (timer) clearTimeout(timer);
      timer = null;
      return write('always');
    },
    adopt(slot) {
      lineage.set(slot, st().loads); // the caller kept what the slot held
      known.delete(slot);
      blocked.delete(slot);
      stale.delete(slot);
    },
    opened(slot, rev) {
      known.set(slot, rev);
      lineage.set(slot, st().loads);
      blocked.delete(slot);
      stale.delete(slot);
      const s = st();
      saved = { doc: s.doc, datasetId: s.datasetId, view: s.view, scenario: s.sim.scenario };
    },
    idle: () => chain,
    unloading() {
      const s = st();
      const slot = slotOf(s);
      if (!running || !slot || (!timer && !dirty())) return true;
      if (journaled === s.doc) return true; // beforeunload journaled it; pagehide follows
      const scenario = scenarioMark(s.sim);
      const ok = persistence.unload({ slot, doc: s.doc, view: savedViewOf(s.view), ...(scenario ? { scenario } : {}), tab, baseRev: known.get(slot) ?? null, at: Date.now() });
      journaled = ok ? s.doc : journaled;
      return ok;
    },
    stop() {
      if (timer) clearTimeout(timer);
      unsubscribe();
      stopListening?.();
    },
  };
}

/** The channel between this app's tabs: a BroadcastChannel where the browser has one. */
export function browserChannel(): TabChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const bc = new BroadcastChannel('ownership-explorer');
  return {
    post: (msg) => bc.postMessage(msg),
    listen(f) {
      const h = (e: MessageEvent<TabMessage>) => f(e.data);
      bc.addEventListener('message', h);
      return () => bc.removeEventListener('message', h);
    },
  };
}
