// The transfer operation: points of a company move from a seller to a buyer (CONTROL-MODEL §4), votes in proportion.
import { ModelError } from './errors';
import { FLOAT_PREFIX, uniqueId, type Op } from './ops';
import type { Holding, OwnershipDoc } from './types';
import { checkSubjectTotals } from './validate';
import { inForce } from './dates';

const EPS = 1e-9;

function fail(op: Op, what: string): never {
  throw new ModelError(`model/apply: ${op.type}: ${what}`);
}

function requireEntity(doc: OwnershipDoc, op: Op, id: string, role: string) {
  if (!doc.entities.some((e) => e.id === id)) fail(op, `${role} "${id}" is not an entity in this document`);
}

function round(x: number) {
  return Math.round(x * 1e6) / 1e6;
}

/** The holdings a transfer acts on: in force on `date`, or open-ended ones when no date is given. */
function holdingOf(doc: OwnershipDoc, holder: string, subject: string, date: string | undefined): number {
  return doc.holdings.findIndex((h) => h.holder === holder && h.subject === subject && (date ? inForce(h, date) : !h.until));
}

/** Applies a transfer; throws a ModelError naming what is wrong. */
export function transfer(doc: OwnershipDoc, op: Extract<Op, { type: 'transfer' }>): OwnershipDoc {
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
    if (100 - held < points - EPS) fail(op, `the unattributed remainder of "${subject}" is ${round(100 - held)}%, less than ${points}`);
  } else {
    if (seller.startsWith(FLOAT_PREFIX)) fail(op, `seller "${seller}" is the remainder of another company`);
    requireEntity(doc, op, seller, 'seller');
    const i = holdingOf(doc, seller, subject, date);
    if (i < 0) fail(op, `"${seller}" holds no shares of "${subject}"${date ? ` on ${date}` : ''}`);
    const h = holdings[i];
    template = h;
    if (h.shares < points - EPS) fail(op, `"${seller}" holds ${round(h.shares)}% of "${subject}", less than ${points}`);
    // Votes go with the shares in the seller's own proportion (dual-class stakes keep their ratio), so the
    // subject's total votes never change.
    votesMoved = h.votes === undefined ? points : h.shares > 0 ? (h.votes * points) / h.shares : 0;
    const shares = round(h.shares - points);
    const votes = h.votes === undefined ? undefined : round(Math.max(0, h.votes - votesMoved));
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
      const votes = h.votes !== undefined || Math.abs(votesMoved - points) > EPS ? round((h.votes ?? h.shares) + votesMoved) : undefined;
      holdings[j] = votes === undefined ? { ...h, shares: round(h.shares + points) } : { ...h, shares: round(h.shares + points), votes };
    } else {
      const id = uniqueId(`h-${buyer}-${subject}`, (x) => holdings.some((h) => h.id === x));
      const since = date ?? template?.since ?? undefined;
      const votes = Math.abs(votesMoved - points) > EPS ? { votes: round(votesMoved) } : {};
      holdings.push({ id, holder: buyer, subject, shares: round(points), ...votes, ...(since ? { since } : {}), ...(template?.until ? { until: template.until } : {}) });
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
