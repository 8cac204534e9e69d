// The shareholding graph's condensation, computed once per snapshot for look-through: strongly connected components,
// which of them are closed loops (every member wholly held inside: I − W singular there), the entities ranked by
// component downstream first (subjects before their holders), and per entity the nearest closed loop above it.
import { stronglyConnected } from './scc';
import type { Snapshot } from './snapshot';

const CLOSED_EPS = 1e-9;

/** What the condensation reads of a snapshot: its holdings both ways (the look-through pass's worker has only these). */
export type ShareGraph = Pick<Snapshot, 'n' | 'inStart' | 'inHolder' | 'inShares' | 'outStart' | 'outSubject'>;

export interface ShareStructure {
  comp: Int32Array;
  /** Members of each non-trivial component (two or more entities). */
  members: Map<number, number[]>;
  /** Per non-trivial component, one past its last member's rank. */
  ends: Map<number, number>;
  /** Per entity: 1 when it lies in a non-trivial component (the walks' test, without a map lookup). */
  cyclic: Uint8Array;
  /** Per entity: one past the last rank of its component. */
  end: Int32Array;
  /** Component ids of closed ownership loops. */
  closed: Set<number>;
  /** Position of each entity when entities are ordered by component id, sinks (downstream) first; a component's members are consecutive. */
  rank: Int32Array;
  byRank: Int32Array;
  /** Per entity, the closed loop (component id) among it and its ancestors nearest downstream, or −1; built on first use. */
  loopAbove?: Int32Array;
}

const structures = new WeakMap<ShareGraph, ShareStructure>();

/** Whether the structure of `s` was already computed (callers choose a cheaper path when it was not). */
export function hasStructure(s: ShareGraph): boolean {
  return structures.has(s);
}

/** The condensation of the shareholding graph of `s` (memoised per snapshot). */
export function shareStructure(s: ShareGraph): ShareStructure {
  let st = structures.get(s);
  if (st) return st;
  const { comp, size, count } = stronglyConnected(s.n, s.outStart, s.outSubject);
  const members = new Map<number, number[]>();
  for (let v = 0; v < s.n; v++) {
    if (size[comp[v]] < 2) continue;
    const list = members.get(comp[v]);
    if (list) list.push(v); else members.set(comp[v], [v]);
  }
  // Counting sort by component id: members of one component get consecutive ranks.
  const start = new Int32Array(count + 1);
  for (let v = 0; v < s.n; v++) start[comp[v] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const rank = new Int32Array(s.n), byRank = new Int32Array(s.n);
  for (let v = 0; v < s.n; v++) {
    const r = start[comp[v]]++;
    rank[v] = r;
    byRank[r] = v;
  }
  const ends = new Map<number, number>();
  for (const c of members.keys()) ends.set(c, start[c]);
  const cyclic = new Uint8Array(s.n), end = new Int32Array(s.n);
  for (let v = 0; v < s.n; v++) {
    cyclic[v] = size[comp[v]] > 1 ? 1 : 0;
    end[v] = start[comp[v]];
  }
  st = { comp, members, ends, cyclic, end, closed: closedOf(s, comp, members), rank, byRank };
  structures.set(s, st);
  return st;
}

/**
 * Lets `next` reuse the components of `prev` when both have the same holdings between the same entities (an edit of
 * figures only): the closed loops are re-tested, the components and order kept. No-op when `prev` has none.
 */
export function carryStructure(prev: Snapshot, next: Snapshot): void {
  const st = structures.get(prev);
  if (!st || structures.has(next)) return;
  structures.set(next, { comp: st.comp, members: st.members, ends: st.ends, cyclic: st.cyclic, end: st.end, rank: st.rank, byRank: st.byRank, closed: closedOf(next, st.comp, st.members) });
}

function closedOf(s: ShareGraph, comp: Int32Array, members: Map<number, number[]>): Set<number> {
  const closed = new Set<number>();
  for (const [c, list] of members) {
    const isClosed = list.every((f) => {
      let inside = 0;
      for (let e = s.inStart[f]; e < s.inStart[f + 1]; e++) if (comp[s.inHolder[e]] === c) inside += s.inShares[e];
      return inside >= 1 - CLOSED_EPS;
    });
    if (isClosed) closed.add(c);
  }
  return closed;
}

/**
 * Per entity, the closed loop whose figures its own would need: the one with the lowest component id among the
 * entity's component and its ancestors' (the nearest downstream), or −1. One pass over the components, holders first.
 */
export function loopAbove(s: ShareGraph, st: ShareStructure): Int32Array {
  if (st.loopAbove) return st.loopAbove;
  const out = new Int32Array(s.n).fill(-1);
  if (st.closed.size) {
    const { comp, byRank, members } = st;
    const NONE = 0x7fffffff;
    // Descending rank: every holder outside an entity's component has a higher component id, so is done before it.
    for (let r = s.n - 1; r >= 0; ) {
      const v = byRank[r];
      const c = comp[v];
      const group = members.get(c) ?? [v];
      let best = st.closed.has(c) ? c : NONE;
      for (const f of group) {
        for (let e = s.inStart[f]; e < s.inStart[f + 1]; e++) {
          const h = s.inHolder[e];
          if (comp[h] !== c && out[h] !== -1 && out[h] < best) best = out[h];
        }
      }
      for (const f of group) out[f] = best === NONE ? -1 : best;
      r -= group.length;
    }
  }
  return (st.loopAbove = out);
}
