// Closed ownership loops: groups of entities that together own 100% of each other (I − W singular there), found from
// the whole graph's components, or more cheaply among wholly held entities, and handed on across live edits.
import { stronglyConnected } from './scc';
import { hasStructure, shareStructure, type ShareStructure } from './shareStructure';
import type { Snapshot } from './snapshot';

const CLOSED_EPS = 1e-9;

/** Closed ownership loops, each as sorted entity ids, sorted by first id. */
export function closedLoops(s: Snapshot): string[][] {
  let out = loopsMemo.get(s);
  if (!out) loopsMemo.set(s, (out = hasStructure(s) ? loopsOfStructure(s, shareStructure(s)) : (fullyHeldLoops(s) ?? loopsOfStructure(s, shareStructure(s)))));
  return out;
}

const loopsMemo = new WeakMap<Snapshot, string[][]>();

/**
 * Hands the closed loops of `prev` on to `next` (live edits) when an edit cannot have changed them: the same holder →
 * subject pairs in force, and every subject whose holdings changed (`touched`) neither in a loop of `prev` nor wholly
 * held in `next` on a cycle of holdings (a component's closedness reads only its members' holdings from inside; a
 * subject on no cycle is in no loop). `onCycle` says whether an entity may lie on a cycle (the caller's condensation);
 * without it every wholly held subject may. Else nothing: they are computed when asked for.
 */
export function carryLoops(prev: Snapshot, next: Snapshot, touched: Iterable<number>, onCycle: (v: number) => boolean = () => true): void {
  const loops = loopsMemo.get(prev);
  if (!loops || loopsMemo.has(next)) return;
  const inLoop = new Set<string>();
  for (const l of loops) for (const id of l) inLoop.add(id);
  for (const v of touched) {
    if (v < 0 || v >= next.n) continue;
    if (inLoop.has(next.ids[v]) || (next.heldShares[v] >= 1 - CLOSED_EPS && next.holderCount[v] > 0 && onCycle(v))) return;
  }
  loopsMemo.set(next, loops);
}

/** closedLoops from the whole graph's components: the definition (tests hold the fast path to it). */
export function closedLoopsOfComponents(s: Snapshot): string[][] {
  return loopsOfStructure(s, shareStructure(s));
}

function loopsOfStructure(s: Snapshot, st: ShareStructure): string[][] {
  return [...st.closed].map((c) => st.members.get(c)!.map((v) => s.ids[v]).sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * closedLoops without the components of the whole graph (an edit changes the snapshot, and the whole graph's components
 * cost more than the rest of an edit). Every member of a closed loop is wholly held, so a closed loop is a component
 * of the graph among wholly held entities. The components found there that are closed are loops of the whole graph
 * when nothing outside them both holds a member and is reachable from them (then no larger component contains them);
 * when that cannot be ruled out, null: the caller computes the whole graph's components.
 */
function fullyHeldLoops(s: Snapshot): string[][] | null {
  const n = s.n;
  const local = new Int32Array(n).fill(-1);
  const members: number[] = [];
  for (let v = 0; v < n; v++) if (s.heldShares[v] >= 1 - CLOSED_EPS && s.holderCount[v] > 0) {
    local[v] = members.length;
    members.push(v);
  }
  const k = members.length;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < k; i++) {
    const v = members[i];
    let c = 0;
    for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) if (local[s.outSubject[e]] !== -1) c++;
    start[i + 1] = start[i] + c;
  }
  const target = new Int32Array(start[k]);
  for (let i = 0, at = 0; i < k; i++) {
    const v = members[i];
    for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) if (local[s.outSubject[e]] !== -1) target[at++] = local[s.outSubject[e]];
  }
  const { comp, size } = stronglyConnected(k, start, target);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < k; i++) {
    if (size[comp[i]] < 2) continue;
    const list = groups.get(comp[i]);
    if (list) list.push(members[i]); else groups.set(comp[i], [members[i]]);
  }
  const out: string[][] = [];
  const inGroup = new Uint8Array(n);
  for (const list of groups.values()) {
    for (const v of list) inGroup[v] = 1;
    const closed = list.every((f) => {
      let inside = 0;
      for (let e = s.inStart[f]; e < s.inStart[f + 1]; e++) if (inGroup[s.inHolder[e]]) inside += s.inShares[e];
      return inside >= 1 - CLOSED_EPS;
    });
    let outsideHolder = false;
    if (closed) for (const f of list) for (let e = s.inStart[f]; e < s.inStart[f + 1]; e++) if (!inGroup[s.inHolder[e]]) outsideHolder = true;
    for (const v of list) inGroup[v] = 0;
    if (!closed) continue;
    // A holder outside the group might lie on a cycle through it (a larger component): not ruled out cheaply.
    if (outsideHolder) return null;
    out.push(list.map((v) => s.ids[v]).sort());
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}
