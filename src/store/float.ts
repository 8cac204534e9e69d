// "Take it from the public float": when raising a stake or adding a holder would take a company over 100% while a
// float (an entity of kind "float") holds part of it, the same edit with the float's stake lowered by the excess is
// offered — one operation, one undo step — instead of a bare refusal. The excess and the float are those of the date
// the graph shows; a new holding with no start date would also count on every earlier date (when the company's other
// holders may have held it all), so the offer starts it on that date.
import { apply, inForce, type Holding, type Op, type OwnershipDoc } from '../model';
import { dateText } from './messages';
import type { ExplorerState } from './store';

const EPS = 1e-9;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The edit with the float's stake lowered: the batch to dispatch, the float's name and the points taken. */
export interface FloatOffer {
  op: Op;
  float: string;
  points: number;
  subject: string;
  /** The date the new holding starts on, when the offer had to give it one. */
  since?: string;
}

/** The holding `op` sets, when it sets one (setHolding, updateHolding). */
function holdingOf(doc: OwnershipDoc, op: Op): Holding | null {
  if (op.type === 'setHolding') return op.holding;
  if (op.type !== 'updateHolding') return null;
  const h = doc.holdings.find((x) => x.id === op.id);
  if (!h) return null;
  const next = { ...h } as Record<string, unknown>;
  for (const [k, v] of Object.entries(op.changes)) if (v === null || v === undefined) delete next[k]; else next[k] = v;
  return next as unknown as Holding;
}

const applies = (doc: OwnershipDoc, op: Op) => {
  try {
    apply(doc, op);
    return true;
  } catch {
    return false;
  }
};

/**
 * The offer for `op` on `doc` as of `date` (the date shown; undefined: the holdings with no end), or null when `op`
 * is not refused for a total over 100% on that date, or no float can make room.
 */
export function floatOffer(doc: OwnershipDoc, op: Op, date?: string): FloatOffer | null {
  const h = holdingOf(doc, op);
  const live = (x: Holding) => (date ? inForce(x, date) : !x.until);
  if (!h || !Number.isFinite(h.shares) || !live(h)) return null;
  const open = doc.holdings.filter((x) => x.subject === h.subject && x.id !== h.id && live(x));
  const shares = open.reduce((s, x) => s + x.shares, 0) + h.shares;
  const votes = open.reduce((s, x) => s + (x.votes ?? x.shares), 0) + (h.votes ?? h.shares);
  const excess = round(shares - 100), vexcess = round(votes - 100);
  if (excess <= EPS && vexcess <= EPS) return null;
  const kinds = new Map(doc.entities.map((e) => [e.id, e]));
  const floats = open.filter((x) => kinds.get(x.holder)?.kind === 'float').sort((a, b) => b.shares - a.shares);
  const isNew = op.type === 'setHolding' && !doc.holdings.some((x) => x.id === h.id);
  // A new holding with no start counts on every date; started on the date shown, it counts where it was meant to.
  const dated: Op | null = isNew && date && !h.since ? { type: 'setHolding', holding: { ...h, since: date } } : null;
  for (const f of floats) {
    const s = round(f.shares - Math.max(0, excess));
    const v = round((f.votes ?? f.shares) - Math.max(0, vexcess));
    if (s < -EPS || v < -EPS) continue;
    const lowered: Op = s <= EPS && v <= EPS ? { type: 'removeHolding', id: f.id } : { type: 'setHolding', holding: { ...f, shares: Math.max(0, s), ...(f.votes !== undefined || Math.abs(v - s) > EPS ? { votes: Math.max(0, v) } : {}) } };
    const points = round(Math.max(excess, vexcess));
    const label = `Take ${points} points from ${kinds.get(f.holder)!.name}`;
    const offer = (edit: Op, since?: string): FloatOffer => ({
      op: { type: 'batch', label, ops: [lowered, edit] }, float: kinds.get(f.holder)!.name, points, subject: kinds.get(h.subject)?.name ?? h.subject, ...(since ? { since } : {}),
    });
    const plain = offer(op);
    if (applies(doc, plain.op)) return plain;
    if (dated && date) {
      const started = offer(dated, date);
      if (applies(doc, started.op)) return started;
    }
  }
  return null;
}

/** Points as people read them: "12.5". */
const pts = (x: number) => String(Math.round(x * 100) / 100);

/**
 * After `op` was refused: when a float can make room on the date shown, replaces the refusal with one that offers to
 * take the points from it (dispatched as one undo step). Returns whether an offer was made.
 */
export function offerFloat(st: () => ExplorerState, op: Op): boolean {
  const s = st();
  const date = s.view.date ?? s.doc.asOf ?? undefined;
  const offer = floatOffer(s.doc, op, date);
  if (!offer) return false;
  const refusal = s.message?.kind === 'error' ? s.message.text : `${offer.subject} would be more than 100% held.`;
  const on = date ? ` on ${dateText(date)}` : '';
  const start = offer.since ? `, the new holding starting on ${dateText(offer.since)}` : '';
  st().notify(`${refusal.replace(/\.?$/, '.')} ${offer.float} holds part of ${offer.subject}${on}: the ${pts(offer.points)} points can come from it${start}.`, 'error', [
    {
      label: `Take ${pts(offer.points)} points from ${offer.float}`,
      run: () => {
        if (st().dispatch(offer.op).ok) st().notify(`Took ${pts(offer.points)} points of ${offer.subject} from ${offer.float}, as one undo step.`);
      },
    },
  ]);
  return true;
}
