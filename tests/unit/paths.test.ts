// Why a look-through figure: the paths that make it, their products, strongest first, loops noted.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDoc, type OwnershipDoc } from '../../src/model';
import { analyze } from '../../src/analysis';
import { explainStake } from '../../src/analysis/paths';

const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));

const graph = (edges: [string, string, number][]): OwnershipDoc => ({
  format: 'ownership-graph', version: 1, title: 't', asOf: '2024-01-01',
  entities: [...new Set(edges.flatMap(([a, b]) => [a, b]))].sort().map((id) => ({ id, name: id })),
  holdings: edges.map(([h, s, shares], i) => ({ id: `h${i}`, holder: h, subject: s, shares })),
});

describe('explainStake', () => {
  it('NAVER → A Holdings 50% × A Holdings → LY Corporation 62.50% = 31.25%', () => {
    const x = explainStake(analyze(ly), 'naver', 'ly');
    expect(x.paths).toEqual([{ ids: ['naver', 'ahd', 'ly'], stakes: [50, 62.5], product: 31.25 }]);
    expect(x.total).toBeCloseTo(31.25, 9);
    expect(x.loops).toEqual([]);
  });

  it('a diamond: two paths, strongest first, adding up to the look-through stake', () => {
    // a holds 60% of b and 40% of c; b holds 50% of d, c holds 30% of d: 30% + 12% = 42%.
    const a = analyze(graph([['a', 'b', 60], ['a', 'c', 40], ['b', 'd', 50], ['c', 'd', 30]]));
    const x = explainStake(a, 'a', 'd');
    expect(x.paths.map((p) => [p.ids.join('>'), p.product])).toEqual([['a>b>d', 30], ['a>c>d', 12]]);
    expect(x.pathSum).toBeCloseTo(42, 9);
    expect(x.total).toBeCloseTo(42, 9);
  });

  it('a loop on the way is noted, and adds to the figure beyond the simple paths', () => {
    // p holds 50% of x; x and y hold 20% of each other; x holds 60% of t.
    const a = analyze(graph([['p', 'x', 50], ['x', 'y', 20], ['y', 'x', 20], ['x', 't', 60]]));
    const x = explainStake(a, 'p', 't');
    expect(x.paths.map((p) => p.ids.join('>'))).toEqual(['p>x>t']);
    expect(x.loops).toEqual([['x', 'y', 'x']]);
    expect(x.total).toBeGreaterThan(x.pathSum);
  });

  it('no path, no explanation', () => {
    expect(explainStake(analyze(ly), 'ly', 'naver').paths).toEqual([]);
  });

  it('on acyclic graphs the simple paths add up to the look-through stake (property)', () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 16 })), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(arb, (raw) => {
        // Edges only go from a lower to a higher index (acyclic); at most 16% each, so no subject passes 100%.
        const seen = new Set<string>();
        const edges = raw.filter(([i, j]) => i < j && !seen.has(`${i}>${j}`) && seen.add(`${i}>${j}`)).map(([i, j, s]) => [`n${i}`, `n${j}`, s] as [string, string, number]);
        if (!edges.length) return;
        const a = analyze(graph(edges));
        const target = edges[edges.length - 1][1];
        const x = explainStake(a, edges[0][0], target, 1000);
        expect(x.pathSum).toBeCloseTo(x.total, 6);
      }),
      { numRuns: 60 },
    );
  });
});
