// FollowTheMoney JSON lines → an ownership document. Company, Organization, LegalEntity, PublicBody and Person become
// entities (name, other names, previous names, identifiers, jurisdiction, notes, source links); Ownership (owner →
// asset, percentage, startDate, endDate) becomes a holding; Directorship becomes a board relation; UnknownLink and
// Membership become relations (or the control agreements our export writes as UnknownLinks); Identification adds an
// identifier to its holder. FtM properties the model has no field for stay on the record under `ftm` and are
// written back on export. Whole or nothing: an error names the line and the field. Pure.
import { relationKinds } from '../model/schema';
import { emptyDoc, parseDoc, type Agreement, type Alias, type Entity, type Holding, type Identifier, type OwnershipDoc, type Relation, type RelationKind } from '../model';
import { fitBands } from './bodsBands';
import { IoError, fileLabel, rethrowAsIo, show } from './errors';
import { first, readFtmDate, readFtmEntities, readPercentage, type ReadFtm } from './ftmRead';
import { CONTROL_ROLE, DIRECTORSHIP_ROLES, ENTITY_SCHEMATA, ID_PROPERTIES, JOINT_CONTROL_ROLE, directorshipKind } from './ftmTypes';
import { checkSize } from './limits';
import { findOverfull, fmtPct } from './totals';

/** What importFtm returns: a valid document and what was skipped or guessed. */
export interface FtmImport {
  doc: OwnershipDoc;
  warnings: string[];
}

/** Properties read into the model's own fields; everything else is kept under `ftm`. */
const ENTITY_READ = new Set(['name', 'alias', 'previousName', 'weakAlias', 'jurisdiction', 'country', 'notes', 'sourceUrl', 'firstName', 'lastName', ...Object.keys(ID_PROPERTIES)]);
const LINK_READ: Record<string, string[]> = {
  Ownership: ['owner', 'asset', 'percentage', 'startDate', 'endDate', 'ownershipType', 'sourceUrl', 'summary'],
  Directorship: ['director', 'organization', 'role', 'startDate', 'endDate', 'sourceUrl', 'summary'],
  UnknownLink: ['subject', 'object', 'role', 'startDate', 'endDate', 'sourceUrl', 'summary'],
  Membership: ['member', 'organization', 'role', 'startDate', 'endDate', 'sourceUrl', 'summary'],
};
const RELATION_KINDS = new Set<string>(relationKinds);

/** The properties of `e` not in `read`, or undefined when there are none. */
/** The role our export gives a declared indirect interest: "shareholding (indirect 60%, through ["c","d"]): details". */
const DECLARED_ROLE = /^(\w+) \(indirect (\d+(?:\.\d+)?)%(?:, through (\[.*?\]))?\)(?::\s*(.*))?$/s;

/** The value of JSON text, or undefined when it is not JSON (a role written by hand). */
function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function rest(e: ReadFtm, read: Iterable<string>): Record<string, string[]> | undefined {
  const skip = new Set(read);
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(e.properties)) if (!skip.has(k)) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** FtM fragments: the same entity id on several lines is one entity with the values of all of them. */
function mergeFragments(list: ReadFtm[], where: string): ReadFtm[] {
  const byId = new Map<string, ReadFtm>();
  for (const e of list) {
    const cur = byId.get(e.id);
    if (!cur) {
      byId.set(e.id, { ...e, properties: { ...e.properties } });
      continue;
    }
    if (cur.schema !== e.schema) throw new IoError(`${where}${e.label} reuses the id of ${cur.label} with another schema — FollowTheMoney ids are unique per entity`);
    for (const [k, v] of Object.entries(e.properties)) cur.properties[k] = [...new Set([...(cur.properties[k] ?? []), ...v])];
  }
  return [...byId.values()];
}

/** Reads FtM JSON lines (or a JSON array of FtM entities) into a new document; see the header. `maxBytes` as in io/limits. */
export function importFtm(text: string, fileName?: string, maxBytes?: number): FtmImport {
  checkSize(text.length, 'io/ftm', fileName, maxBytes);
  const where = `io/ftm: ${fileLabel(fileName)}`;
  const all = mergeFragments(readFtmEntities(text, where), where);
  const warnings: string[] = [];
  let partialDates = 0;
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  const skipped = new Map<string, number>();

  for (const f of all) {
    const kind = ENTITY_SCHEMATA[f.schema];
    if (!kind) continue;
    const names = [...(f.properties.name ?? [])].map((n) => n.trim()).filter(Boolean);
    let name = names[0];
    if (!name && f.schema === 'Person') name = [first(f, 'firstName'), first(f, 'lastName')].filter(Boolean).join(' ');
    if (!name) {
      name = f.id;
      warnings.push(`${where}${f.label} has no name — it is shown by its id`);
    }
    const e: Entity = { id: f.id, name: name.slice(0, 500), kind };
    const form = first(f, 'legalForm')?.toLowerCase();
    if (f.schema === 'Company' && form === 'fund') e.kind = 'fund';
    if (f.schema === 'LegalEntity' && form === 'public float') e.kind = 'float';
    const country = first(f, 'jurisdiction') ?? first(f, 'country');
    if (country && /^[a-z]{2}$/i.test(country) && country.toLowerCase() !== 'zz') e.jurisdiction = country.toUpperCase();
    const notes = f.properties.notes?.filter((n) => n.trim());
    if (notes?.length) e.notes = notes.join('\n\n');
    const urls = f.properties.sourceUrl;
    if (urls?.length) e.sources = urls.map((url) => ({ url }));
    const aliases: Alias[] = [];
    const seen = new Set([name]);
    const addAlias = (n: string, kind: Alias['kind'], weak = false) => {
      const t = n.trim().slice(0, 500);
      if (!t || seen.has(t)) return;
      seen.add(t);
      // A weak alias stays one when written back (ftmExport reads the mark).
      aliases.push({ name: t, kind, ...(weak ? { ftmProperty: 'weakAlias' } : {}) });
    };
    for (const n of names.slice(1)) addAlias(n, 'other');
    for (const n of f.properties.alias ?? []) addAlias(n, 'other');
    for (const n of f.properties.weakAlias ?? []) addAlias(n, 'other', true);
    for (const n of f.properties.previousName ?? []) addAlias(n, 'former');
    if (aliases.length) e.aliases = aliases;
    const ids: Identifier[] = [];
    for (const [prop, scheme] of Object.entries(ID_PROPERTIES)) for (const v of f.properties[prop] ?? []) if (v.trim()) ids.push({ scheme, id: v.trim().slice(0, 200) });
    if (ids.length) e.identifiers = ids;
    const extra = rest(f, ENTITY_READ);
    // The schema is kept when the kind alone would not give it back (an Organization read as `other` is written back
    // as one; a LegalEntity is not), with the properties the model has no field for.
    if (extra || f.schema === 'LegalEntity' && e.kind === 'other') (e as Record<string, unknown>).ftm = { schema: f.schema, ...(extra ? { properties: extra } : {}) };
    entities.push(e);
    byId.set(e.id, e);
  }

  const placeholders: string[] = [];
  const ref = (f: ReadFtm, prop: string): string => {
    const id = first(f, prop);
    if (!id) throw new IoError(`${where}${f.label} has no ${prop} — a FollowTheMoney ${f.schema} names both ends`);
    if (!byId.has(id)) {
      const e: Entity = { id, name: `Entity ${id}`.slice(0, 500), kind: 'other' };
      entities.push(e);
      byId.set(id, e);
      placeholders.push(id);
    }
    return id;
  };
  const dates = (f: ReadFtm) => {
    const fail = (field: string) => (what: string): never => {
      throw new IoError(`${where}${f.label} field "${field}": ${what}`);
    };
    const since = readFtmDate(first(f, 'startDate'), fail('startDate'), () => partialDates++);
    const until = readFtmDate(first(f, 'endDate'), fail('endDate'), () => partialDates++);
    if (since && until && until < since) fail('endDate')(`${until} is before the start date ${since} — swap them`);
    return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
  };
  const keep = (rec: Record<string, unknown>, f: ReadFtm) => {
    const extra = rest(f, LINK_READ[f.schema] ?? []);
    const urls = f.properties.sourceUrl;
    if (urls?.length) rec.sources = urls.map((url) => ({ url }));
    const notes = f.properties.summary?.filter((n) => n.trim());
    if (notes?.length) rec.notes = notes.join('\n\n');
    if (extra) rec.ftm = { properties: extra };
  };

  const holdings: Holding[] = [];
  const relations: Relation[] = [];
  const agreements = new Map<string, Agreement>();
  const shareOwnership = new Map<string, Holding>();
  const voting: { f: ReadFtm; holder: string; subject: string; value: number; span: { since?: string; until?: string } }[] = [];

  // Our export prefixes a link id taken by another record with its kind ("ownership:h1"): drop it again.
  const fileIds = new Set(all.map((f) => f.id));
  const ownId = (f: ReadFtm, kind: string): string => {
    const m = /^(\w+):(.+?)(?::\d+)?$/.exec(f.id);
    return m && m[1] === kind && fileIds.has(m[2]) ? m[2] : f.id;
  };
  for (const f of all) {
    if (ENTITY_SCHEMATA[f.schema]) continue;
    switch (f.schema) {
      case 'Ownership': {
        const holder = ref(f, 'owner'), subject = ref(f, 'asset');
        const span = dates(f);
        const pct = first(f, 'percentage');
        const isVotes = /vot/i.test(first(f, 'ownershipType') ?? '');
        if (pct === undefined) {
          const r: Relation = { id: ownId(f, 'relation'), kind: isVotes ? 'votingRights' : 'shareholding', party: holder, subject, ...span };
          const details = first(f, 'ownershipType') ?? first(f, 'role');
          if (details) r.details = details;
          keep(r as Record<string, unknown>, f);
          relations.push(r);
          break;
        }
        const p = readPercentage(pct, (what) => {
          throw new IoError(`${where}${f.label} field "percentage": ${what}`);
        });
        if (isVotes && !p.range) {
          voting.push({ f, holder, subject, value: p.value, span });
          break;
        }
        const h: Holding = { id: ownId(f, 'ownership'), holder, subject, shares: p.value, ...span };
        shareOwnership.set(f.id, h);
        if (p.range) {
          h.sharesRange = p.range;
          h.estimated = true;
        }
        if (/estimat/i.test(first(f, 'status') ?? '')) h.estimated = true;
        keep(h as Record<string, unknown>, f);
        holdings.push(h);
        break;
      }
      case 'Directorship': {
        const party = ref(f, 'director'), subject = ref(f, 'organization');
        const role = first(f, 'role');
        // Our export writes "director", or "director: <details>" (and so for chairs and officers).
        const ours = role ? Object.entries(DIRECTORSHIP_ROLES).find(([, w]) => role === w || role.startsWith(`${w}: `)) : undefined;
        const kind = ours ? (ours[0] as RelationKind) : directorshipKind(role);
        const r: Relation = { id: ownId(f, 'relation'), kind, party, subject, ...dates(f) };
        if (ours && role !== ours[1]) r.details = role!.slice(ours[1].length + 2);
        else if (!ours && role) r.details = role;
        keep(r as Record<string, unknown>, f);
        relations.push(r);
        break;
      }
      case 'UnknownLink':
      case 'Membership': {
        const [a, b] = f.schema === 'UnknownLink' ? ['subject', 'object'] : ['member', 'organization'];
        const party = ref(f, a), subject = ref(f, b);
        const role = first(f, 'role') ?? (f.schema === 'Membership' ? 'member' : undefined);
        const span = dates(f);
        const control = role && new RegExp(`^(${JOINT_CONTROL_ROLE}|${CONTROL_ROLE})(?::\\s*(.*))?$`).exec(role);
        if (control) {
          const joint = control[1] === JOINT_CONTROL_ROLE;
          // Our export writes an agreement of several parties as one link per party, "<agreement id>/<party>".
          const fid = ownId(f, 'agreement');
          const id = fid.endsWith(`/${party}`) && fid.length > party.length + 1 ? fid.slice(0, -party.length - 1) : fid;
          const cur = agreements.get(id);
          if (cur) cur.parties.push(party);
          else {
            const ag: Agreement = { id, kind: joint ? 'joint-control' : 'control', parties: [party], subject, ...span };
            if (control[2]) ag.basis = control[2];
            keep(ag as Record<string, unknown>, f);
            agreements.set(id, ag);
          }
          break;
        }
        const declared = role ? DECLARED_ROLE.exec(role) : null;
        if (declared && (declared[1] === 'shareholding' || declared[1] === 'votingRights')) {
          const r: Relation = { id: ownId(f, 'relation'), kind: declared[1], party, subject, directOrIndirect: 'indirect', share: Math.min(100, Number(declared[2])), ...span };
          const through = declared[3] ? jsonOrUndefined(declared[3]) : undefined;
          if (Array.isArray(through) && through.every((x) => typeof x === 'string')) r.through = through as string[];
          if (declared[4]) r.details = declared[4];
          keep(r as Record<string, unknown>, f);
          relations.push(r);
          break;
        }
        const m = role ? /^(\w+)(?: \((direct|ultimate)\))?(?::\s*(.*))?$/s.exec(role) : null;
        const r: Relation = m && RELATION_KINDS.has(m[1])
          ? { id: ownId(f, 'relation'), kind: m[1] as RelationKind, party, subject, ...span }
          : { id: ownId(f, 'relation'), kind: 'otherInfluenceOrControl', party, subject, ...span };
        if (m && RELATION_KINDS.has(m[1])) {
          if (m[2]) r.level = m[2] as 'direct' | 'ultimate';
          if (m[3]) r.details = m[3];
        } else if (role) r.details = role;
        keep(r as Record<string, unknown>, f);
        relations.push(r);
        break;
      }
      case 'Identification': {
        const holder = first(f, 'holder'), number = first(f, 'number');
        const e = holder ? byId.get(holder) : undefined;
        if (!e || !number) {
          skipped.set(f.schema, (skipped.get(f.schema) ?? 0) + 1);
          break;
        }
        (e.identifiers ??= []).push({ scheme: (first(f, 'type') ?? first(f, 'authority') ?? 'ID').slice(0, 100), id: number.slice(0, 200) });
        break;
      }
      default:
        skipped.set(f.schema, (skipped.get(f.schema) ?? 0) + 1);
    }
  }

  // Voting rights join the shareholding of the same owner, asset and period; alone, they stand for shares too.
  for (const v of voting) {
    const mine = v.f.id.endsWith('/votes') ? shareOwnership.get(v.f.id.slice(0, -'/votes'.length)) : undefined;
    const h = mine?.holder === v.holder && mine.subject === v.subject && mine.votes === undefined ? mine : holdings.find((x) => x.holder === v.holder && x.subject === v.subject && x.since === v.span.since && x.until === v.span.until && x.votes === undefined);
    if (h) h.votes = v.value;
    else {
      const made: Holding = { id: v.f.id, holder: v.holder, subject: v.subject, shares: v.value, votes: v.value, estimated: true, ...v.span };
      keep(made as Record<string, unknown>, v.f);
      holdings.push(made);
      warnings.push(`${where}${v.f.label} gives voting rights only — its shares are taken to equal its votes (estimated)`);
    }
  }

  if (!entities.length) throw new IoError(`${where}no Company, Organization, LegalEntity, PublicBody or Person entity found — is this a FollowTheMoney file?`);
  if (placeholders.length) warnings.push(`${where}${placeholders.length} entit${placeholders.length === 1 ? 'y is' : 'ies are'} referred to but not described (${placeholders.slice(0, 3).map((p) => show(p, 40)).join(', ')}${placeholders.length > 3 ? ', …' : ''}) — shown by their ids`);
  if (partialDates) warnings.push(`${where}${partialDates} date${partialDates === 1 ? ' gives' : 's give'} only a year or a month — read as its first day`);
  if (skipped.size) warnings.push(`${where}skipped ${[...skipped].map(([s, n]) => `${n} ${s}`).join(', ')} — only entities, Ownership, Directorship, UnknownLink, Membership and Identification are read`);
  const nameOf = (id: string) => show(byId.get(id)?.name ?? id, 60);
  warnings.push(...fitBands(holdings, where, nameOf, (h) => `Ownership ${show(h.id, 40)}`));
  const over = findOverfull(holdings);
  if (over) throw new IoError(`${where}holdings of ${nameOf(over.subject)} sum to ${fmtPct(over.total)} of ${over.measure}${over.date ? ` on ${over.date}` : ''}, more than 100% — lower a stake`);
  const doc: OwnershipDoc = { ...emptyDoc(fileName ? `Imported from ${fileName}` : 'Imported from FollowTheMoney'), entities, holdings };
  if (agreements.size) doc.agreements = [...agreements.values()];
  if (relations.length) doc.relations = relations;
  try {
    return { doc: parseDoc(doc), warnings };
  } catch (e) {
    rethrowAsIo(e, where);
  }
}
