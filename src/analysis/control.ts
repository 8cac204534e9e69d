// Control as a least fixed point (CONTROL-MODEL §2–§3): votes of entities X controls count as X's (Bank of Italy
// "company control"; Vitali, Glattfelder & Battiston 2011). A company is decided by its rule's mechanisms tried in
// the rule's order (the table in rules.ts: agreement > board > votes > de facto ≥ τ > the voting game's joint
// control, each rule using some of them); the Evaluator (evaluator.ts) implements each mechanism once.
// Components of the holding+agreement graph are evaluated sources-first, so a company is evaluated once
// unless it sits in a cycle, where its component is iterated to the fixed point in synchronous rounds.
import type { Decision, Reason } from './reasons';
import { Evaluator } from './evaluator';
import type { AnalysisOptions } from './options';
import { ReasonTable } from './reasonTable';
import { controlRule } from './rules';
import { stronglyConnected } from './scc';
import type { Snapshot } from './snapshot';
import type { Groups } from './ultimates';

export type { Decision, Reason } from './reasons';
export { conferringControllers } from './reasons';
export { jointControl, vetoPlayers, type Block } from './votingGame';
export { Evaluator } from './evaluator';

export interface ControlState {
  /** Sole immediate controller per entity, −1 when none. */
  parent: Int32Array;
  reason: Reason[];
}

/**
 * Computes the control fixed point for every entity of the snapshot. `iterate`, when given, iterates each cycle in
 * place of iterateComponent, to the same result (the live analysis records the rounds: liveCycles.ts).
 */
export function computeControl(s: Snapshot, opts: AnalysisOptions, iterate: typeof iterateComponent = iterateComponent): ControlState & { evaluator: Evaluator } {
  const parent = new Int32Array(s.n).fill(-1);
  const reason: Reason[] = new Array(s.n);
  const ev = new Evaluator(s, opts, parent);
  const { order, groupStart, count } = controlOrder(s, opts);
  for (let c = count - 1; c >= 0; c--) {
    const a = groupStart[c], b = groupStart[c + 1];
    if (b - a > 1) {
      iterate(ev, order.subarray(a, b), parent, reason);
      continue;
    }
    const y = order[a];
    const r = ev.evaluate(y);
    reason[y] = r.reason;
    parent[y] = r.parent;
  }
  return { parent, reason, evaluator: ev };
}

/**
 * computeControl's fixed point with the reasons kept as columns (reasonTable.ts), for an analysis of a whole register,
 * and the components in the order they were evaluated (what analysis/ultimates.ts takes).
 */
export function controlTable(s: Snapshot, opts: AnalysisOptions): { parent: Int32Array; reasons: ReasonTable; evaluator: Evaluator; groups: Groups } {
  const n = s.n;
  const parent = new Int32Array(n).fill(-1);
  const reasons = new ReasonTable(n);
  const ev = new Evaluator(s, opts, parent);
  const groups = controlOrder(s, opts);
  const { order, groupStart, count } = groups;
  for (let c = count - 1; c >= 0; c--) {
    const a = groupStart[c], b = groupStart[c + 1];
    if (b - a > 1) {
      iterateRounds(ev, order.subarray(a, b), parent, (y, r) => reasons.set(y, r));
      continue;
    }
    const y = order[a];
    const r = ev.evaluate(y);
    reasons.set(y, r.reason);
    parent[y] = r.parent;
  }
  return { parent, reasons, evaluator: ev, groups };
}

/**
 * The components of the control graph (holder → subject, and party → subject for the agreements in force when the
 * rule counts them), sinks first: members order[groupStart[c]] .. order[groupStart[c+1] − 1] of component c, and an
 * edge between components runs from a later one to an earlier one. computeControl takes them from the last.
 * Entities off every cycle are found by peeling (Kahn: an entity is placed once all its holders are), which reads each
 * edge once; only what remains, the cycles and what lies below them, is split into strongly connected components.
 */
export function controlOrder(s: Snapshot, opts: AnalysisOptions): Groups {
  const n = s.n;
  const extra: [number, number][] = [];
  if (controlRule(opts.rule).counts.agreements) {
    for (const [subject, list] of s.agreements) for (const a of list) for (const p of a.parties) {
      const pi = s.index.get(p);
      if (pi !== undefined && pi !== subject) extra.push([pi, subject]);
    }
  }
  // Without agreements the control graph is the holdings by holder, as the snapshot has them.
  let start = s.outStart, target = s.outSubject;
  if (extra.length) {
    start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = s.outStart[i + 1] - s.outStart[i];
    for (const [p] of extra) start[p + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    target = new Int32Array(start[n]);
    const cursor = start.slice(0, n);
    for (let i = 0; i < n; i++) for (let e = s.outStart[i]; e < s.outStart[i + 1]; e++) target[cursor[i]++] = s.outSubject[e];
    for (const [p, q] of extra) target[cursor[p]++] = q;
  }
  // One buffer: the order, the groups' starts (at most one group per entity), and each entity's holders not yet placed.
  const buf = new ArrayBuffer(4 * (3 * n + 1));
  const order = new Int32Array(buf, 0, n);
  const starts = new Int32Array(buf, 4 * n, n + 1);
  const waiting = new Int32Array(buf, 4 * (2 * n + 1), n);
  if (target === s.outSubject) for (let v = 0; v < n; v++) waiting[v] = s.inStart[v + 1] - s.inStart[v];
  else for (let e = 0; e < target.length; e++) waiting[target[e]]++;
  // Peeled entities fill the order from its end, the first placed last (groups are taken from the last).
  let placed = 0;
  for (let v = 0; v < n; v++) if (waiting[v] === 0) order[n - 1 - placed++] = v;
  for (let head = 0; head < placed; head++) {
    const v = order[n - 1 - head];
    for (let e = start[v]; e < start[v + 1]; e++) if (--waiting[target[e]] === 0) order[n - 1 - placed++] = target[e];
  }
  // What remains, in ascending order at the front; its edges lead only to itself (an entity that a remaining one
  // holds was never placed), so its components are found on it alone, numbered locally (the local number in `waiting`).
  const rest = n - placed;
  let count = 0;
  if (rest) {
    let r = 0;
    for (let v = 0; v < n; v++) if (waiting[v] > 0) order[r++] = v;
    const local = new Int32Array(rest + 1);
    for (let k = 0; k < rest; k++) {
      const v = order[k];
      waiting[v] = k;
      local[k + 1] = local[k] + start[v + 1] - start[v];
    }
    const localTarget = new Int32Array(local[rest]);
    for (let k = 0, a = 0; k < rest; k++) for (let e = start[order[k]]; e < start[order[k] + 1]; e++) localTarget[a++] = waiting[target[e]];
    const scc = stronglyConnected(rest, local, localTarget);
    count = scc.count;
    for (let k = 0; k < rest; k++) starts[scc.comp[k] + 1]++;
    for (let c = 0; c < count; c++) starts[c + 1] += starts[c];
    const members = order.slice(0, rest), fill = starts.slice(0, count);
    for (let k = 0; k < rest; k++) order[fill[scc.comp[k]]++] = members[k];
  }
  // Then every peeled entity as a group of its own.
  for (let k = 0; k < placed; k++) starts[count + k] = rest + k;
  count += placed;
  starts[count] = n;
  return { order, groupStart: starts.subarray(0, count + 1), count };
}

/**
 * Iterates a control cycle (a strongly connected component, its members' parents at −1) to its fixed point.
 * Rounds are synchronous: every member is evaluated against the previous round's parents, then all are updated,
 * so the result never depends on the order of the members (de facto control is not monotone: a block that gains
 * control can take it from another, and sequential updates would let record order pick the winner).
 */
export function iterateComponent(ev: Evaluator, members: ArrayLike<number>, parent: Int32Array, reason: Reason[]) {
  iterateRounds(ev, members, parent, (y, r) => (reason[y] = r));
}

/**
 * The rounds of iterateComponent after the first `done` (the members' parents are those after round `done`, `kinds`
 * their reasons' kinds), to the same end; the last round's decision of each member's slot. For a record that has run
 * too many rounds to keep (liveCycles.ts).
 */
export function finishRounds(ev: Evaluator, members: ArrayLike<number>, parent: Int32Array, done: number, kinds: Reason['kind'][]): Decision[] {
  const out: Decision[] = new Array(members.length);
  let k = 0;
  iterateRounds(ev, members, parent, (y, r) => (out[k++] = { parent: parent[y], reason: r }), done, kinds.slice());
  return out;
}

/**
 * iterateComponent, handing each member's final reason to `put`. Rounds stop when one changes nothing, or at the cap
 * (50 + 4 per member). Rounds that never settle (de facto control can pass back and forth around a cycle) repeat a
 * state: once a state is seen again and the next `period` rounds are checked to come back to it, the rounds after it
 * are known, and only those that reach the cap's state are run. The result is the cap's, as by running every round
 * (a core of 30,000 companies would otherwise run 120,000 rounds of 30,000 evaluations).
 */
function iterateRounds(ev: Evaluator, members: ArrayLike<number>, parent: Int32Array, put: (y: number, r: Reason) => void, done = 0, kinds: (Reason['kind'] | undefined)[] = new Array(members.length)) {
  const size = members.length;
  let cap = 50 + 4 * size;
  const next: Decision[] = new Array(size);
  // `kinds`: each member's reason kind after the last round (none before the first).
  /** The round after which each state's hash was last seen; a state to come back to, and when. */
  const seen = new Map<number, number>();
  let check: { round: number; period: number; parent: Int32Array; kind: Uint8Array } | null = null;
  let known = false;
  for (let round = done; round < cap; round++) {
    for (let k = 0; k < size; k++) next[k] = ev.evaluate(members[k]);
    let changed = false;
    let h = 0x811c9dc5;
    for (let k = 0; k < size; k++) {
      const y = members[k], r = next[k];
      if (r.parent !== parent[y] || kinds[k] !== r.reason.kind) changed = true;
      parent[y] = r.parent;
      kinds[k] = r.reason.kind;
      h = Math.imul(h ^ (r.parent + 1), 0x01000193);
      h = Math.imul(h ^ r.reason.kind.charCodeAt(0), 0x01000193);
    }
    if (!changed) break;
    if (known) continue;
    if (check) {
      if (round < check.round + check.period) continue;
      let same = true;
      for (let k = 0; k < size && same; k++) same = parent[members[k]] === check.parent[k] && kinds[k]!.charCodeAt(0) === check.kind[k];
      if (same) {
        // Every `period` rounds from here the state comes back: run only the rounds that reach the cap's.
        known = true;
        cap = round + 1 + ((cap - 1 - round) % check.period);
      }
      check = null;
      continue;
    }
    const before = seen.get(h);
    seen.set(h, round);
    if (before === undefined) continue;
    const saved = { round, period: round - before, parent: new Int32Array(size), kind: new Uint8Array(size) };
    for (let k = 0; k < size; k++) {
      saved.parent[k] = parent[members[k]];
      saved.kind[k] = kinds[k]!.charCodeAt(0);
    }
    check = saved;
  }
  for (let k = 0; k < size; k++) put(members[k], next[k].reason);
}
