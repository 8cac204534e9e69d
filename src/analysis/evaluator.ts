// One company's control decision against the current parent pointers (CONTROL-MODEL §2–§3): the rule's mechanisms
// tried in the rule's order (the table in rules.ts: agreement > board > votes > de facto ≥ τ > the voting game's joint
// control, each rule using some of them), each mechanism implemented once. Used by computeControl (control.ts) and
// the live analysis alike.
import { passes, ruleOf } from './decisionRule';
import type { Decision } from './reasons';
import { jointControl, lowestCommon, type Block } from './votingGame';
import type { AnalysisOptions } from './options';
import { controlRule, type ControlRule, type Mechanism } from './rules';
import type { Snapshot } from './snapshot';

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
    // One buffer for the scratch arrays: on a register, each array of millions would start a full garbage collection.
    const n = s.n, buf = new ArrayBuffer(28 * n);
    this.acc = new Float64Array(buf, 0, n);
    this.seats = new Float64Array(buf, 8 * n, n);
    this.stamp = new Int32Array(buf, 16 * n, n);
    this.mark = new Int32Array(buf, 20 * n, n);
    this.touchedIn = new Int32Array(buf, 24 * n, n);
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

