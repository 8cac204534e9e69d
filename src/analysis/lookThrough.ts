// Look-through (integrated) ownership L = W(I−W)⁻¹ and ultimate owners U = W_OF(I−W_FF)⁻¹ for one target
// (CONTROL-MODEL §1; Brioschi, Buzzacchi & Colombo 1989). Strongly connected components are condensed and
// walked downstream-first; only non-trivial components are solved, so a target costs O(edges reachable).
import { FLOAT_PREFIX } from '../model';
import { stronglyConnected } from './scc';
import type { Snapshot } from './snapshot';

const EPS = 1e-12;
const CLOSED_EPS = 1e-9;
const DENSE_LIMIT = 300;

interface ShareStructure {
  comp: Int32Array;
  members: Map<number, number[]>; // non-trivial components only
  closed: Set<number>; // component ids of closed ownership loops
}

const structures = new WeakMap<Snapshot, ShareStructure>();

/** SCCs of the shareholding graph and which of them are closed loops (every member wholly held inside). */
function structure(s: Snapshot): ShareStructure {
  let st = structures.get(s);
  if (st) return st;
  const { comp, size } = stronglyConnected(s.n, s.outStart, s.outSubject);
  const members = new Map<number, number[]>();
  for (let v = 0; v < s.n; v++) {
    if (size[comp[v]] < 2) continue;
    const list = members.get(comp[v]);
    if (list) list.push(v); else members.set(comp[v], [v]);
  }
  const closed = new Set<number>();
  for (const [c, list] of members) {
    const isClosed = list.every((f) => {
      let inside = 0;
      for (let e = s.inStart[f]; e < s.inStart[f + 1]; e++) if (comp[s.inHolder[e]] === c) inside += s.inShares[e];
      return inside >= 1 - CLOSED_EPS;
    });
    if (isClosed) closed.add(c);
  }
  st = { comp, members, closed };
  structures.set(s, st);
  return st;
}

/** Closed ownership loops: groups of entities that together own 100% of each other (I − W singular). */
export function closedLoops(s: Snapshot): string[][] {
  const st = structure(s);
  return [...st.closed].map((c) => st.members.get(c)!.map((v) => s.ids[v]).sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

export type LookThroughResult =
  | { ok: true; lookThrough: Map<number, number>; ultimate: Map<string, number> }
  | { ok: false; loop: string[] };

/** The look-through stakes (fractions) of every upstream entity in `target`, and its ultimate owners summing to 1. */
export function lookThroughOf(s: Snapshot, target: number): LookThroughResult {
  const st = structure(s);
  // 1. Ancestors of the target (holders, their holders, …).
  const seen = new Set<number>([target]);
  const queue = [target];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (let e = s.inStart[v]; e < s.inStart[v + 1]; e++) {
      const h = s.inHolder[e];
      if (!seen.has(h)) {
        seen.add(h);
        queue.push(h);
      }
    }
  }
  for (const v of queue) {
    if (st.closed.has(st.comp[v])) return { ok: false, loop: st.members.get(st.comp[v])!.map((x) => s.ids[x]).sort() };
  }
  // 2. Downstream first: comp ids are in reverse topological order, so ascending comp = closer to the target first.
  queue.sort((a, b) => st.comp[a] - st.comp[b]);
  const m = new Map<number, number>();
  const rowSum = (f: number, exclude: number) => {
    let sum = f === target ? 1 : 0;
    for (let e = s.outStart[f]; e < s.outStart[f + 1]; e++) {
      const k = s.outSubject[e];
      if (st.comp[k] === exclude) continue;
      const mk = m.get(k);
      if (mk) sum += s.outShares[e] * mk;
    }
    return sum;
  };
  for (let i = 0; i < queue.length; ) {
    const c = st.comp[queue[i]];
    let j = i;
    while (j < queue.length && st.comp[queue[j]] === c) j++;
    if (j - i === 1 && !st.members.has(c)) {
      const f = queue[i];
      m.set(f, rowSum(f, -1));
    } else {
      solveComponent(s, c, queue.slice(i, j), rowSum, m);
    }
    i = j;
  }
  // 3. L[i][j] = m_i for i ≠ j; U[o][j] = m_o for terminal holders, remainder_f · m_f for the unattributed remainders.
  const lookThrough = new Map<number, number>();
  const ultimate = new Map<string, number>();
  for (const [v, mv] of m) {
    if (v !== target && mv > EPS) lookThrough.set(v, mv);
    if (s.holderCount[v] === 0) {
      if (mv > EPS) ultimate.set(s.ids[v], v === target ? 1 : mv);
    } else {
      const rem = 1 - s.heldShares[v];
      if (rem > 1e-9 && mv > EPS) ultimate.set(FLOAT_PREFIX + s.ids[v], rem * mv);
    }
  }
  return { ok: true, lookThrough, ultimate };
}

/** Solves m_f − Σ_{k∈S} W[f][k] m_k = b_f on one non-trivial component (dense when small, Gauss–Seidel when large). */
function solveComponent(s: Snapshot, c: number, nodes: number[], rowSum: (f: number, exclude: number) => number, m: Map<number, number>) {
  const size = nodes.length;
  const local = new Map<number, number>();
  nodes.forEach((v, i) => local.set(v, i));
  const b = nodes.map((f) => rowSum(f, c));
  if (size <= DENSE_LIMIT) {
    const a = nodes.map((f, r) => {
      const row = new Float64Array(size);
      row[r] = 1;
      for (let e = s.outStart[f]; e < s.outStart[f + 1]; e++) {
        const k = local.get(s.outSubject[e]);
        if (k !== undefined) row[k] -= s.outShares[e];
      }
      return row;
    });
    const x = gaussianSolve(a, b);
    nodes.forEach((f, i) => m.set(f, x[i]));
    return;
  }
  const x = new Float64Array(size);
  for (let sweep = 0; sweep < 100_000; sweep++) {
    let delta = 0;
    for (let i = 0; i < size; i++) {
      const f = nodes[i];
      let v = b[i];
      for (let e = s.outStart[f]; e < s.outStart[f + 1]; e++) {
        const k = local.get(s.outSubject[e]);
        if (k !== undefined) v += s.outShares[e] * x[k];
      }
      delta = Math.max(delta, Math.abs(v - x[i]));
      x[i] = v;
    }
    if (delta < 1e-14) break;
  }
  nodes.forEach((f, i) => m.set(f, x[i]));
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
