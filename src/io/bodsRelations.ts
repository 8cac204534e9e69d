// BODS interests without an ownership figure → typed relations (model `relations`), GLEIF accounting consolidation
// recognised from the interest alone, and GLEIF reporting exceptions recognised as undisclosed parents. Pure.
import type { Relation, RelationKind } from '../model';
import type { ReadInterest } from './bodsRead';

/** GLEIF relationship types carried in BODS otherInfluenceOrControl details (Open Ownership's GLEIF pipeline). */
const GLEIF = /\bIS[_\s-]+(DIRECTLY|ULTIMATELY)[_\s-]+CONSOLIDATED[_\s-]+BY\b/i;
/** Consolidation said in words (our export writes "accounting consolidation (direct|ultimate parent)"). */
const WORDS = /\baccounting consolidation\b(?:.*\b(direct|ultimate)\b)?/i;

/** The consolidation level an otherInfluenceOrControl interest states, if it states one. */
export function consolidationLevel(i: ReadInterest): 'direct' | 'ultimate' | undefined {
  if ((i.type !== undefined && i.type !== 'otherInfluenceOrControl' && i.type !== 'unknownInterest') || !i.details) return undefined;
  const g = GLEIF.exec(i.details);
  if (g) return g[1].toUpperCase() === 'DIRECTLY' ? 'direct' : 'ultimate';
  const w = WORDS.exec(i.details);
  if (w) return (w[1]?.toLowerCase() as 'direct' | 'ultimate' | undefined) ?? (i.direct === 'indirect' ? 'ultimate' : 'direct');
  return undefined;
}

/** The relation kept for a figureless interest (or a relationship with no interests: `i` undefined). */
export function relationFrom(i: ReadInterest | undefined, party: { id: string } | { unspecified: string }, subject: string): Relation {
  const level = i ? consolidationLevel(i) : undefined;
  const kind: RelationKind = level ? 'consolidation' : (i?.type ?? 'unknownInterest');
  const r: Relation = { id: '', kind, subject };
  if ('id' in party) r.party = party.id;
  else r.unspecified = party.unspecified;
  if (level) r.level = level;
  if (i?.direct) r.directOrIndirect = i.direct;
  if (i?.details) r.details = i.details;
  if (i?.since) r.since = i.since;
  if (i?.until) r.until = i.until;
  return r;
}

/** The words a person reads for a relation kind ("trustee", "board member", "consolidated (direct parent)"). */
export function relationLabel(r: Pick<Relation, 'kind' | 'level'> & { directOrIndirect?: string; exception?: unknown }): string {
  if (r.kind === 'consolidation' && typeof r.exception === 'string') return `consolidates, undisclosed ${r.level ?? 'direct'} parent (GLEIF reporting exception: ${exceptionWords(r.exception)})`;
  if (r.kind === 'consolidation') return `consolidates (${r.level ?? 'direct'} parent)`;
  if ((r.kind === 'shareholding' || r.kind === 'votingRights') && r.directOrIndirect === 'indirect') {
    const bods = (r as { bods?: { interest?: { share?: { exact?: unknown } } } }).bods;
    const exact = (r as { share?: number }).share ?? bods?.interest?.share?.exact;
    return `declared indirect ${r.kind === 'shareholding' ? 'shareholding' : 'voting rights'}${typeof exact === 'number' ? ` ${Math.round(exact * 1e4) / 1e4}%` : ''}`;
  }
  return r.kind.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** The interest details a consolidation relation is exported with (the GLEIF relationship type, then words). */
export function consolidationDetails(level: 'direct' | 'ultimate' | undefined): string {
  return level === 'ultimate' ? 'IS_ULTIMATELY_CONSOLIDATED_BY: accounting consolidation (ultimate parent)' : 'IS_DIRECTLY_CONSOLIDATED_BY: accounting consolidation (direct parent)';
}

/** GLEIF reporting exception reasons (LEI-CDF Level 2), as the Open Ownership GLEIF pipeline writes them. */
const EXCEPTION_REASONS = ['NATURAL_PERSONS', 'NON_CONSOLIDATING', 'NO_KNOWN_PERSON', 'NON_PUBLIC', 'NO_LEI', 'BINDING_LEGAL_COMMITMENTS', 'LEGAL_OBSTACLES', 'DISCLOSURE_DETRIMENTAL', 'DETRIMENT_NOT_EXCLUDED', 'CONSENT_NOT_OBTAINED'];
const REASON = new RegExp(`\\b(${EXCEPTION_REASONS.join('|')})\\b`);
const EXCEPTION = /\bExceptionCategory\b|\bExceptionReason\b|\bExemptionReason\b|\breporting exception\b/i;

/** A GLEIF reporting exception: the parent is not disclosed, for this reason, at this level. */
export interface ReportingException {
  reason: string;
  level: 'direct' | 'ultimate';
}

/**
 * The reporting exception a figureless interest stands for, if any: its details, the statement's annotations or the
 * interested party's unspecified details say "ExceptionCategory", "ExemptionReason" or "GLEIF Reporting Exception"
 * (the Open Ownership GLEIF conversions: an unknown entity or person, or an unspecified party, with "A controlling
 * interest"). The level is ultimate for ULTIMATE_ACCOUNTING_CONSOLIDATION_PARENT or an indirect interest.
 */
export function reportingException(i: ReadInterest | undefined, notes: string, partyText: string | undefined): ReportingException | undefined {
  if (i && (i.type === 'shareholding' || i.type === 'votingRights') && i.share) return undefined;
  const texts = [i?.details ?? '', notes, partyText ?? ''];
  if (!texts.some((t) => EXCEPTION.test(t))) return undefined;
  const reason = texts.map((t) => REASON.exec(t)?.[1]).find((r) => r) ?? 'UNKNOWN';
  const ultimate = texts.some((t) => /\bULTIMATE_ACCOUNTING_CONSOLIDATION_PARENT\b/.test(t)) || (i?.direct === 'indirect' && !texts.some((t) => /\bDIRECT_ACCOUNTING_CONSOLIDATION_PARENT\b/.test(t)));
  return { reason, level: ultimate ? 'ultimate' : 'direct' };
}

/** A reporting exception reason in words ("non-consolidating", "natural persons"). */
export function exceptionWords(reason: string): string {
  return reason === 'NO_LEI' ? 'no LEI' : reason.toLowerCase().replace(/_/g, ' ').replace(/^non /, 'non-');
}

/** The interest details a reporting exception is exported with (read back by reportingException). */
export function exceptionDetails(reason: string, level: 'direct' | 'ultimate' | undefined): string {
  return `LEI ExceptionCategory: ${level === 'ultimate' ? 'ULTIMATE' : 'DIRECT'}_ACCOUNTING_CONSOLIDATION_PARENT; ExceptionReason: ${reason} (GLEIF reporting exception: the parent is not disclosed)`;
}
