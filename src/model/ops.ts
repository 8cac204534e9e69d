// The typed edit operations: every change to a document is one of these, applied by `apply` (apply.ts).
import type { PatchOp } from './patch';
import type { Agreement, Dependency, DocScenario, Entity, Holding, OwnershipEvent, Relation } from './types';

/** A partial record where `null` clears an optional field. */
export type Changes<T> = { [K in keyof T]?: T[K] | null };

export type Op =
  | { type: 'addEntity'; entity: Entity }
  | { type: 'updateEntity'; id: string; changes: Changes<Omit<Entity, 'id'>> }
  | { type: 'removeEntity'; id: string }
  | { type: 'moveEntity'; id: string; position: { x: number; y: number } }
  | { type: 'moveEntities'; positions: Record<string, { x: number; y: number }> }
  /** Adds a holding, or replaces the one with its id whole. */
  | { type: 'setHolding'; holding: Holding }
  /** Changes some fields of a holding (`null` clears an optional one). */
  | { type: 'updateHolding'; id: string; changes: Changes<Omit<Holding, 'id'>> }
  | { type: 'removeHolding'; id: string }
  /** Moves `points` percentage points of `subject` from seller to buyer (CONTROL-MODEL §4). `float:<subject>` names the unattributed remainder. */
  | { type: 'transfer'; seller: string; buyer: string; subject: string; points: number; date?: string }
  | { type: 'addAgreement'; agreement: Agreement }
  | { type: 'updateAgreement'; id: string; changes: Changes<Omit<Agreement, 'id'>> }
  | { type: 'removeAgreement'; id: string }
  | { type: 'addRelation'; relation: Relation }
  | { type: 'updateRelation'; id: string; changes: Changes<Omit<Relation, 'id'>> }
  | { type: 'removeRelation'; id: string }
  | { type: 'addDependency'; dependency: Dependency }
  | { type: 'updateDependency'; id: string; changes: Changes<Omit<Dependency, 'id'>> }
  | { type: 'removeDependency'; id: string }
  | { type: 'addEvent'; event: OwnershipEvent }
  | { type: 'updateEvent'; id: string; changes: Changes<Omit<OwnershipEvent, 'id'>> }
  | { type: 'removeEvent'; id: string }
  | { type: 'setMeta'; changes: { title?: string | null; asOf?: string | null } }
  /** Adds or replaces (by id) a scenario saved with the document; its operations are checked when replayed. */
  | { type: 'setScenario'; scenario: DocScenario }
  | { type: 'removeScenario'; id: string }
  /** Several operations applied as one (a scenario, a re-layout): all or nothing. */
  | { type: 'batch'; label?: string; ops: Op[] }
  /** Puts records back as they were: the inverse of an operation (patch.ts). Never inside a batch or a scenario. */
  | PatchOp;

export type OpType = Op['type'];

/** The float prefix: `float:<subject>` is the unattributed remainder of `subject`. */
export const FLOAT_PREFIX = 'float:';

/** Whether an id names an unattributed remainder rather than an entity. */
export function isFloatId(id: string): boolean {
  return id.startsWith(FLOAT_PREFIX);
}

/** Returns an id based on `base` that is not in `taken`. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  const clean = base.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'id';
  if (!taken(clean)) return clean;
  for (let i = 2; ; i++) if (!taken(`${clean}-${i}`)) return `${clean}-${i}`;
}
