// Pure helpers of the Simulate panel and canvas: sellers and the transfer operation a form stands for, previews,
// the base a document is compared with, distance from a change, and the classes the graph marks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analysis';
import { changeMarks, decorate, lensLabels } from '../../src/draw/simMarks';
import { toElements } from '../../src/draw/toElements';
import { apply, type Op, type OwnershipDoc } from '../../src/model';
import { previewOf } from '../../src/store/preview';
import { baseOf, initialSim, logOp, withPositions } from '../../src/store/simState';
import { NEW_BUYER, sellersOf, transferOp } from '../../src/ui/simulate/transferOp';
import { distanceFromChange } from '../../src/ui/simulate/words';
import { graph } from './helpers';

const jv = () => graph([['a', 'jv', 50], ['b', 'jv', 40], ['jv', 'op', 62.5], ['op', 'sub', 100]], { entities: [{ id: 'jv', position: { x: 100, y: 100 } }] });
const layers = { holdings: true, agreements: true, dependencies: true };

describe('the transfer form', () => {
  it('lists the holders on the date, largest first, then the unattributed remainder', () => {
    expect(sellersOf(jv(), 'jv', '2024-01-01')).toEqual([{ id: 'a', shares: 50 }, { id: 'b', shares: 40 }, { id: 'float:jv', shares: 10 }]);
    expect(sellersOf(jv(), 'sub', '2024-01-01')).toEqual([{ id: 'op', shares: 100 }]);
  });

  it.each([
    [{ subject: 'jv', seller: 'a', buyer: 'b', points: 0 }, null],
    [{ subject: 'jv', seller: '', buyer: 'b', points: 5 }, null],
    [{ subject: 'jv', seller: 'a', buyer: NEW_BUYER, points: 5 }, null],
    [{ subject: 'jv', seller: 'a', buyer: 'b', points: 5 }, { type: 'transfer', seller: 'a', buyer: 'b', subject: 'jv', points: 5 }],
    [{ subject: 'jv', seller: 'a', buyer: 'b', points: 5, date: '2023-01-01' }, { type: 'transfer', seller: 'a', buyer: 'b', subject: 'jv', points: 5, date: '2023-01-01' }],
  ])('form %j stands for %j', (form, op) => {
    expect(transferOp(jv(), form)).toEqual(op);
  });

  it('a new buyer and its transfer are one batch, the buyer placed near the company', () => {
    const op = transferOp(jv(), { subject: 'jv', seller: 'a', buyer: NEW_BUYER, points: 5, newBuyer: { name: 'Mirae Asset', kind: 'company', jurisdiction: 'KR' } })!;
    expect(op).toEqual({
      type: 'batch', label: 'Mirae Asset buys 5 points',
      ops: [
        { type: 'addEntity', entity: { id: 'mirae-asset', name: 'Mirae Asset', kind: 'company', jurisdiction: 'KR', position: { x: 320, y: -10 } } },
        { type: 'transfer', seller: 'a', buyer: 'mirae-asset', subject: 'jv', points: 5 },
      ],
    });
    expect(apply(jv(), op).holdings.find((h) => h.holder === 'mirae-asset')?.shares).toBe(5);
  });
});

describe('previews and the base', () => {
  it('previews without committing and says why an operation would be refused; memoised per document and operation', () => {
    const doc = jv();
    const op: Op = { type: 'transfer', seller: 'a', buyer: 'b', subject: 'jv', points: 60 };
    const p = previewOf(doc, op);
    expect(p).toEqual({ ok: false, error: expect.stringMatching(/^"A" holds 50% of "JV", less than 60$/) });
    expect(previewOf(doc, op)).toBe(p);
    const ok = previewOf(doc, { ...op, points: 1 });
    expect(ok.ok && ok.doc.holdings.find((h) => h.holder === 'b' && h.subject === 'jv')?.shares).toBe(41);
  });

  it('compares with the loaded document once there are edits, its positions filled in from the current one', () => {
    const origin = jv();
    const doc = apply(origin, { type: 'moveEntities', positions: { a: { x: 1, y: 2 } } });
    let sim = initialSim(origin);
    expect(baseOf(sim, doc)).toBeNull();
    sim = logOp(sim, { type: 'moveEntity', id: 'a', position: { x: 1, y: 2 } });
    expect(baseOf(sim, doc)).toBeNull();
    sim = logOp(sim, { type: 'transfer', seller: 'a', buyer: 'b', subject: 'jv', points: 1 });
    const base = baseOf(sim, doc)!;
    expect(base.entities.find((e) => e.id === 'a')?.position).toEqual({ x: 1, y: 2 });
    expect(base.entities.find((e) => e.id === 'jv')?.position).toEqual({ x: 100, y: 100 });
    expect(withPositions(origin, doc)).toBe(base);
  });

  it('reuses the base through edits that keep the entity list, and is the loaded document when nothing was placed', () => {
    const origin = jv();
    const placed = apply(origin, { type: 'moveEntities', positions: { a: { x: 1, y: 2 } } });
    const base = withPositions(origin, placed);
    const edited = apply(placed, { type: 'transfer', seller: 'a', buyer: 'b', subject: 'jv', points: 1 });
    expect(edited.entities).toBe(placed.entities);
    expect(withPositions(origin, edited)).toBe(base);
    const moved = apply(edited, { type: 'moveEntity', id: 'b', position: { x: 5, y: 6 } });
    expect(withPositions(origin, moved).entities.find((e) => e.id === 'b')?.position).toEqual({ x: 5, y: 6 });
    const unplaced = apply(origin, { type: 'transfer', seller: 'a', buyer: 'b', subject: 'jv', points: 1 });
    expect(withPositions(origin, unplaced)).toBe(origin);
  });
});

describe('the base with positions', () => {
  /** The definition: origin's entities lacking a position take the one `doc` gives the same id. */
  const reference = (origin: OwnershipDoc, doc: OwnershipDoc) => {
    const at = new Map(doc.entities.map((e) => [e.id, e.position]));
    return origin.entities.map((e) => (e.position || !at.get(e.id) ? e : { ...e, position: at.get(e.id) }));
  };
  it('follows moves, additions and removals as the definition says, copying only what a move changed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(), fc.integer({ min: -50, max: 50 })), { minLength: 1, maxLength: 15 }), (steps) => {
        const origin = graph([['a', 'b', 50], ['b', 'c', 60], ['c', 'd', 70], ['d', 'e', 80]], { entities: [{ id: 'b', position: { x: 9, y: 9 } }] });
        let doc = origin;
        let k = 0;
        for (const [kind, i, x] of steps) {
          const e = doc.entities[i % doc.entities.length];
          const op: Op = kind === 4 ? { type: 'addEntity', entity: { id: `n${k++}`, name: 'N', position: { x, y: x } } }
            : kind === 5 && doc.entities.length > 3 ? { type: 'removeEntity', id: e.id }
            : { type: 'moveEntity', id: e.id, position: { x, y: -x } };
          const before = withPositions(origin, doc);
          doc = apply(doc, op);
          const after = withPositions(origin, doc);
          expect(after.entities).toEqual(reference(origin, doc));
          if (op.type === 'moveEntity' && doc.entities.map((x) => x.id).join() === origin.entities.map((x) => x.id).join()) {
            // Entities the move left alone are the same objects as in the last result.
            after.entities.forEach((x, j) => x.id !== op.id && expect(x).toBe(before.entities[j]));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('what the graph marks', () => {
  it('measures distance from the holdings that changed', () => {
    const before = jv();
    const after = apply(before, { type: 'transfer', seller: 'b', buyer: 'a', subject: 'jv', points: 1 });
    expect([...distanceFromChange(before, after, '2024-01-01')]).toEqual([['jv', 0], ['op', 1], ['sub', 2]]);
  });

  it('marks entities whose control changed and the holdings that differ; the lens fades all but dependencies', () => {
    const before = jv();
    const after = apply(before, { type: 'transfer', seller: 'b', buyer: 'a', subject: 'jv', points: 1 });
    const a = analyze(before), b = analyze(after);
    const marks = changeMarks(a, b);
    expect([...marks.ids].sort()).toEqual(['e:jv', 'e:op', 'e:sub', 'h:h0', 'h:h1']);
    expect(changeMarks(a, b)).toBe(marks);
    const els = toElements(after, b, { layers });
    const out = decorate(els, { marks, focus: ['op'], lens: lensLabels(b) });
    const cls = (id: string) => out.find((e) => e.data.id === id)!.classes.split(' ');
    expect(cls('e:jv')).toContain('sim-changed');
    expect(cls('e:op')).toEqual(expect.arrayContaining(['sim-focus', 'lens-fade']));
    expect(cls('h:h2')).toContain('lens-fade');
    expect(decorate(els, { marks: null, focus: [], lens: null })).toBe(els);
  });

  it('under the lens a dependency carries its exposure class in its label', () => {
    const doc = { ...graph([['p', 'c', 60]], { entities: [{ id: 'p', jurisdiction: 'JP' }, { id: 'c', jurisdiction: 'JP' }, { id: 'x', jurisdiction: 'KR' }] }), dependencies: [{ id: 'd1', provider: 'x', client: 'c', kind: 'it-operations' as const }] };
    const a = analyze(doc);
    const out = decorate(toElements(doc, a, { layers }), { marks: null, focus: [], lens: lensLabels(a) });
    const dep = out.find((e) => e.data.id === 'd:d1')!;
    expect(dep.data.label).toBe('IT operations · third-party · cross-border');
    expect(dep.classes).toContain('lens-dep');
  });
});
