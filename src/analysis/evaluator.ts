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

/** Where an entity's integers sit in its 32 bytes (Evaluator.i), after its two floats. */
const STAMP = 4, TOUCHED = 5, MARK = 6, BLOCK = 7;

/** The decision rule of a company that records none (ruleOf's default), read without making one per company. */
const MAJORITY: DecisionRule = Object.freeze({ moreThan: 50 });

/**
 * Evaluates one company against the current parent pointers. Scratch arrays are reused across calls, and a company's
 * evaluation makes no object but its decision (and the arrays of a joint reason): a register evaluates millions.
 */
export class Evaluator {
  /**
   * What the evaluation keeps per entity, side by side in 32 bytes (one cache line: a register's chains are walked
   * at random, and four arrays cost four misses a step). As 64-bit floats, f[4x] and f[4x + 1]: x's votes and seats in
   * the company being evaluated. As 32-bit integers, i[8x + STAMP]: the walk that last passed x; i[8x + TOUCHED]: the
   * evaluation that last added to x (so `touched` lists each entity once); i[8x + MARK]: deepest's mark; i[8x + BLOCK]:
   * the game that last had a block rooted at x (whose slot is blockSlot[x]).
   */
  private f: Float64Array;
  private i: Int32Array;
  private blockSlot: Int32Array;
  private cur = 0;
  private evals = 0;
  /** The entities the current evaluation added to (the first `touchedCount`). */
  private touched = new Int32Array(64);
  private touchedCount = 0;
  /** Candidates of a mechanism (scratch for deepest: the first so many). */
  private cand = new Int32Array(64);
  /** The voting game of the company being evaluated (made once per evaluation: gameOf). */
  private game = new GameColumns();
  private gameMade = false;
  private games = 0;
  private rule: ControlRule;

  constructor(private s: Snapshot, private opts: AnalysisOptions, private parent: Int32Array) {
    this.rule = controlRule(opts.rule);
    // One buffer: on a register, each array of millions would start a full garbage collection.
    const n = s.n, buf = new ArrayBuffer(36 * n);
    this.f = new Float64Array(buf, 0, 4 * n);
    this.i = new Int32Array(buf, 0, 8 * n);
    this.blockSlot = new Int32Array(buf, 32 * n, n);
  }

  /** The chain of controllers of z (z first), skipping `skip`, stopping at a repeat. */
  chain(z: number, skip: number): number[] {
    const out: number[] = [];
    const cur = ++this.cur;
    const { i, parent } = this;
    for (let x = z; x !== -1 && i[8 * x + STAMP] !== cur; x = parent[x]) {
      i[8 * x + STAMP] = cur;
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
        const { f, touched } = this;
        for (let k = 0; k < this.touchedCount; k++) {
          const x = touched[k];
          f[4 * x] = 0;
          f[4 * x + 1] = 0;
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
        const { f, touched } = this, cand = this.candidates();
        let c = 0;
        for (let k = 0; k < this.touchedCount; k++) if (f[4 * touched[k] + 1] > half) cand[c++] = touched[k];
        const p = this.deepest(c, y);
        return p === -1 ? null : { parent: p, reason: { kind: 'board', seats: f[4 * p + 1], boardSize } };
      }
      case 'votes': {
        const rule = s.doc.entities[y].decisionRule ?? MAJORITY;
        const { f, touched } = this, cand = this.candidates();
        let c = 0;
        for (let k = 0; k < this.touchedCount; k++) if (passes(rule, f[4 * touched[k]])) cand[c++] = touched[k];
        const p = this.deepest(c, y);
        return p === -1 ? null : { parent: p, reason: { kind: 'votes', block: f[4 * p] } };
      }
      case 'defacto': {
        const g = this.gameOf(y);
        const { top, runnerUp } = g;
        const tau = this.opts.threshold / 100 - 1e-9;
        if (top === -1 || g.weight[top] < tau || g.weight[top] <= runnerUp + 1e-9) return null;
        const root = g.root[top];
        const { f, touched } = this, cand = this.candidates();
        let c = 0;
        for (let k = 0; k < this.touchedCount; k++) {
          const x = touched[k];
          if (f[4 * x] >= tau && f[4 * x] > runnerUp + 1e-9 && this.chainRoot(x, y) === root) cand[c++] = x;
        }
        const q = this.deepest(c, y);
        const d = q === -1 ? root : q;
        return { parent: d, reason: { kind: 'defacto', block: f[4 * d], runnerUp } };
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
    let touched = this.touched, count = 0;
    const evaluation = ++this.evals;
    const { f, i, parent } = this;
    const countSeats = this.rule.counts.seats;
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
      const z = s.inHolder[e];
      if (s.isFloat[z]) continue;
      const cur = ++this.cur;
      const votes = s.inVotes[e], seatsHere = countSeats ? s.inSeats[e] : 0;
      for (let x = z; x !== -1 && i[8 * x + STAMP] !== cur; x = parent[x]) {
        i[8 * x + STAMP] = cur;
        if (x === y) continue;
        if (i[8 * x + TOUCHED] !== evaluation) {
          i[8 * x + TOUCHED] = evaluation;
          if (count === touched.length) {
            const grown = new Int32Array(2 * count);
            grown.set(touched);
            this.touched = touched = grown;
          }
          touched[count++] = x;
        }
        f[4 * x] += votes;
        f[4 * x + 1] += seatsHere;
      }
    }
    this.touchedCount = count;
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
    const { i, blockSlot } = this;
    const game = ++this.games;
    let shared = false;
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
      const z = s.inHolder[e];
      if (s.isFloat[z]) continue;
      const root = this.chainRoot(z, y);
      if (root === -1) continue; // an empty chain: the company's own controlled holders never form a block against it
      if (i[8 * root + BLOCK] !== game) {
        i[8 * root + BLOCK] = game;
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
    const { i, parent } = this;
    let last = -1;
    for (; x !== -1 && i[8 * x + STAMP] !== cur; x = parent[x]) {
      i[8 * x + STAMP] = cur;
      if (x !== skip) last = x;
    }
    return last;
  }

  /** The first entity of chain(x, skip), −1 when the chain is empty. */
  private chainFirst(x: number, skip: number): number {
    const c = this.chain(x, skip);
    return c.length ? c[0] : -1;
  }

  /** The scratch list of candidates, room for every touched entity. */
  private candidates(): Int32Array {
    if (this.cand.length < this.touchedCount) this.cand = new Int32Array(this.touched.length);
    return this.cand;
  }

  /**
   * Of the first `size` candidates (this.cand), lying on one chain, the one nearest the holders; −1 if none or if they
   * lie on different chains.
   */
  private deepest(size: number, y: number): number {
    if (size <= 1) return size ? this.cand[0] : -1;
    // A candidate is marked `cand`, and `above` once found up the chain of another.
    const { i, parent, cand: candidates } = this;
    const cand = ++this.cur, above = ++this.cur;
    for (let k = 0; k < size; k++) i[8 * candidates[k] + MARK] = cand;
    for (let k = 0; k < size; k++) {
      const c = candidates[k], seen = ++this.cur;
      i[8 * c + STAMP] = seen;
      for (let x = parent[c]; x !== -1 && i[8 * x + STAMP] !== seen; x = parent[x]) {
        i[8 * x + STAMP] = seen;
        if (i[8 * x + MARK] === cand) i[8 * x + MARK] = above;
      }
    }
    let lowest = -1, count = 0;
    for (let k = 0; k < size; k++) {
      if (i[8 * candidates[k] + MARK] === above) continue;
      count++;
      lowest = candidates[k];
    }
    if (count === 1) return lowest;
    if (count === 0) return this.firstInCycle(Array.from(candidates.subarray(0, size)), y);
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

