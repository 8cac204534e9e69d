// The explorer's Zustand store: the document, its undo/redo history, selection, view settings and messages.
// Every document change goes through one dispatch(); a history entry keeps the change and its inverse, so undo and
// redo are changes too (the analysis worker follows them like any edit). The Analysis is derived elsewhere.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { apply, applyWithInverse, uniqueId, type Entity, type Op, type OwnershipDoc } from '../model';
import { placeIfLarge } from '../analysis/placement';
import { ACTIONS, type ActionType, type LoadAction, type OpAction } from './actions';
import { offerFloat } from './float';
import { readableError } from './messages';
import { initialSim, logOp, reopenedSim, type ScenarioMark, type SimState } from './simState';
import { DEFAULT_VIEW, type DatasetId, type Message, type MessageAction, type Selection, type View } from './types';

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 200;

export type CommitResult = { ok: true } | { ok: false; error: string };

/** A change of the working document: an operation, or another document loaded in its place (a dataset, a file…). */
export type Change = Op | { type: 'load'; doc: OwnershipDoc; datasetId: DatasetId };

/** Called after every change with the documents before and after (the analysis worker follows edits with it). */
export type ChangeListener = (from: OwnershipDoc, to: OwnershipDoc, change: Change) => void;

/** What goes with the document in an undo step: where it came from and its simulation state (simState.ts). */
export interface Beside {
  datasetId: DatasetId;
  sim: SimState;
}

/** One undo step: the change and the change that undoes it, and the state beside the document on either side. */
export interface HistoryEntry {
  /** The action that made the step (actions.ts). */
  action: ActionType;
  change: Change;
  inverse: Change;
  before: Beside;
  after: Beside;
  /** The view dates before and after, when the step moved it (a dated scenario, a load). */
  dates?: [string | null, string | null];
}

export interface DispatchOptions {
  /** The action this change is (actions.ts), which says how it enters the history: an operation is an 'edit' unless told. */
  action?: OpAction;
  /** The simulation state after the change (scenario actions); by default the operation is logged, a load starts afresh. */
  sim?: SimState;
  /** The view date the change moves to; undo moves it back. */
  date?: string | null;
}

export interface ExplorerState {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The primary selection: what the inspector describes (the entity, holding… last clicked). */
  selection: Selection | null;
  /**
   * Entities selected besides the primary one (Shift/Ctrl/Cmd+click, Shift+drag a box; never the primary's id): the
   * selection is the set of both, and dragging one selected entity moves them all.
   */
  others: readonly string[];
  view: View;
  message: Message | null;
  /** Increments whenever a new document is loaded (the canvas fits the view to it). */
  loads: number;
  /** A long-running task in progress ("Laying out…"), shown over the canvas. */
  busy: string | null;
  /** Stops the task shown as busy (opening a big file), when it can be stopped; null otherwise. */
  busyCancel: (() => void) | null;
  /** Operations since loading and the scenario shown (simState.ts); scenario actions live in scenario.ts. */
  sim: SimState;
  setBusy(text: string | null, cancel?: () => void): void;
  /** The one write path: applies an operation as the action named (an edit by default); a refusal changes nothing and says why. */
  dispatch(change: Op, opts?: DispatchOptions): CommitResult;
  /** One user edit: dispatch(op). */
  commit(op: Op): CommitResult;
  undo(): void;
  redo(): void;
  /**
   * The automatic layout's positions (the 'layout' action, no undo step of its own; unknown ids are ignored). Given
   * `forDoc`, they are dropped unless it is still the working document (a layout superseded by a later change), and
   * when the last step loaded `forDoc` they become part of that step, so redo brings the graph back laid out.
   */
  place(positions: Record<string, { x: number; y: number }>, forDoc?: OwnershipDoc): void;
  /**
   * Loads another document as the load action named; its history policy (actions.ts) says whether undo goes back.
   * `scenario`: saved work that showed a scenario over its base opens still showing it (simState.ts reopenedSim);
   * `date`: the view date it opens on (its saved view's), part of the same step, so undo returns to the date before.
   */
  loadDoc(doc: OwnershipDoc, datasetId: DatasetId, action: LoadAction, opts?: { scenario?: ScenarioMark; date?: string | null }): void;
  /** Selects one record (or nothing): the others are unselected. */
  select(selection: Selection | null): void;
  /**
   * Toggles an entity in the selection (Shift/Ctrl/Cmd+click): an entity not selected joins it and becomes the primary;
   * a selected one leaves it (the last other becomes the primary). Anything else is selected alone.
   */
  toggleSelect(selection: Selection): void;
  /** Adds entities to the selection (a box drawn); the first becomes the primary when nothing is selected. */
  selectMore(entityIds: readonly string[]): void;
  setView(changes: Partial<View>): void;
  notify(text: string, kind?: Message['kind'], actions?: MessageAction[]): void;
  dismissMessage(): void;
  /** Adds an entity (named, placed) and selects it; returns its id, or null when refused. */
  addEntity(entity: Omit<Entity, 'id'> & { id?: string }): string | null;
  /** Adds a holding of `holder` in `subject` with a default stake that fits, and selects it. */
  addHolding(holder: string, subject: string, shares?: number): string | null;
  /** Deletes the selected entity, holding, agreement or dependency; several selected entities go in one step. */
  removeSelected(): CommitResult;
}

/** The store of one explorer: Zustand's API, plus the listeners told of every change. */
export type ExplorerStore = StoreApi<ExplorerState> & {
  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: ChangeListener): () => void;
};

export interface StoreOptions {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  view?: Partial<View>;
  /** The scenario the saved work showed over its base. */
  scenario?: ScenarioMark;
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
    case 'relation':
      return (doc.relations ?? []).some((r) => r.id === sel.id);
    case 'dependency':
      return (doc.dependencies ?? []).some((d) => d.id === sel.id);
    default: {
      const never: never = sel.kind;
      return never;
    }
  }
}

/** Creates a store holding `opts.doc` with empty history. */
export function createExplorerStore(opts: StoreOptions): ExplorerStore {
  let seq = 0;
  const listeners = new Set<ChangeListener>();
  const emit = (from: OwnershipDoc, to: OwnershipDoc, change: Change) => listeners.forEach((l) => l(from, to, change));
  const api = createStore<ExplorerState>()((set, get) => {
    const keepSelection = (doc: OwnershipDoc): Pick<ExplorerState, 'selection' | 'others'> => {
      const { selection: sel, others } = get();
      const kept = others.length ? others.filter((id) => selectionExists(doc, { kind: 'entity', id })) : others;
      return { selection: selectionExists(doc, sel) ? sel : null, others: kept.length === others.length ? others : kept };
    };
    const NONE: Pick<ExplorerState, 'selection' | 'others'> = { selection: null, others: [] };
    const fail = (e: unknown, op?: Op): CommitResult => {
      const error = readableError(e, get().doc, op);
      set({ message: { kind: 'error', text: error, seq: ++seq } });
      return { ok: false, error };
    };
    const withDate = (view: View, date: string | null, load: boolean): View => ({ ...view, date, ...(load ? { focus: null } : {}) });
    /** Moves along the history: applies `change` (an entry's inverse or the change itself) and sets what goes with it. */
    const travel = (entry: HistoryEntry, dir: 'undo' | 'redo') => {
      const s = get();
      const change = dir === 'undo' ? entry.inverse : entry.change;
      let doc: OwnershipDoc;
      try {
        doc = change.type === 'load' ? change.doc : apply(s.doc, change);
      } catch (e) {
        // Only a bug gets here (an inverse restores a state the document was in): say so, and keep what is on screen.
        set({ past: [], future: [] });
        fail(new Error(`${dir} failed (${readableError(e)}); the history was cleared and the graph is as shown`));
        return;
      }
      const beside = dir === 'undo' ? entry.before : entry.after;
      const load = change.type === 'load';
      const date = entry.dates ? entry.dates[dir === 'undo' ? 0 : 1] : s.view.date;
      set({
        doc,
        ...beside,
        past: dir === 'undo' ? s.past.slice(0, -1) : [...s.past, entry],
        future: dir === 'undo' ? [entry, ...s.future] : s.future.slice(1),
        ...(load ? NONE : keepSelection(doc)),
        view: entry.dates || load ? withDate(s.view, date, load) : s.view,
        message: null,
        loads: s.loads + (load ? 1 : 0),
      });
      emit(s.doc, doc, change);
    };
    /** Applies a change as `action`, entering the history as the action declares (actions.ts). */
    const change = (c: Change, action: ActionType, o: Omit<DispatchOptions, 'action'> = {}): CommitResult => {
      const s = get();
      const spec = ACTIONS[action];
      const load = c.type === 'load';
      if (load !== (spec.change === 'load')) return fail(new Error(`store: the ${action} action ${spec.change === 'load' ? 'loads a document' : 'applies an operation'}, not ${load ? 'a document' : 'an operation'} — name the action that does`));
      const step = spec.history === 'step';
      let doc: OwnershipDoc;
      let entry: HistoryEntry | null = null;
      try {
        if (c.type === 'load') {
          doc = placeIfLarge(c.doc);
          c = { ...c, doc };
        } else if (step) {
          const r = applyWithInverse(s.doc, c);
          doc = r.doc;
          entry = { action, change: c, inverse: r.inverse, before: { datasetId: s.datasetId, sim: s.sim }, after: { datasetId: s.datasetId, sim: s.sim } };
        } else doc = apply(s.doc, c);
      } catch (e) {
        return fail(e, c.type === 'load' ? undefined : c);
      }
      const datasetId = c.type === 'load' ? c.datasetId : s.datasetId;
      const sim = o.sim ?? (c.type === 'load' ? initialSim(doc) : logOp(s.sim, c));
      const date = o.date !== undefined ? o.date : load ? null : s.view.date;
      if (load && step) entry = { action, change: c, inverse: { type: 'load', doc: s.doc, datasetId: s.datasetId }, before: { datasetId: s.datasetId, sim: s.sim }, after: { datasetId, sim } };
      if (entry) {
        entry.after = { datasetId, sim };
        if (date !== s.view.date) entry.dates = [s.view.date, date];
      }
      const msg = s.message;
      set({
        doc,
        sim,
        datasetId,
        // 'restart' (a load only) starts the history afresh; 'none' keeps it.
        past: entry ? [...s.past.slice(-(HISTORY_LIMIT - 1)), entry] : spec.history === 'restart' ? [] : s.past,
        future: entry || spec.history === 'restart' ? [] : s.future,
        ...(load ? NONE : keepSelection(doc)),
        view: date !== s.view.date || load ? withDate(s.view, date, load) : s.view,
        message: load ? null : msg?.kind === 'error' ? null : msg,
        loads: s.loads + (load ? 1 : 0),
      });
      emit(s.doc, doc, c);
      return { ok: true };
    };
    const first = placeIfLarge(opts.doc);
    return {
      doc: first,
      sim: reopenedSim(first, opts.scenario),
      datasetId: opts.datasetId,
      past: [],
      future: [],
      selection: null,
      others: [],
      view: { ...DEFAULT_VIEW, ...opts.view, layers: { ...DEFAULT_VIEW.layers, ...opts.view?.layers } },
      message: null,
      loads: 0,
      busy: null,
      busyCancel: null,

      setBusy(busy, cancel) {
        set({ busy, busyCancel: busy && cancel ? cancel : null });
      },
      dispatch(op, o = {}) {
        return change(op, o.action ?? 'edit', o);
      },
      commit(op) {
        return get().dispatch(op);
      },
      undo() {
        const entry = get().past.at(-1);
        if (entry) travel(entry, 'undo');
      },
      redo() {
        const entry = get().future[0];
        if (entry) travel(entry, 'redo');
      },
      place(positions, forDoc) {
        const s = get();
        if (forDoc && s.doc !== forDoc) return;
        const ids = new Set(s.doc.entities.map((e) => e.id));
        const known = Object.fromEntries(Object.entries(positions).filter(([id]) => ids.has(id)));
        if (!Object.keys(known).length || !get().dispatch({ type: 'moveEntities', positions: known }, { action: 'layout' }).ok) return;
        const last = s.past.at(-1);
        if (!forDoc || last?.change.type !== 'load' || last.change.doc !== forDoc) return;
        // The load's step now holds the laid-out document (the same step: undo still returns to what was before it).
        const placed = get().doc;
        set({ past: [...get().past.slice(0, -1), { ...last, change: { ...last.change, doc: placed } }] });
      },
      loadDoc(doc, datasetId, action, o = {}) {
        change({ type: 'load', doc, datasetId }, action, { ...(o.scenario ? { sim: reopenedSim(doc, o.scenario) } : {}), ...(o.date !== undefined ? { date: o.date } : {}) });
      },
      select(selection) {
        set({ selection, others: [] });
      },
      toggleSelect(sel) {
        const { selection, others } = get();
        if (sel.kind !== 'entity') return set({ selection: sel, others: [] });
        const primary = selection?.kind === 'entity' ? selection.id : null;
        if (primary === sel.id) {
          const next = others.at(-1);
          return set({ selection: next === undefined ? null : { kind: 'entity', id: next }, others: others.slice(0, -1) });
        }
        if (others.includes(sel.id)) return set({ others: others.filter((id) => id !== sel.id) });
        set({ selection: sel, others: primary === null ? [] : [...others, primary] });
      },
      selectMore(ids) {
        const { selection, others } = get();
        const primary = selection?.kind === 'entity' ? selection.id : null;
        const all = [...new Set([...(primary === null ? [] : [primary]), ...others, ...ids])];
        if (!all.length) return;
        const head = primary ?? all[0];
        set({ selection: { kind: 'entity', id: head }, others: all.filter((id) => id !== head) });
      },
      setView(changes) {
        set({ view: { ...get().view, ...changes, layers: { ...get().view.layers, ...changes.layers } } });
      },
      notify(text, kind = 'notice', actions) {
        set({ message: { kind, text, seq: ++seq, ...(actions?.length ? { actions } : {}) } });
      },
      dismissMessage() {
        set({ message: null });
      },
      addEntity(partial) {
        const doc = get().doc;
        const id = partial.id ?? uniqueId(partial.name || 'entity', (x) => doc.entities.some((e) => e.id === x));
        const r = get().dispatch({ type: 'addEntity', entity: { ...partial, id } });
        if (!r.ok) return null;
        set({ selection: { kind: 'entity', id }, others: [] });
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
          const id = uniqueId(`h-${holder}-${subject}`, (x) => doc.holdings.some((h) => h.id === x));
          offerFloat(get, { type: 'setHolding', holding: { id, holder, subject, shares: 10 } });
          return null;
        }
        const id = uniqueId(`h-${holder}-${subject}`, (x) => doc.holdings.some((h) => h.id === x));
        const r = get().dispatch({ type: 'setHolding', holding: { id, holder, subject, shares: stake } });
        if (!r.ok) return null;
        set({ selection: { kind: 'holding', id }, others: [] });
        return id;
      },
      removeSelected() {
        const { selection: sel, others } = get();
        if (!sel) return { ok: true };
        const op: Op =
          sel.kind === 'entity' && others.length ? { type: 'batch', label: `delete ${others.length + 1} entities`, ops: [...others, sel.id].map((id): Op => ({ type: 'removeEntity', id })) }
          : sel.kind === 'entity' ? { type: 'removeEntity', id: sel.id }
          : sel.kind === 'holding' ? { type: 'removeHolding', id: sel.id }
          : sel.kind === 'agreement' ? { type: 'removeAgreement', id: sel.id }
          : sel.kind === 'relation' ? { type: 'removeRelation', id: sel.id }
          : { type: 'removeDependency', id: sel.id };
        const r = get().dispatch(op);
        if (r.ok) set({ selection: null, others: [] });
        return r;
      },
    };
  });
  return Object.assign(api, {
    onChange(listener: ChangeListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  });
}
