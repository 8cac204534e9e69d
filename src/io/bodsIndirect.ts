// Indirect BODS interests: a person's indirect 30% of A through B would be counted twice by look-through if it
// were added next to the recorded chain (B holds 60% of A, the person 50% of B). So an indirect interest becomes a
// link only when the file has no chain between the two parties, and never when it would take the subject above 100%.
import type { Agreement, Holding } from '../model';
import { uniqueIn } from './bodsEntity';
import { findOverfull } from './totals';

/** An indirect interest waiting for the direct graph to be complete, and the statement it came from. */
export interface PendingIndirect {
  holding?: Holding;
  agreement?: Agreement;
  label: string;
}

/** The import state placeIndirect reads and extends. */
export interface IndirectContext {
  holdings: Holding[];
  agreements: Agreement[];
  agreementIds: Set<string>;
  note: (subject: string, entry: Record<string, unknown>) => void;
  nameOf: (id: string) => string;
  where: string;
  warnings: string[];
}

/** Whether a chain of holdings or control agreements leads from `from` to `to`. */
export function hasChain(holdings: Holding[], agreements: Agreement[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = next.get(a);
    if (list) list.push(b); else next.set(a, [b]);
  };
  for (const h of holdings) add(h.holder, h.subject);
  for (const a of agreements) for (const p of a.parties) add(p, a.subject);
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    for (const y of next.get(stack.pop()!) ?? []) {
      if (y === to) return true;
      if (!seen.has(y)) {
        seen.add(y);
        stack.push(y);
      }
    }
  }
  return false;
}

/** Adds each pending indirect interest as a link, or keeps it as a note on its subject, with a warning either way. */
export function placeIndirect(pending: PendingIndirect[], ctx: IndirectContext): void {
  const { holdings, agreements, nameOf, warnings } = ctx;
  for (const p of pending) {
    const rec = (p.holding ?? p.agreement)!;
    const holder = p.holding ? p.holding.holder : p.agreement!.parties[0];
    const what = `${ctx.where}${p.label}: the indirect interest of ${nameOf(holder)} in ${nameOf(rec.subject)}`;
    if (hasChain(holdings, agreements, holder, rec.subject)) {
      ctx.note(rec.subject, { indirect: true, record: rec });
      warnings.push(`${what} is kept as a note — the chain between them is in the file, so counting it again would double count`);
      continue;
    }
    if (p.holding) {
      holdings.push(p.holding);
      if (findOverfull(holdings.filter((h) => h.subject === rec.subject))) {
        holdings.pop();
        ctx.note(rec.subject, { indirect: true, record: rec });
        warnings.push(`${what} is kept as a note — adding it would take ${nameOf(rec.subject)} above 100%`);
        continue;
      }
    } else {
      p.agreement!.id = uniqueIn(ctx.agreementIds, p.agreement!.id);
      agreements.push(p.agreement!);
    }
    warnings.push(`${what} is imported as an estimated direct link — the file has no chain between them`);
  }
}
