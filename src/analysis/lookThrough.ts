// Look-through (integrated) ownership L = W(I−W)⁻¹ and ultimate owners U = W_OF(I−W_FF)⁻¹ for one target
// (CONTROL-MODEL §1; Brioschi, Buzzacchi & Colombo 1989), by pushing the target's cash flows up the condensation:
// entities are taken downstream first (a heap on their rank), so outside cycles each is pushed once, after all its
// subjects; a strongly connected component is converged as a whole when its first member comes up (pushes inside it
// until what is left is negligible). With a tolerance, flows below it are dropped and their sum is returned: every
// ultimate-owner figure is then short by at most that sum, and the cost grows with what carries weight, not with the
// ancestors or the paths.
import { FLOAT_PREFIX } from '../model';
import { loopAbove, shareStructure, type ShareStructure } from './shareStructure';
import type { Snapshot } from './snapshot';

export { closedLoops, carryLoops, closedLoopsOfComponents } from './closedLoops';
export { carryStructure } from './shareStructure';

const EPS = 1e-12;
/** Inside a component, an exact walk (tolerance 0) stops pushing a member's flow below this. */
const EXACT_INNER = 1e-17;

/** Scratch of the walks on one snapshot: figures, flows still to push, and the heap and queue of entities. */
interface Scratch {
  st: ShareStructure;
  stamp: Int32Array;
  m: Float64Array;
  r: Float64Array;
  heap: Int32Array;
  inHeap: Uint8Array;
  queue: Int32Array;
  queued: Uint8Array;
  /** Members of the component being converged that received flow (`inList` marks them with the walk). */
  list: Int32Array;
  inList: Int32Array;
  nodes: Int32Array;
  walk: number;
}

const scratches = new WeakMap<Snapshot, Scratch>();

function scratch(s: Snapshot): Scratch {
  const st = shareStructure(s);
  let sc = scratches.get(s);
  if (sc && sc.st === st) return sc;
  const n = s.n;
  sc = { st, stamp: new Int32Array(n), m: new Float64Array(n), r: new Float64Array(n), heap: new Int32Array(n), inHeap: new Uint8Array(n), queue: new Int32Array(n), queued: new Uint8Array(n), list: new Int32Array(n), inList: new Int32Array(n), nodes: new Int32Array(n), walk: 0 };
  scratches.set(s, sc);
  return sc;
}

/**
 * The raw look-through walk of `target`: `nodes` are the target and the ancestors its flows reached and `m[v]` is the
 * fraction of the target's cash flows reaching v (1 for the target outside cycles). `dropped` is the flow left
 * unpushed (0 up to rounding for an exact walk). Both arrays are scratch owned by the snapshot, valid until the next
 * walk on it: read them at once.
 */
export type LookThroughWalk = { ok: true; nodes: Int32Array; m: Float64Array; dropped: number } | { ok: false; loop: string[] };

/**
 * Walks the flows of `target` up to its ultimate owners. `tolerance` 0 (the default) pushes every flow: exact to
 * rounding. A positive tolerance drops flows below a threshold, lowered until the dropped sum is at most `tolerance`.
 */
export function lookThroughWalk(s: Snapshot, target: number, tolerance = 0): LookThroughWalk {
  const sc = scratch(s);
  const above = loopAbove(s, sc.st)[target];
  if (above !== -1) return { ok: false, loop: sc.st.members.get(above)!.map((x) => s.ids[x]).sort() };
  if (tolerance <= 0) return pushFlows(s, sc, target, 0, EXACT_INNER);
  for (let cut = tolerance / 100; ; cut /= 64) {
    const w = pushFlows(s, sc, target, cut, cut);
    if (w.dropped <= tolerance || cut < 1e-300) return w;
  }
}

/** Adds rank x to the min-heap heap[0..size); returns the new size. */
function heapPush(heap: Int32Array, size: number, x: number): number {
  let i = size;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (heap[p] <= x) break;
    heap[i] = heap[p];
    i = p;
  }
  heap[i] = x;
  return size + 1;
}

/** Removes the smallest rank from the min-heap heap[0..size) (the caller read heap[0] and passes size − 1). */
function heapDrop(heap: Int32Array, size: number): void {
  const x = heap[size];
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    if (c + 1 < size && heap[c + 1] < heap[c]) c++;
    if (heap[c] >= x) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = x;
}

/** One walk: flows below `cut` at an entity outside cycles, or below `inner` inside a component, are dropped. */
function pushFlows(s: Snapshot, sc: Scratch, target: number, cut: number, inner: number): Extract<LookThroughWalk, { ok: true }> {
  if (++sc.walk === 0x7fffffff) {
    sc.stamp.fill(0);
    sc.inList.fill(0);
    sc.walk = 1;
  }
  const { st, stamp, m, r, heap, inHeap, queue, queued, list, inList, nodes, walk } = sc;
  const { comp, rank, byRank, cyclic, end: compEnd } = st;
  const { inStart, inHolder, inShares } = s;
  const qn = queue.length;
  let count = 1, size = 0, dropped = 0;
  // The target: touched, one unit of flow, heaped. Holders are touched (figures reset) when flow first reaches them.
  stamp[target] = walk;
  m[target] = 0;
  r[target] = 1;
  queued[target] = 0;
  nodes[0] = target;
  inHeap[target] = 1;
  size = heapPush(heap, size, rank[target]);
  while (size > 0) {
    const u = byRank[heap[0]];
    heapDrop(heap, --size);
    inHeap[u] = 0;
    if (!cyclic[u]) {
      // Outside cycles: every flow into u has arrived (its subjects rank lower); push it once, to every holder.
      const flow = r[u];
      r[u] = 0;
      if (flow < cut && u !== target) {
        dropped += flow;
        continue;
      }
      m[u] += flow;
      for (let e = inStart[u], end = inStart[u + 1]; e < end; e++) {
        const h = inHolder[e];
        if (stamp[h] !== walk) {
          stamp[h] = walk;
          m[h] = 0;
          r[h] = inShares[e] * flow;
          queued[h] = 0;
          nodes[count++] = h;
          inHeap[h] = 1;
          size = heapPush(heap, size, rank[h]);
        } else {
          r[h] += inShares[e] * flow;
          if (!inHeap[h]) {
            inHeap[h] = 1;
            size = heapPush(heap, size, rank[h]);
          }
        }
      }
      continue;
    }
    // A component: every flow into it from downstream has arrived (its members' subjects outside it rank lower).
    // Its members with flow (the heap's next entries) are queued, then pushed round until what is left is negligible.
    const c = comp[u];
    const last = compEnd[u];
    let head = 0, tail = 0, listed = 0;
    for (let v = u; ; ) {
      inList[v] = walk;
      list[listed++] = v;
      queued[v] = 1;
      queue[tail++] = v;
      if (size === 0 || heap[0] >= last) break;
      v = byRank[heap[0]];
      heapDrop(heap, --size);
      inHeap[v] = 0;
    }
    while (head !== tail) {
      const f = queue[head];
      head = head + 1 === qn ? 0 : head + 1;
      queued[f] = 0;
      const flow = r[f];
      r[f] = 0;
      m[f] += flow;
      for (let e = inStart[f], end = inStart[f + 1]; e < end; e++) {
        const h = inHolder[e];
        if (stamp[h] !== walk) {
          stamp[h] = walk;
          m[h] = 0;
          r[h] = 0;
          queued[h] = 0;
          inHeap[h] = 0;
          nodes[count++] = h;
        }
        const x = (r[h] += inShares[e] * flow);
        if (comp[h] !== c) {
          if (!inHeap[h]) {
            inHeap[h] = 1;
            size = heapPush(heap, size, rank[h]);
          }
          continue;
        }
        if (inList[h] !== walk) {
          inList[h] = walk;
          list[listed++] = h;
        }
        if (x > inner && !queued[h]) {
          queued[h] = 1;
          queue[tail] = h;
          tail = tail + 1 === qn ? 0 : tail + 1;
        }
      }
    }
    // What is left inside is negligible: dropped, and counted.
    for (let i = 0; i < listed; i++) {
      const f = list[i];
      dropped += r[f];
      r[f] = 0;
    }
  }
  return { ok: true, nodes: nodes.subarray(0, count), m, dropped };
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
