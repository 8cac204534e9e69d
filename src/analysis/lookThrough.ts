// Look-through (integrated) ownership L = W(I−W)⁻¹ and ultimate owners U = W_OF(I−W_FF)⁻¹ for one target
// (CONTROL-MODEL §1; Brioschi, Buzzacchi & Colombo 1989). Strongly connected components are condensed once per
// snapshot and ranked downstream-first; a target's ancestors are walked in that order and each entity's figure is
// pushed to its holders, so a target costs O(edges among its ancestors) with typed scratch arrays and no maps.
// Only non-trivial components are solved (densely when small, Gauss–Seidel when large).
import { FLOAT_PREFIX } from '../model';
import { stronglyConnected } from './scc';
import type { Snapshot } from './snapshot';
import { sortSmall } from './sortSmall';

const EPS = 1e-12;
const CLOSED_EPS = 1e-9;
const DENSE_LIMIT = 300;

interface ShareStructure {
  comp: Int32Array;
  members: Map<number, number[]>; // non-trivial components only
  closed: Set<number>; // component ids of closed ownership loops
  /** Position of each entity when entities are ordered by component, sinks (downstream) first. */
  rank: Int32Array;
  byRank: Int32Array;
  /** Scratch: which walk last reached an entity, its figure, and the ranks of the current walk. */
  stamp: Int32Array;
  m: Float64Array;
  ranks: Int32Array;
  /** Scratch: the nodes of the current walk (LookThroughWalk.nodes is a view of it). */
  nodes: Int32Array;
  walk: number;
}

const structures = new WeakMap<Snapshot, ShareStructure>();

/** SCCs of the shareholding graph, which of them are closed loops (every member wholly held inside), and the walk order. */
function structure(s: Snapshot): ShareStructure {
  let st = structures.get(s);
  if (st) return st;
  const { comp, size, count } = stronglyConnected(s.n, s.outStart, s.outSubject);
  const members = new Map<number, number[]>();
  for (let v = 0; v < s.n; v++) {
    if (size[comp[v]] < 2) continue;
    const list = members.get(comp[v]);
    if (list) list.push(v); else members.set(comp[v], [v]);
  }
  const closed = closedOf(s, comp, members);
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
  st = { comp, members, closed, rank, byRank, stamp: new Int32Array(s.n), m: new Float64Array(s.n), ranks: new Int32Array(s.n), nodes: new Int32Array(s.n), walk: 0 };
  structures.set(s, st);
  return st;
}

/**
 * Lets `next` reuse the components of `prev` when both have the same holdings between the same entities (an edit of
 * figures only): the closed loops are re-tested, the components and walk order kept. No-op when `prev` has none.
 */
export function carryStructure(prev: Snapshot, next: Snapshot): void {
  const st = structures.get(prev);
  if (!st || structures.has(next)) return;
  structures.set(next, { ...st, closed: closedOf(next, st.comp, st.members), stamp: new Int32Array(next.n), walk: 0 });
}

function closedOf(s: Snapshot, comp: Int32Array, members: Map<number, number[]>): Set<number> {
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

/** Closed ownership loops: groups of entities that together own 100% of each other (I − W singular). */
export function closedLoops(s: Snapshot): string[][] {
  let out = loopsMemo.get(s);
  if (!out) loopsMemo.set(s, (out = structures.has(s) ? loopsOfStructure(s, structure(s)) : (fullyHeldLoops(s) ?? loopsOfStructure(s, structure(s)))));
  return out;
}

const loopsMemo = new WeakMap<Snapshot, string[][]>();

/**
 * Hands the closed loops of `prev` on to `next` (live edits) when an edit cannot have changed them: the same holder →
 * subject pairs in force, and every subject whose holdings changed (`touched`) neither in a loop of `prev` nor wholly
 * held in `next` (a component's closedness reads only its members' holdings from inside). Else nothing: they are
 * computed when asked for.
 */
export function carryLoops(prev: Snapshot, next: Snapshot, touched: Iterable<number>): void {
  const loops = loopsMemo.get(prev);
  if (!loops || loopsMemo.has(next)) return;
  const inLoop = new Set<string>();
  for (const l of loops) for (const id of l) inLoop.add(id);
  for (const v of touched) {
    if (v < 0 || v >= next.n) continue;
    if (inLoop.has(next.ids[v]) || (next.heldShares[v] >= 1 - CLOSED_EPS && next.holderCount[v] > 0)) return;
  }
  loopsMemo.set(next, loops);
}

/** closedLoops from the whole graph's components: the definition (tests hold the fast path to it). */
export function closedLoopsOfComponents(s: Snapshot): string[][] {
  return loopsOfStructure(s, structure(s));
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

/**
 * The raw look-through walk of `target`: `nodes` are the target and its ancestors (downstream first) and `m[v]` is
 * the fraction of the target's cash flows reaching v (1 for the target). Both are scratch owned by the snapshot,
 * valid until the next walk on it: read them at once.
 */
export type LookThroughWalk = { ok: true; nodes: Int32Array; m: Float64Array } | { ok: false; loop: string[] };

/** Walks the ancestors of `target` and computes every ancestor's look-through fraction m (see LookThroughWalk). */
export function lookThroughWalk(s: Snapshot, target: number): LookThroughWalk {
  const st = structure(s);
  if (++st.walk === 0x7fffffff) {
    st.stamp.fill(0);
    st.walk = 1;
  }
  const { stamp, m, ranks, rank, byRank, comp } = st;
  const walk = st.walk;
  // 1. Ancestors of the target (holders, their holders, …), by rank.
  let count = 0;
  stamp[target] = walk;
  m[target] = 0;
  ranks[count++] = rank[target];
  for (let q = 0; q < count; q++) {
    const v = byRank[ranks[q]];
    for (let e = s.inStart[v]; e < s.inStart[v + 1]; e++) {
      const h = s.inHolder[e];
      if (stamp[h] !== walk) {
        stamp[h] = walk;
        m[h] = 0;
        ranks[count++] = rank[h];
      }
    }
  }
  const order = sortSmall(ranks.subarray(0, count));
  for (let q = 0; q < count; q++) {
    const c = comp[byRank[order[q]]];
    if (st.closed.has(c)) return { ok: false, loop: st.members.get(c)!.map((x) => s.ids[x]).sort() };
  }
  // 2. Downstream first: each entity's figure is final once every subject of it was pushed; then push it to its holders.
  m[target] = 1;
  const nodes = st.nodes.subarray(0, count);
  for (let q = 0; q < count; ) {
    const f = byRank[order[q]];
    const c = comp[f];
    if (!st.members.has(c)) {
      nodes[q++] = f;
      push(s, m, f, -1, comp);
      continue;
    }
    const size = st.members.get(c)!.length;
    const group: number[] = [];
    for (let k = 0; k < size; k++) group.push((nodes[q + k] = byRank[order[q + k]]));
    solveComponent(s, comp, c, group, m);
    for (const g of group) push(s, m, g, c, comp);
    q += size;
  }
  return { ok: true, nodes, m };
}

/** Adds f's figure, times each holding, to its holders outside component `skip`. */
function push(s: Snapshot, m: Float64Array, f: number, skip: number, comp: Int32Array) {
  const mf = m[f];
  if (mf === 0) return;
  for (let e = s.inStart[f]; e < s.inStart[f + 1]; e++) {
    const h = s.inHolder[e];
    if (skip !== -1 && comp[h] === skip) continue;
    m[h] += s.inShares[e] * mf;
  }
}

export type LookThroughResult =
  | { ok: true; lookThrough: Map<number, number>; ultimate: Map<string, number> }
  | { ok: false; loop: string[] };

/** The look-through stakes (fractions) of every upstream entity in `target`, and its ultimate owners summing to 1. */
export function lookThroughOf(s: Snapshot, target: number): LookThroughResult {
  const w = lookThroughWalk(s, target);
  if (!w.ok) return w;
  const lookThrough = new Map<number, number>();
  const ultimate = new Map<string, number>();
  visitOwners(s, target, w, (v, x) => lookThrough.set(v, x), (key, x) => ultimate.set(key, x));
  return { ok: true, lookThrough, ultimate };
}

/**
 * Reads a walk: `upstream(v, x)` for every upstream entity with a stake x > 0 (L[v][target]); `owner(key, x)` for
 * every ultimate owner — a terminal holder (its id) or an unattributed remainder (`float:<id>`) — whose figures sum to 1.
 */
export function visitOwners(s: Snapshot, target: number, w: Extract<LookThroughWalk, { ok: true }>, upstream: (v: number, x: number) => void, owner: (key: string, x: number) => void) {
  const { nodes, m } = w;
  for (let q = 0; q < nodes.length; q++) {
    const v = nodes[q];
    const mv = m[v];
    if (v !== target && mv > EPS) upstream(v, mv);
    if (s.holderCount[v] === 0) {
      if (mv > EPS) owner(s.ids[v], v === target ? 1 : mv);
    } else {
      const rem = 1 - s.heldShares[v];
      if (rem > 1e-9 && mv > EPS) owner(FLOAT_PREFIX + s.ids[v], rem * mv);
    }
  }
}

/** Solves m_f − Σ_{k∈C} W[f][k] m_k = b_f on one non-trivial component C, where b (already in m) came from outside C. */
function solveComponent(s: Snapshot, comp: Int32Array, c: number, nodes: number[], m: Float64Array) {
  const size = nodes.length;
  const local = new Map<number, number>();
  nodes.forEach((v, i) => local.set(v, i));
  const b = nodes.map((f) => m[f]);
  if (size <= DENSE_LIMIT) {
    const a = nodes.map((f, r) => {
      const row = new Float64Array(size);
      row[r] = 1;
      for (let e = s.outStart[f]; e < s.outStart[f + 1]; e++) {
        const k = s.outSubject[e];
        if (comp[k] === c) row[local.get(k)!] -= s.outShares[e];
      }
      return row;
    });
    const x = gaussianSolve(a, b);
    nodes.forEach((f, i) => (m[f] = x[i]));
    return;
  }
  const x = new Float64Array(size);
  for (let sweep = 0; sweep < 100_000; sweep++) {
    let delta = 0;
    for (let i = 0; i < size; i++) {
      const f = nodes[i];
      let v = b[i];
      for (let e = s.outStart[f]; e < s.outStart[f + 1]; e++) {
        const k = s.outSubject[e];
        if (comp[k] === c) v += s.outShares[e] * x[local.get(k)!];
      }
      delta = Math.max(delta, Math.abs(v - x[i]));
      x[i] = v;
    }
    if (delta < 1e-14) break;
  }
  nodes.forEach((f, i) => (m[f] = x[i]));
}

/** Gaussian elimination with partial pivoting; `a` is overwritten. */
export function gaussianSolve(a: Float64Array[], b: number[]): Float64Array {
  const n = b.length;
  const x = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [x[col], x[pivot]] = [x[pivot], x[col]];
    const p = a[col][col];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / p;
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r][k] -= f * a[col][k];
      x[r] -= f * x[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let v = x[r];
    for (let k = r + 1; k < n; k++) v -= a[r][k] * x[k];
    x[r] = v / a[r][r];
  }
  return x;
}
