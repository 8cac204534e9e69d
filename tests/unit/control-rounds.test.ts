// Control rounds that never settle (CONTROL-MODEL, Control): a cycle iterated in synchronous rounds stops at the cap
// when de facto control passes back and forth. computeControl skips the repeating rounds once it has seen a state
// come back; its result must be the cap's, exactly as running every round gives it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateGraph } from '../../src/model';
import type { Rule } from '../../src/analysis';
import { computeControl, iterateComponent, type Evaluator, type Reason } from '../../src/analysis/control';
import { resolveOptions } from '../../src/analysis/options';
import { snapshot } from '../../src/analysis/snapshot';

/** Every round up to the cap, as the definition reads; counts the components that reach the cap without settling. */
function everyRound(capped: { count: number }) {
  return (ev: Evaluator, members: ArrayLike<number>, parent: Int32Array, reason: Reason[]) => {
    const size = members.length, cap = 50 + 4 * size;
    const next = new Array<ReturnType<Evaluator['evaluate']>>(size);
    const kinds = new Array<string | undefined>(size);
    let round = 0;
    for (; round < cap; round++) {
      for (let k = 0; k < size; k++) next[k] = ev.evaluate(members[k]);
      let changed = false;
      for (let k = 0; k < size; k++) {
        const y = members[k], r = next[k];
        if (r.parent !== parent[y] || kinds[k] !== r.reason.kind) changed = true;
        parent[y] = r.parent;
        kinds[k] = r.reason.kind;
      }
      if (!changed) break;
    }
    if (round === cap) capped.count++;
    for (let k = 0; k < size; k++) reason[members[k]] = next[k].reason;
  };
}

/** The two ways compared on one document under one rule. */
function same(doc: ReturnType<typeof generateGraph>, rule: Rule, capped: { count: number }) {
  const opts = resolveOptions(doc, { rule });
  const fast = computeControl(snapshot(doc, opts.date), opts);
  const slow = computeControl(snapshot(doc, opts.date), opts, everyRound(capped));
  expect(Array.from(fast.parent)).toEqual(Array.from(slow.parent));
  expect(fast.reason).toEqual(slow.reason);
}

describe('control rounds that never settle', () => {
  // Generated graphs (found by search) with a cycle whose de facto rounds never settle: 6, 27 and 15 members.
  it.each([
    [200, { core: 0.8 }, 234],
    [500, { core: 0.3, depth: 30 }, 13],
    [500, { core: 0.3, depth: 30 }, 56],
  ])('%i entities, %o, seed %i: the result at the cap without running to it', (entities, shape, seed) => {
    const capped = { count: 0 };
    same(generateGraph({ entities, seed, ...shape }), 'defacto', capped);
    expect(capped.count).toBe(1);
  });

  // One member whose next controller is a function of its present one: the rounds are that function's orbit from
  // −1, and the cap (50 + 4 = 54 rounds) ends on its 54th step, worked out by hand.
  it.each([
    ['settled after two rounds', { [-1]: 3, 3: 3 }, 3],
    ['period 2 from the first round', { [-1]: 1, 1: 2, 2: 1 }, 2],
    ['period 3 after a step in', { [-1]: 5, 5: 6, 6: 7, 7: 8, 8: 6 }, 7],
    ['period 4 after two steps in', { [-1]: 3, 3: 4, 4: 10, 10: 11, 11: 12, 12: 13, 13: 10 }, 13],
  ])('%s: ends where the 54th round ends, without running 54', (_label, step: Record<number, number>, last) => {
    let calls = 0;
    const ev = {
      evaluate: (y: number) => {
        calls++;
        const p = step[parent[y]];
        return { parent: p, reason: { kind: 'none', largest: -1, block: p } };
      },
    } as unknown as Evaluator;
    const parent = new Int32Array(20).fill(-1);
    const reason: Reason[] = [];
    iterateComponent(ev, [0], parent, reason);
    expect(parent[0]).toBe(last);
    expect(reason[0]).toEqual({ kind: 'none', largest: -1, block: last });
    expect(calls).toBeLessThan(20);
  });

  it('end where every round ends, on random cores under every rule', () => {
    const capped = { count: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 20 }),
        fc.constantFrom({ core: 0.3, depth: 6 }, { core: 0.5, depth: 3 }, { core: 0.8 }, { core: 0.6, depth: 2, wide: 1 }),
        fc.constantFrom<Rule>('defacto', 'legal', 'votes'),
        (seed, shape, rule) => same(generateGraph({ entities: 150, seed, ...shape }), rule, capped),
      ),
      { numRuns: 100 },
    );
  });
});
