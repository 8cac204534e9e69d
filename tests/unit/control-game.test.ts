// The Evaluator's voting game in columns (analysis/gameColumns.ts, made while evaluating without a Block per block)
// against the voting game as Block objects (Evaluator.blocksOf and votingGame.ts, what power indices read): the
// largest block of an uncontrolled company, the runner-up of de facto control and the joint controllers, to the bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeControl, jointControl, type Block } from '../../src/analysis/control';
import { ruleOf } from '../../src/analysis/decisionRule';
import { resolveOptions } from '../../src/analysis/options';
import { RULES } from '../../src/analysis/rules';
import { snapshot } from '../../src/analysis/snapshot';
import { docArb } from './arbitraries';
import { graph } from './helpers';
import type { OwnershipDoc } from '../../src/model';

/** The largest block (the first of equal ones) and the largest weight after it, as the Evaluator ranks them. */
function ranked(blocks: Block[]): { top: Block | undefined; runnerUp: number } {
  let top: Block | undefined, runnerUp = 0;
  for (const b of blocks) {
    if (!top || b.weight > top.weight) {
      if (top) runnerUp = top.weight;
      top = b;
    } else if (b.weight > runnerUp) runnerUp = b.weight;
  }
  return { top, runnerUp };
}

/** Every company evaluated again under the final parents agrees with the game made of Block objects. */
function check(doc: OwnershipDoc) {
  for (const rule of RULES) {
    const opts = resolveOptions(doc, { rule });
    const s = snapshot(doc, opts.date);
    const { evaluator } = computeControl(s, opts);
    for (let y = 0; y < s.n; y++) {
      const { reason } = evaluator.evaluate(y);
      const blocks = evaluator.blocksOf(y);
      const { top, runnerUp } = ranked(blocks);
      if (reason.kind === 'none') expect(reason).toEqual({ kind: 'none', largest: top ? top.id : -1, block: top ? top.weight : 0 });
      if (reason.kind === 'defacto') expect(reason.runnerUp).toBe(runnerUp);
      if (reason.kind === 'joint' && !reason.agreement) {
        const joint = jointControl(blocks, ruleOf(doc.entities[y].decisionRule))!;
        expect({ players: reason.players, weights: reason.weights }).toEqual({ players: joint.map((b) => b.id), weights: joint.map((b) => b.weight) });
      }
    }
  }
}

describe('the voting game in columns', () => {
  it.each([
    ['two holders under one controller form one block, labelled by their lowest common controller', [['p', 'a', 60], ['p', 'b', 60], ['a', 'y', 20], ['b', 'y', 20], ['c', 'y', 30]]],
    ['chains that meet below their top are labelled where they meet', [['q', 'p', 80], ['p', 'a', 60], ['p', 'b', 60], ['a', 'y', 20], ['b', 'y', 20], ['c', 'y', 30]]],
    ['equal blocks: the first is the largest', [['a', 'y', 30], ['b', 'y', 30], ['c', 'y', 30]]],
    ['joint control of blocks with chains', [['p', 'a', 60], ['a', 'y', 40], ['q', 'b', 70], ['b', 'y', 40]]],
    ['de facto control with a runner-up', [['a', 'y', 30], ['b', 'y', 20], ['c', 'y', 10]]],
    ['a cycle', [['a', 'b', 60], ['b', 'a', 60], ['a', 'y', 30], ['b', 'y', 30], ['c', 'y', 35]]],
  ])('%s', (_label, edges) => {
    check(graph(edges as never));
  });

  it('agrees with the Block objects on random documents under every rule', () => {
    fc.assert(fc.property(docArb, check), { numRuns: 300 });
  });
});
