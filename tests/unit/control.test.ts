// Control under the three rule sets, joint control and veto players (CONTROL-MODEL §2–§3), on tiny graphs.
import { describe, expect, it } from 'vitest';
import { analyze, type Rule } from '../../src/analysis';
import { graph } from './helpers';

const summary = (doc: ReturnType<typeof graph>, id: string, rule: Rule = 'legal', threshold = 25) => {
  const c = analyze(doc, { rule, threshold }).entity(id);
  return { status: c.status, parent: c.parent, ultimate: c.ultimate };
};

describe('control', () => {
  it.each([
    ['a simple majority', [['a', 'y', 51], ['b', 'y', 49]], 'y', { status: 'controlled', parent: ['a'], ultimate: ['a'] }],
    ['exactly half is not a majority', [['a', 'y', 50]], 'y', { status: 'independent', parent: [], ultimate: [] }],
    ['the only winning coalition of recorded blocks is joint control (50 + 30, float 20)', [['a', 'y', 50], ['b', 'y', 30]], 'y', { status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] }],
    ['several minimal winning coalitions: nobody controls', [['a', 'y', 30], ['b', 'y', 30], ['c', 'y', 30]], 'y', { status: 'independent', parent: [], ultimate: [] }],
    ['a chain: control passes up', [['p', 'a', 60], ['a', 'y', 70]], 'y', { status: 'controlled', parent: ['a'], ultimate: ['p'] }],
    ['votes of controlled entities are aggregated', [['p', 'a', 60], ['p', 'b', 60], ['a', 'y', 30], ['b', 'y', 30]], 'y', { status: 'controlled', parent: ['p'], ultimate: ['p'] }],
    ['a 50/50 joint venture', [['a', 'y', 50], ['b', 'y', 50]], 'y', { status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] }],
    ['control below a joint venture', [['a', 'j', 50], ['b', 'j', 50], ['j', 'y', 62.5]], 'y', { status: 'controlled', parent: ['j'], ultimate: ['a', 'b'] }],
    ['mutual 51% holdings are circular', [['a', 'b', 51], ['b', 'a', 51]], 'a', { status: 'circular', parent: ['b'], ultimate: ['a', 'b'] }],
  ] as const)('%s', (_label, edges, id, expected) => {
    expect(summary(graph(edges.map((e) => [...e]) as never), id, 'votes')).toEqual(expected);
  });

  it('applies "at least 75%": A 50 / B 30 / C 20 is joint control by A and B', () => {
    const doc = graph([['a', 'y', 50], ['b', 'y', 30], ['c', 'y', 20]], { entities: [{ id: 'y', decisionRule: { atLeast: 75 } }] });
    expect(summary(doc, 'y')).toEqual({ status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] });
    expect(analyze(doc).power('y').filter((p) => p.veto).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('A 50 / B 25 / C 25 with "at least 75%" has two minimal winning coalitions: not joint', () => {
    const doc = graph([['a', 'y', 50], ['b', 'y', 25], ['c', 'y', 25]], { entities: [{ id: 'y', decisionRule: { atLeast: 75 } }] });
    expect(summary(doc, 'y').status).toBe('independent');
    expect(analyze(doc).power('y').filter((p) => p.veto).map((p) => p.id)).toEqual(['a']);
  });

  it('a "more than 66.67%" rule stops a 60% holder', () => {
    const doc = graph([['a', 'y', 60], ['b', 'y', 40]], { entities: [{ id: 'y', decisionRule: { moreThan: 66.67 } }] });
    expect(summary(doc, 'y')).toEqual({ status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] });
  });

  it('the board beats the votes under legal control, not under votes only', () => {
    const doc = graph([['x', 'y', 10, { boardSeats: 3 }], ['z', 'y', 60, { boardSeats: 1 }]], { entities: [{ id: 'y', boardSize: 5 }] });
    expect(summary(doc, 'y', 'legal').parent).toEqual(['x']);
    expect(summary(doc, 'y', 'votes').parent).toEqual(['z']);
    expect(analyze(doc).explain('y')[0]).toBe('X appoints 3 of 5 board seats of Y (more than half).');
  });

  it('seats of controlled entities count for their controller', () => {
    const doc = graph([['p', 'a', 100], ['a', 'y', 10, { boardSeats: 2 }], ['p', 'y', 5, { boardSeats: 1 }], ['z', 'y', 60]], { entities: [{ id: 'y', boardSize: 5 }] });
    expect(summary(doc, 'y', 'legal').parent).toEqual(['p']);
  });

  it('a control agreement beats the board and the votes', () => {
    const doc = graph([['x', 'y', 10, { boardSeats: 3 }], ['z', 'y', 60]], {
      entities: [{ id: 'y', boardSize: 5 }],
      agreements: [{ kind: 'control', parties: ['w'], subject: 'y', basis: 'consolidation' }],
    });
    expect(summary(doc, 'y', 'legal')).toEqual({ status: 'controlled', parent: ['w'], ultimate: ['w'] });
    expect(analyze(doc).explain('y')[0]).toBe('W controls Y by agreement (consolidation).');
    expect(summary(doc, 'y', 'votes').parent).toEqual(['z']);
  });

  it('a joint-control agreement makes the subject jointly controlled', () => {
    const doc = graph([['z', 'y', 60]], { agreements: [{ kind: 'joint-control', parties: ['a', 'b'], subject: 'y' }] });
    expect(summary(doc, 'y')).toEqual({ status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] });
  });

  it('agreements are dated: an expired one no longer applies', () => {
    const doc = graph([['z', 'y', 60]], { agreements: [{ kind: 'control', parties: ['w'], subject: 'y', since: '2020-01-01', until: '2023-01-01' }] });
    expect(summary(doc, 'y').parent).toEqual(['z']);
    expect(analyze(doc, { date: '2022-06-01' }).entity('y').parent).toEqual(['w']);
  });

  describe('de facto', () => {
    // Recorded blocks total 50%: no coalition of them wins, so nobody has legal or joint control.
    const doc = graph([['a', 'y', 30], ['b', 'y', 15], ['c', 'y', 5]]);
    it('the largest block at or above τ and larger than every other controls', () => {
      expect(summary(doc, 'y', 'defacto')).toEqual({ status: 'controlled', parent: ['a'], ultimate: ['a'] });
      expect(summary(doc, 'y', 'legal').status).toBe('independent');
    });
    it('not when τ is above the block', () => expect(summary(doc, 'y', 'defacto', 35).status).toBe('independent'));
    it('not when two blocks tie', () => {
      expect(summary(graph([['a', 'y', 25], ['b', 'y', 25]]), 'y', 'defacto').status).toBe('independent');
    });
    // CONTROL-MODEL §2: holders of 30% and 40%, 30% unrecorded, τ 25.
    const example = graph([['a', 'y', 30], ['b', 'y', 40]]);
    it('comes before joint control found by the voting game (30/40/30 example)', () => {
      expect(summary(example, 'y', 'votes')).toEqual({ status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] });
      expect(summary(example, 'y', 'legal')).toEqual({ status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] });
      expect(summary(example, 'y', 'defacto')).toEqual({ status: 'controlled', parent: ['b'], ultimate: ['b'] });
      expect(analyze(example, { rule: 'defacto' }).explain('y')[0]).toMatch(/largest block, 40\.00% .* the next being 30\.00%\): de facto control/);
    });
    it('a joint-control agreement still comes first', () => {
      const d = graph([['a', 'y', 30], ['b', 'y', 40]], { agreements: [{ kind: 'joint-control', parties: ['a', 'b'], subject: 'y' }] });
      expect(summary(d, 'y', 'defacto')).toEqual({ status: 'joint', parent: ['a', 'b'], ultimate: ['a', 'b'] });
    });
    it('a 50/50 venture stays joint: neither block is strictly larger', () => {
      expect(summary(graph([['a', 'y', 50], ['b', 'y', 50]]), 'y', 'defacto').status).toBe('joint');
    });
    it('in a control cycle the result does not depend on record order (synchronous rounds)', () => {
      // Found by the order property test: sequential updates let entity order decide who controls e0.
      const edges: [string, string, number, number?][] = [['e3', 'e0', 34], ['e0', 'e1', 1, 25], ['e1', 'e0', 17], ['e1', 'e3', 1, 25]];
      const make = (order: string[]) => {
        const d = graph(edges.map(([h, s, x]) => [h, s, x]));
        const holdings = d.holdings.map((h, i) => (edges[i][3] ? { ...h, votes: edges[i][3] } : h));
        return { ...d, holdings, entities: order.map((id) => d.entities.find((e) => e.id === id)!) };
      };
      const results = [['e0', 'e1', 'e3'], ['e3', 'e1', 'e0'], ['e1', 'e0', 'e3']].map((o) => ['e0', 'e1', 'e3'].map((id) => summary(make(o), id, 'defacto')));
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
      expect(results[0][0]).toEqual({ status: 'circular', parent: ['e3'], ultimate: ['e0', 'e1', 'e3'] });
    });
    it('blocks aggregate through control', () => {
      const d = graph([['p', 'a', 60], ['a', 'y', 15], ['p', 'y', 12], ['b', 'y', 20], ['c', 'y', 3]]);
      expect(summary(d, 'y', 'defacto')).toEqual({ status: 'controlled', parent: ['p'], ultimate: ['p'] });
    });
  });

  it('a float never coordinates or controls', () => {
    const doc = graph([['fl', 'y', 60], ['a', 'y', 40]], { kinds: { fl: 'float' } });
    expect(summary(doc, 'y').status).toBe('independent');
    expect(analyze(doc).power('y').map((p) => p.id)).toEqual(['a']);
  });

  it('explains a chain in words, naming rule and figure', () => {
    const doc = graph([['p', 'a', 60], ['a', 'y', 62.5]], { kinds: { p: 'person' } });
    expect(analyze(doc).explain('y')).toEqual([
      "A holds 62.50% of Y's votes (> 50%).",
      "P holds 60.00% of A's votes (> 50%).",
      'Nobody controls P: it has no recorded holders with votes.',
    ]);
  });

  it('results do not depend on the order of records', () => {
    const edges: [string, string, number][] = [['p', 'a', 60], ['a', 'y', 30], ['q', 'b', 70], ['b', 'y', 30], ['p', 'b', 20], ['a', 'b', 10]];
    const x = analyze(graph(edges)), y = analyze(graph([...edges].reverse()));
    for (const id of ['a', 'b', 'y']) {
      const { reason: _r1, ...cx } = x.entity(id);
      const { reason: _r2, ...cy } = y.entity(id);
      expect(cx).toEqual(cy);
    }
  });
});
