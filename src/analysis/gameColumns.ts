// The voting game of the company being evaluated, in columns (the Evaluator's scratch, used again for every company):
// its blocks in the order of their first holder, each with its label (lowest common controller), root and weight; the
// largest block and the runner-up's weight; joint control as votingGame.ts's jointControl finds it, to the same
// figures (sums taken in the same order). No object per block: a register evaluates millions of companies.
import { passes } from './decisionRule';
import type { DecisionRule } from '../model';

export class GameColumns {
  count = 0;
  id = new Int32Array(16);
  root = new Int32Array(16);
  weight = new Float64Array(16);
  /** How many holders' chains end at the block's root. */
  chains = new Int32Array(16);
  /** The largest block (the first of equal ones), −1 when there is none; the largest weight after it. */
  top = -1;
  runnerUp = 0;

  reset() {
    this.count = 0;
    this.top = -1;
    this.runnerUp = 0;
  }

  /** A new block with its first holder's chain; its slot. */
  add(root: number, id: number, weight: number): number {
    if (this.count === this.id.length) {
      const size = 2 * this.count;
      this.id = grow(this.id, new Int32Array(size));
      this.root = grow(this.root, new Int32Array(size));
      this.chains = grow(this.chains, new Int32Array(size));
      this.weight = grow(this.weight, new Float64Array(size));
    }
    const k = this.count++;
    this.id[k] = id;
    this.root[k] = root;
    this.weight[k] = weight;
    this.chains[k] = 1;
    return k;
  }

  /** Finds the largest block and the runner-up, as Evaluator.gameOf did over Block objects. */
  rank() {
    let top = -1, runnerUp = 0;
    for (let k = 0; k < this.count; k++) {
      const w = this.weight[k];
      if (top === -1 || w > this.weight[top]) {
        if (top !== -1) runnerUp = this.weight[top];
        top = k;
      } else if (w > runnerUp) runnerUp = w;
    }
    this.top = top;
    this.runnerUp = runnerUp;
  }

  /** The jointly controlling blocks (votingGame.ts jointControl): their labels sorted, and their weights; else null. */
  joint(rule: DecisionRule): { players: number[]; weights: number[] } | null {
    const n = this.count, weight = this.weight;
    if (n < 2) return null;
    let total = 0;
    for (let k = 0; k < n; k++) total += weight[k];
    if (!passes(rule, total)) return null;
    let vetoes = 0, sum = 0;
    for (let k = 0; k < n; k++) {
      if (passes(rule, total - weight[k])) continue;
      vetoes++;
      sum += weight[k];
    }
    if (vetoes < 2 || !passes(rule, sum)) return null;
    const veto: number[] = [];
    for (let k = 0; k < n; k++) if (!passes(rule, total - weight[k])) veto.push(k);
    veto.sort((a, b) => this.id[a] - this.id[b]);
    return { players: veto.map((k) => this.id[k]), weights: veto.map((k) => weight[k]) };
  }
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
