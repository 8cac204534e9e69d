// Every operation has an exact inverse: applyWithInverse(doc, op) returns a patch that puts the document back as it
// was, record for record and in order; applying the operation again gives the same document (redo).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, applyPatch, applyWithInverse, diffPatch, parseDoc, type Op, type OwnershipDoc } from '../../src/model';
import { docArb, opOf, opSeedArb } from './arbitraries';
import { graph } from './helpers';

/** A richer start: the random document plus an agreement, a relation, a dependency, an event and a scenario to edit or remove
 * (every update and remove operation then has a record to act on, so the kinds check below never depends on luck). */
function withRecords(doc: OwnershipDoc): OwnershipDoc {
  const ids = doc.entities.map((e) => e.id);
  return parseDoc({
    ...doc,
    agreements: ids.length > 2 ? [{ id: 'g-1', kind: 'joint-control', parties: [ids[1], ids[2]], subject: ids[0] }] : [],
    relations: [{ id: 'r-1', kind: 'trustee', party: ids[1], subject: ids[0] }],
    dependencies: [{ id: 'd-1', provider: ids[0], client: ids[1], kind: 'it-operations' }],
    events: [{ id: 'ev-1', date: '2024-01-01', title: 'Launch', entities: [ids[0], ids[1]] }],
    scenarios: [{ id: 's-1', title: 'Keep', ops: [] }],
  });
}

/** The document as text with its top-level fields sorted (their order carries no meaning; records' order does). */
const ordered = (d: OwnershipDoc) => JSON.stringify(Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b))));

describe('inverse operations', () => {
  it('undo (the inverse patch) restores the document exactly and redo reproduces the edit, for every kind of operation', () => {
    let accepted = 0, tried = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(docArb, fc.array(opSeedArb, { minLength: 1, maxLength: 8 }), (start, seeds) => {
        let doc = withRecords(start);
        for (const seed of seeds) {
          const op = opOf(doc, seed);
          tried++;
          let r: ReturnType<typeof applyWithInverse>;
          try {
            r = applyWithInverse(doc, op);
          } catch {
            continue; // refused: apply never changes the document it was given
          }
          accepted++;
          kinds.add(op.type);
          expect(r.doc).toStrictEqual(apply(doc, op));
          const back = apply(r.doc, r.inverse);
          expect(back).toStrictEqual(doc);
          expect(ordered(back)).toBe(ordered(doc)); // the same records in the same order, field for field
          expect(apply(back, op)).toStrictEqual(r.doc);
          // The patch crosses to the worker by structured clone, as JSON-like data.
          expect(apply(r.doc, structuredClone(r.inverse))).toStrictEqual(doc);
          doc = r.doc;
        }
      }),
      { numRuns: 250 },
    );
    // The generator must exercise the operations, not only refusals.
    expect(accepted / tried).toBeGreaterThan(0.4);
    expect([...kinds].sort()).toEqual([
      'addAgreement', 'addDependency', 'addEntity', 'addEvent', 'addRelation', 'batch', 'moveEntities', 'moveEntity', 'removeAgreement', 'removeDependency',
      'removeEntity', 'removeEvent', 'removeHolding', 'removeRelation', 'removeScenario', 'setHolding', 'setMeta', 'setScenario', 'transfer', 'updateAgreement',
      'updateDependency', 'updateEntity', 'updateEvent', 'updateHolding', 'updateRelation',
    ]);
  }, 30_000); // 250 random sequences, every step undone and redone: about 2.5 s idle, more under load

  it('the inverse of removing an entity puts back its holdings, agreements and event links where they were', () => {
    const doc = withRecords(graph([['a', 'b', 50], ['c', 'b', 30], ['b', 'd', 60], ['c', 'd', 10]]));
    const { doc: after, inverse } = applyWithInverse(doc, { type: 'removeEntity', id: 'b' });
    expect(after.holdings.map((h) => h.id)).toEqual(['h3']);
    expect(inverse.lists?.holdings?.put?.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(apply(after, inverse)).toStrictEqual(doc);
  });

  it('the inverse of a transfer that empties the seller and creates the buyer’s holding is as small as the transfer', () => {
    const doc = graph([['a', 'x', 40], ['b', 'x', 20], ['c', 'y', 10]]);
    const op: Op = { type: 'transfer', seller: 'a', buyer: 'c', subject: 'x', points: 40 };
    const { doc: after, inverse } = applyWithInverse(doc, op);
    expect(after.holdings.map((h) => `${h.holder}>${h.subject}:${h.shares}`)).toEqual(['b>x:20', 'c>y:10', 'c>x:40']);
    expect(inverse.lists?.holdings).toEqual({ remove: ['h-c-x'], put: [{ index: 0, record: doc.holdings[0] }, { index: 1, record: doc.holdings[1] }] });
    expect(apply(after, inverse)).toStrictEqual(doc);
  });

  it('a patch cannot hide in a batch or a scenario: patches only undo', () => {
    const doc = graph([['a', 'b', 50]]);
    const patch = diffPatch(doc, apply(doc, { type: 'removeHolding', id: 'h0' }));
    expect(() => apply(doc, { type: 'batch', ops: [patch] })).toThrow(/cannot contain a patch/);
  });

  it('diffPatch turns one document of a lineage into another, lists that appear or vanish included', () => {
    const a = graph([['a', 'b', 50], ['b', 'c', 70]]);
    const b = apply(a, { type: 'batch', ops: [{ type: 'transfer', seller: 'a', buyer: 'c', subject: 'b', points: 10 }, { type: 'addEvent', event: { id: 'e', date: '2024-01-01', title: 'T' } }, { type: 'setMeta', changes: { title: 'New' } }] });
    expect(applyPatch(a, diffPatch(a, b))).toStrictEqual(b);
    expect(applyPatch(b, diffPatch(b, a))).toStrictEqual(a);
    const { agreements: _x, ...bare } = a;
    expect(applyPatch(a, diffPatch(a, bare as OwnershipDoc))).toStrictEqual(bare);
    expect(applyPatch(bare as OwnershipDoc, diffPatch(bare as OwnershipDoc, a))).toStrictEqual(a);
  });

  it.each(['a', '__proto__', 'constructor'])('diffPatch puts a record at its place when its id was deleted and given to a new one (id %s)', (id) => {
    const a = parseDoc({ format: 'ownership-graph', version: 1, asOf: '2024-01-01', entities: [{ id, name: 'First' }, { id: 'b', name: 'B' }], holdings: [] });
    const b = apply(apply(a, { type: 'removeEntity', id }), { type: 'addEntity', entity: { id, name: 'New', kind: 'company' } });
    expect(b.entities.map((e) => e.name)).toEqual(['B', 'New']);
    expect(applyPatch(a, diffPatch(a, b)).entities).toEqual(b.entities);
    expect(applyPatch(b, diffPatch(b, a)).entities).toEqual(a.entities);
  });

  it('diffPatch between documents several edits apart touches exactly the records that differ, and applies either way', () => {
    /** The records of `list` that differ by reference between two documents, or are in one only: the definition. */
    const differing = (x: { id: string }[] = [], y: { id: string }[] = []) => {
      const inY = new Map(y.map((r) => [r.id, r]));
      const out = new Set(y.filter((r) => !x.some((q) => q.id === r.id)).map((r) => r.id));
      for (const r of x) if (inY.get(r.id) !== r) out.add(r.id);
      return out;
    };
    fc.assert(
      fc.property(docArb, fc.array(opSeedArb, { minLength: 1, maxLength: 12 }), (start, seeds) => {
        const a = withRecords(start);
        let b = a;
        for (const seed of seeds) {
          try {
            b = apply(b, opOf(b, seed));
          } catch {
            // refused: unchanged
          }
        }
        const p = diffPatch(a, b);
        for (const list of ['entities', 'holdings', 'agreements', 'dependencies', 'events'] as const) {
          const lp = p.lists?.[list];
          const ids = new Set([...(lp?.remove ?? []), ...(lp?.put ?? []).map((x) => x.record.id)]);
          expect(ids, list).toEqual(differing(a[list], b[list]));
        }
        expect(ordered(applyPatch(a, p))).toBe(ordered(b));
        expect(ordered(applyPatch(b, diffPatch(b, a)))).toBe(ordered(a));
      }),
      { numRuns: 150 },
    );
  }, 30_000); // 150 random sequences: well under a second idle

  it('refuses a damaged patch with a message saying so', () => {
    const doc = graph([['a', 'b', 50]]);
    expect(() => apply(doc, { type: 'patch', lists: { nonsense: {} } } as unknown as Op)).toThrow(/model\/patch: "nonsense" is not a record list/);
    expect(() => apply(doc, { type: 'patch', meta: { __proto__: null, entities: [] } } as unknown as Op)).toThrow(/cannot be set/);
  });
});
