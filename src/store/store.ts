// The explorer's Zustand store: the document, its undo/redo history, selection, view settings and messages.
// Actions only; every document change goes through apply(); the Analysis is derived elsewhere, never stored.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { apply, uniqueId, type Entity, type Op, type OwnershipDoc } from '../model';
import { readableError } from './messages';
import { placeIfLarge } from './placement';
import { initialSim, logOp, type SimState } from './simState';
import { DEFAULT_VIEW, type DatasetId, type Message, type Selection, type View } from './types';

/** Listeners told of every document change made by one operation (the analysis worker follows edits with them). */
const opListeners = new Set<(from: OwnershipDoc, to: OwnershipDoc, op: Op) => void>();

/** Calls `listener` after each commit or placement with the documents before and after and the operation. */
export function onOperation(listener: (from: OwnershipDoc, to: OwnershipDoc, op: Op) => void): () => void {
  opListeners.add(listener);
  return () => opListeners.delete(listener);
}

/** How many committed edits undo can walk back. */
export const HISTORY_LIMIT = 200;

export type CommitResult = { ok: true } | { ok: false; error: string };

/** One undo step: the document and where it came from (loading a dataset is undoable too). */
export interface HistoryEntry {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  /** The operation log and active scenario that go with `doc` (simState.ts). */
  sim: SimState;
}

export interface ExplorerState {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  past: HistoryEntry[];
  future: HistoryEntry[];
  selection: Selection | null;
  view: View;
  message: Message | null;
  /** Increments whenever a new document is loaded (the canvas fits the view to it). */
  loads: number;
  /** A long-running task in progress ("Laying out…"), shown over the canvas. */
  busy: string | null;
  /** Operations since loading and the scenario shown (simState.ts); scenario actions live in scenario.ts. */
  sim: SimState;
  setBusy(text: string | null): void;
  /** Replaces the document and the simulation state as one undo step (scenario actions: scenario.ts). */
  step(doc: OwnershipDoc, sim: SimState): void;
  /** Applies one operation as one undo step; on refusal leaves the document as it was and reports why. */
  commit(op: Op): CommitResult;
  undo(): void;
  redo(): void;
  /** Gives unplaced entities positions without an undo step (automatic layout after loading). */
  place(positions: Record<string, { x: number; y: number }>): void;
  /** Replaces the working document; `undoable` keeps the old one on the undo stack. */
  loadDoc(doc: OwnershipDoc, datasetId: DatasetId, opts?: { undoable?: boolean }): void;
  select(selection: Selection | null): void;
  setView(changes: Partial<View>): void;
  notify(text: string, kind?: Message['kind']): void;
  dismissMessage(): void;
  /** Adds an entity (named, placed) and selects it; returns its id, or null when refused. */
  addEntity(entity: Omit<Entity, 'id'> & { id?: string }): string | null;
  /** Adds a holding of `holder` in `subject` with a default stake that fits, and selects it. */
  addHolding(holder: string, subject: string, shares?: number): string | null;
  /** Deletes the selected entity, holding, agreement or dependency. */
  removeSelected(): CommitResult;
}

export interface StoreOptions {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  view?: Partial<View>;
}

/** Whether the selected record still exists in `doc`. */
export function selectionExists(doc: OwnershipDoc, sel: Selection | null): boolean {
  if (!sel) return false;
  switch (sel.kind) {
    case 'entity':
      return doc.entities.some((e) => e.id === sel.id);
    case 'holding':
      return doc.holdings.some((h) => h.id === sel.id);
    case 'agreement':
      return (doc.agreements ?? []).some((a) => a.id === sel.id);
    case 'dependency':
      return (doc.dependencies ?? []).some((d) => d.id === sel.id);
    default: {
      const never: never = sel.kind;
      return never;
    }
  }
}

/** Creates a store holding `opts.doc` with empty history. */
export function createExplorerStore(opts: StoreOptions): StoreApi<ExplorerState> {
  let seq = 0;
  return createStore<ExplorerState>()((set, get) => {
    const keepSelection = (doc: OwnershipDoc) => {
      const sel = get().selection;
      return selectionExists(doc, sel) ? sel : null;
    };
    const fail = (e: unknown): CommitResult => {
      const error = readableError(e);
      set({ message: { kind: 'error', text: error, seq: ++seq } });
      return { ok: false, error };
    };
    const first = placeIfLarge(opts.doc);
    return {
      doc: first,
      sim: initialSim(first),
      datasetId: opts.datasetId,
      past: [],
      future: [],
      selection: null,
      view: { ...DEFAULT_VIEW, ...opts.view, layers: { ...DEFAULT_VIEW.layers, ...opts.view?.layers } },
      message: null,
      loads: 0,
      busy: null,

      setBusy(busy) {
        set({ busy });
      },
      step(doc, sim) {
        const { doc: old, past, datasetId, sim: oldSim } = get();
        set({ doc, sim, past: [...past.slice(-(HISTORY_LIMIT - 1)), { doc: old, datasetId, sim: oldSim }], future: [], selection: keepSelection(doc) });
      },
      commit(op) {
        const { doc, past, datasetId, sim } = get();
        let next: OwnershipDoc;
        try {
          next = apply(doc, op);
        } catch (e) {
          return fail(e);
        }
        if (next === doc) return { ok: true };
        const msg = get().message;
        set({
          doc: next,
          sim: logOp(sim, op),
          past: [...past.slice(-(HISTORY_LIMIT - 1)), { doc, datasetId, sim }],
          future: [],
          selection: keepSelection(next),
          message: msg?.kind === 'error' ? null : msg,
        });
        opListeners.forEach((l) => l(doc, next, op));
        return { ok: true };
      },
      undo() {
        const { past, future, doc, datasetId, sim } = get();
        if (!past.length) return;
        const prev = past[past.length - 1];
        const loads = get().loads + (prev.datasetId !== datasetId ? 1 : 0);
        set({ ...prev, loads, past: past.slice(0, -1), future: [{ doc, datasetId, sim }, ...future], selection: keepSelection(prev.doc), message: null });
      },
      redo() {
        const { past, future, doc, datasetId, sim } = get();
        if (!future.length) return;
        const next = future[0];
        const loads = get().loads + (next.datasetId !== datasetId ? 1 : 0);
        set({ ...next, loads, past: [...past, { doc, datasetId, sim }], future: future.slice(1), selection: keepSelection(next.doc), message: null });
      },
      place(positions) {
        const ids = new Set(get().doc.entities.map((e) => e.id));
        const known = Object.fromEntries(Object.entries(positions).filter(([id]) => ids.has(id)));
        if (!Object.keys(known).length) return;
        const op: Op = { type: 'moveEntities', positions: known };
        const from = get().doc;
        const to = apply(from, op);
        set({ doc: to });
        opListeners.forEach((l) => l(from, to, op));
      },
      loadDoc(doc, datasetId, o = {}) {
        const { past, doc: old, view, datasetId: oldId, sim } = get();
        const placedDoc = placeIfLarge(doc);
        set({
          doc: placedDoc,
          sim: initialSim(placedDoc),
          datasetId,
          past: o.undoable ? [...past.slice(-(HISTORY_LIMIT - 1)), { doc: old, datasetId: oldId, sim }] : [],
          future: [],
          selection: null,
          view: { ...view, date: null, focus: null },
          message: null,
          loads: get().loads + 1,
        });
      },
      select(selection) {
        set({ selection });
      },
      setView(changes) {
        set({ view: { ...get().view, ...changes, layers: { ...get().view.layers, ...changes.layers } } });
      },
      notify(text, kind = 'notice') {
        set({ message: { kind, text, seq: ++seq } });
      },
      dismissMessage() {
        set({ message: null });
      },
      addEntity(partial) {
        const doc = get().doc;
        const id = partial.id ?? uniqueId(partial.name || 'entity', (x) => doc.entities.some((e) => e.id === x));
        const r = get().commit({ type: 'addEntity', entity: { ...partial, id } });
        if (!r.ok) return null;
        set({ selection: { kind: 'entity', id } });
        return id;
      },
      addHolding(holder, subject, shares) {
        const doc = get().doc;
        const held = doc.holdings.filter((h) => h.subject === subject && !h.until).reduce((s, h) => s + h.shares, 0);
        const room = Math.max(0, Math.round((100 - held) * 1e6) / 1e6);
        const stake = shares ?? Math.min(10, room);
        if (shares === undefined && room <= 0) {
          const name = doc.entities.find((e) => e.id === subject)?.name ?? subject;
          fail(new Error(`${name} is already 100% held — lower another stake first, then add this holding.`));
          return null;
        }
        const id = uniqueId(`h-${holder}-${subject}`, (x) => doc.holdings.some((h) => h.id === x));
        const r = get().commit({ type: 'setHolding', holding: { id, holder, subject, shares: stake } });
        if (!r.ok) return null;
        set({ selection: { kind: 'holding', id } });
        return id;
      },
      removeSelected() {
        const sel = get().selection;
        if (!sel) return { ok: true };
        const op: Op =
          sel.kind === 'entity' ? { type: 'removeEntity', id: sel.id }
          : sel.kind === 'holding' ? { type: 'removeHolding', id: sel.id }
          : sel.kind === 'agreement' ? { type: 'removeAgreement', id: sel.id }
          : { type: 'removeDependency', id: sel.id };
        const r = get().commit(op);
        if (r.ok) set({ selection: null });
        return r;
      },
    };
  });
}
