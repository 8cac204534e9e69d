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
import { inForce } from '../../src/model/dates';
import { FLOAT_PREFIX, uniqueId } from '../../src/model/ops';
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

// The transfer as it scanned the register (model/transfer.ts before it read the lookups).
const EPS = 1e-9;

function roundT(x: number) {
  return Math.round(x * 1e6) / 1e6;
}

/** The holdings a transfer acts on: in force on `date`, or open-ended ones when no date is given. */
function holdingOf(doc: OwnershipDoc, holder: string, subject: string, date: string | undefined): number {
  return doc.holdings.findIndex((h) => h.holder === holder && h.subject === subject && (date ? inForce(h, date) : !h.until));
}

/** The scanning transfer of model/transfer.ts before the lookups. */
function scanTransfer(doc: OwnershipDoc, op: Extract<Op, { type: 'transfer' }>): OwnershipDoc {
  const { seller, buyer, subject, points, date } = op;
  if (!Number.isFinite(points) || points <= 0) fail(op, `points must be a positive number, got ${points}`);
  if (points > 100) fail(op, `points must be at most 100, got ${points}`);
  if (seller === buyer) fail(op, 'seller and buyer are the same');
  requireEntity(doc, op, subject, 'subject');
  const floatId = FLOAT_PREFIX + subject;
  const holdings = doc.holdings.slice();
  const live = doc.holdings.filter((h) => h.subject === subject && (date ? inForce(h, date) : !h.until));
  let template: Holding | undefined;
  let votesMoved = points;

  if (seller === floatId) {
    const held = live.reduce((s, h) => s + h.shares, 0);
    if (100 - held < points - EPS) fail(op, `the unattributed remainder of "${subject}" is ${roundT(100 - held)}%, less than ${points}`);
  } else {
    if (seller.startsWith(FLOAT_PREFIX)) fail(op, `seller "${seller}" is the remainder of another company`);
    requireEntity(doc, op, seller, 'seller');
    const i = holdingOf(doc, seller, subject, date);
    if (i < 0) fail(op, `"${seller}" holds no shares of "${subject}"${date ? ` on ${date}` : ''}`);
    const h = holdings[i];
    template = h;
    if (h.shares < points - EPS) fail(op, `"${seller}" holds ${roundT(h.shares)}% of "${subject}", less than ${points}`);
    // Votes go with the shares in the seller's own proportion (dual-class stakes keep their ratio), so the
    // subject's total votes never change.
    votesMoved = h.votes === undefined ? points : h.shares > 0 ? (h.votes * points) / h.shares : 0;
    const shares = roundT(h.shares - points);
    const votes = h.votes === undefined ? undefined : roundT(Math.max(0, h.votes - votesMoved));
    if (shares <= EPS && (votes ?? 0) <= EPS) holdings.splice(i, 1);
    else holdings[i] = votes === undefined ? { ...h, shares } : { ...h, shares, votes };
  }

  if (buyer !== floatId) {
    if (buyer.startsWith(FLOAT_PREFIX)) fail(op, `buyer "${buyer}" is the remainder of another company`);
    requireEntity(doc, op, buyer, 'buyer');
    if (buyer === subject) fail(op, 'a company cannot buy its own shares here — sell them to its remainder instead');
    const j = holdings.findIndex((h) => h.holder === buyer && h.subject === subject && (date ? inForce(h, date) : !h.until));
    if (j >= 0) {
      const h = holdings[j];
      const votes = h.votes !== undefined || Math.abs(votesMoved - points) > EPS ? roundT((h.votes ?? h.shares) + votesMoved) : undefined;
      holdings[j] = votes === undefined ? { ...h, shares: roundT(h.shares + points) } : { ...h, shares: roundT(h.shares + points), votes };
    } else {
      const id = uniqueId(`h-${buyer}-${subject}`, (x) => holdings.some((h) => h.id === x));
      const since = date ?? template?.since ?? undefined;
      const votes = Math.abs(votesMoved - points) > EPS ? { votes: roundT(votesMoved) } : {};
      holdings.push({ id, holder: buyer, subject, shares: roundT(points), ...votes, ...(since ? { since } : {}), ...(template?.until ? { until: template.until } : {}) });
    }
  }
  const next = { ...doc, holdings };
  try {
    checkSubjectTotals(next, subject);
  } catch (e) {
    fail(op, (e as Error).message.replace(/^model\/validate: /, ''));
  }
  return next;
}

/** The reference: holding operations, transfers and addEntity by scanning; anything else by apply on fresh lists (lookups built anew). */
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
    case 'transfer':
      return scanTransfer(doc, op);
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
    let refusedTotals = 0, accepted = 0, transfers = 0;
    // Random operations, and stakes in the crowded company set just within or just past the limit.
    const crowdArb = fc.record({ k: fc.constantFrom(1, 2, 3), shares: fc.constantFrom(0.05, 0.1, 0.15, 0.2, 5, 60.05, 60.1) });
    // Transfers of part, all or more than all of a holding, at the document's date or none.
    const tradeArb = fc.record({ k: fc.nat(), b: fc.nat(), frac: fc.constantFrom(0.25, 0.5, 1, 1.5), dated: fc.boolean() });
    const stepArb = fc.record({ seed: opSeedArb, crowd: fc.option(crowdArb, { freq: 3 }), trade: fc.option(tradeArb, { freq: 3 }), undo: fc.nat(5) });
    const tradeOf = (doc: OwnershipDoc, t: { k: number; b: number; frac: number; dated: boolean }): Op | null => {
      const h = doc.holdings[t.k % Math.max(1, doc.holdings.length)];
      if (!h) return null;
      const buyer = doc.entities[t.b % doc.entities.length].id;
      return { type: 'transfer', seller: h.holder, buyer, subject: h.subject, points: Math.max(0.01, Math.round(h.shares * t.frac * 100) / 100), ...(t.dated ? { date: h.since ?? '2024-06-30' } : {}) };
    };
    fc.assert(
      fc.property(docArb, fc.boolean(), fc.array(stepArb, { minLength: 1, maxLength: 12 }), (start, prepared, steps) => {
        let doc = crowded(start);
        // Lookups made whole up front (the live analysis does this), or filled subject by subject as edits ask.
        if (prepared) prepareEditLookups(doc);
        const undo: { before: OwnershipDoc; inverse: Op; op: Op }[] = [];
        for (const { seed, crowd, trade, undo: u } of steps) {
          if (u === 0 && undo.length) {
            // Undo then redo: the lookups follow the patch and the operation again.
            const last = undo.pop()!;
            const back = apply(doc, last.inverse);
            expect(back).toStrictEqual(last.before);
            doc = apply(back, last.op);
            undo.push(last);
            continue;
          }
          const op: Op = (trade && tradeOf(doc, trade)) || (crowd ? { type: 'updateHolding', id: `c-${crowd.k}`, changes: { shares: crowd.shares } } : opOf(doc, seed as OpSeed));
          const want = outcome(() => reference(doc, op));
          const got = outcome(() => applyWithInverse(doc, op).doc);
          expect(got).toStrictEqual(want);
          if ('error' in got) {
            if (/sum to/.test(got.error)) refusedTotals++;
            continue;
          }
          accepted++;
          if (op.type === 'transfer') transfers++;
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
    expect(transfers).toBeGreaterThan(30);
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
