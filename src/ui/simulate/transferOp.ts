// Pure helpers of the transfer form: who can sell a company's shares on a date, and the operation a filled-in form
// stands for (a new buyer and its transfer make one batch, so committing them is one undo step), and the reading of
// its points field.
import { FLOAT_PREFIX, inForce, uniqueId, type Entity, type Op, type OwnershipDoc } from '../../model';
import { parseDecimal } from '../numbers';

export interface Seller {
  id: string;
  shares: number;
}

/** The holders of `subject` on `date` with their stakes, and the unattributed remainder when there is one. */
export function sellersOf(doc: OwnershipDoc, subject: string, date: string): Seller[] {
  const live = doc.holdings.filter((h) => h.subject === subject && inForce(h, date));
  const out = live.map((h) => ({ id: h.holder, shares: h.shares })).sort((a, b) => b.shares - a.shares);
  const rest = Math.round((100 - live.reduce((s, h) => s + h.shares, 0)) * 1e6) / 1e6;
  if (rest > 0.005) out.push({ id: FLOAT_PREFIX + subject, shares: rest });
  return out;
}

export interface TransferForm {
  subject: string;
  seller: string;
  /** An entity id, `float:<subject>`, or NEW_BUYER. */
  buyer: string;
  points: number;
  newBuyer?: { name: string; kind: Entity['kind']; jurisdiction?: string };
  /** The transfer's date: set when the view date is not the document's own. */
  date?: string;
}

export const NEW_BUYER = '__new__';

/** The operation for a filled-in form, or null while something is missing. */
export function transferOp(doc: OwnershipDoc, f: TransferForm): Op | null {
  if (!f.subject || !f.seller || !f.buyer || !(f.points > 0)) return null;
  const base = { type: 'transfer' as const, seller: f.seller, subject: f.subject, points: f.points, ...(f.date ? { date: f.date } : {}) };
  if (f.buyer !== NEW_BUYER) return { ...base, buyer: f.buyer };
  const name = f.newBuyer?.name.trim() ?? '';
  if (!name) return null;
  const id = uniqueId(name.toLowerCase(), (x) => doc.entities.some((e) => e.id === x));
  const at = doc.entities.find((e) => e.id === f.subject)?.position;
  const entity: Entity = {
    id, name, kind: f.newBuyer?.kind ?? 'company',
    ...(f.newBuyer?.jurisdiction ? { jurisdiction: f.newBuyer.jurisdiction } : {}),
    ...(at ? { position: { x: at.x + 220, y: at.y - 110 } } : {}),
  };
  return { type: 'batch', label: `${name} buys ${f.points} points`, ops: [{ type: 'addEntity', entity }, { ...base, buyer: id }] };
}

/** What the points field says: a number of points to transfer, or why its text is not one (and the value it could be). */
export type PointsReading = { ok: true; points: number } | { ok: false; empty: boolean; error: string; fix?: number };

/**
 * Reads the points field's text (the one source of truth of the form's value): a number of points from 0.01 up to
 * what the seller holds, to 0.01. Anything else is refused with a reason, never silently corrected: a number out of
 * range carries `fix`, the nearest usable value, for the user to choose.
 */
export function readPoints(text: string, available: number, seller = 'the seller'): PointsReading {
  const t = text.trim();
  if (!t) return { ok: false, empty: true, error: '' };
  const x = parseDecimal(t);
  if (!Number.isFinite(x)) return { ok: false, empty: false, error: `"${t}" is not a number of points.` };
  const max = Math.round(available * 100) / 100;
  if (x > max) return { ok: false, empty: false, error: `${t} is more than the ${max.toFixed(2)} points ${seller} holds.`, fix: max };
  if (x < 0.01) return { ok: false, empty: false, error: `${t} is below 0.01 points.`, ...(max >= 0.01 ? { fix: 0.01 } : {}) };
  const points = Math.round(x * 100) / 100;
  if (points !== x) return { ok: false, empty: false, error: `${t} has more than two decimals: points are counted to 0.01.`, fix: points };
  return { ok: true, points };
}
