// Naming entities through edits (ui/names.ts): a renamed or moved entity is named as its document says, and the
// document before the edit keeps its own names (diff wording reads both).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, type Op } from '../../src/model';
import { namer } from '../../src/ui/names';
import { graph } from './helpers';

describe('namer', () => {
  it('names every entity of each version of a document, across renames, moves, additions and removals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 20 }), (steps) => {
        let doc = graph([['a', 'b', 50], ['b', 'c', 60], ['c', 'd', 70]]);
        const versions = [doc];
        steps.forEach(([kind, i, text], k) => {
          const e = doc.entities[i % doc.entities.length];
          const op: Op = kind === 0 ? { type: 'updateEntity', id: e.id, changes: { name: `${text}!` } }
            : kind === 1 ? { type: 'moveEntity', id: e.id, position: { x: k, y: k } }
            : kind === 2 ? { type: 'addEntity', entity: { id: `n${k}`, name: `New ${text}` } }
            : kind === 3 && doc.entities.length > 2 ? { type: 'removeEntity', id: e.id }
            : { type: 'updateEntity', id: e.id, changes: { name: `${text}?` } };
          doc = apply(doc, op);
          versions.push(doc);
          // Each version read after the edit, in any order, names as its own entities say.
          for (const v of [doc, versions[Math.floor(versions.length / 2)], versions[0]]) {
            const name = namer(v);
            for (const x of v.entities) expect(name(x.id)).toBe(x.name);
            expect(name(`float:${v.entities[0].id}`)).toBe(`Unattributed: ${v.entities[0].name}`);
            expect(name('nobody')).toBe('nobody');
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
