// The order in which control is evaluated (control.ts controlOrder): entities off every cycle peeled sources first,
// the rest split into strongly connected components. Every entity once; a group is a strongly connected component of
// the control graph (holdings, and agreements' parties when the rule counts them); an edge never runs from a group
// taken earlier to one taken later (groups are taken from the last).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlOrder } from '../../src/analysis/control';
import { resolveOptions } from '../../src/analysis/options';
import { RULES, controlRule } from '../../src/analysis/rules';
import { stronglyConnected } from '../../src/analysis/scc';
import { snapshot } from '../../src/analysis/snapshot';
import type { OwnershipDoc } from '../../src/model';
import { docArb } from './arbitraries';
import { graph } from './helpers';

function check(doc: OwnershipDoc) {
  for (const rule of RULES) {
    const opts = resolveOptions(doc, { rule });
    const s = snapshot(doc, opts.date);
    const { order, groupStart, count } = controlOrder(s, opts);
    const group = new Int32Array(s.n).fill(-1);
    for (let c = 0; c < count; c++) for (let k = groupStart[c]; k < groupStart[c + 1]; k++) {
      expect(group[order[k]]).toBe(-1);
      group[order[k]] = c;
    }
    expect(groupStart[count]).toBe(s.n);
    expect([...group].every((c) => c >= 0)).toBe(true);
    // The control graph, and its components found by Tarjan over the whole of it.
    const edges: [number, number][] = [];
    for (let v = 0; v < s.n; v++) for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) edges.push([v, s.outSubject[e]]);
    if (controlRule(rule).counts.agreements) {
      for (const [subject, list] of s.agreements) for (const a of list) for (const p of a.parties) if (s.index.get(p) !== subject) edges.push([s.index.get(p)!, subject]);
    }
    for (const [u, v] of edges) expect(group[u]).toBeGreaterThanOrEqual(group[v]);
    const start = new Int32Array(s.n + 1);
    for (const [u] of edges) start[u + 1]++;
    for (let v = 0; v < s.n; v++) start[v + 1] += start[v];
    const target = new Int32Array(edges.length), at = start.slice(0, s.n);
    for (const [u, v] of edges) target[at[u]++] = v;
    const { comp } = stronglyConnected(s.n, start, target);
    for (let u = 0; u < s.n; u++) for (let v = 0; v < s.n; v++) expect(group[u] === group[v]).toBe(comp[u] === comp[v]);
  }
}

describe('control order', () => {
  it.each([
    ['a chain', graph([['a', 'b', 60], ['b', 'c', 60]])],
    ['a cycle with a chain below it and one above', graph([['p', 'a', 30], ['a', 'b', 60], ['b', 'a', 60], ['b', 'c', 60], ['c', 'd', 51]])],
    ['an agreement closes a cycle', graph([['a', 'b', 60]], { agreements: [{ kind: 'control', parties: ['b'], subject: 'a' }] })],
    ['nobody holds anybody', graph([], { entities: [{ id: 'a' }, { id: 'b' }] })],
  ])('%s', (_label, doc) => check(doc));

  it('holds on random documents under every rule', () => {
    fc.assert(fc.property(docArb, check), { numRuns: 300 });
  });
});
