// Form commits as operations on the explorer's store; each returns the refusal message or null when applied.
import { useMemo } from 'react';
import type { Agreement, Dependency, Entity, Holding, Op, Changes } from '../model';
import { offerFloat, useStoreApi, type ExplorerStore } from '../store';

/** The edit helpers bound to `store`. */
export function editsFor(store: ExplorerStore) {
  /** Dispatches one operation; returns the readable refusal, or null when applied. */
  const commitOp = (op: Op): string | null => {
    const r = store.getState().dispatch(op);
    if (r.ok) return null;
    // Over 100% while a public float holds part of the company: offer to take the points from it (one undo step).
    if (offerFloat(store.getState, op)) return `${r.error} — or take the points from the public float (the offer is in the message line below the graph).`;
    return r.error;
  };
  return {
    commitOp,
    changeEntity: (id: string, changes: Changes<Omit<Entity, 'id'>>) => commitOp({ type: 'updateEntity', id, changes }),
    changeAgreement: (id: string, changes: Changes<Omit<Agreement, 'id'>>) => commitOp({ type: 'updateAgreement', id, changes }),
    changeDependency: (id: string, changes: Changes<Omit<Dependency, 'id'>>) => commitOp({ type: 'updateDependency', id, changes }),
    /** Changes some fields of a holding (`null` clears one): the model merges them (updateHolding). */
    changeHolding: (h: Pick<Holding, 'id'>, changes: Changes<Omit<Holding, 'id'>>) => commitOp({ type: 'updateHolding', id: h.id, changes }),
  };
}

/** The edit helpers of the explorer this component belongs to. */
export function useEdits(): ReturnType<typeof editsFor> {
  const store = useStoreApi();
  return useMemo(() => editsFor(store), [store]);
}
