// A live edit re-evaluated over its whole downstream cone in the control graph (holdings and agreement parties → subject):
// the cone is closed downstream, so its cycles are whole; it is evaluated sources-first with its cycles iterated from
// no controllers, as computeControl does. Used when an edit changes the edges (liveRanked.ts needs them unchanged). Pure.
import { iterateComponent, type Evaluator, type Reason } from './control';
import type { CycleRecords } from './liveCycles';
import type { RankedResult } from './liveRanked';
import { stronglyConnected } from './scc';
import type { Snapshot } from './snapshot';

/** Re-evaluates the downstream cone of `seeds` in place; `local` is scratch of one entry per entity. */
export function reevaluateCone(s: Snapshot, ev: Evaluator, parent: Int32Array, reason: Reason[], seeds: Iterable<number>, partyOf: Map<number, number[]>, local: Int32Array, cycles: CycleRecords | null = null): RankedResult {
  const n = s.n;
  const inCone = new Uint8Array(n);
  const cone: number[] = [];
  for (const v of seeds) if (!inCone[v]) { inCone[v] = 1; cone.push(v); }
  for (let q = 0; q < cone.length; q++) {
    const v = cone[q];
    for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) {
      const w = s.outSubject[e];
      if (!inCone[w]) { inCone[w] = 1; cone.push(w); }
    }
    for (const w of partyOf.get(v) ?? []) if (!inCone[w]) { inCone[w] = 1; cone.push(w); }
  }
  // The cone's own graph in topological order.
  const k = cone.length;
  cone.forEach((v, i) => (local[v] = i));
  const start = new Int32Array(k + 1);
  const edges: number[] = [];
  for (let i = 0; i < k; i++) {
    const v = cone[i];
    for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) edges.push(local[s.outSubject[e]]);
    for (const w of partyOf.get(v) ?? []) edges.push(local[w]);
    start[i + 1] = edges.length;
  }
  const { comp, count } = stronglyConnected(k, start, Int32Array.from(edges));
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < k; i++) members[comp[i]].push(cone[i]);
  const oldParent = cone.map((v) => parent[v]);
  const oldReason = cone.map((v) => reason[v]);
  for (const v of cone) parent[v] = -1;
  for (let c = count - 1; c >= 0; c--) {
    const list = members[c];
    if (list.length === 1) {
      cycles?.drop(list[0]);
      const r = ev.evaluate(list[0]);
      parent[list[0]] = r.parent;
      reason[list[0]] = r.reason;
    } else if (cycles) cycles.iterate(s, ev, list, parent, reason, null); // from scratch, and recorded (liveCycles.ts)
    else {
      for (const v of list) reason[v] = undefined as unknown as Reason;
      iterateComponent(ev, list, parent, reason);
    }
  }
  // Entities whose controllers changed (the caller redoes the tops of everything whose chain of control passes one).
  const changed: number[] = [];
  cone.forEach((v, i) => {
    const a = oldReason[i], b = reason[v];
    if (oldParent[i] !== parent[v] || a?.kind !== b.kind || (a.kind === 'joint' && b.kind === 'joint' && a.players.join() !== b.players.join())) changed.push(v);
  });
  return { evaluated: cone, changed };
}
