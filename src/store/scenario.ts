// Scenario actions on the explorer store, each one dispatch and one undo step: apply a scenario on its base (moving the
// view date to the scenario's), go back to the base exactly, save the edits since the base as a scenario, remove one.
import type { StoreApi } from 'zustand/vanilla';
import { apply, diffPatch, uniqueId, type DocScenario, type Op, type OwnershipDoc } from '../model';
import { keepHoldingLookup } from '../model/docIndex';
import { readableError } from './messages';
import { BUNDLED_SCENARIOS, type ScenarioEntry } from './scenarios';
import { editsSinceBase, withPositions, type SimState } from './simState';
import type { ExplorerState } from './store';

export type ActionResult = { ok: true } | { ok: false; error: string };

type Store = StoreApi<ExplorerState>;

function refuse(store: Store, e: unknown): ActionResult {
  const error = readableError(e, store.getState().doc);
  store.getState().notify(error, 'error');
  return { ok: false, error };
}

/** The base the next scenario applies on and the log that goes with it: the active scenario's base, else the current document. */
function baseState(st: ExplorerState): { base: OwnershipDoc; log: Op[]; baseDate: string | null } {
  const s = st.sim.scenario;
  return s ? { base: s.base, log: st.sim.log.slice(0, s.baseLog), baseDate: s.baseDate } : { base: st.doc, log: st.sim.log, baseDate: st.view.date };
}

/** Applies a scenario's operations on the base (replacing any scenario shown) as one undo step; refusals change nothing. */
export function applyScenario(store: Store, scenario: Pick<ScenarioEntry, 'id' | 'title' | 'ops' | 'date' | 'source'>): ActionResult {
  const st = store.getState();
  const { base, log, baseDate } = baseState(st);
  const op: Op = { type: 'batch', label: scenario.title, ops: scenario.ops };
  let next: OwnershipDoc;
  try {
    // Every scenario is applied on this base: its lookups are kept (copied to the edit), not rebuilt each time.
    keepHoldingLookup(base.holdings);
    next = apply(base, op);
  } catch (e) {
    return refuse(store, e);
  }
  const sim: SimState = { ...st.sim, log: [...log, op], scenario: { id: scenario.id, title: scenario.title, source: scenario.source, base, baseLog: log.length, baseDate } };
  // One undo step moves the document and the view date together; the worker receives only what differs. A scenario
  // without a date of its own shows the base's date, never the date another scenario moved the view to.
  return st.dispatch(diffPatch(st.doc, next), { action: 'scenario', sim, date: scenario.date ?? baseDate });
}

/** Returns to the document (and view date) from before the scenario, exactly; one undo step. */
export function backToBase(store: Store): ActionResult {
  const st = store.getState();
  const s = st.sim.scenario;
  if (!s) return { ok: true };
  return st.dispatch(diffPatch(st.doc, s.base), { action: 'scenario', sim: { ...st.sim, log: st.sim.log.slice(0, s.baseLog), scenario: null }, date: s.baseDate });
}

/** Saves the edits since the base as a scenario of the document (kept in the base too) and shows it as the active one. */
export function saveScenario(store: Store, meta: { title: string; description?: string }): ActionResult & { id?: string } {
  const st = store.getState();
  const ops = editsSinceBase(st.sim);
  if (!ops.length) return refuse(store, new Error('there are no edits since the base to save — make a transfer or apply a scenario first'));
  const title = meta.title.trim();
  const taken = (id: string) => (st.doc.scenarios ?? []).some((s) => s.id === id) || BUNDLED_SCENARIOS.some((s) => s.id === id);
  const scenario: DocScenario = {
    id: uniqueId(`my-${title.toLowerCase()}`, taken),
    title,
    ...(meta.description?.trim() ? { description: meta.description.trim() } : {}),
    ...(st.view.date ? { date: st.view.date } : {}),
    ops,
  };
  const op: Op = { type: 'setScenario', scenario };
  const s = st.sim.scenario;
  const base = s ? s.base : withPositions(st.sim.origin, st.doc);
  let nextBase: OwnershipDoc;
  try {
    nextBase = apply(base, op);
  } catch (e) {
    return refuse(store, e);
  }
  const baseLog = s ? s.baseLog : 0;
  const r = st.dispatch(op, { action: 'scenario', sim: { ...st.sim, scenario: { id: scenario.id, title, source: 'document', base: nextBase, baseLog, baseDate: s ? s.baseDate : st.view.date } } });
  return r.ok ? { ok: true, id: scenario.id } : r;
}

/** Removes a scenario saved with the document (from the base too); one undo step. */
export function removeScenario(store: Store, id: string): ActionResult {
  const st = store.getState();
  const op: Op = { type: 'removeScenario', id };
  const s = st.sim.scenario;
  let base: OwnershipDoc | undefined;
  try {
    base = s && (s.base.scenarios ?? []).some((x) => x.id === id) ? apply(s.base, op) : s?.base;
  } catch (e) {
    return refuse(store, e);
  }
  return st.dispatch(op, { action: 'scenario', sim: { ...st.sim, scenario: s && base ? { ...s, base } : null } });
}
