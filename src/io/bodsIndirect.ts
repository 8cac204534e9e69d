// Indirect BODS interests. Person 1's indirect 30% of A through B is part of B's 60% of A: adding it next to the
// chain would count it twice. An indirect interest through a known chain never becomes a direct holding of the
// subject. When the declared figure determines the party's stakes in the intermediaries, they are derived (estimated,
// the derivation in their notes): through one top intermediary x / y of it (30 / 60 → 50% of B; through a chain
// P → B → C → A, y is B's look-through stake in A); through several, only when their stakes make up the whole figure
// (60% of A through B's 40% and C's 20% → all of B and all of C). When the figures leave those stakes open, the
// declaration is kept as a relation party → subject ("declared indirect": its figure and intermediaries, drawn dashed,
// used as declared by look-through, ultimate owners and ultimate controllers (analysis/declared.ts), exported as declared); when the whole chain is already in the file, as a note on the intermediary (exported as
// declared, bodsIndirectOut.ts). Only an interest with no chain and no named intermediary becomes an estimated link.
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
  relationIds: Set<string>;
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
    if (p.holding && via.length && derive(p.holding, via, p.label, ctx, what)) continue;
    if (p.holding && via.length && !hasChain(holdings, agreements, party, subject)) {
      // The figures leave the party's stakes in the intermediaries open: the declaration stays a dashed link party →
      // subject with its figure and intermediaries, which the analysis uses as declared, exported back as declared.
      const h = p.holding;
      const r: Relation = {
        id: uniqueIn(ctx.relationIds, `${h.id}-indirect`), kind: 'shareholding', party, subject, directOrIndirect: 'indirect', share: h.shares, through: via,
        details: `declared indirect ${fmtPct(h.shares)} through ${via.map((v) => nameOf(v).replace(/^"|"$/g, '')).join(', ')}; the stakes in between are not known`,
      };
      if (h.since) r.since = h.since;
      if (h.until) r.until = h.until;
      if (h.sources) r.sources = h.sources;
      const was = (h as Holding & { bods?: Record<string, unknown> }).bods;
      (r as Relation & { bods?: unknown }).bods = { ...(was ?? {}), interest: { type: 'shareholding', directOrIndirect: 'indirect', ...(typeof was?.beneficialOwnershipOrControl === 'boolean' ? { beneficialOwnershipOrControl: was.beneficialOwnershipOrControl } : {}), share: h.sharesRange ? { minimum: h.sharesRange.min, maximum: h.sharesRange.max } : { exact: h.shares } } };
      relations.push(r);
      warnings.push(`${what} (${fmtPct(h.shares)}) is kept as a declared indirect link — the figures in the file do not say ${nameOf(party)}'s stakes in ${via.map(nameOf).join(' and ')}, so it is drawn and counted as declared, not as holdings of them`);
      continue;
    }
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
 * The look-through stake of each intermediary in the subject through known holdings among the intermediaries only
 * (B holds 50% of C, C holds 60% of A: C 60, B 30); undefined when a holding is a band or the chain loops.
 */
function chainStakes(via: string[], subject: string, holdings: Holding[], h: Holding): Map<string, number> | undefined {
  const inChain = new Set(via);
  const edges = holdings.filter((u) => inChain.has(u.holder) && (u.subject === subject || inChain.has(u.subject)) && overlaps(u, h));
  if (edges.some((u) => u.sharesRange)) return undefined;
  const stake = new Map<string, number>();
  const visiting = new Set<string>();
  const of = (v: string): number | undefined => {
    const known = stake.get(v);
    if (known !== undefined) return known;
    if (visiting.has(v)) return undefined;
    visiting.add(v);
    let sum = 0;
    for (const u of edges) {
      if (u.holder !== v) continue;
      const down = u.subject === subject ? 100 : of(u.subject);
      if (down === undefined) return undefined;
      sum += (u.shares * down) / 100;
    }
    visiting.delete(v);
    stake.set(v, sum);
    return sum;
  };
  for (const v of via) if (of(v) === undefined) return undefined;
  return stake;
}

/**
 * Records the party's stakes in the intermediaries when the declared figure x determines them (see the header): the
 * top intermediaries T (those no other intermediary holds) reach the subject with look-through stakes y_t; with one,
 * the party holds x / y of it; with several, only x = Σ y_t determines them (all of each). Returns whether it did.
 */
function derive(h: Holding, via: string[], label: string, ctx: IndirectContext, what: string): boolean {
  const { holdings, relations, nameOf, warnings } = ctx;
  const stakes = chainStakes(via, h.subject, holdings, h);
  if (!stakes) return false;
  const heldWithin = new Set(holdings.filter((u) => via.includes(u.holder) && via.includes(u.subject) && overlaps(u, h)).map((u) => u.subject));
  const top = via.filter((v) => !heldWithin.has(v));
  if (!top.length || top.some((t) => !(stakes.get(t)! > 0))) return false;
  if (holdings.some((u) => u.holder === h.holder && via.includes(u.subject) && overlaps(u, h))) return false;
  const x = h.shares;
  const total = top.reduce((sum, t) => sum + stakes.get(t)!, 0);
  let share: number;
  if (top.length === 1) share = Math.round((x / total) * 100 * 1e6) / 1e6;
  else if (Math.abs(x - total) < 1e-6) share = 100;
  else return false;
  if (share > 100 + 1e-6) return false;
  const pct = (t: string) => fmtPct(stakes.get(t)!);
  const bare = (id: string) => nameOf(id).replace(/^"|"$/g, '');
  const made: Holding[] = [];
  for (const t of top) {
    const derived: Holding = {
      id: uniqueIn(ctx.holdingIds, `${h.id}-via-${t}`), holder: h.holder, subject: t, shares: share, estimated: true,
      notes: top.length === 1
        ? `Derived from BODS ${label}: an indirect ${fmtPct(x)} of ${bare(h.subject)} through ${bare(t)}, which holds ${pct(t)} of it (${fmtPct(x)} / ${pct(t)} = ${fmtPct(share)}).`
        : `Derived from BODS ${label}: an indirect ${fmtPct(x)} of ${bare(h.subject)} through ${top.map(bare).join(', ')}, which hold ${top.map(pct).join(' + ')} = ${fmtPct(total)} of it, so all of each.`,
    };
    if (h.since) derived.since = h.since;
    if (h.until) derived.until = h.until;
    // The declared interest it came from, so an export says what the source said (bodsExport writes it back).
    (derived as Record<string, unknown>).bods = { derivedFrom: { record: h, through: via, share } };
    holdings.push(derived);
    made.push(derived);
  }
  if (made.some((d) => findOverfull(holdings.filter((u) => u.subject === d.subject)))) {
    for (const d of made) {
      holdings.splice(holdings.indexOf(d), 1);
      ctx.holdingIds.delete(d.id);
    }
    return false;
  }
  // The figureless links party → intermediary that the derived holdings now quantify.
  const replaced = relations.filter((r) => r.party === h.holder && top.includes(r.subject) && (r.kind === 'unknownInterest' || r.kind === 'shareholding'));
  for (const r of replaced) relations.splice(relations.indexOf(r), 1);
  const held = top.map((t) => `${fmtPct(share)} of ${nameOf(t)}`).join(' and ');
  const through = top.length === 1 ? `${nameOf(top[0])}'s ${pct(top[0])}` : `their ${top.map(pct).join(' and ')}, which make up the whole declared figure`;
  warnings.push(`${what} (${fmtPct(x)}) is recorded as ${nameOf(h.holder)} holding ${held}, estimated — derived through ${through}${replaced.length ? `; it replaces the link without a figure (${replaced.map((r) => r.id).join(', ')})` : ''}`);
  return true;
}
