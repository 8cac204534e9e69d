// A live edit re-evaluated in the order of the control graph's condensation, visiting only what can change. An
// entity's decision reads its holders' stakes and the chains of controllers above its holders (control.ts: parent
// pointers only), so when an entity's controller changes, the entities to look at again are the subjects held by it
// and by everything it controls down its chains. Components are taken upstream first (a max-heap of Tarjan's numbers,
// which number sinks first); a cycle that must be looked at again has its rounds from no controllers replayed from
// their record (liveCycles.ts, liveReplay.ts: the rounds computeControl iterates, evaluating only what the edit changes
// in them), and a component nothing reached keeps its decisions, which the edit cannot have changed. So an edit above
// or inside a strongly connected core of 30,000 companies costs what it changes, not the core. The condensation is
// kept while the edges stay (stake edits). Pure; typed arrays.
import { iterateComponent, type Evaluator, type Reason } from './control';
import { sameReason, type CycleRecords } from './liveCycles';
import { stronglyConnected } from './scc';
import type { Snapshot } from './snapshot';

/** The control graph's strongly connected components: numbered sinks first, each one's members in `order`. */
export interface Condensation {
  comp: Int32Array;
  count: number;
  compStart: Int32Array;
  order: Int32Array;
}

/** The condensation of the control graph: holder → subject for every holding, party → subject for agreements. */
export function condensation(s: Snapshot, partyOf: Map<number, number[]>): Condensation {
  const n = s.n;
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v] + (s.outStart[v + 1] - s.outStart[v]) + (partyOf.get(v)?.length ?? 0);
  const target = new Int32Array(start[n]);
  for (let v = 0; v < n; v++) {
    let at = start[v];
    for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) target[at++] = s.outSubject[e];
    for (const w of partyOf.get(v) ?? []) target[at++] = w;
  }
  const { comp, count } = stronglyConnected(n, start, target);
  const compStart = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) compStart[comp[v] + 1]++;
  for (let c = 0; c < count; c++) compStart[c + 1] += compStart[c];
  const fill = compStart.slice(0, count);
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[fill[comp[v]]++] = v;
  return { comp, count, compStart, order };
}

/** A max-heap of component numbers, each queued at most once. */
class Queue {
  private heap: number[] = [];
  constructor(private queued: Uint8Array) {}
  push(c: number) {
    if (this.queued[c]) return;
    this.queued[c] = 1;
    const h = this.heap;
    let i = h.push(c) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] >= c) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = c;
  }
  pop(): number {
    const h = this.heap, top = h[0], last = h.pop()!;
    if (h.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i, v = last;
        if (l < h.length && h[l] > v) { m = l; v = h[l]; }
        if (r < h.length && h[r] > v) m = r;
        if (m === i) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    this.queued[top] = 0;
    return top;
  }
  get size() {
    return this.heap.length;
  }
}

/** What a ranked re-evaluation did: the entities evaluated, and those whose decision changed (controller, kind or players). */
export interface RankedResult {
  evaluated: number[];
  changed: number[];
}


/**
 * Re-evaluates, upstream first, the components of `seeds` and of every subject whose holders' chains of controllers
 * changed on the way; `parent` and `reason` are brought to the fixed point computeControl gives for the snapshot.
 * `children(v)`: the entities whose sole parent v was before the edit (liveKids.ts). That is enough: a chain that
 * reaches a moved controller through pointers the edit changed passes an entity that moved itself, which marks its own.
 */
export function reevaluateRanked(s: Snapshot, cond: Condensation, ev: Evaluator, parent: Int32Array, reason: Reason[], seeds: Iterable<number>, partyOf: Map<number, number[]>, children: (v: number) => readonly number[], cycles: CycleRecords | null = null): RankedResult {
  const { comp, compStart, order } = cond;
  const queue = new Queue(new Uint8Array(cond.count));
  const seedList = [...seeds];
  for (const v of seedList) queue.push(comp[v]);
  const evaluated: number[] = [], changed: number[] = [];
  /** Every entity whose parent this edit changed so far (a cycle's record is replayed against them). */
  const movedAll: number[] = [];
  const seen = new Int32Array(s.n);
  let walk = 0;
  const stack: number[] = [];
  while (queue.size) {
    const c = queue.pop();
    const members = order.subarray(compStart[c], compStart[c + 1]);
    if (members.length > 1 && cycles) {
      // Replayed from the cycle's record (liveCycles.ts): what reads differently is listed as evaluated.
      const r = cycles.iterate(s, ev, members, parent, reason, { seeds: seedList, moved: movedAll, children, upstream: (x) => comp[x] > c });
      for (const v of r.affected) evaluated.push(v);
      for (const v of r.changed) changed.push(v);
      queueBelow(r.moved, c);
      continue;
    }
    const oldParent = Array.from(members, (v) => parent[v]);
    const oldReason = Array.from(members, (v) => reason[v]);
    if (members.length === 1) {
      cycles?.drop(members[0]);
      const r = ev.evaluate(members[0]);
      parent[members[0]] = r.parent;
      reason[members[0]] = r.reason;
    } else {
      // Afresh, as computeControl iterates a cycle: from no controllers, against final decisions upstream.
      for (const v of members) {
        parent[v] = -1;
        reason[v] = undefined as unknown as Reason;
      }
      iterateComponent(ev, members, parent, reason);
    }
    const moved: number[] = [];
    members.forEach((v, i) => {
      evaluated.push(v);
      if (oldParent[i] !== parent[v]) moved.push(v);
      if (oldParent[i] !== parent[v] || !sameReason(oldReason[i], reason[v])) changed.push(v);
    });
    queueBelow(moved, c);
  }
  return { evaluated, changed };

  /** Queues the components of the subjects held by `moved` (of component c) and by all they control down their chains. */
  function queueBelow(moved: number[], c: number) {
    if (!moved.length) return;
    for (const v of moved) movedAll.push(v);
    // Every chain through a moved controller changed: the subjects held by it and by all it controls are looked at.
    // That is enough for a cycle's recorded rounds too: a chain that passed it in some round left the cycle at a
    // member whose parent then was the controller or something it controls, which (by induction down to round 1,
    // where no member has a parent) some holding of a member from below the controller made so.
    walk++;
    for (const v of moved) if (seen[v] !== walk) { seen[v] = walk; stack.push(v); }
    while (stack.length) {
      const d = stack.pop()!;
      for (let e = s.outStart[d]; e < s.outStart[d + 1]; e++) if (comp[s.outSubject[e]] !== c) queue.push(comp[s.outSubject[e]]);
      for (const w of partyOf.get(d) ?? []) if (comp[w] !== c) queue.push(comp[w]);
      for (const w of children(d)) if (seen[w] !== walk) { seen[w] = walk; stack.push(w); }
    }
  }
}
