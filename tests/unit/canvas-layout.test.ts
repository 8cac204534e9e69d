// The fast layered placement used for large graphs: owners above what they own, every entity placed, cycles end.
import { describe, expect, it } from 'vitest';
import { generateGraph, parseDoc } from '../../src/model';
import { ELK_LIMIT, layeredPositions, placeIfLarge, placeNear } from '../../src/analysis/placement';
import { COMPACT_MAX, elkOptions } from '../../src/draw/layout';

describe('layeredPositions', () => {
  it('puts holders above what they hold on a chain and a tree', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: ['p', 'a', 'b', 'c'].map((id) => ({ id, name: id })),
      holdings: [
        { id: 'h1', holder: 'p', subject: 'a', shares: 100 },
        { id: 'h2', holder: 'a', subject: 'b', shares: 60 },
        { id: 'h3', holder: 'a', subject: 'c', shares: 60 },
      ],
    });
    const pos = layeredPositions(doc);
    expect(pos.p.y).toBeLessThan(pos.a.y);
    expect(pos.a.y).toBeLessThan(pos.b.y);
    expect(pos.b.y).toBe(pos.c.y);
    expect(pos.b.x).not.toBe(pos.c.x);
  });

  it('terminates on cross-holdings and places everyone', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: ['x', 'y', 'z'].map((id) => ({ id, name: id })),
      holdings: [
        { id: 'h1', holder: 'x', subject: 'y', shares: 51 },
        { id: 'h2', holder: 'y', subject: 'x', shares: 51 },
        { id: 'h3', holder: 'y', subject: 'z', shares: 51 },
      ],
    });
    expect(Object.keys(layeredPositions(doc)).sort()).toEqual(['x', 'y', 'z']);
  });

  it('places a 5k generated graph quickly, with no two entities on one spot', () => {
    const doc = generateGraph({ entities: 5000, seed: 3 });
    const t = performance.now();
    const pos = layeredPositions(doc);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(Object.keys(pos)).toHaveLength(5000);
    expect(new Set(Object.values(pos).map((p) => `${p.x},${p.y}`)).size).toBe(5000);
  });

  it('placeIfLarge places large unplaced documents and leaves small ones to ELK', () => {
    const small = generateGraph({ entities: 50 });
    expect(placeIfLarge(small)).toBe(small);
    const large = placeIfLarge(generateGraph({ entities: ELK_LIMIT + 1 }));
    expect(large.entities.every((e) => e.position)).toBe(true);
  });

  it('placeNear puts a new entity below its holders', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: [{ id: 'a', name: 'A', position: { x: 10, y: 0 } }, { id: 'n', name: 'New' }],
      holdings: [{ id: 'h', holder: 'a', subject: 'n', shares: 10 }],
    });
    const p = placeNear(doc);
    expect(p.n.y).toBeGreaterThan(0);
    expect(Object.keys(p)).toEqual(['n']);
  });
});

describe('elkOptions', () => {
  it('gives small graphs the compact placement and larger ones the quick one (layout.bench.ts: 50 s against 1 s at 300 entities)', () => {
    expect(elkOptions('DOWN', COMPACT_MAX)).toMatchObject({ 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX', 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' });
    expect(elkOptions('RIGHT', COMPACT_MAX + 1)).toMatchObject({ 'elk.direction': 'RIGHT', 'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF', 'elk.layered.considerModelOrder.strategy': 'NONE' });
  });
});
