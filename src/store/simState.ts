// The simulation state the store keeps beside the document (and in every undo step, so undo/redo keep it
// consistent): the document as loaded, the operations committed since, and the scenario being shown with its base.
import { diffPatch, type Entity, type Op, type OwnershipDoc } from '../model';
import { idList } from '../analysis';

/** A scenario applied on a base document: "Back to base" returns to `base` and `baseDate` exactly. */
export interface ActiveScenario {
  id: string;
  title: string;
  /** Bundled (data/scenarios) or saved with the document. */
  source: 'bundled' | 'document';
  base: OwnershipDoc;
  /** Length of the operation log at the base. */
  baseLog: number;
  /** The view date before the scenario moved it (null: the document's asOf). */
  baseDate: string | null;
}

export interface SimState {
  /** The document as loaded (positions may be filled in later without an operation). */
  origin: OwnershipDoc;
  /** Operations committed since loading, excluding layout moves and scenario bookkeeping. */
  log: Op[];
  scenario: ActiveScenario | null;
}

/** The simulation state of a freshly loaded document. */
export function initialSim(doc: OwnershipDoc): SimState {
  return { origin: doc, log: [], scenario: null };
}

/** What is kept of a shown scenario when the work is saved (all that Back to base needs). */
export type ScenarioMark = Pick<ActiveScenario, 'id' | 'title' | 'source' | 'base' | 'baseDate'>;

/** The scenario shown, as saved with the work; undefined when none is. */
export function scenarioMark(sim: SimState): ScenarioMark | undefined {
  const s = sim.scenario;
  return s ? { id: s.id, title: s.title, source: s.source, base: s.base, baseDate: s.baseDate } : undefined;
}

/**
 * The simulation state of saved work reopened: with the scenario it showed, `doc` is that scenario over its base (the
 * edits since the base are one change, from base to `doc`), so Back to base still returns to the base exactly.
 */
export function reopenedSim(doc: OwnershipDoc, mark: ScenarioMark | undefined): SimState {
  if (!mark) return initialSim(doc);
  return { origin: mark.base, log: [diffPatch(mark.base, doc)], scenario: { ...mark, baseLog: 0 } };
}

/** Whether an operation is a change worth replaying (not a layout move, not saving or removing a scenario). */
export function isTracked(op: Op): boolean {
  switch (op.type) {
    case 'moveEntity':
    case 'moveEntities':
    case 'setScenario':
    case 'removeScenario':
      return false;
    case 'batch':
      return op.ops.some(isTracked);
    default:
      return true;
  }
}

/** Strips untracked operations (also inside batches); null when nothing is left. */
export function tracked(op: Op): Op | null {
  if (!isTracked(op)) return null;
  if (op.type !== 'batch') return op;
  const ops = op.ops.map(tracked).filter((o): o is Op => o !== null);
  return { ...op, ops };
}

/** The state after committing `op`. */
export function logOp(sim: SimState, op: Op): SimState {
  const t = tracked(op);
  return t ? { ...sim, log: [...sim.log, t] } : sim;
}

/** The operations committed since the base: since the active scenario's base, else since loading. */
export function editsSinceBase(sim: SimState): Op[] {
  return sim.log.slice(sim.scenario?.baseLog ?? 0);
}

// The result depends on `doc` only through its entity list, which stake edits keep: keyed by it, an edit on a huge
// graph does not copy every entity again.
const placed = new WeakMap<OwnershipDoc, { entities: Entity[]; out: OwnershipDoc }>();
/** Per origin: the indices of its entities without a position. */
const unplaced = new WeakMap<OwnershipDoc, Int32Array>();

/** `origin` with positions filled in from `doc` for entities that had none (automatic layout after loading). */
export function withPositions(origin: OwnershipDoc, doc: OwnershipDoc): OwnershipDoc {
  const memo = placed.get(origin);
  if (memo?.entities === doc.entities) return memo.out;
  const ids = idList(origin.entities, 'entities');
  if (doc.entities !== origin.entities && idList(doc.entities, 'entities', origin.entities) === ids) {
    // The same entities in the same places (moves since loading): only the unplaced ones are read, and those whose
    // record in `doc` is the one the last result read are taken from it (a move on a huge graph copies one entity).
    let missing = unplaced.get(origin);
    if (!missing) unplaced.set(origin, (missing = Int32Array.from(origin.entities.flatMap((e, i) => (e.position ? [] : [i])))));
    const entities = memo && memo.out !== origin ? memo.out.entities.slice() : origin.entities.slice();
    let any = false;
    for (const i of missing) {
      const p = doc.entities[i].position;
      if (p) any = true;
      entities[i] = memo && memo.entities[i] === doc.entities[i] && memo.out !== origin ? memo.out.entities[i] : p ? { ...origin.entities[i], position: p } : origin.entities[i];
    }
    const out = any ? { ...origin, entities } : origin;
    placed.set(origin, { entities: doc.entities, out });
    return out;
  }
  let out = origin;
  const missing = doc.entities !== origin.entities && origin.entities.some((e) => !e.position);
  const at = missing ? new Map(doc.entities.map((e) => [e.id, e.position])) : null;
  if (at && origin.entities.some((e) => !e.position && at.get(e.id))) {
    out = { ...origin, entities: origin.entities.map((e) => (e.position || !at.get(e.id) ? e : { ...e, position: at.get(e.id) })) };
  }
  placed.set(origin, { entities: doc.entities, out });
  return out;
}

/** The document the current one is compared with: the scenario's base, else the loaded one when edits were made. */
export function baseOf(sim: SimState, doc: OwnershipDoc): OwnershipDoc | null {
  if (sim.scenario) return sim.scenario.base;
  return sim.log.length ? withPositions(sim.origin, doc) : null;
}
