// Control as a least fixed point (CONTROL-MODEL §2–§3): votes of entities X controls count as X's (Bank of Italy
// "company control"; Vitali, Glattfelder & Battiston 2011). A company is decided by its rule's mechanisms tried in
// the rule's order (the table in rules.ts: agreement > board > votes > de facto ≥ τ > the voting game's joint
// control, each rule using some of them); the Evaluator implements each mechanism once.
// Components of the holding+agreement graph are evaluated sources-first, so a company is evaluated once
// unless it sits in a cycle, where its component is iterated to the fixed point in synchronous rounds.
import { passes, ruleOf } from './decisionRule';
import type { Decision, Reason } from './reasons';
import { jointControl, lowestCommon, type Block } from './votingGame';
import type { AnalysisOptions } from './options';
import { controlRule, type ControlRule, type Mechanism } from './rules';
import { stronglyConnected } from './scc';
import type { Snapshot } from './snapshot';

export type { Decision, Reason } from './reasons';
export { conferringControllers } from './reasons';
export { jointControl, vetoPlayers, type Block } from './votingGame';

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
  const n = s.n;
  const parent = new Int32Array(n).fill(-1);
  const reason: Reason[] = new Array(n);
  const useAgreements = controlRule(opts.rule).counts.agreements;
  const ev = new Evaluator(s, opts, parent);

  // Control graph: holder → subject, plus party → subject for agreements in force.
  const start = new Int32Array(n + 1);
  const extra: [number, number][] = [];
  if (useAgreements) {
    for (const [subject, list] of s.agreements) for (const a of list) for (const p of a.parties) {
      const pi = s.index.get(p);
      if (pi !== undefined && pi !== subject) extra.push([pi, subject]);
    }
  }
  for (let i = 0; i < n; i++) start[i + 1] = s.outStart[i + 1] - s.outStart[i];
  for (const [p] of extra) start[p + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const target = new Int32Array(start[n]);
  const cursor = start.slice(0, n);
  for (let i = 0; i < n; i++) for (let e = s.outStart[i]; e < s.outStart[i + 1]; e++) target[cursor[i]++] = s.outSubject[e];
  for (const [p, q] of extra) target[cursor[p]++] = q;
  const { comp, count, size } = stronglyConnected(n, start, target);

  // Group nodes by component; process components from sources (high id) to sinks (low id).
  const order = new Int32Array(n);
  const compStart = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) compStart[comp[v] + 1]++;
  for (let c = 0; c < count; c++) compStart[c + 1] += compStart[c];
  const fill = compStart.slice(0, count);
  for (let v = 0; v < n; v++) order[fill[comp[v]]++] = v;

  for (let c = count - 1; c >= 0; c--) {
    const a = compStart[c], b = compStart[c + 1];
    if (size[c] === 1) {
      const y = order[a];
      const r = ev.evaluate(y);
      reason[y] = r.reason;
      parent[y] = r.parent;
      continue;
    }
    iterate(ev, order.subarray(a, b), parent, reason);
  }
  return { parent, reason, evaluator: ev };
}

/**
 * Iterates a control cycle (a strongly connected component, its members' parents at −1) to its fixed point.
 * Rounds are synchronous: every member is evaluated against the previous round's parents, then all are updated,
 * so the result never depends on the order of the members (de facto control is not monotone: a block that gains
 * control can take it from another, and sequential updates would let record order pick the winner).
 */
export function iterateComponent(ev: Evaluator, members: ArrayLike<number>, parent: Int32Array, reason: Reason[]) {
  const size = members.length;
  const cap = 50 + 4 * size;
  const next: { parent: number; reason: Reason }[] = new Array(size);
  for (let round = 0; round < cap; round++) {
    for (let k = 0; k < size; k++) next[k] = ev.evaluate(members[k]);
    let changed = false;
    for (let k = 0; k < size; k++) {
      const y = members[k], r = next[k];
      if (r.parent !== parent[y] || reason[y]?.kind !== r.reason.kind) changed = true;
      parent[y] = r.parent;
      reason[y] = r.reason;
    }
    if (!changed) break;
  }
}

/** Evaluates one company against the current parent pointers. Scratch arrays are reused across calls. */
export class Evaluator {
  private acc: Float64Array;
  private seats: Float64Array;
  private stamp: Int32Array;
  private mark: Int32Array;
  /** Which evaluation last added to an entity's block (so `touched` lists each entity once). */
  private touchedIn: Int32Array;
  private cur = 0;
  private evals = 0;
  private touched: number[] = [];
  /** The voting game of the company being evaluated, once made. */
  private game: { blocks: Block[]; top: Block | undefined; runnerUp: number } | null = null;
  private rule: ControlRule;

  constructor(private s: Snapshot, private opts: AnalysisOptions, private parent: Int32Array) {
    this.rule = controlRule(opts.rule);
    this.acc = new Float64Array(s.n);
    this.seats = new Float64Array(s.n);
    this.stamp = new Int32Array(s.n);
    this.mark = new Int32Array(s.n);
    this.touchedIn = new Int32Array(s.n);
  }

  /** The chain of controllers of z (z first), skipping `skip`, stopping at a repeat. */
  chain(z: number, skip: number): number[] {
    const out: number[] = [];
    const cur = ++this.cur;
    for (let x = z; x !== -1 && this.stamp[x] !== cur; x = this.parent[x]) {
      this.stamp[x] = cur;
      if (x !== skip) out.push(x);
    }
    return out;
  }

  /**
   * Who controls `y` under the rule: the rule's mechanisms (rules.ts) tried in its order, the first that finds a
   * controller deciding; else nobody, with the largest block as the reason.
   */
  evaluate(y: number): Decision {
    const steps = this.rule.decide;
    let tallied = false;
    this.game = null;
    try {
      for (let k = 0; k < steps.length; k++) {
        const step = steps[k];
        if (step !== 'agreement' && !tallied) {
          this.tally(y);
          tallied = true;
        }
        const d = this.decideBy(step, y);
        if (d) return d;
      }
      const { top } = this.gameOf(y);
      return { parent: -1, reason: { kind: 'none', largest: top ? top.id : -1, block: top ? top.weight : 0 } };
    } finally {
      if (tallied) {
        for (const x of this.touched) {
          this.acc[x] = 0;
          this.seats[x] = 0;
        }
      }
      this.game = null;
    }
  }

  /** One mechanism's decision on `y` (after tally() for all but agreements), or null when it finds no controller. */
  private decideBy(step: Mechanism, y: number): Decision | null {
    const s = this.s;
    switch (step) {
      case 'agreement': {
        const agreements = s.agreements.get(y);
        if (!agreements) return null;
        const sole = agreements.find((a) => a.kind === 'control' && a.parties.length === 1);
        if (sole) return { parent: s.index.get(sole.parties[0])!, reason: { kind: 'agreement', agreement: sole } };
        const joint = agreements.find((a) => a.parties.length > 1);
        if (!joint) return null;
        const players = [...new Set(joint.parties)].map((p) => s.index.get(p)!);
        return { parent: -1, reason: { kind: 'joint', players, weights: [], agreement: joint } };
      }
      case 'board': {
        const boardSize = s.doc.entities[y].boardSize;
        if (!boardSize) return null;
        const half = boardSize / 2;
        const p = this.deepest(this.touched.filter((x) => this.seats[x] > half), y);
        return p === -1 ? null : { parent: p, reason: { kind: 'board', seats: this.seats[p], boardSize } };
      }
      case 'votes': {
        const rule = ruleOf(s.doc.entities[y].decisionRule);
        const p = this.deepest(this.touched.filter((x) => passes(rule, this.acc[x])), y);
        return p === -1 ? null : { parent: p, reason: { kind: 'votes', block: this.acc[p] } };
      }
      case 'defacto': {
        const { top, runnerUp } = this.gameOf(y);
        const tau = this.opts.threshold / 100 - 1e-9;
        if (!top || top.weight < tau || top.weight <= runnerUp + 1e-9) return null;
        const root = top.root;
        const q = this.deepest(this.touched.filter((x) => this.acc[x] >= tau && this.acc[x] > runnerUp + 1e-9 && this.chainRoot(x, y) === root), y);
        const d = q === -1 ? top.root : q;
        return { parent: d, reason: { kind: 'defacto', block: this.acc[d], runnerUp } };
      }
      case 'game': {
        const joint = jointControl(this.gameOf(y).blocks, ruleOf(s.doc.entities[y].decisionRule));
        return joint ? { parent: -1, reason: { kind: 'joint', players: joint.map((b) => b.id), weights: joint.map((b) => b.weight) } } : null;
      }
      default: {
        const never: never = step;
        throw new Error(`analysis/control: unknown mechanism ${String(never)} — add it to Evaluator.decideBy`);
      }
    }
  }

  /**
   * Adds each holder's votes and seats in `y` to it and every controller up its chain (walked as chain() walks it,
   * without making the chain: most companies are decided here, and the chains are made only for the voting game).
   */
  private tally(y: number) {
    const s = this.s;
    const touched = this.touched;
    touched.length = 0;
    const evaluation = ++this.evals;
    const { acc, seats, stamp, parent, touchedIn } = this;
    const countSeats = this.rule.counts.seats;
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
      const z = s.inHolder[e];
      if (s.isFloat[z]) continue;
      const cur = ++this.cur;
      const votes = s.inVotes[e], seatsHere = countSeats ? s.inSeats[e] : 0;
      for (let x = z; x !== -1 && stamp[x] !== cur; x = parent[x]) {
        stamp[x] = cur;
        if (x === y) continue;
        if (touchedIn[x] !== evaluation) {
          touchedIn[x] = evaluation;
          touched.push(x);
        }
        acc[x] += votes;
        seats[x] += seatsHere;
      }
    }
  }

  /** The voting game on `y` in this evaluation (made once): its blocks, the largest and the runner-up's weight. */
  private gameOf(y: number): { blocks: Block[]; top: Block | undefined; runnerUp: number } {
    if (this.game) return this.game;
    const blocks = this.blocksOf(y);
    let top: Block | undefined, runnerUp = 0;
    for (const b of blocks) {
      if (!top || b.weight > top.weight) {
        if (top) runnerUp = top.weight;
        top = b;
      } else if (b.weight > runnerUp) runnerUp = b.weight;
    }
    return (this.game = { blocks, top, runnerUp });
  }

  private chainRoot(x: number, skip: number): number {
    const c = this.chain(x, skip);
    return c[c.length - 1];
  }

  /** Of candidates lying on one chain, the one nearest the holders; −1 if none or if they lie on different chains. */
  private deepest(candidates: number[], y: number): number {
    if (candidates.length <= 1) return candidates[0] ?? -1;
    const cur = ++this.cur;
    for (const c of candidates) this.mark[c] = cur;
    const above = new Set<number>();
    for (const c of candidates) {
      const seen = new Set<number>([c]);
      for (let x = this.parent[c]; x !== -1 && !seen.has(x); x = this.parent[x]) {
        seen.add(x);
        if (this.mark[x] === cur) above.add(x);
      }
    }
    const lowest = candidates.filter((c) => !above.has(c));
    if (lowest.length === 1) return lowest[0];
    if (lowest.length === 0) return this.firstInCycle(candidates, y);
    return -1;
  }

  /**
   * Candidates that all control one another (a control cycle) all control `y`; the immediate controller is
   * then the one with the most direct votes in `y`, ties broken by id, so the result never depends on record order.
   */
  private firstInCycle(candidates: number[], y: number): number {
    const s = this.s;
    const direct = (c: number) => {
      let v = 0;
      for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) if (s.inHolder[e] === c) v += s.inVotes[e];
      return v;
    };
    return candidates
      .map((c) => ({ c, v: direct(c) }))
      .sort((a, b) => b.v - a.v || (s.ids[a.c] < s.ids[b.c] ? -1 : 1))[0].c;
  }

  /** The voting game on `y` under the current parent pointers. */
  blocksOf(y: number): Block[] {
    const s = this.s;
    const chains: number[][] = [];
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) if (!s.isFloat[s.inHolder[e]]) chains.push(this.chain(s.inHolder[e], y));
    return this.blocks(y, chains);
  }

  /** Blocks of the company's votes: holders grouped by the top of their control chain. */
  private blocks(y: number, chains: number[][]): Block[] {
    const s = this.s;
    const byRoot = new Map<number, { weight: number; holders: number[]; chains: number[][] }>();
    let k = 0;
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
      const z = s.inHolder[e];
      if (s.isFloat[z]) continue;
      const chain = chains[k++];
      const root = chain.length ? chain[chain.length - 1] : z;
      if (root === y || chain.length === 0) continue; // the company's own controlled holders never form a block against it
      const b = byRoot.get(root);
      if (b) {
        b.weight += s.inVotes[e];
        b.holders.push(z);
        b.chains.push(chain);
      } else byRoot.set(root, { weight: s.inVotes[e], holders: [z], chains: [chain] });
    }
    const out: Block[] = [];
    for (const [root, b] of byRoot) out.push({ id: lowestCommon(b.chains), root, weight: b.weight, holders: b.holders });
    return out;
  }
}

