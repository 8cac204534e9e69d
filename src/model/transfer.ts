// The transfer operation: points of a company move from a seller to a buyer (CONTROL-MODEL §4), votes in proportion.
import { ModelError } from './errors';
import { FLOAT_PREFIX, uniqueId, type Op } from './ops';
import type { Holding, OwnershipDoc } from './types';
import { checkSubjectTotals } from './validate';
import { inForce } from './dates';
import { entityLookup, holdingLookup, moveHoldingLookup, subjectHoldings } from './docIndex';

const EPS = 1e-9;

function fail(op: Op, what: string): never {
  throw new ModelError(`model/apply: ${op.type}: ${what}`);
}

function requireEntity(doc: OwnershipDoc, op: Op, id: string, role: string) {
  const ids = entityLookup(doc.entities);
  if (!(ids ? ids.has(id) : doc.entities.some((e) => e.id === id))) fail(op, `${role} "${id}" is not an entity in this document`);
}

function round(x: number) {
  return Math.round(x * 1e6) / 1e6;
}

/** Ids of the subject's holdings before and after each transfer made (what its inverse restores), by result. */
const touchedIds = new WeakMap<OwnershipDoc, string[]>();

/** The ids of the holdings `transfer` changed, added or removed to make `after` (all of its subject's holdings). */
export function transferTouched(before: OwnershipDoc, subject: string, after: OwnershipDoc): string[] {
  return touchedIds.get(after) ?? [...before.holdings, ...after.holdings].filter((h) => h.subject === subject).map((h) => h.id);
}

/**
 * Applies a transfer; throws a ModelError naming what is wrong. It reads the subject's holdings through the
 * document's lookups (docIndex.ts) and hands them on, so a transfer in a register of 100k entities never scans it.
 */
export function transfer(doc: OwnershipDoc, op: Extract<Op, { type: 'transfer' }>): OwnershipDoc {
  const { seller, buyer, subject, points, date } = op;
  if (!Number.isFinite(points) || points <= 0) fail(op, `points must be a positive number, got ${points}`);
  if (points > 100) fail(op, `points must be at most 100, got ${points}`);
  if (seller === buyer) fail(op, 'seller and buyer are the same');
  requireEntity(doc, op, subject, 'subject');
  const floatId = FLOAT_PREFIX + subject;
  const lookup = holdingLookup(doc.holdings);
  const ofSubject = lookup ? subjectHoldings(doc.holdings, lookup, subject) : doc.holdings.filter((h) => h.subject === subject);
  const acts = (h: Holding) => (date ? inForce(h, date) : !h.until);
  const holdings = doc.holdings.slice();
  /** The first holding of `holder` in the subject that the transfer acts on, in document order (-1: none). */
  const firstOf = (holder: string) => {
    let first = -1;
    for (const h of ofSubject) {
      if (h.holder !== holder || !acts(h)) continue;
      const i = holdings.indexOf(h);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    }
    return first;
  };
  const removed: Holding[] = [], added: Holding[] = [];
  let template: Holding | undefined;
  let votesMoved = points;

  if (seller === floatId) {
    const held = ofSubject.reduce((s, h) => (acts(h) ? s + h.shares : s), 0);
    if (100 - held < points - EPS) fail(op, `the unattributed remainder of "${subject}" is ${round(100 - held)}%, less than ${points}`);
  } else {
    if (seller.startsWith(FLOAT_PREFIX)) fail(op, `seller "${seller}" is the remainder of another company`);
    requireEntity(doc, op, seller, 'seller');
    const i = firstOf(seller);
    if (i < 0) fail(op, `"${seller}" holds no shares of "${subject}"${date ? ` on ${date}` : ''}`);
    const h = holdings[i];
    template = h;
    if (h.shares < points - EPS) fail(op, `"${seller}" holds ${round(h.shares)}% of "${subject}", less than ${points}`);
    // Votes go with the shares in the seller's own proportion (dual-class stakes keep their ratio), so the
    // subject's total votes never change.
    votesMoved = h.votes === undefined ? points : h.shares > 0 ? (h.votes * points) / h.shares : 0;
    const shares = round(h.shares - points);
    const votes = h.votes === undefined ? undefined : round(Math.max(0, h.votes - votesMoved));
    removed.push(h);
    if (shares <= EPS && (votes ?? 0) <= EPS) holdings.splice(i, 1);
    else added.push((holdings[i] = votes === undefined ? { ...h, shares } : { ...h, shares, votes }));
  }

  if (buyer !== floatId) {
    if (buyer.startsWith(FLOAT_PREFIX)) fail(op, `buyer "${buyer}" is the remainder of another company`);
    requireEntity(doc, op, buyer, 'buyer');
    if (buyer === subject) fail(op, 'a company cannot buy its own shares here — sell them to its remainder instead');
    const j = firstOf(buyer);
    if (j >= 0) {
      const h = holdings[j];
      const votes = h.votes !== undefined || Math.abs(votesMoved - points) > EPS ? round((h.votes ?? h.shares) + votesMoved) : undefined;
      removed.push(h);
      added.push((holdings[j] = votes === undefined ? { ...h, shares: round(h.shares + points) } : { ...h, shares: round(h.shares + points), votes }));
    } else {
      const gone = new Set(removed.filter((h) => !added.some((a) => a.id === h.id)).map((h) => h.id));
      const taken = (x: string) => (lookup ? lookup.byId.has(x) && !gone.has(x) : holdings.some((h) => h.id === x));
      const id = uniqueId(`h-${buyer}-${subject}`, taken);
      const since = date ?? template?.since ?? undefined;
      const votes = Math.abs(votesMoved - points) > EPS ? { votes: round(votesMoved) } : {};
      const h: Holding = { id, holder: buyer, subject, shares: round(points), ...votes, ...(since ? { since } : {}), ...(template?.until ? { until: template.until } : {}) };
      holdings.push(h);
      added.push(h);
    }
  }
  const next = { ...doc, holdings };
  const now = ofSubject.filter((h) => !removed.includes(h)).concat(added);
  try {
    checkSubjectTotals(next, subject, now);
  } catch {
    try {
      checkSubjectTotals(next, subject); // the same verdict, its message naming the stakes in document order
    } catch (e) {
      fail(op, (e as Error).message.replace(/^model\/validate: /, ''));
    }
  }
  touchedIds.set(next, [...new Set([...ofSubject, ...added].map((h) => h.id))]);
  if (lookup) moveHoldingLookup(doc.holdings, holdings, removed, added);
  return next;
}
