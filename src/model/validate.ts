// Semantic validation of a parsed document (FORMAT.md): references, duplicates, sums per date, board seats, dates.
import { ModelError } from './errors';
import { inForce } from './dates';
import type { Entity, Holding, OwnershipDoc } from './types';
import { rememberIndex } from './docIndex';

const EPS = 1e-6;
/**
 * Published figures are rounded (FORMAT.md): the stakes of one company may sum to at most 100.1% — accepted with a
 * warning (roundingWarnings), the analysis reading the excess as rounding. More than that is refused.
 */
export const ROUNDING_TOLERANCE = 0.1;

function fail(where: string, what: string): never {
  throw new ModelError(`model/validate: ${where} ${what}`);
}

function checkDates(where: string, rec: { since?: string | null; until?: string | null }) {
  if (rec.since && rec.until && rec.until < rec.since) fail(where, `has until ${rec.until} before since ${rec.since} — swap them or clear one`);
}

/**
 * The ids of `holdings` in brackets, in document order; past `shown` of them (a widely held company has thousands), the
 * `shown` largest by `size` and how many smaller ones there are besides.
 */
function largest(holdings: readonly Holding[], size: (h: Holding) => number, shown = 5): string {
  const kept = new Set([...holdings].sort((a, b) => size(b) - size(a)).slice(0, shown));
  const top = holdings.filter((h) => kept.has(h));
  const rest = holdings.length - top.length;
  return `(${top.map((h) => h.id).join(', ')})${rest ? ` or one of the ${rest.toLocaleString('en')} smaller ones` : ''}`;
}

/** Throws unless the holdings of `subject` sum to at most 100% of shares and of votes on every date. */
export function checkSubjectTotals(doc: OwnershipDoc, subject: string, holdings: Holding[] = doc.holdings.filter((h) => h.subject === subject)) {
  if (holdings.length < 2) return;
  // Fast path: all holdings together, whatever their dates, within the limit — no date can pass it.
  let allShares = 0, allVotes = 0;
  for (const h of holdings) { allShares += h.shares; allVotes += h.votes ?? h.shares; }
  if (allShares <= 100 + ROUNDING_TOLERANCE + EPS && allVotes <= 100 + ROUNDING_TOLERANCE + EPS) return;
  const dates = new Set<string | undefined>([undefined]);
  for (const h of holdings) if (h.since) dates.add(h.since);
  for (const d of dates) {
    let shares = 0, votes = 0;
    const live = holdings.filter((h) => (d === undefined ? !h.since : inForce(h, d)));
    for (const h of live) { shares += h.shares; votes += h.votes ?? h.shares; }
    const when = d ? ` on ${d}` : '';
    const name = () => doc.entities.find((e) => e.id === subject)?.name ?? subject;
    const limit = 100 + ROUNDING_TOLERANCE + EPS;
    if (shares > limit) fail(`holdings of "${name()}" (${subject})`, `sum to ${round(shares)}% of shares${when}, more than 100% (100.1% is allowed for rounding) — lower a stake ${largest(live, (h) => h.shares)}`);
    if (votes > limit) fail(`holdings of "${name()}" (${subject})`, `sum to ${round(votes)}% of votes${when}, more than 100% (100.1% is allowed for rounding) — lower a stake ${largest(live, (h) => h.votes ?? h.shares)}`);
  }
}

/** One warning per company whose stakes sum to more than 100% (and at most 100.1%, else validation refuses) on some date. */
export function roundingWarnings(doc: OwnershipDoc): string[] {
  // A document validated as it is now names the only subjects that can warn (most documents: none).
  const known = overHundred.get(doc);
  const only = known && known.holdings === doc.holdings && known.length === doc.holdings.length ? new Set(known.subjects) : null;
  if (only && only.size === 0) return [];
  const bySubject = new Map<string, Holding[]>();
  for (const h of doc.holdings) {
    if (only && !only.has(h.subject)) continue;
    const list = bySubject.get(h.subject);
    if (list) list.push(h); else bySubject.set(h.subject, [h]);
  }
  const out: string[] = [];
  for (const [subject, holdings] of bySubject) {
    if (holdings.length < 2) continue;
    if (holdings.reduce((s, h) => s + Math.max(h.shares, h.votes ?? h.shares), 0) <= 100 + EPS) continue;
    const dates = new Set<string | undefined>([undefined]);
    for (const h of holdings) if (h.since) dates.add(h.since);
    for (const d of dates) {
      const live = holdings.filter((h) => (d === undefined ? !h.since : inForce(h, d)));
      const shares = live.reduce((s, h) => s + h.shares, 0), votes = live.reduce((s, h) => s + (h.votes ?? h.shares), 0);
      const top = Math.max(shares, votes);
      if (top > 100 + EPS) {
        const name = doc.entities.find((e) => e.id === subject)?.name ?? subject;
        out.push(`model/validate: the stakes in "${name}" (${subject}) sum to ${round(top)}%${d ? ` on ${d}` : ''} — read as rounding of published figures (up to 100.1% is allowed); check the figures if they were not rounded`);
        break;
      }
    }
  }
  return out;
}

/** The entities at indices `subjects` as ids, ordered by where each first appears as a holding's subject. */
function subjectsInHoldingOrder(doc: OwnershipDoc, subjects: number[], index: Map<string, number>): string[] {
  if (!subjects.length) return [];
  const wanted = new Set(subjects);
  const out: string[] = [];
  const done = new Set<number>();
  for (const h of doc.holdings) {
    const s = index.get(h.subject)!;
    if (wanted.has(s) && !done.has(s)) {
      done.add(s);
      out.push(h.subject);
    }
  }
  return out;
}

const byIdCache = new WeakMap<Entity[], { length: number; index: Map<string, Entity> }>();

/**
 * The entity with `id` (the first, as Array#find gives it), through an index kept per entity list: an edit of a
 * holding keeps the list, so checking a register's board seats after each edit costs a lookup, not a scan.
 */
function entityById(entities: Entity[], id: string): Entity | undefined {
  let known = byIdCache.get(entities);
  if (!known || known.length !== entities.length) {
    const index = new Map<string, Entity>();
    for (const e of entities) if (!index.has(e.id)) index.set(e.id, e);
    byIdCache.set(entities, (known = { length: entities.length, index }));
  }
  return known.index.get(id);
}

/** Throws unless the seats appointed in `subject` fit its board on every date. */
export function checkBoardSeats(doc: OwnershipDoc, subject: string) {
  const entity = entityById(doc.entities, subject);
  if (!entity?.boardSize) return;
  const holdings = doc.holdings.filter((h) => h.subject === subject && h.boardSeats);
  const dates = new Set<string | undefined>([undefined, ...holdings.map((h) => h.since ?? undefined)]);
  for (const d of dates) {
    const seats = holdings.filter((h) => (d === undefined ? !h.since : inForce(h, d))).reduce((s, h) => s + (h.boardSeats ?? 0), 0);
    if (seats > entity.boardSize) fail(`entity "${entity.name}" (${subject})`, `has ${seats} appointed board seats but a board of ${entity.boardSize} — raise boardSize or lower boardSeats`);
  }
}

function round(x: number) {
  return Math.round(x * 1e4) / 1e4;
}

/** Per document: the subjects whose stakes (the larger of shares and votes, all dates together) pass 100%, in order of first holding. */
const overHundred = new WeakMap<OwnershipDoc, { holdings: Holding[]; length: number; subjects: string[] }>();

/**
 * A set of ids that holds more than a JavaScript Set can (2²⁴ entries): a national register has tens of millions of
 * holdings. Ids are spread over 64 sets by a cheap hash of their length and last characters.
 */
class IdSet {
  private sets: Set<string>[] = Array.from({ length: 64 }, () => new Set<string>());
  private of(id: string): Set<string> {
    const n = id.length;
    const h = n * 31 + (n ? id.charCodeAt(n - 1) * 7 : 0) + (n > 1 ? id.charCodeAt(n - 2) * 13 : 0) + (n > 2 ? id.charCodeAt(n - 3) : 0);
    return this.sets[h & 63];
  }
  has(id: string): boolean {
    return this.of(id).has(id);
  }
  add(id: string): void {
    this.of(id).add(id);
  }
}

/** Validates a whole parsed document; throws a ModelError naming the first problem. */
export function validateDoc(doc: OwnershipDoc): void {
  // Entity ids to their index: holdings are summed per subject in typed arrays, not in a list per subject.
  const entityIds = new Map<string, number>();
  let boarded = false;
  const entities = doc.entities;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    if (e.boardSize) boarded = true;
    if (entityIds.has(e.id)) fail(`entities[${i}] "${e.id}"`, 'is a duplicate id — every entity needs its own id');
    entityIds.set(e.id, i);
  }
  const ref = (where: string, field: string, id: string) => {
    if (!entityIds.has(id)) fail(where, `field "${field}" names unknown entity "${id}" — add the entity or fix the id`);
  };
  const seen = new Map<string, Set<string>>();
  const unique = (kind: string, i: number, id: string) => {
    let set = seen.get(kind);
    if (!set) seen.set(kind, (set = new Set()));
    if (set.has(id)) fail(`${kind}[${i}] "${id}"`, `is a duplicate id — every ${kind.slice(0, -1)} needs its own id`);
    set.add(id);
  };
  const n = entities.length;
  const shares = new Float64Array(n), votes = new Float64Array(n), larger = new Float64Array(n);
  const count = new Int32Array(n);
  const holdingIds = new IdSet();
  const holdings = doc.holdings;
  const holderAt = new Int32Array(holdings.length), subjectAt = new Int32Array(holdings.length);
  for (let i = 0; i < holdings.length; i++) {
    const h = holdings[i];
    if (holdingIds.has(h.id)) fail(`holdings[${i}] "${h.id}"`, 'is a duplicate id — every holding needs its own id');
    holdingIds.add(h.id);
    const o = entityIds.get(h.holder);
    if (o === undefined) ref(`holdings[${i}] "${h.id}"`, 'holder', h.holder);
    const s = entityIds.get(h.subject);
    if (s === undefined) return ref(`holdings[${i}] "${h.id}"`, 'subject', h.subject);
    holderAt[i] = o!;
    subjectAt[i] = s;
    if (h.holder === h.subject) fail(`holdings[${i}] "${h.id}"`, 'is a holding of an entity in itself — record treasury shares by leaving them out');
    if (h.since && h.until && h.until < h.since) checkDates(`holdings[${i}] "${h.id}"`, h);
    const v = h.votes ?? h.shares;
    shares[s] += h.shares;
    votes[s] += v;
    larger[s] += Math.max(h.shares, v);
    count[s]++;
  }
  // Only subjects that could fail (stakes over the limit summed over all dates, or a board to fill) are looked at
  // record by record, in the order their first holding comes, as checkSubjectTotals always did.
  const limit = 100 + ROUNDING_TOLERANCE + EPS;
  let suspect = boarded;
  const over: number[] = [];
  for (let s = 0; s < n; s++) {
    if (count[s] >= 2 && (shares[s] > limit || votes[s] > limit)) suspect = true;
    if (count[s] >= 2 && larger[s] > 100 + EPS) over.push(s);
  }
  if (suspect) {
    const bySubject = new Map<string, Holding[]>();
    for (const h of holdings) {
      const list = bySubject.get(h.subject);
      if (list) list.push(h); else bySubject.set(h.subject, [h]);
    }
    for (const [subject, list] of bySubject) {
      const s = entityIds.get(subject)!;
      if (count[s] >= 2 && (shares[s] > limit || votes[s] > limit)) checkSubjectTotals(doc, subject, list);
      if (entities[s].boardSize) checkBoardSeats(doc, subject);
    }
  }
  // Duplicate entity ids were refused above, so the map has one entry per entity: the analysis reuses it.
  rememberIndex(doc, { entities, holdings, index: entityIds, holder: holderAt, subject: subjectAt });
  overHundred.set(doc, { holdings, length: holdings.length, subjects: subjectsInHoldingOrder(doc, over, entityIds) });
  (doc.agreements ?? []).forEach((a, i) => {
    const where = `agreements[${i}] "${a.id}"`;
    unique('agreements', i, a.id);
    a.parties.forEach((p) => ref(where, 'parties', p));
    ref(where, 'subject', a.subject);
    if (a.parties.includes(a.subject)) fail(where, 'names its subject as a party — an entity cannot control itself');
    if (a.kind === 'joint-control' && new Set(a.parties).size < 2) fail(where, 'is a joint-control agreement with fewer than two parties');
    checkDates(where, a);
  });
  (doc.relations ?? []).forEach((r, i) => {
    const where = `relations[${i}] "${r.id}"`;
    unique('relations', i, r.id);
    if (r.party !== undefined) ref(where, 'party', r.party);
    else if (!r.unspecified) fail(where, 'has no party — name the interested party, or give the reason it is unspecified in "unspecified"');
    ref(where, 'subject', r.subject);
    if (r.party === r.subject) fail(where, 'has the same party and subject');
    checkDates(where, r);
  });
  (doc.dependencies ?? []).forEach((d, i) => {
    const where = `dependencies[${i}] "${d.id}"`;
    unique('dependencies', i, d.id);
    ref(where, 'provider', d.provider);
    ref(where, 'client', d.client);
    if (d.provider === d.client) fail(where, 'has the same provider and client');
    checkDates(where, d);
  });
  (doc.events ?? []).forEach((ev, i) => {
    const where = `events[${i}] "${ev.id}"`;
    unique('events', i, ev.id);
    (ev.entities ?? []).forEach((id) => ref(where, 'entities', id));
  });
  (doc.scenarios ?? []).forEach((s, i) => unique('scenarios', i, s.id));
}
