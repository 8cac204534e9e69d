// Look-through and ultimate owners (CONTROL-MODEL §1) on hand-computed and published examples.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { graph } from './helpers';

function lt(doc: ReturnType<typeof graph>, id: string) {
  const r = analyze(doc).lookThrough(id);
  if ('loop' in r) throw new Error(`unexpected loop ${r.loop}`);
  return r;
}

describe('look-through ownership', () => {
  it('matches the published UBO glossary example: A in C = 0.2 + 0.8·0.4 = 52%', () => {
    const doc = graph([['a', 'b1', 100], ['a', 'b2', 80], ['b1', 'c', 20], ['b2', 'c', 40]]);
    expect(lt(doc, 'c').lookThrough.a).toBeCloseTo(52, 9);
    expect(lt(doc, 'c').lookThrough.b2).toBeCloseTo(40, 9);
  });

  it('matches Elliott, Golub & Jackson: cross-held firms, outsiders own 2/3 and 1/3', () => {
    const doc = graph([['f1', 'f2', 50], ['f2', 'f1', 50], ['o1', 'f1', 50], ['o2', 'f2', 50]], { kinds: { o1: 'person', o2: 'person' } });
    const u1 = lt(doc, 'f1').ultimateOwners, u2 = lt(doc, 'f2').ultimateOwners;
    expect(u1.o1).toBeCloseTo(200 / 3, 9);
    expect(u1.o2).toBeCloseTo(100 / 3, 9);
    expect(u2.o1).toBeCloseTo(100 / 3, 9);
    expect(u2.o2).toBeCloseTo(200 / 3, 9);
    // The raw look-through keeps the cycle: f2 receives 2/3 of f1's cash flows (50% · 4/3).
    expect(lt(doc, 'f1').lookThrough.f2).toBeCloseTo(200 / 3, 9);
  });

  it('splits a chain between terminal holders and unattributed remainders, summing to 100%', () => {
    const doc = graph([['p', 'x', 60], ['x', 'y', 50]], { kinds: { p: 'person' } });
    expect(lt(doc, 'y').ultimateOwners).toEqual({ p: 30, 'float:x': 20, 'float:y': 50 });
    expect(lt(doc, 'y').lookThrough).toEqual({ x: 50, p: 30 });
  });

  it('gives a terminal entity itself as its only ultimate owner', () => {
    const doc = graph([['p', 'x', 60]], { kinds: { p: 'person' } });
    expect(lt(doc, 'p').ultimateOwners).toEqual({ p: 100 });
    expect(lt(doc, 'p').lookThrough).toEqual({});
  });

  it('reports a closed ownership loop instead of a wrong number', () => {
    const doc = graph([['a', 'b', 100], ['b', 'a', 100], ['b', 'c', 60], ['p', 'c', 40]]);
    const a = analyze(doc);
    expect(a.loops).toEqual([['a', 'b']]);
    expect(a.lookThrough('c')).toEqual({ loop: ['a', 'b'] });
    expect('loop' in a.lookThrough('p')).toBe(false);
  });

  it('solves a large cross-holding component iteratively to the same answer as densely', () => {
    // A ring of 400 firms, each 30% held by the previous one and 70% by its own founder.
    const n = 400;
    const edges: [string, string, number][] = [];
    for (let i = 0; i < n; i++) {
      edges.push([`f${i}`, `f${(i + 1) % n}`, 30]);
      edges.push([`p${i}`, `f${i}`, 70]);
    }
    const r = lt(graph(edges), 'f0');
    const sum = Object.values(r.ultimateOwners).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(100, 8);
    // p0 gets 70% · (1 + 0.3^400 + …) ≈ 70%; p399 gets 70% · 30%.
    expect(r.ultimateOwners.p0).toBeCloseTo(70, 8);
    expect(r.ultimateOwners.p399).toBeCloseTo(21, 8);
  });
});
