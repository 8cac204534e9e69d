// Control cycles followed across live edits by their iteration's record: computeControl iterates a strongly connected
// component from no controllers in synchronous rounds (x¹ = F(−1), xᵏ⁺¹ = F(pᵏ), until a round changes no parent and no
// kind; control.ts iterateComponent), and that sequence of rounds — not only its end — is the definition, since the
// rounds are not monotone (CONTROL-MODEL.md). So each round is kept as what changed in it, and an edit replays the
// rounds: in round k+1 only the members whose inputs differ from the recorded round k are evaluated (a member's
// decision reads the parents along its holders' chains), the others take the recorded value. The result is the same
// sequence computeControl iterates, round for round, at the cost of what the edit changes rather than the component's
// size times its rounds. Recording from scratch is the same walk with round k as the reference (semi-naive rounds).
import { finishRounds, type Decision, type Evaluator, type Reason } from './control';
import { replayRounds } from './liveReplay';
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
  /** Per round r (0 to rounds): every slot's parent after round r (round 0: none). */
  parentAt: Int32Array[];
  /** Per round r ≥ 2: the slots whose parent or kind changed in it (kp), whose decision changed in it (byRound). */
  kp: Map<number, Set<number>>;
  byRound: Map<number, Set<number>>;
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

/** Adds `i` to the set of `round` in `sets`. */
export function mark(sets: Map<number, Set<number>>, round: number, i: number) {
  const set = sets.get(round);
  if (set) set.add(i); else sets.set(round, new Set([i]));
}

/**
 * Iterates `members` from no controllers to computeControl's fixed point in semi-naive rounds — round k+1 evaluates
 * only the members held along the chains through a member whose parent changed in round k; the others keep their
 * decision, which the same inputs would give again — writing `parent` and `reason`, and returns the record of its rounds.
 */
export function recordRounds(s: Snapshot, ev: Evaluator, members: Int32Array, slotOf: (x: number) => number, parent: Int32Array, reason: Reason[]): { record: Trajectory } & Iterated {
  const m = members.length, cap = 50 + 4 * m;
  const prior = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    prior[i] = parent[members[i]];
    parent[members[i]] = -1;
  }
  /** Per member, the members whose parent it is now. */
  const kids = new Map<number, number[]>();
  const setParent = (i: number, p: number) => {
    const x = members[i], q = parent[x];
    if (q === p) return;
    if (q !== -1) drop(kids.get(q), i);
    parent[x] = p;
    if (p !== -1) (kids.get(p) ?? kids.set(p, []).get(p)!).push(i);
  };
  const cur: Decision[] = new Array(m);
  const first: Decision[] = new Array(m);
  const later = new Map<number, { round: number; d: Decision }[]>();
  const parentAt: Int32Array[] = [new Int32Array(m).fill(-1)];
  const kp = new Map<number, Set<number>>(), byRound = new Map<number, Set<number>>();
  const candAt = new Int32Array(m).fill(-1), walked = new Int32Array(m);
  let moved: number[] = [];
  let k = 0;
  for (;;) {
    const round = k + 1;
    const cand: number[] = [];
    if (round === 1) for (let i = 0; i < m; i++) cand.push(i);
    else {
      // The members held along the chains through a member that moved in round k (its descendants by parent).
      const stack = moved.slice();
      for (const i of stack) walked[i] = round;
      while (stack.length) {
        const x = members[stack.pop()!];
        for (let e = s.outStart[x]; e < s.outStart[x + 1]; e++) {
          const j = slotOf(s.outSubject[e]);
          if (j >= 0 && candAt[j] !== round) {
            candAt[j] = round;
            cand.push(j);
          }
        }
        for (const j of kids.get(x) ?? []) if (walked[j] !== round) { walked[j] = round; stack.push(j); }
      }
    }
    const dec = cand.map((i) => ev.evaluate(members[i]));
    let changed = round === 1;
    const next: number[] = [];
    cand.forEach((i, c) => {
      const v = dec[c], p = cur[i];
      if (round === 1) {
        first[i] = cur[i] = v;
        return;
      }
      if (sameDecision(p, v)) return;
      if (v.parent !== p.parent || v.reason.kind !== p.reason.kind) {
        changed = true;
        mark(kp, round, i);
      }
      if (v.parent !== p.parent) next.push(i);
      mark(byRound, round, i);
      const l = later.get(i);
      if (l) l.push({ round, d: v }); else later.set(i, [{ round, d: v }]);
      cur[i] = v;
    });
    if (round === 1) for (let i = 0; i < m; i++) if (cur[i].parent !== -1) next.push(i);
    for (const i of next) setParent(i, cur[i].parent);
    parentAt.push(Int32Array.from(members, (x) => parent[x]));
    k = round;
    if (!changed || k >= cap) break;
    if (k >= MAX_ROUNDS) {
      // Too many rounds to keep a record of (below): the rest are iterated as computeControl does, which also skips
      // rounds that only repeat (a cycle whose de facto control never settles runs to the cap, 50 + 4 per member).
      const last = finishRounds(ev, members, parent, k, cur.map((d) => d.reason.kind));
      for (let i = 0; i < m; i++) cur[i] = last[i];
      k = MAX_ROUNDS + 1; // more than a record keeps: this one is dropped
      break;
    }
    moved = next;
  }
  const changedNow: number[] = [], movedNow: number[] = [], affected: number[] = [];
  for (let i = 0; i < m; i++) {
    const x = members[i], was = reason[x], now = cur[i].reason;
    affected.push(x);
    if (parent[x] !== prior[i]) movedNow.push(x);
    if (parent[x] !== prior[i] || !sameReason(was, now)) changedNow.push(x);
    reason[x] = now;
  }
  return { record: { members, first, later, rounds: k, parentAt, kp, byRound }, affected, changed: changedNow, moved: movedNow };
}

/** Records of more rounds than this are not kept. */
export const MAX_ROUNDS = 64;

/**
 * The records of the control graph's cycles, one per component, kept across edits (live.ts): a component whose
 * members are exactly a record's is replayed, any other iterated from scratch and recorded.
 */
export class CycleRecords {
  /** Per entity: its record's number (−1: none), and its slot in that record's members. */
  private owner: Int32Array;
  private slot: Int32Array;
  private list: (Trajectory | undefined)[] = [];

  constructor(n: number) {
    this.owner = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n);
  }

  /** Forgets every record (entities moved: their numbers no longer fit). */
  clear(n: number) {
    this.owner = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n);
    this.list = [];
  }

  /** Forgets the record `v` is a member of, if any: v is evaluated alone now (its cycle split), so the record no longer holds. */
  drop(v: number) {
    if (v < this.owner.length && this.owner[v] >= 0) this.forget(this.owner[v]);
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
    let rec = t >= 0 ? this.list[t]! : null;
    // A record is replayed only from its own end (else, as after any change it did not follow, made again).
    if (rec) {
      const end = rec.parentAt[rec.rounds], list = rec.members;
      let i = 0;
      while (i < list.length && parent[list[i]] === end[i]) i++;
      if (i < list.length) rec = null;
    }
    const list = rec ? rec.members : Int32Array.from(members);
    if (!rec) {
      if (t >= 0) this.forget(t);
      for (let i = 0; i < list.length; i++) if (this.owner[list[i]] >= 0) this.forget(this.owner[list[i]]);
      t = this.list.length;
      list.forEach((x, i) => {
        this.owner[x] = t;
        this.slot[x] = i;
      });
    }
    const slotOf = (x: number) => (this.owner[x] === t ? this.slot[x] : -1);
    let r: Iterated;
    if (rec) {
      r = replayRounds(s, ev, rec, slotOf, parent, reason, input!);
    } else {
      const made = recordRounds(s, ev, list, slotOf, parent, reason);
      rec = made.record;
      r = made;
    }
    // A record of many rounds would cost a copy of the parents per round: such a cycle is iterated afresh each time.
    this.list[t] = rec;
    if (rec.rounds > MAX_ROUNDS) this.forget(t);
    return r;
  }

  /** Drops record t. */
  private forget(t: number) {
    const rec = this.list[t];
    if (rec) for (const x of rec.members) if (this.owner[x] === t) this.owner[x] = -1;
    this.list[t] = undefined;
  }
}
