// apply's per-edit checks read lookups handed on from document to document (model/docIndex.ts) instead of scanning
// the register: they must refuse exactly what the scanning checks refused, with the same message, and accept with
// the same document. The scanning checks are kept here as the reference (the holding and entity operations as
// apply.ts had them), and random edit sequences with undo and redo compare the two after every step.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, applyWithInverse, ModelError, parseDoc, type Holding, type Op, type OwnershipDoc } from '../../src/model';
import { holdingSchema } from '../../src/model/schema';
import { checkBoardSeats, checkSubjectTotals } from '../../src/model/validate';
import { prepareEditLookups } from '../../src/model/docIndex';
import { docArb, opOf, opSeedArb, type OpSeed } from './arbitraries';

const fail = (op: Op, what: string): never => {
  throw new ModelError(`model/apply: ${op.type}: ${what}`);
};

function requireEntity(doc: OwnershipDoc, op: Op, id: string, role: string) {
  if (!doc.entities.some((e) => e.id === id)) fail(op, `${role} "${id}" is not an entity in this document`);
}

function checked(op: Op, record: unknown, label: string): Holding {
  const r = holdingSchema.safeParse(record);
  if (!r.success) {
    const issue = r.error.issues[0];
    fail(op, `${label}${issue.path.length ? ` field "${issue.path.join('.')}"` : ''}: ${issue.message}`);
  }
  return r.data as Holding;
}

/** The scanning putHolding and checkHolding of apply.ts before the lookups. */
function scanPut(doc: OwnershipDoc, op: Op, holding: Holding): OwnershipDoc {
  const i = doc.holdings.findIndex((h) => h.id === holding.id);
  const holdings = doc.holdings.slice();
  if (i >= 0) holdings[i] = holding;
  else holdings.push(holding);
  const next = { ...doc, holdings };
  requireEntity(next, op, holding.holder, 'holder');
  requireEntity(next, op, holding.subject, 'subject');
  if (holding.holder === holding.subject) fail(op, `holding "${holding.id}" is of an entity in itself`);
  if (holding.since && holding.until && holding.until < holding.since) fail(op, `holding "${holding.id}" ends (${holding.until}) before it starts (${holding.since})`);
  try {
    checkSubjectTotals(next, holding.subject);
    checkBoardSeats(next, holding.subject);
  } catch (e) {
    fail(op, (e as Error).message.replace(/^model\/validate: /, ''));
  }
  return next;
}

const merge = (h: Holding, changes: Record<string, unknown>) => {
  const next = { ...h } as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'id' || k === '__proto__') continue;
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
  }
  return next;
};

/** The reference: holding operations and addEntity by scanning; anything else by apply on fresh lists (lookups built anew). */
function reference(doc: OwnershipDoc, op: Op): OwnershipDoc {
  switch (op.type) {
    case 'setHolding':
      return scanPut(doc, op, checked(op, op.holding, `holding "${op.holding?.id}"`));
    case 'updateHolding': {
      const old = doc.holdings.find((h) => h.id === op.id) ?? fail(op, `no holding with id "${op.id}"`);
      return scanPut(doc, op, checked(op, merge(old, op.changes as Record<string, unknown>), `holding "${op.id}"`));
    }
    case 'removeHolding':
      if (!doc.holdings.some((h) => h.id === op.id)) fail(op, `no holding with id "${op.id}"`);
      return { ...doc, holdings: doc.holdings.filter((h) => h.id !== op.id) };
    case 'addEntity':
      if (doc.entities.some((e) => e.id === op.entity.id)) fail(op, `an entity with id "${op.entity.id}" already exists`);
      return apply({ ...doc, entities: doc.entities.slice() }, op);
    default:
      return apply({ ...doc, entities: doc.entities.slice(), holdings: doc.holdings.slice() }, op);
  }
}

type Outcome = { doc: OwnershipDoc } | { error: string };
const outcome = (f: () => OwnershipDoc): Outcome => {
  try {
    return { doc: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

/** Stakes near the limit: the random document's companies filled close to 100% so that new stakes pass it or just miss. */
function crowded(doc: OwnershipDoc): OwnershipDoc {
  const ids = doc.entities.map((e) => e.id);
  if (ids.length < 4) return doc;
  const extra = [
    { id: 'c-1', holder: ids[1], subject: ids[0], shares: 60 },
    { id: 'c-2', holder: ids[2], subject: ids[0], shares: 39.95, votes: 30 },
    { id: 'c-3', holder: ids[3], subject: ids[0], shares: 0.1, since: '2024-01-01' },
  ];
  return parseDoc({ ...doc, holdings: [...doc.holdings.filter((h) => h.subject !== ids[0]), ...extra] });
}

describe('indexed checks of apply', () => {
  it('refuse exactly what the scanning checks refused, and accept with the same document, across edits, undo and redo', () => {
    let refusedTotals = 0, accepted = 0;
    // Random operations, and stakes in the crowded company set just within or just past the limit.
    const crowdArb = fc.record({ k: fc.constantFrom(1, 2, 3), shares: fc.constantFrom(0.05, 0.1, 0.15, 0.2, 5, 60.05, 60.1) });
    const stepArb = fc.record({ seed: opSeedArb, crowd: fc.option(crowdArb, { freq: 3 }), undo: fc.nat(5) });
    fc.assert(
      fc.property(docArb, fc.boolean(), fc.array(stepArb, { minLength: 1, maxLength: 12 }), (start, prepared, steps) => {
        let doc = crowded(start);
        // Lookups made whole up front (the live analysis does this), or filled subject by subject as edits ask.
        if (prepared) prepareEditLookups(doc);
        const undo: { before: OwnershipDoc; inverse: Op; op: Op }[] = [];
        for (const { seed, crowd, undo: u } of steps) {
          if (u === 0 && undo.length) {
            // Undo then redo: the lookups follow the patch and the operation again.
            const last = undo.pop()!;
            const back = apply(doc, last.inverse);
            expect(back).toStrictEqual(last.before);
            doc = apply(back, last.op);
            undo.push(last);
            continue;
          }
          const op: Op = crowd ? { type: 'updateHolding', id: `c-${crowd.k}`, changes: { shares: crowd.shares } } : opOf(doc, seed as OpSeed);
          const want = outcome(() => reference(doc, op));
          const got = outcome(() => applyWithInverse(doc, op).doc);
          expect(got).toStrictEqual(want);
          if ('error' in got) {
            if (/sum to/.test(got.error)) refusedTotals++;
            continue;
          }
          accepted++;
          const r = applyWithInverse(doc, op);
          undo.push({ before: doc, inverse: r.inverse as Op, op });
          doc = r.doc;
        }
      }),
      { numRuns: 300 },
    );
    // The sequences must reach both sides of the limit, else the comparison proves little.
    expect(refusedTotals).toBeGreaterThan(30);
    expect(accepted).toBeGreaterThan(300);
  });

  it('a stake that passes 100% is refused after lookups were handed on, naming the company and its stakes', () => {
    const doc = parseDoc({
      format: 'ownership-graph',
      version: 1,
      entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }],
      holdings: [{ id: 'h1', holder: 'a', subject: 'c', shares: 60 }],
    });
    const d1 = apply(doc, { type: 'setHolding', holding: { id: 'h2', holder: 'b', subject: 'c', shares: 40 } });
    const d2 = apply(d1, { type: 'updateHolding', id: 'h1', changes: { shares: 50 } });
    expect(() => apply(d2, { type: 'updateHolding', id: 'h2', changes: { shares: 50.2 } })).toThrow(/holdings of "C" \(c\) sum to 100.2% of shares.*\(h1, h2\)/);
    expect(apply(d2, { type: 'updateHolding', id: 'h2', changes: { shares: 50.1 } }).holdings.map((h) => h.shares)).toEqual([50, 50.1]);
    const d3 = apply(d2, { type: 'removeHolding', id: 'h1' });
    expect(() => apply(d3, { type: 'updateHolding', id: 'h1', changes: { shares: 1 } })).toThrow(/no holding with id "h1"/);
    expect(() => apply(d3, { type: 'setHolding', holding: { id: 'h3', holder: 'zz', subject: 'c', shares: 1 } })).toThrow(/holder "zz" is not an entity/);
  });
});
