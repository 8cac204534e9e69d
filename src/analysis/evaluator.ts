// One company's control decision against the current parent pointers (CONTROL-MODEL §2–§3): the rule's mechanisms
// tried in the rule's order (the table in rules.ts: agreement > board > votes > de facto ≥ τ > the voting game's joint
// control, each rule using some of them), each mechanism implemented once. Used by computeControl (control.ts) and
// the live analysis alike.
import type { DecisionRule } from '../model';
import { passes } from './decisionRule';
import { GameColumns } from './gameColumns';
import type { Decision } from './reasons';
import { lowestCommon, type Block } from './votingGame';
import type { AnalysisOptions } from './options';
import { controlRule, type ControlRule, type Mechanism } from './rules';
import type { Snapshot } from './snapshot';

/** The decision rule of a company that records none (ruleOf's default), read without making one per company. */
const MAJORITY: DecisionRule = Object.freeze({ moreThan: 50 });

/**
 * Evaluates one company against the current parent pointers. Scratch arrays are reused across calls, and a company's
 * evaluation makes no object but its decision (and the arrays of a joint reason): a register evaluates millions.
 */
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
  /** Candidates of a mechanism (scratch for deepest). */
  private cand: number[] = [];
  /** The voting game of the company being evaluated (made once per evaluation: gameOf). */
  private game = new GameColumns();
  private gameMade = false;
  /** Which game last had a block rooted at an entity, and that block's slot. */
  private blockIn: Int32Array;
  private blockSlot: Int32Array;
  private games = 0;
  private rule: ControlRule;

  constructor(private s: Snapshot, private opts: AnalysisOptions, private parent: Int32Array) {
    this.rule = controlRule(opts.rule);
    // One buffer for the scratch arrays: on a register, each array of millions would start a full garbage collection.
    const n = s.n, buf = new ArrayBuffer(36 * n);
    this.acc = new Float64Array(buf, 0, n);
    this.seats = new Float64Array(buf, 8 * n, n);
    this.stamp = new Int32Array(buf, 16 * n, n);
    this.mark = new Int32Array(buf, 20 * n, n);
    this.touchedIn = new Int32Array(buf, 24 * n, n);
    this.blockIn = new Int32Array(buf, 28 * n, n);
    this.blockSlot = new Int32Array(buf, 32 * n, n);
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
    this.gameMade = false;
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
      const g = this.gameOf(y);
      return { parent: -1, reason: { kind: 'none', largest: g.top !== -1 ? g.id[g.top] : -1, block: g.top !== -1 ? g.weight[g.top] : 0 } };
    } finally {
      if (tallied) {
        for (const x of this.touched) {
          this.acc[x] = 0;
          this.seats[x] = 0;
        }
      }
      this.gameMade = false;
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
        const cand = this.candidates();
        for (const x of this.touched) if (this.seats[x] > half) cand.push(x);
        const p = this.deepest(cand, y);
        return p === -1 ? null : { parent: p, reason: { kind: 'board', seats: this.seats[p], boardSize } };
      }
      case 'votes': {
        const rule = s.doc.entities[y].decisionRule ?? MAJORITY;
        const cand = this.candidates();
        for (const x of this.touched) if (passes(rule, this.acc[x])) cand.push(x);
        const p = this.deepest(cand, y);
        return p === -1 ? null : { parent: p, reason: { kind: 'votes', block: this.acc[p] } };
      }
      case 'defacto': {
        const g = this.gameOf(y);
        const { top, runnerUp } = g;
        const tau = this.opts.threshold / 100 - 1e-9;
        if (top === -1 || g.weight[top] < tau || g.weight[top] <= runnerUp + 1e-9) return null;
        const root = g.root[top];
        const cand = this.candidates();
        for (const x of this.touched) if (this.acc[x] >= tau && this.acc[x] > runnerUp + 1e-9 && this.chainRoot(x, y) === root) cand.push(x);
        const q = this.deepest(cand, y);
        const d = q === -1 ? root : q;
        return { parent: d, reason: { kind: 'defacto', block: this.acc[d], runnerUp } };
      }
      case 'game': {
        const joint = this.gameOf(y).joint(s.doc.entities[y].decisionRule ?? MAJORITY);
        return joint ? { parent: -1, reason: { kind: 'joint', players: joint.players, weights: joint.weights } } : null;
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

  /**
   * The voting game on `y` in this evaluation (made once), as blocksOf makes it: each holder's chain walked to its
   * root without making it, and the chains of a block made only when several holders share its root (for its label).
   */
  private gameOf(y: number): GameColumns {
    const g = this.game;
    if (this.gameMade) return g;
    this.gameMade = true;
    g.reset();
    const s = this.s;
    const { blockIn, blockSlot } = this;
    const game = ++this.games;
    let shared = false;
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
      const z = s.inHolder[e];
      if (s.isFloat[z]) continue;
      const root = this.chainRoot(z, y);
      if (root === -1) continue; // an empty chain: the company's own controlled holders never form a block against it
      if (blockIn[root] !== game) {
        blockIn[root] = game;
        blockSlot[root] = g.add(root, z === y ? this.chainFirst(z, y) : z, s.inVotes[e]);
      } else {
        const k = blockSlot[root];
        g.weight[k] += s.inVotes[e];
        g.chains[k]++;
        shared = true;
      }
    }
    // A block of several chains is labelled by their lowest common controller.
    if (shared) {
      for (let k = 0; k < g.count; k++) {
        if (g.chains[k] < 2) continue;
        const chains: number[][] = [];
        for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
          const z = s.inHolder[e];
          if (!s.isFloat[z] && this.chainRoot(z, y) === g.root[k]) chains.push(this.chain(z, y));
        }
        g.id[k] = lowestCommon(chains);
      }
    }
    g.rank();
    return g;
  }

  /** The last entity of chain(x, skip), −1 when the chain is empty; walked without making it. */
  private chainRoot(x: number, skip: number): number {
    const cur = ++this.cur;
    const { stamp, parent } = this;
    let last = -1;
    for (; x !== -1 && stamp[x] !== cur; x = parent[x]) {
      stamp[x] = cur;
      if (x !== skip) last = x;
    }
    return last;
  }

  /** The first entity of chain(x, skip), −1 when the chain is empty. */
  private chainFirst(x: number, skip: number): number {
    const c = this.chain(x, skip);
    return c.length ? c[0] : -1;
  }

  /** The scratch list of candidates, emptied. */
  private candidates(): number[] {
    this.cand.length = 0;
    return this.cand;
  }

  /** Of candidates lying on one chain, the one nearest the holders; −1 if none or if they lie on different chains. */
  private deepest(candidates: number[], y: number): number {
    if (candidates.length <= 1) return candidates[0] ?? -1;
    // A candidate is marked `cand`, and `above` once found up the chain of another.
    const { mark, stamp, parent } = this;
    const cand = ++this.cur, above = ++this.cur;
    for (const c of candidates) mark[c] = cand;
    for (const c of candidates) {
      const seen = ++this.cur;
      stamp[c] = seen;
      for (let x = parent[c]; x !== -1 && stamp[x] !== seen; x = parent[x]) {
        stamp[x] = seen;
        if (mark[x] === cand) mark[x] = above;
      }
    }
    let lowest = -1, count = 0;
    for (const c of candidates) {
      if (mark[c] === above) continue;
      count++;
      lowest = c;
    }
    if (count === 1) return lowest;
    if (count === 0) return this.firstInCycle(candidates, y);
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

