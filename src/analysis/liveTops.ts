// Ultimate controllers and "circular" status for a set of entities closed under control descendants, given the
// control pointers (sole parent, or joint players; or, for the subjects of declared indirect interests that decide,
// the declaring party: analysis/declared.ts declaredControl) and the known tops of every entity outside the set. Used
// by the live analysis to redo only the entities whose chain of control passes a changed one. Pure, typed arrays.
import type { Reason } from './control';
import type { Declared } from './declared';
import { stronglyConnected } from './scc';

/**
 * Declared indirect interests that decide, by subject (declaredControl), and the marks of the entities whose way up
 * passes one of them (Analysis's ultimateDeclared): read and written by recomputeTops.
 */
export interface DeclaredUp {
  over: ReadonlyMap<number, Declared>;
  marks: Uint8Array;
}

/** The entities above v: its sole parent, or its joint controllers; the declaring party for a subject of `over`. */
export function upOf(v: number, parent: Int32Array, reason: Reason[], over?: ReadonlyMap<number, Declared>): number[] {
  const d = over?.get(v);
  if (d) return [d.party];
  const r = reason[v];
  return r.kind === 'joint' ? r.players : parent[v] === -1 ? [] : [parent[v]];
}

/**
 * Recomputes tops[v] (made canonical by `canon`, e.g. sorted and shared) (the terminal strongly connected components reachable upwards, as in Analysis.ultimates) and
 * onCycle[v] (v lies on a cycle of sole parents) for every v in `set`. Every entity that can reach a member of `set`
 * upwards must be in it; the others' tops are read as they are. With `declared`, its subjects go up to their declaring
 * party only, and its marks are set as Analysis sets ultimateDeclared: on a component holding a subject or above one.
 */
export function recomputeTops(set: Int32Array, parent: Int32Array, reason: Reason[], tops: number[][], onCycle: Uint8Array, local: Int32Array, canon: (tops: number[]) => number[] = (t) => t, declared?: DeclaredUp) {
  const over = declared?.over, marks = declared?.marks;
  const k = set.length;
  for (let i = 0; i < k; i++) local[set[i]] = i;
  const inSet = (u: number) => local[u] >= 0 && local[u] < k && set[local[u]] === u;
  const start = new Int32Array(k + 1);
  const ups: number[][] = new Array(k);
  for (let i = 0; i < k; i++) {
    ups[i] = upOf(set[i], parent, reason, over);
    start[i + 1] = start[i];
    for (const u of ups[i]) if (inSet(u)) start[i + 1]++;
  }
  const target = new Int32Array(start[k]);
  for (let i = 0, e = 0; i < k; i++) for (const u of ups[i]) if (inSet(u)) target[e++] = local[u];
  const { comp, count } = stronglyConnected(k, start, target);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < k; i++) members[comp[i]].push(set[i]);
  // Components come sinks first, so every successor's tops are ready before its predecessors'.
  const compTops: number[][] = new Array(count);
  const compMark = marks ? new Uint8Array(count) : undefined;
  for (let c = 0; c < count; c++) {
    const out = new Set<number>();
    let terminal = true;
    for (const v of members[c]) {
      if (compMark && over!.has(v)) compMark[c] = 1;
      for (const u of ups[local[v]]) {
        if (inSet(u)) {
          const d = comp[local[u]];
          if (d === c) continue;
          terminal = false;
          if (compMark?.[d]) compMark[c] = 1;
          for (const t of compTops[d]) out.add(t);
        } else {
          terminal = false;
          if (compMark && marks![u]) compMark[c] = 1;
          for (const t of tops[u]) out.add(t);
        }
      }
    }
    compTops[c] = canon(terminal ? members[c] : [...out]);
  }
  for (let i = 0; i < k; i++) tops[set[i]] = compTops[comp[i]];
  if (compMark) for (let i = 0; i < k; i++) marks![set[i]] = compMark[comp[i]];
  // Sole-parent cycles: walk each member's parents until a repeat; a repeat on the current path closes a cycle.
  const state = new Uint8Array(k); // 0 new, 1 on the current path, 2 done (members only)
  for (let i = 0; i < k; i++) onCycle[set[i]] = 0;
  for (let i = 0; i < k; i++) {
    if (state[i]) continue;
    const path: number[] = [];
    let x = set[i];
    while (x !== -1 && inSet(x) && state[local[x]] === 0) {
      state[local[x]] = 1;
      path.push(x);
      x = parent[x];
    }
    if (x !== -1 && inSet(x) && state[local[x]] === 1) for (let j = path.indexOf(x); j < path.length; j++) onCycle[path[j]] = 1;
    for (const p of path) state[local[p]] = 2;
  }
}
