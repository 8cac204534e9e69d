// Ultimate controllers from the ways up (analysis/ultimates.ts): the terminal strongly connected components each entity
// reaches, settled group by group in the control order, or all entities as one group; on hand-checkable graphs and
// against a definition by reachability on random graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stronglyConnected } from '../../src/analysis/scc';
import { ultimateControllers, type Groups, type WaysUp } from '../../src/analysis/ultimates';

/** Ways up from lists: up[v] are v's controllers. */
const waysUp = (up: number[][]): WaysUp => ({ count: (v) => up[v].length, target: (v, i) => up[v][i] });

/** All entities as one group. */
const whole = (n: number): Groups => ({ order: Int32Array.from({ length: n }, (_, v) => v), groupStart: Int32Array.of(0, n), count: 1 });

/** Groups as control makes them: components of "controller → controlled", sinks first (so taken from the last, sources first). */
function controlGroups(up: number[][]): Groups {
  const n = up.length;
  const down: number[][] = up.map(() => []);
  up.forEach((ts, v) => ts.forEach((t) => down[t].push(v)));
  const start = new Int32Array(n + 1);
  down.forEach((d, v) => (start[v + 1] = start[v] + d.length));
  const { comp, count } = stronglyConnected(n, start, Int32Array.from(down.flat()));
  const groupStart = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) groupStart[comp[v] + 1]++;
  for (let c = 0; c < count; c++) groupStart[c + 1] += groupStart[c];
  const fill = groupStart.slice(0, count), order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[fill[comp[v]]++] = v;
  return { order, groupStart, count };
}

/** The definition: the entities u reachable from v (v included) such that everything u reaches reaches u back. */
function reference(up: number[][]): number[][] {
  const reach = up.map((_, v) => {
    const seen = new Set([v]);
    const queue = [v];
    for (let i = 0; i < queue.length; i++) {
      for (const t of up[queue[i]]) {
        if (seen.has(t)) continue;
        seen.add(t);
        queue.push(t);
      }
    }
    return seen;
  });
  return up.map((_, v) => [...reach[v]].filter((u) => [...reach[u]].every((w) => reach[w].has(u))).sort((a, b) => a - b));
}

const all = (up: number[][], groups: Groups) => {
  const tops = ultimateControllers(up.length, waysUp(up), groups);
  return tops && up.map((_, v) => tops.list(v).sort((a, b) => a - b));
};

describe('ultimate controllers', () => {
  it.each([
    ['nobody above: itself', [[]], [[0]]],
    ['a chain passes up', [[1], [2], []], [[2], [2], [2]]],
    ['joint controllers with their own tops', [[1, 2], [3], [], []], [[2, 3], [3], [2], [3]]],
    ['joint controllers with one top give that top once', [[1, 2], [3], [3], []], [[3], [3], [3], [3]]],
    ['a terminal cycle gives all its members', [[1], [2], [1]], [[1, 2], [1, 2], [1, 2]]],
    ['a cycle with a way out gives what lies above it', [[1], [0, 2], []], [[2], [2], [2]]],
    ['a way up to itself is no way up', [[0]], [[0]]],
  ])('%s', (_label, up, expected) => {
    expect(all(up, controlGroups(up))).toEqual(expected);
    expect(all(up, whole(up.length))).toEqual(expected);
  });

  it('declines groups a way up leaves forwards (the caller then takes all entities as one group)', () => {
    // Entity 0's way up is 1, but 0 would be taken first.
    const groups: Groups = { order: Int32Array.of(1, 0), groupStart: Int32Array.of(0, 1, 2), count: 2 };
    expect(ultimateControllers(2, waysUp([[1], []]), groups)).toBeNull();
  });

  it('marks every entity whose way up passes a marked one', () => {
    const up = [[1], [2], [], [2]];
    const mark = Uint8Array.of(0, 1, 0, 0);
    ultimateControllers(4, waysUp(up), whole(4), mark);
    expect([...mark]).toEqual([1, 1, 0, 0]);
  });

  it('agree with the definition on random graphs, by groups and as one group', () => {
    const graphs = fc.integer({ min: 1, max: 14 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(graphs, (up) => {
        const expected = reference(up);
        expect(all(up, controlGroups(up))).toEqual(expected);
        expect(all(up, whole(up.length))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
