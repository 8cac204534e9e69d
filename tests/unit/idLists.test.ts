// Id lists shared across versions of a record list (analysis/idLists.ts), and the adjacency they let a move keep.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docArb, opOf, opSeedArb } from './arbitraries';
import { apply, type OwnershipDoc } from '../../src/model';
import { adjacency, idList, indexOfIds } from '../../src/analysis';
import { sameEdges } from '../../src/analysis/adjacency';

const doc: OwnershipDoc = {
  format: 'ownership-graph',
  version: 3,
  entities: [{ id: 'a', name: 'A', position: { x: 0, y: 0 } }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }],
  holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 60 }, { id: 'h2', holder: 'b', subject: 'c', shares: 30 }],
} as OwnershipDoc;

describe('idList', () => {
  it.each([
    ['a move', true, { type: 'moveEntity', id: 'a', position: { x: 5, y: 5 } }],
    ['a rename', true, { type: 'updateEntity', id: 'b', changes: { name: 'Bee' } }],
    ['a new entity', false, { type: 'addEntity', entity: { id: 'd', name: 'D' } }],
    ['a removed entity', false, { type: 'removeEntity', id: 'c' }],
  ] as const)('entity ids after %s are shared: %s', (_, shared, op) => {
    const before = idList(doc.entities, 'entities');
    const after = apply(doc, op as never);
    expect(after.entities).not.toBe(doc.entities);
    const ids = idList(after.entities, 'entities', doc.entities);
    expect(ids).toEqual(after.entities.map((e) => e.id));
    expect(ids === before).toBe(shared);
    expect(indexOfIds(ids).get(after.entities.at(-1)!.id)).toBe(after.entities.length - 1);
  });

  it('a stake edit keeps the holding ids; the same list gives the same array', () => {
    const before = idList(doc.holdings, 'holdings');
    const after = apply(doc, { type: 'setHolding', holding: { ...doc.holdings[0], shares: 40 } });
    expect(idList(after.holdings, 'holdings')).toBe(before);
    expect(idList(after.holdings, 'holdings')).toBe(idList(after.holdings, 'holdings'));
  });

  it('always lists the ids in order, whatever the edits between the versions it is asked about', () => {
    fc.assert(
      fc.property(docArb, fc.array(opSeedArb, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (start, seeds, asks) => {
        const versions: OwnershipDoc[] = [start];
        for (const seed of seeds) {
          try {
            versions.push(apply(versions.at(-1)!, opOf(versions.at(-1)!, seed)));
          } catch {
            // refused
          }
        }
        for (const k of asks) {
          const v = versions[k % versions.length];
          expect(idList(v.entities, 'entities')).toEqual(v.entities.map((e) => e.id));
          expect(idList(v.holdings, 'holdings', versions[0].holdings)).toEqual(v.holdings.map((h) => h.id));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a move keeps the adjacency (same edges); a new holding does not', () => {
    const date = '2025-01-01';
    const a = adjacency(doc, date);
    const moved = apply(doc, { type: 'moveEntity', id: 'b', position: { x: 1, y: 2 } });
    expect(sameEdges(doc, moved, date)).toBe(true);
    expect(adjacency(moved, date)).toBe(a);
    const more = apply(moved, { type: 'setHolding', holding: { id: 'h3', holder: 'a', subject: 'c', shares: 10 } });
    expect(sameEdges(moved, more, date)).toBe(false);
    expect(Array.from(adjacency(more, date).up)).toEqual([0, 1, 0]);
  });
});
