// Control cycles followed across live edits by their iteration's record: computeControl iterates a strongly connected
// component from no controllers in synchronous rounds (x¹ = F(−1), xᵏ⁺¹ = F(pᵏ), until a round changes no parent and no
// kind; control.ts iterateComponent), and that sequence of rounds — not only its end — is the definition, since the
// rounds are not monotone (CONTROL-MODEL.md). So each round is kept as what changed in it, and an edit replays the
// rounds: in round k+1 only the members whose inputs differ from the recorded round k are evaluated (a member's
// decision reads the parents along its holders' chains), the others take the recorded value. The result is the same
// sequence computeControl iterates, round for round, at the cost of what the edit changes rather than the component's
// size times its rounds. Recording from scratch is the same walk with round k as the reference (semi-naive rounds).
import type { Decision, Evaluator, Reason } from './control';
import type { Snapshot } from './snapshot';

/** The recorded iteration of one component: each member's decision in round 1 and wherever it changed later. */
export interface Trajectory {
  members: Int32Array;
  /** Per slot (position in `members`): the round-1 decision. */
  first: Decision[];
  /** Per slot, rounds ≥ 2 in ascending order where the decision differs from the round before. */
  later: Map<number, { round: number; d: Decision }[]>;
  /** Rounds iterated (the last changed no parent and no kind, or reached the cap). */
  rounds: number;
}

/** Whether two decisions are the same in every field (the figures included: the last round's are the result). */
export function sameDecision(a: Decision | undefined, b: Decision): boolean {
  if (!a) return false;
  if (a === b) return true;
  if (a.parent !== b.parent || a.reason.kind !== b.reason.kind) return false;
  const x = a.reason as Record<string, unknown>, y = b.reason as Record<string, unknown>;
  for (const key of Object.keys(x)) {
    const u = x[key], v = y[key];
    if (Array.isArray(u)) {
      if (!Array.isArray(v) || u.length !== v.length || u.some((w, i) => w !== v[i])) return false;
    } else if (u !== v) return false;
  }
  return Object.keys(y).length === Object.keys(x).length;
}

/** Whether two reasons decide alike: the same kind and, for joint control, the same players (liveRanked.ts reports the others). */
export const sameReason = (a: Reason | undefined, b: Reason) => a?.kind === b.kind && (a.kind !== 'joint' || (b.kind === 'joint' && a.players.join() === b.players.join()));

/** Removes one `v` from `list` (order is not kept). */
function drop(list: number[] | undefined, v: number) {
  if (!list) return;
  const i = list.indexOf(v);
  if (i < 0) return;
  list[i] = list[list.length - 1];
  list.pop();
}

/** What a replay needs besides the component: the edit's seeds and moves, and the control graph's children before it. */
export interface ReplayInput {
  /** Members whose own decision rule changed (their holdings, agreements, entity): evaluated in every round. */
  seeds: Iterable<number>;
  /** Entities outside the component whose parent this edit changed (upstream ones matter). */
  moved: Iterable<number>;
  /** The entities whose sole parent v was before the edit (liveKids.ts). */
  children: (v: number) => readonly number[];
  /** Whether x can lie upstream of the component (false prunes the walk from `moved`). */
  upstream: (x: number) => boolean;
}

/** What an iteration changed: members to look at again (their decision or their holders' chains may read differently), whose decision changed, whose parent changed. */
export interface Iterated {
  affected: number[];
  changed: number[];
  moved: number[];
}

/**
 * Iterates `members` to computeControl's fixed point, writing `parent` and `reason`, and returns the record of its
 * rounds. With `old` (the component's record before an edit, its members' parents now its end) the rounds are
 * replayed; without, they are made from scratch. `slotOf` maps an entity to its position in `members`, else −1.
 * Returns also the members whose decision or holders' chains may differ from before (for the caller's per-holding flags).
 */
export function iterateRecorded(s: Snapshot, ev: Evaluator, members: Int32Array, slotOf: (x: number) => number, parent: Int32Array, reason: Reason[], old: Trajectory | null, input: ReplayInput | null): { record: Trajectory } & Iterated {
  const m = members.length, cap = 50 + 4 * m;
  const children = input?.children ?? (() => []);
  /** Each member's parent before (the old end), against which `extras` lists the children the kept children lack. */
  const base = new Int32Array(m).fill(-1);
  const extras = new Map<number, number[]>();
  const extraAt = new Int32Array(m).fill(-1);
  const prior = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    prior[i] = parent[members[i]];
    if (old) base[i] = prior[i];
    parent[members[i]] = -1;
  }
  const setParent = (i: number, p: number) => {
    const x = members[i];
    if (parent[x] === p) return;
    parent[x] = p;
    if (extraAt[i] !== -1) drop(extras.get(extraAt[i]), x);
    extraAt[i] = -1;
    if (p !== -1 && p !== base[i]) {
      const l = extras.get(p);
      if (l) l.push(x); else extras.set(p, [x]);
      extraAt[i] = p;
    }
  };
  /** The members whose parent is v now. */
  const kidsOf = (v: number, f: (i: number) => void) => {
    for (const x of children(v)) {
      const i = slotOf(x);
      if (i >= 0 && parent[x] === v) f(i);
    }
    for (const x of extras.get(v) ?? []) f(slotOf(x));
  };

  // Outside the component the edit's moves are fixed for every round: the entities whose chains pass them (ext), and
  // the members they hold (evaluated in every round, as seeds are).
  const seeds: number[] = [];
  const ext: number[] = [];
  if (input) {
    for (const v of input.seeds) if (slotOf(v) >= 0) seeds.push(slotOf(v));
    const seen = new Set<number>();
    for (const v of input.moved) if (slotOf(v) < 0 && !seen.has(v)) { seen.add(v); ext.push(v); }
    for (let q = 0; q < ext.length; q++) {
      const d = ext[q];
      for (let e = s.outStart[d]; e < s.outStart[d + 1]; e++) if (slotOf(s.outSubject[e]) >= 0) seeds.push(slotOf(s.outSubject[e]));
      for (const x of children(d)) if (slotOf(x) < 0 && parent[x] === d && input.upstream(x) && !seen.has(x)) { seen.add(x); ext.push(x); }
    }
  }

  const cur: (Decision | undefined)[] = new Array(m);
  const first: Decision[] = new Array(m);
  const later = new Map<number, { round: number; d: Decision }[]>();
  const oldAt = (i: number, k: number): Decision | undefined => {
    if (!old || k === 0) return undefined;
    let d = old.first[i];
    for (const e of old.later.get(i) ?? []) {
      if (e.round > k) break;
      d = e.d;
    }
    return d;
  };
  const oldByRound = new Map<number, number[]>();
  if (old) for (const [i, l] of old.later) for (const e of l) (oldByRound.get(e.round) ?? oldByRound.set(e.round, []).get(e.round)!).push(i);

  // Marks: the candidates of a round (by round number), the walk's visits, the slots written in a round.
  const candAt = new Int32Array(m).fill(-1);
  const candDec: (Decision | undefined)[] = new Array(m);
  const walked = new Int32Array(m);
  const written = new Int32Array(m);
  let walk = 0;
  /** Members held along the chains through `starts` (members) and through `ext`: whose inputs may differ. */
  const reached = (starts: number[], into: (i: number) => void) => {
    walk++;
    const stack: number[] = [];
    const reach = (i: number) => {
      if (walked[i] !== walk) {
        walked[i] = walk;
        stack.push(i);
      }
    };
    for (const i of starts) reach(i);
    for (const e of ext) kidsOf(e, reach);
    while (stack.length) {
      const x = members[stack.pop()!];
      for (let e = s.outStart[x]; e < s.outStart[x + 1]; e++) {
        const j = slotOf(s.outSubject[e]);
        if (j >= 0) into(j);
      }
      kidsOf(x, reach);
    }
  };

  let prev: number[] = [];
  let moved: number[] = [];
  let k = 0;
  for (;;) {
    const round = k + 1;
    // Candidates of round k+1: what reads a parent that differs from the reference's round k.
    const cand: number[] = [];
    const add = (i: number) => {
      if (candAt[i] !== round) {
        candAt[i] = round;
        cand.push(i);
      }
    };
    if (!old && k === 0) for (let i = 0; i < m; i++) add(i);
    else {
      for (const i of seeds) add(i);
      reached(moved, add);
    }
    for (const i of cand) candDec[i] = ev.evaluate(members[i]);
    // The slots whose value in round k+1 may differ from round k: the candidates; in a replay also last round's
    // candidates (back to the record) and what the record changed in this round (all of them in round 1).
    const touched: number[] = [];
    const touch = (i: number) => {
      if (written[i] !== round) {
        written[i] = round;
        touched.push(i);
      }
    };
    for (const i of cand) touch(i);
    if (old) {
      for (const i of prev) touch(i);
      if (round === 1) for (let i = 0; i < m; i++) touch(i);
      else for (const i of oldByRound.get(round) ?? []) touch(i);
    }
    let changed = false;
    const nextMoved: number[] = [];
    for (const i of touched) {
      const isCand = candAt[i] === round;
      const v = isCand ? candDec[i]! : old ? oldAt(i, round)! : cur[i]!;
      const p = cur[i];
      if (!p || v.parent !== p.parent || v.reason.kind !== p.reason.kind) changed = true;
      if (old ? isCand && v.parent !== (oldAt(i, round)?.parent ?? -1) : v.parent !== (p?.parent ?? -1)) nextMoved.push(i);
      if (round === 1) first[i] = v;
      else if (!sameDecision(p, v)) {
        const l = later.get(i);
        if (l) l.push({ round, d: v }); else later.set(i, [{ round, d: v }]);
      } else continue;
      cur[i] = v;
      setParent(i, v.parent);
    }
    k = round;
    if (!changed || k >= cap) break;
    prev = cand;
    moved = nextMoved;
  }
  // The members whose decision changed (controller, kind or joint players), as liveRanked.ts reports them.
  const changedNow: number[] = [], movedNow: number[] = [];
  for (let i = 0; i < m; i++) {
    const x = members[i], was = reason[x], now = cur[i]!.reason;
    if (parent[x] !== prior[i]) movedNow.push(x);
    if (parent[x] !== prior[i] || (was !== now && !sameReason(was, now))) {
      changedNow.push(x);
    }
    reason[x] = now;
  }
  // What may read differently from before: members whose parent differs from the old end (and what they hold down
  // their chains), and what the moves outside reach; all members when made from scratch.
  const affected: number[] = [];
  if (!old) for (let i = 0; i < m; i++) affected.push(i);
  else {
    const mark = new Uint8Array(m);
    const add = (i: number) => {
      if (!mark[i]) {
        mark[i] = 1;
        affected.push(i);
      }
    };
    const diff: number[] = [];
    for (let i = 0; i < m; i++) if (parent[members[i]] !== base[i]) diff.push(i);
    for (const i of diff) add(i);
    for (const i of seeds) add(i);
    reached(diff, add);
  }
  return { record: { members, first, later, rounds: k }, affected: affected.map((i) => members[i]), changed: changedNow, moved: movedNow };
}

/**
 * The records of the control graph's cycles, one per component, kept across edits (live.ts): a component whose
 * members are exactly a record's is replayed, any other iterated from scratch and recorded.
 */
export class CycleRecords {
  /** Per entity: its record's number (−1: none), and its slot in that record's members. */
  private owner: Int32Array;
  private slot: Int32Array;
  private list: (Trajectory | undefined)[] = [];
  private detoursOf: ([number, number][] | undefined)[] = [];
  /**
   * Per entity q: members that had q as their parent in some round of their record but not at its end. A chain
   * through q in such a round read q's parent, so a move of q must reach them as it reaches q's children (liveRanked.ts).
   */
  readonly detours = new Map<number, number[]>();

  constructor(n: number) {
    this.owner = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n);
  }

  /** Forgets every record (entities moved: their numbers no longer fit). */
  clear(n: number) {
    this.owner = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n);
    this.list = [];
    this.detoursOf = [];
    this.detours.clear();
  }

  /** The record of exactly `members`, or −1. */
  private find(members: ArrayLike<number>): number {
    const t = this.owner[members[0]];
    if (t < 0 || this.list[t]?.members.length !== members.length) return -1;
    for (let i = 0; i < members.length; i++) if (this.owner[members[i]] !== t) return -1;
    return t;
  }

  /**
   * Iterates the component `members` as computeControl does (its members' parents the old end when it has a record,
   * replayed with `input`; else from scratch) and keeps the new record. Returns the members whose decision or holders'
   * chains may read differently from before (`affected`), and those whose decision changed (`changed`).
   */
  iterate(s: Snapshot, ev: Evaluator, members: ArrayLike<number>, parent: Int32Array, reason: Reason[], input: ReplayInput | null): Iterated {
    let t = input ? this.find(members) : -1;
    const old = t >= 0 ? this.list[t]! : null;
    const list = old ? old.members : Int32Array.from(members);
    if (!old) {
      for (let i = 0; i < list.length; i++) if (this.owner[list[i]] >= 0) this.forget(this.owner[list[i]]);
      t = this.list.length;
      list.forEach((x, i) => {
        this.owner[x] = t;
        this.slot[x] = i;
      });
    }
    const slotOf = (x: number) => (this.owner[x] === t ? this.slot[x] : -1);
    const r = iterateRecorded(s, ev, list, slotOf, parent, reason, old, old ? input : null);
    if (old) this.forget(t, true);
    this.list[t] = r.record;
    const detours: [number, number][] = [];
    for (const [i, l] of r.record.later) {
      const x = list[i], end = parent[x];
      for (const q of [r.record.first[i].parent, ...l.map((e) => e.d.parent)]) if (q !== -1 && q !== end) detours.push([x, q]);
    }
    this.detoursOf[t] = detours;
    for (const [x, q] of detours) (this.detours.get(q) ?? this.detours.set(q, []).get(q)!).push(x);
    return r;
  }

  /** Drops record t (and its detours); `keep` keeps its members' numbers (it is being replaced). */
  private forget(t: number, keep = false) {
    for (const [x, q] of this.detoursOf[t] ?? []) drop(this.detours.get(q), x);
    this.detoursOf[t] = undefined;
    if (keep) return;
    const rec = this.list[t];
    if (rec) for (const x of rec.members) if (this.owner[x] === t) this.owner[x] = -1;
    this.list[t] = undefined;
  }
}
