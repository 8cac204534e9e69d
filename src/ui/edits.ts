// Helpers that turn form commits into operations on the store; each returns the refusal message or null.
import type { Agreement, Dependency, Entity, Holding, Op, Changes } from '../model';
import { appStore } from '../store';

/** Commits one operation; returns the readable refusal, or null when applied. */
export function commitOp(op: Op): string | null {
  const r = appStore.getState().commit(op);
  return r.ok ? null : r.error;
}

export const changeEntity = (id: string, changes: Changes<Omit<Entity, 'id'>>) => commitOp({ type: 'updateEntity', id, changes });
export const changeAgreement = (id: string, changes: Changes<Omit<Agreement, 'id'>>) => commitOp({ type: 'updateAgreement', id, changes });
export const changeDependency = (id: string, changes: Changes<Omit<Dependency, 'id'>>) => commitOp({ type: 'updateDependency', id, changes });

/** Holdings are upserted whole (setHolding): merge the changes, `null` clearing a field. */
export function changeHolding(h: Holding, changes: Changes<Omit<Holding, 'id'>>): string | null {
  const next: Record<string, unknown> = { ...h };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
  }
  return commitOp({ type: 'setHolding', holding: next as Holding });
}
