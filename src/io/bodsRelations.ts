// BODS interests without an ownership figure → typed relations (model `relations`), and GLEIF accounting
// consolidation recognised from the interest alone. Pure.
import type { Relation, RelationKind } from '../model';
import type { ReadInterest } from './bodsRead';

/** GLEIF relationship types carried in BODS otherInfluenceOrControl details (Open Ownership's GLEIF pipeline). */
const GLEIF = /\bIS_(DIRECTLY|ULTIMATELY)_CONSOLIDATED_BY\b/i;
/** Consolidation said in words (our export writes "accounting consolidation (direct|ultimate parent)"). */
const WORDS = /\baccounting consolidation\b(?:.*\b(direct|ultimate)\b)?/i;

/** The consolidation level an otherInfluenceOrControl interest states, if it states one. */
export function consolidationLevel(i: ReadInterest): 'direct' | 'ultimate' | undefined {
  if (i.type !== 'otherInfluenceOrControl' || !i.details) return undefined;
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
export function relationLabel(r: Pick<Relation, 'kind' | 'level'>): string {
  if (r.kind === 'consolidation') return `consolidates (${r.level ?? 'direct'} parent)`;
  return r.kind.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** The interest details a consolidation relation is exported with (the GLEIF relationship type, then words). */
export function consolidationDetails(level: 'direct' | 'ultimate' | undefined): string {
  return level === 'ultimate' ? 'IS_ULTIMATELY_CONSOLIDATED_BY: accounting consolidation (ultimate parent)' : 'IS_DIRECTLY_CONSOLIDATED_BY: accounting consolidation (direct parent)';
}
