// A control cycle's recorded rounds replayed after an edit (liveCycles.ts keeps the records). Round k+1 of the new
// iteration differs from the record's round k+1 only for the members the edit seeded and those whose holders' chains
// pass a parent that differs between the two round-k states (a member's, or one the edit moved upstream): only those
// are evaluated; every other member takes the record's value. The differences are kept per round (`diff`), the rest
// of each round's parents is copied from the record in bulk, so an edit costs what it changes plus a typed copy of
// the component's parents per round — not an evaluation of every member. The record is then patched to the new rounds.
import { finishRounds, type Decision, type Evaluator, type Reason } from './control';
import { MAX_ROUNDS, mark, sameDecision, sameReason, type Iterated, type ReplayInput, type Trajectory } from './liveCycles';
import type { Snapshot } from './snapshot';

/**
 * Replays `rec` (the component's record, its members' parents now its end) against the edit described by `input`,
 * writing `parent` and `reason` as computeControl would, and patches `rec` to the new rounds.
 */
export function replayRounds(s: Snapshot, ev: Evaluator, rec: Trajectory, slotOf: (x: number) => number, parent: Int32Array, reason: Reason[], input: ReplayInput): Iterated {
  const { members } = rec;
  const m = members.length, cap = 50 + 4 * m, K = rec.rounds;
  const base = rec.parentAt[K];
  const children = input.children;
  const oldAt = (i: number, k: number): Decision | undefined => {
    if (k === 0) return undefined;
    let d = rec.first[i];
    for (const e of rec.later.get(i) ?? []) {
      if (e.round > k) break;
      d = e.d;
    }
    return d;
  };
  const oldParentAt = (i: number, k: number) => rec.parentAt[Math.min(k, K)][i];

  // The members the edit seeded, and outside the component the entities whose chains pass what it moved (fixed for
  // every round), with the members they hold (seeded too).
  const seeds: number[] = [];
  const ext: number[] = [];
  for (const v of input.seeds) if (slotOf(v) >= 0) seeds.push(slotOf(v));
  const seen = new Set<number>();
  for (const v of input.moved) if (slotOf(v) < 0 && !seen.has(v)) { seen.add(v); ext.push(v); }
  for (let q = 0; q < ext.length; q++) {
    const d = ext[q];
    for (let e = s.outStart[d]; e < s.outStart[d + 1]; e++) if (slotOf(s.outSubject[e]) >= 0) seeds.push(slotOf(s.outSubject[e]));
    for (const x of children(d)) if (slotOf(x) < 0 && parent[x] === d && input.upstream(x) && !seen.has(x)) { seen.add(x); ext.push(x); }
  }

  /** Per round k: the members whose new value may differ from the record's (they were evaluated), and their values. */
  const diffs: Map<number, Decision>[] = [new Map()];
  /** Members whose parent differs from the record's end now, by that parent: the children the kept ones lack. */
  let extras = new Map<number, number[]>();
  const kidsOf = (v: number, f: (i: number) => void) => {
    for (const x of children(v)) {
      const i = slotOf(x);
      if (i >= 0 && parent[x] === v) f(i);
    }
    for (const x of extras.get(v) ?? []) f(slotOf(x));
  };
  const candAt = new Int32Array(m).fill(-1), walked = new Int32Array(m);
  let k = 0;
  for (;;) {
    const round = k + 1, diff = diffs[k];
    // Round k's parents: the record's, then the differences.
    const at = k === 0 ? null : rec.parentAt[Math.min(k, K)];
    for (let i = 0; i < m; i++) parent[members[i]] = at ? at[i] : -1;
    for (const [i, d] of diff) parent[members[i]] = d.parent;
    if (k >= MAX_ROUNDS) {
      // More rounds than a record keeps (the edit made the rounds longer, or they never settle now): the rest are
      // iterated as computeControl does, from round k's parents and kinds, and the record is dropped (liveCycles.ts).
      const last = finishRounds(ev, members, parent, k, Array.from(members, (_, i) => (diff.get(i) ?? oldAt(i, k)!).reason.kind));
      const changedNow: number[] = [], movedNow: number[] = [];
      for (let i = 0; i < m; i++) {
        const x = members[i];
        if (parent[x] !== base[i]) movedNow.push(x);
        if (parent[x] !== base[i] || !sameReason(reason[x], last[i].reason)) changedNow.push(x);
        reason[x] = last[i].reason;
      }
      rec.rounds = MAX_ROUNDS + 1;
      return { affected: Array.from(members), changed: changedNow, moved: movedNow };
    }
    extras = new Map();
    if (k > 0) {
      const differs = new Set<number>(diff.keys());
      for (let r = k + 1; r <= K; r++) for (const i of rec.kp.get(r) ?? []) differs.add(i);
      for (const i of differs) {
        const p = parent[members[i]];
        if (p !== -1 && p !== base[i]) (extras.get(p) ?? extras.set(p, []).get(p)!).push(members[i]);
      }
    }
    // Candidates: the seeds, and what is held along chains through a parent that differs from the record's round k.
    const cand: number[] = [];
    const add = (i: number) => {
      if (candAt[i] !== round) {
        candAt[i] = round;
        cand.push(i);
      }
    };
    for (const i of seeds) add(i);
    const stack: number[] = [];
    const reach = (i: number) => {
      if (walked[i] !== round) {
        walked[i] = round;
        stack.push(i);
      }
    };
    for (const [i, d] of diff) if (d.parent !== oldParentAt(i, k)) reach(i);
    if (k > 0) for (const e of ext) kidsOf(e, reach);
    while (stack.length) {
      const x = members[stack.pop()!];
      for (let e = s.outStart[x]; e < s.outStart[x + 1]; e++) {
        const j = slotOf(s.outSubject[e]);
        if (j >= 0) add(j);
      }
      kidsOf(x, reach);
    }
    const next = new Map<number, Decision>();
    for (const i of cand) {
      const d = ev.evaluate(members[i]);
      if (!sameDecision(oldAt(i, round), d)) next.set(i, d);
    }
    // Whether round k+1 changes a parent or a kind: the record says so for its own changes (all in round 1); else
    // only where one of the two rounds differs from the record.
    let changed = round === 1;
    if (!changed) {
      const valueAt = (i: number, r: number, dr: Map<number, Decision>) => dr.get(i) ?? oldAt(i, r)!;
      const check = (i: number) => {
        const a = valueAt(i, k, diff), b = valueAt(i, round, next);
        if (a.parent !== b.parent || a.reason.kind !== b.reason.kind) changed = true;
      };
      for (const i of next.keys()) check(i);
      for (const i of diff.keys()) if (!changed) check(i);
      if (!changed) for (const i of rec.kp.get(round) ?? []) if (!diff.has(i) && !next.has(i)) { changed = true; break; }
    }
    diffs.push(next);
    k = round;
    if (!changed || k >= cap) break;
  }
  const K2 = k;
  // The end: the new last round's parents and decisions.
  const last = diffs[K2];
  const atEnd = rec.parentAt[Math.min(K2, K)];
  for (let i = 0; i < m; i++) parent[members[i]] = atEnd[i];
  for (const [i, d] of last) parent[members[i]] = d.parent;
  const touched = new Set<number>();
  for (const dr of diffs) for (const i of dr.keys()) touched.add(i);
  const ends = new Set(touched);
  for (let r = K2 + 1; r <= K; r++) for (const i of rec.byRound.get(r) ?? []) ends.add(i);
  const changedNow: number[] = [], movedNow: number[] = [];
  const moved: number[] = [];
  for (const i of ends) {
    const x = members[i], d = last.get(i) ?? oldAt(i, K2)!;
    if (parent[x] !== base[i]) {
      movedNow.push(x);
      moved.push(i);
    }
    if (parent[x] !== base[i] || !sameReason(reason[x], d.reason)) changedNow.push(x);
    reason[x] = d.reason;
  }

  // What may read differently from before: members held along chains through a member that moved, or through what
  // moved upstream; the seeds; and what changed.
  const affected = new Set<number>(changedNow);
  for (const i of seeds) affected.add(members[i]);
  extras = new Map();
  for (const i of moved) {
    const p = parent[members[i]];
    if (p !== -1) (extras.get(p) ?? extras.set(p, []).get(p)!).push(members[i]);
  }
  const stack = moved.slice(), mark2 = new Uint8Array(m);
  for (const i of stack) mark2[i] = 1;
  for (const e of ext) kidsOf(e, (i) => { if (!mark2[i]) { mark2[i] = 1; stack.push(i); } });
  while (stack.length) {
    const x = members[stack.pop()!];
    for (let e = s.outStart[x]; e < s.outStart[x + 1]; e++) if (slotOf(s.outSubject[e]) >= 0) affected.add(s.outSubject[e]);
    kidsOf(x, (i) => { if (!mark2[i]) { mark2[i] = 1; stack.push(i); } });
  }

  patchRecord(rec, diffs, touched, oldAt);
  return { affected: [...affected], changed: changedNow, moved: movedNow };
}

/** Brings `rec` to the replayed rounds: `diffs[r]` the values that differ from the record's in round r. */
function patchRecord(rec: Trajectory, diffs: Map<number, Decision>[], touched: Set<number>, oldAt: (i: number, k: number) => Decision | undefined) {
  const K = rec.rounds, K2 = diffs.length - 1;
  // New rounds first, from the old values (oldAt reads the record as it was).
  const histories = new Map<number, { first: Decision; later: { round: number; d: Decision }[]; kp: number[] }>();
  for (const i of touched) {
    const first = diffs[1].get(i) ?? oldAt(i, 1)!;
    const later: { round: number; d: Decision }[] = [], kp: number[] = [];
    let prev = first;
    for (let r = 2; r <= K2; r++) {
      const v = diffs[r].get(i) ?? oldAt(i, r)!;
      if (sameDecision(prev, v)) continue;
      if (v.parent !== prev.parent || v.reason.kind !== prev.reason.kind) kp.push(r);
      later.push({ round: r, d: v });
      prev = v;
    }
    histories.set(i, { first, later, kp });
  }
  // Rounds past the new end go; rounds past the old end repeat it.
  for (let r = K2 + 1; r <= K; r++) {
    for (const i of rec.byRound.get(r) ?? []) {
      const l = rec.later.get(i)?.filter((e) => e.round <= K2) ?? [];
      if (l.length) rec.later.set(i, l); else rec.later.delete(i);
    }
    rec.byRound.delete(r);
    rec.kp.delete(r);
  }
  rec.parentAt.length = Math.min(K, K2) + 1;
  for (let r = K + 1; r <= K2; r++) rec.parentAt.push(rec.parentAt[K].slice());
  for (const [i, h] of histories) {
    for (const e of rec.later.get(i) ?? []) {
      rec.byRound.get(e.round)?.delete(i);
      rec.kp.get(e.round)?.delete(i);
    }
    rec.first[i] = h.first;
    if (h.later.length) rec.later.set(i, h.later); else rec.later.delete(i);
    for (const e of h.later) mark(rec.byRound, e.round, i);
    for (const r of h.kp) mark(rec.kp, r, i);
    let p = h.first.parent, e = 0;
    for (let r = 1; r <= K2; r++) {
      while (e < h.later.length && h.later[e].round <= r) p = h.later[e++].d.parent;
      rec.parentAt[r][i] = p;
    }
  }
  rec.rounds = K2;
}
