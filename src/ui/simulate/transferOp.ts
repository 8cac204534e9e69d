// Pure helpers of the transfer form: who can sell a company's shares on a date, and the operation a filled-in form
// stands for (a new buyer and its transfer make one batch, so committing them is one undo step).
import { FLOAT_PREFIX, inForce, uniqueId, type Entity, type Op, type OwnershipDoc } from '../../model';

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
