// The large-graph layout: owners above what they own, every entity placed, no two at one point.
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/model';
import { layeredPositions } from '../../src/worker/layeredLayout';
import { graph } from './helpers';

describe('layeredPositions', () => {
  it('puts holders above what they hold along a chain, and a cycle on one layer', () => {
    const p = layeredPositions(graph([['p', 'a', 60], ['a', 'b', 60], ['b', 'c', 30], ['c', 'b', 30]]));
    expect(p.p.y).toBeLessThan(p.a.y);
    expect(p.a.y).toBeLessThan(p.b.y);
    expect(p.b.y).toBe(p.c.y);
  });

  it('places every entity of a generated graph at a distinct point, holders above acyclic subjects', () => {
    const doc = generateGraph({ entities: 3000, seed: 3 });
    const p = layeredPositions(doc);
    expect(Object.keys(p)).toHaveLength(3000);
    expect(new Set(Object.values(p).map((q) => `${q.x},${q.y}`)).size).toBe(3000);
    const above = doc.holdings.filter((h) => p[h.holder].y < p[h.subject].y).length;
    expect(above / doc.holdings.length).toBeGreaterThan(0.95);
  });
});
