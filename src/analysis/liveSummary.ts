// The summary a live analysis hands the page (summary.ts's AnalysisSummary, as summarize gives for a full analysis),
// kept current across edits: statuses, controllers and ultimate controllers as CSR, control groups as a key per
// entity and a count per key, conferring holdings and loops. It is made once in whole-graph passes over typed arrays;
// after an edit only the entities the edit re-evaluated or whose ultimate controllers it redid are rewritten (a
// controller list that changes length moves the lists after it: one typed copy). Ultimate controllers are those with
// the declared indirect interests that decide (liveDeclared.ts), marked so, and exposure reads look-through with the
// declarations' shift (declared.ts), as the full analysis does. The page gets copies, as the buffers it receives are
// transferred away; the worker keeps its own to patch.
import { inForce } from '../model';
import type { Reason } from './control';
import { classifyDependency, type Exposure } from './exposure';
import type { LiveAnalysis } from './live';
import { closedLoops, lookThroughWalk } from './lookThrough';
import { declaredShift, prepareDeclared } from './declared';
import type { AnalysisSummary } from './summary';

/**
 * Joint controllers sorted by id, kept per players list: a reason object outlives the edits that do not re-evaluate
 * its entity, so its players are sorted once, not at every summary (ids of an entity never change while live).
 */
const sortedByReason = new WeakMap<readonly number[], number[]>();
function sortedPlayers(players: readonly number[], byId: (a: number, b: number) => number): number[] {
  let sorted = sortedByReason.get(players);
  if (!sorted) sortedByReason.set(players, (sorted = players.slice().sort(byId)));
  return sorted;
}

const NONE: readonly number[] = [];

/** What the summary says of one entity, read from the live analysis's control state. */
interface Entry {
  status: number;
  parents: readonly number[];
  ultimates: readonly number[];
  key: number;
  declared: number;
}

/** Rewrites the lists of the entities in `changed` in a CSR (start, idx); returns the CSR, the same arrays when no length changed. */
export function patchCsr(start: Int32Array, idx: Int32Array, changed: Map<number, readonly number[]>): [Int32Array, Int32Array] {
  let same = true;
  for (const [v, list] of changed) if (start[v + 1] - start[v] !== list.length) same = false;
  if (same) {
    for (const [v, list] of changed) for (let i = 0; i < list.length; i++) idx[start[v] + i] = list[i];
    return [start, idx];
  }
  const n = start.length - 1;
  const vs = [...changed.keys()].sort((a, b) => a - b);
  const nextStart = new Int32Array(n + 1);
  let total = idx.length;
  for (const v of vs) total += changed.get(v)!.length - (start[v + 1] - start[v]);
  const nextIdx = new Int32Array(total);
  // Runs of unchanged entities are copied whole, and their starts shifted by what the changed lists before them added.
  let from = 0, shift = 0;
  const copyRun = (to: number) => {
    nextIdx.set(idx.subarray(start[from], start[to]), start[from] + shift);
    for (let v = from; v < to; v++) nextStart[v + 1] = start[v + 1] + shift;
  };
  for (const v of vs) {
    copyRun(v);
    const list = changed.get(v)!;
    const at = start[v] + shift;
    for (let i = 0; i < list.length; i++) nextIdx[at + i] = list[i];
    shift += list.length - (start[v + 1] - start[v]);
    nextStart[v + 1] = start[v + 1] + shift;
    from = v + 1;
  }
  copyRun(n);
  return [nextStart, nextIdx];
}

/** The summary of a live analysis, made once and patched after each edit with the entities the edit touched. */
export class LiveSummary {
  private status: Uint8Array;
  private parentStart: Int32Array;
  private parentIdx: Int32Array;
  private ultimateStart: Int32Array;
  private ultimateIdx: Int32Array;
  private groupKey: Int32Array;
  /** Members per key: a single top's index (below n), or n + the id of an interned set of several tops. */
  private groupCount: Int32Array;
  /** Per entity, 1 when its ultimate controllers are declared; made when a declaration first decides. */
  private declared: Uint8Array | null = null;
  /** How many entities the last patch rewrote (for tests and the benchmark). */
  rewritten: number;

  /** Made from scratch (what summarize(analyze(doc)) gives), in two passes over typed arrays. */
  constructor(live: LiveAnalysis) {
    const n = live.snap.n;
    this.status = new Uint8Array(n);
    this.groupKey = new Int32Array(n);
    this.groupCount = new Int32Array(n + live.internId.size);
    const entries: Entry[] = new Array(n);
    let np = 0, nu = 0;
    for (let v = 0; v < n; v++) {
      const e = (entries[v] = this.entry(live, v));
      np += e.parents.length;
      nu += e.ultimates.length;
    }
    this.parentStart = new Int32Array(n + 1);
    this.ultimateStart = new Int32Array(n + 1);
    this.parentIdx = new Int32Array(np);
    this.ultimateIdx = new Int32Array(nu);
    for (let v = 0, p = 0, u = 0; v < n; v++) {
      const e = entries[v];
      this.status[v] = e.status;
      this.groupKey[v] = e.key;
      this.groupCount[e.key]++;
      if (e.declared) (this.declared ??= new Uint8Array(n))[v] = 1;
      for (const x of e.parents) this.parentIdx[p++] = x;
      for (const x of e.ultimates) this.ultimateIdx[u++] = x;
      this.parentStart[v + 1] = p;
      this.ultimateStart[v + 1] = u;
    }
    this.rewritten = n;
  }

  /** The entry of entity v now. */
  private entry(live: LiveAnalysis, v: number): Entry {
    const { parent, reason, tops, onCycle, joint, topsId } = live;
    const n = live.snap.n;
    let status: number, parents: readonly number[];
    if (joint[v]) {
      status = 2;
      const players = (reason[v] as Extract<Reason, { kind: 'joint' }>).players;
      const ids = live.snap.ids;
      parents = players.length > 1 ? sortedPlayers(players, (a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0)) : players;
    } else if (parent[v] === -1) {
      status = 0;
      parents = NONE;
    } else {
      status = onCycle[v] ? 3 : 1;
      parents = [parent[v]];
    }
    const t = status === 0 ? NONE : tops[v];
    const key = t.length === 0 ? v : t.length === 1 ? t[0] : n + topsId[v];
    return { status, parents, ultimates: t, key, declared: live.declaredMarks?.[v] && t.length ? 1 : 0 };
  }

  /**
   * Brings the summary to the live analysis after an edit that changed the control state of `touched` only (the
   * entities it re-evaluated, and those whose ultimate controllers it redid); the entity list must be the same length.
   */
  patch(live: LiveAnalysis, touched: Iterable<number>): void {
    const n = live.snap.n;
    if (this.status.length !== n) throw new Error('analysis/liveSummary: the entity count changed — make a new summary instead of patching');
    if (this.groupCount.length < n + live.internId.size) {
      const grown = new Int32Array(n + live.internId.size + 64);
      grown.set(this.groupCount);
      this.groupCount = grown;
    }
    const parents = new Map<number, readonly number[]>(), ultimates = new Map<number, readonly number[]>();
    for (const v of touched) {
      if (parents.has(v)) continue;
      const e = this.entry(live, v);
      this.status[v] = e.status;
      this.groupCount[this.groupKey[v]]--;
      this.groupCount[e.key]++;
      this.groupKey[v] = e.key;
      if (e.declared || this.declared) (this.declared ??= new Uint8Array(n))[v] = e.declared;
      parents.set(v, e.parents);
      ultimates.set(v, e.ultimates);
    }
    [this.parentStart, this.parentIdx] = patchCsr(this.parentStart, this.parentIdx, parents);
    [this.ultimateStart, this.ultimateIdx] = patchCsr(this.ultimateStart, this.ultimateIdx, ultimates);
    this.rewritten = parents.size;
  }

  /** A copy to hand the page (its buffers may be transferred), with conferring holdings, exposure and loops as they are now. */
  snapshot(live: LiveAnalysis): AnalysisSummary {
    return {
      options: live.options,
      status: this.status.slice(),
      parentStart: this.parentStart.slice(),
      parentIdx: this.parentIdx.slice(),
      ultimateStart: this.ultimateStart.slice(),
      ultimateIdx: this.ultimateIdx.slice(),
      groupKey: this.groupKey.slice(),
      groupCount: this.groupCount.slice(0, live.snap.n + live.internId.size),
      confers: live.confers.slice(),
      dependencies: dependencies(live),
      loops: closedLoops(live.snap),
      ...(this.declared?.includes(1) ? { ultimateDeclared: this.declared.slice() } : {}),
    };
  }
}

/** Exposure of every dependency in force (as Analysis.dependencies), reading look-through only for their clients. */
function dependencies(live: LiveAnalysis): Record<string, Exposure> {
  const out: Record<string, Exposure> = {};
  const deps = live.doc.dependencies ?? [];
  if (!deps.length) return out;
  const s = live.snap;
  const top = (id: string) => {
    const v = s.index.get(id);
    if (v === undefined) return [id];
    const t = live.reason[v].kind !== 'joint' && live.parent[v] === -1 ? [] : live.tops[v];
    return t.length ? t.map((u) => s.ids[u]).sort() : [id];
  };
  // Declarations are made ready before any walk whose arrays are read (they run walks of their own).
  const prepared = prepareDeclared(s);
  const stake = (owner: string, client: string) => {
    const v = s.index.get(client), o = s.index.get(owner);
    if (v === undefined || o === undefined || o === v) return 0;
    const w = lookThroughWalk(s, v);
    if (!w.ok) return 0;
    const shift = declaredShift(s, prepared, v, w.nodes, w.m);
    return ((w.nodes.includes(o) ? w.m[o] : 0) + (shift?.upstream.get(o) ?? 0)) * 100;
  };
  // Jurisdictions read through the snapshot's index (no map of every entity per summary).
  const jurisdiction = (id: string) => {
    const v = s.index.get(id);
    return v === undefined ? undefined : live.doc.entities[v].jurisdiction;
  };
  for (const d of deps) {
    if (!inForce(d, live.options.date)) continue;
    out[d.id] = classifyDependency(d, { top, lookThroughStake: stake, jurisdiction });
  }
  return out;
}
