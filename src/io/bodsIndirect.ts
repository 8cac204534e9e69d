// Indirect BODS interests. Person 1's indirect 30% of A through B is part of B's 60% of A: adding it next to the
// chain would count it twice. An indirect interest through a known chain never becomes a direct holding of the
// subject. When the chain is one intermediary whose holding in the subject is known and the party's figure in the
// intermediary is not, the intermediate holding is derived (30 / 60 → Person 1 holds 50% of B, estimated, the
// derivation in its note); otherwise the interest is kept as a note on the intermediary (or on the subject when no
// intermediary is named). Only an interest with no chain and no named intermediary becomes an estimated link.
import type { Agreement, Holding, Relation } from '../model';
import { uniqueIn } from './bodsEntity';
import { findOverfull, fmtPct } from './totals';

/** An indirect interest waiting for the direct graph to be complete, the statement it came from and its chain. */
export interface PendingIndirect {
  holding?: Holding;
  agreement?: Agreement;
  label: string;
  /** componentRecords of the statement: record or statement ids of the chain's intermediate parts. */
  components?: string[];
}

/** The import state placeIndirect reads and extends. */
export interface IndirectContext {
  holdings: Holding[];
  agreements: Agreement[];
  relations: Relation[];
  agreementIds: Set<string>;
  holdingIds: Set<string>;
  note: (subject: string, entry: Record<string, unknown>) => void;
  nameOf: (id: string) => string;
  /** The entity a componentRecords entry names (by record id or statement id), if it names one. */
  componentEntity: (ref: string) => string | undefined;
  where: string;
  warnings: string[];
}

/** Whether a chain of holdings, control agreements or relations leads from `from` to `to`. */
export function hasChain(holdings: Holding[], agreements: Agreement[], from: string, to: string, relations: Relation[] = []): boolean {
  const next = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = next.get(a);
    if (list) list.push(b); else next.set(a, [b]);
  };
  for (const h of holdings) add(h.holder, h.subject);
  for (const a of agreements) for (const p of a.parties) add(p, a.subject);
  for (const r of relations) if (r.party) add(r.party, r.subject);
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

const overlaps = (a: { since?: string | null; until?: string | null }, b: { since?: string | null; until?: string | null }) =>
  (!a.until || !b.since || b.since < a.until) && (!b.until || !a.since || a.since < b.until);

/** The intermediaries between party and subject: named by componentRecords, else found as party → I → subject. */
function intermediaries(p: PendingIndirect, party: string, subject: string, ctx: IndirectContext): string[] {
  const named = new Set<string>();
  for (const ref of p.components ?? []) {
    const id = ctx.componentEntity(ref);
    if (id && id !== party && id !== subject) named.add(id);
  }
  if (named.size) return [...named];
  const holdsSubject = new Set(ctx.holdings.filter((h) => h.subject === subject).map((h) => h.holder));
  const found = new Set<string>();
  for (const h of ctx.holdings) if (h.holder === party && holdsSubject.has(h.subject)) found.add(h.subject);
  for (const r of ctx.relations) if (r.party === party && holdsSubject.has(r.subject)) found.add(r.subject);
  for (const a of ctx.agreements) if (a.parties.includes(party) && holdsSubject.has(a.subject)) found.add(a.subject);
  return [...found];
}

/** Adds each pending indirect interest as a derived holding, a note or (with no chain at all) a link, with a warning. */
export function placeIndirect(pending: PendingIndirect[], ctx: IndirectContext): void {
  const { holdings, agreements, relations, nameOf, warnings } = ctx;
  for (const p of pending) {
    const rec = (p.holding ?? p.agreement)!;
    const party = p.holding ? p.holding.holder : p.agreement!.parties[0];
    const subject = rec.subject;
    const what = `${ctx.where}${p.label}: the indirect interest of ${nameOf(party)} in ${nameOf(subject)}`;
    const via = intermediaries(p, party, subject, ctx);
    if (p.holding && via.length === 1 && derive(p.holding, via[0], p.label, ctx, what)) continue;
    if (via.length || hasChain(holdings, agreements, party, subject, relations)) {
      const host = via.length === 1 ? via[0] : subject;
      ctx.note(host, { indirect: true, record: rec, ...(via.length ? { through: via } : {}) });
      warnings.push(`${what} is kept as a note${host !== subject ? ` on ${nameOf(host)}` : ''} — the chain between them is in the file, so counting it again would double count`);
      continue;
    }
    if (p.holding) {
      holdings.push(p.holding);
      if (findOverfull(holdings.filter((h) => h.subject === subject))) {
        holdings.pop();
        ctx.note(subject, { indirect: true, record: rec });
        warnings.push(`${what} is kept as a note — adding it would take ${nameOf(subject)} above 100%`);
        continue;
      }
    } else {
      p.agreement!.id = uniqueIn(ctx.agreementIds, p.agreement!.id);
      agreements.push(p.agreement!);
    }
    warnings.push(`${what} is imported as an estimated direct link — the file has no chain between them`);
  }
}

/**
 * Records party → intermediary = x / y (x the indirect figure in the subject, y the intermediary's holding in it)
 * when y is known, the party's figure in the intermediary is not, and the result fits; returns whether it did.
 */
function derive(h: Holding, via: string, label: string, ctx: IndirectContext, what: string): boolean {
  const { holdings, relations, nameOf, warnings } = ctx;
  const upper = holdings.filter((u) => u.holder === via && u.subject === h.subject && overlaps(u, h));
  if (upper.length !== 1 || upper[0].shares <= 0 || upper[0].sharesRange) return false;
  if (holdings.some((u) => u.holder === h.holder && u.subject === via && overlaps(u, h))) return false;
  const y = upper[0].shares;
  if (h.shares > y + 1e-9) return false;
  const x = h.shares;
  const share = Math.round((x / y) * 100 * 1e6) / 1e6;
  const derived: Holding = {
    id: uniqueIn(ctx.holdingIds, `${h.id}-via-${via}`), holder: h.holder, subject: via, shares: share, estimated: true,
    notes: `Derived from BODS ${label}: an indirect ${fmtPct(x)} of ${nameOf(h.subject).replace(/^"|"$/g, '')} through ${nameOf(via).replace(/^"|"$/g, '')}, which holds ${fmtPct(y)} of it (${fmtPct(x)} / ${fmtPct(y)} = ${fmtPct(share)}).`,
  };
  if (h.since) derived.since = h.since;
  if (h.until) derived.until = h.until;
  holdings.push(derived);
  if (findOverfull(holdings.filter((u) => u.subject === via))) {
    holdings.pop();
    ctx.holdingIds.delete(derived.id);
    return false;
  }
  // The figureless link party → intermediary that the derived holding now quantifies.
  const replaced = relations.filter((r) => r.party === h.holder && r.subject === via && (r.kind === 'unknownInterest' || r.kind === 'shareholding'));
  for (const r of replaced) relations.splice(relations.indexOf(r), 1);
  warnings.push(`${what} (${fmtPct(x)}) is recorded as ${nameOf(h.holder)} holding ${fmtPct(share)} of ${nameOf(via)}, estimated — derived through ${nameOf(via)}'s ${fmtPct(y)}${replaced.length ? `; it replaces the link without a figure (${replaced.map((r) => r.id).join(', ')})` : ''}`);
  return true;
}
