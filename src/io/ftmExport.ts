// An ownership document → FollowTheMoney JSON lines (one entity per line), which importFtm reads back to the same
// entities, holdings, agreements and relations: entities as Company / Organization / PublicBody / Person (a fund as a
// Company and a float as a LegalEntity, told apart by legalForm), other names as alias and previousName, identifiers
// as their FtM property (leiCode, registrationNumber…) or, for schemes FtM has no property for (TSE, KRX, EDINET,
// DART…), as an Identification; holdings as Ownership (votes, when recorded, as a second Ownership of ownershipType
// "voting rights"); board relations as Directorship; agreements and other relations as UnknownLink with the role
// saying what they are. FtM properties kept from an import (`ftm`) are written back. Dependencies, events, relations
// with an unspecified party and what FtM has no property for (decision rules, board sizes, positions) are not
// written. Pure.
import type { Entity, OwnershipDoc } from '../model';
import { CONTROL_ROLE, DIRECTORSHIP_ROLES, ENTITY_SCHEMATA, ID_PROPERTIES, JOINT_CONTROL_ROLE, SCHEMA_OF_KIND, propertyOfScheme, type FtmEntity } from './ftmTypes';

type Props = Record<string, string[]>;

/** The properties kept from an import under `ftm`, if any. */
function kept(rec: object): { schema?: string; properties?: Props } {
  const f = (rec as { ftm?: unknown }).ftm;
  return f && typeof f === 'object' ? (f as { schema?: string; properties?: Props }) : {};
}

/** Adds values to a property list, skipping blanks and values already there. */
function put(p: Props, key: string, ...values: (string | undefined | null)[]) {
  for (const v of values) {
    if (v === undefined || v === null || v === '') continue;
    const list = (p[key] ??= []);
    if (!list.includes(v)) list.push(v);
  }
}

/** Adds the properties kept from the record's import after its own, so a re-export writes them in the same order. */
function merge(p: Props, rec: object): Props {
  for (const [k, v] of Object.entries(kept(rec).properties ?? {})) put(p, k, ...v);
  return p;
}

function linkCommon(p: Props, r: { since?: string | null; until?: string | null; notes?: string; sources?: { url?: string }[] }) {
  put(p, 'startDate', r.since);
  put(p, 'endDate', r.until);
  put(p, 'summary', r.notes);
  for (const s of r.sources ?? []) put(p, 'sourceUrl', s.url);
}

/** The FtM entity (and Identifications) for one of ours. */
function entityOut(e: Entity): FtmEntity[] {
  const kind = e.kind ?? 'company';
  const keptSchema = kept(e).schema;
  const target = SCHEMA_OF_KIND[kind];
  const schema = keptSchema && ENTITY_SCHEMATA[keptSchema] === (target.legalForm ? ENTITY_SCHEMATA[target.schema] : kind) ? keptSchema : target.schema;
  const p: Props = {};
  put(p, 'name', e.name);
  if (target.legalForm && !p.legalForm?.some((f) => f.toLowerCase() === target.legalForm)) put(p, 'legalForm', target.legalForm);
  put(p, 'jurisdiction', e.jurisdiction?.toLowerCase());
  put(p, 'notes', e.notes);
  for (const s of e.sources ?? []) put(p, 'sourceUrl', s.url);
  for (const a of e.aliases ?? []) if (a.kind !== 'former') put(p, (a as { ftmProperty?: string }).ftmProperty === 'weakAlias' ? 'weakAlias' : 'alias', a.name);
  for (const a of e.aliases ?? []) if (a.kind === 'former') put(p, 'previousName', a.name);
  merge(p, e);
  const out: FtmEntity[] = [{ id: e.id, schema, properties: p }];
  let n = 0;
  // Identifier properties in a fixed order (as importFtm reads them), so a re-export writes the same line.
  const ids = (e.identifiers ?? []).map((i) => ({ i, prop: propertyOfScheme(i.scheme) }));
  for (const prop of Object.keys(ID_PROPERTIES)) for (const x of ids) if (x.prop === prop) put(p, prop, x.i.id);
  for (const { i, prop } of ids) {
    if (!prop) out.push({ id: `${e.id}/identification/${++n}`, schema: 'Identification', properties: { holder: [e.id], number: [i.id], type: [i.scheme] } });
  }
  return out;
}

/** The document as FtM entities, in the order: entities (with their Identifications), holdings, agreements, relations. */
export function exportFtmEntities(doc: OwnershipDoc): FtmEntity[] {
  const out: FtmEntity[] = [];
  for (const e of doc.entities) out.push(...entityOut(e));
  // FtM ids are unique across the file, ours per kind: a link whose id is taken gets its kind as a prefix
  // ("ownership:h1"), which importFtm drops again.
  const used = new Set(out.map((e) => e.id));
  const own = (kind: string, id: string): string => {
    let x = used.has(id) ? `${kind}:${id}` : id;
    for (let n = 2; used.has(x); n++) x = `${kind}:${id}:${n}`;
    used.add(x);
    return x;
  };
  for (const h of doc.holdings) {
    const p: Props = {};
    put(p, 'owner', h.holder);
    put(p, 'asset', h.subject);
    p.percentage = [h.sharesRange ? `${h.sharesRange.min}-${h.sharesRange.max}` : String(h.shares)];
    if (h.estimated && !h.sharesRange) put(p, 'status', 'estimated');
    linkCommon(p, h);
    merge(p, h);
    // "estimated" in status is how importFtm reads the flag back (a band is estimated by itself): not kept otherwise.
    if (!h.estimated && p.status) {
      p.status = p.status.filter((x) => !/estimat/i.test(x));
      if (!p.status.length) delete p.status;
    }
    const id = own('ownership', h.id);
    out.push({ id, schema: 'Ownership', properties: p });
    if (h.votes !== undefined) {
      const v: Props = { owner: [h.holder], asset: [h.subject], percentage: [String(h.votes)], ownershipType: ['voting rights'] };
      put(v, 'startDate', h.since);
      put(v, 'endDate', h.until);
      out.push({ id: own('ownership', `${id}/votes`), schema: 'Ownership', properties: v });
    }
  }
  for (const a of doc.agreements ?? []) {
    const role = `${a.kind === 'joint-control' ? JOINT_CONTROL_ROLE : CONTROL_ROLE}${a.basis ? `: ${a.basis}` : ''}`;
    for (const party of a.parties) {
      const p: Props = {};
      put(p, 'subject', party);
      put(p, 'object', a.subject);
      p.role = [role];
      linkCommon(p, a);
      merge(p, a);
      out.push({ id: own('agreement', a.parties.length > 1 ? `${a.id}/${party}` : a.id), schema: 'UnknownLink', properties: p });
    }
  }
  for (const r of doc.relations ?? []) {
    if (r.party === undefined) continue;
    const p: Props = {};
    const board = DIRECTORSHIP_ROLES[r.kind];
    if (board) {
      put(p, 'director', r.party);
      put(p, 'organization', r.subject);
      p.role = [r.details ? `${board}: ${r.details}` : board];
    } else {
      put(p, 'subject', r.party);
      put(p, 'object', r.subject);
      // A declared indirect interest says its figure and intermediaries in the role (ftmImport reads them back).
      const declared = r.directOrIndirect === 'indirect' && r.share !== undefined ? ` (indirect ${r.share}%${r.through?.length ? `, through ${JSON.stringify(r.through)}` : ''})` : '';
      p.role = [`${r.kind}${r.level ? ` (${r.level})` : declared}${r.details ? `: ${r.details}` : ''}`];
    }
    linkCommon(p, r);
    merge(p, r);
    out.push({ id: own('relation', r.id), schema: board ? 'Directorship' : 'UnknownLink', properties: p });
  }
  return out;
}

/** The document as FtM JSON lines (`.ftm.jsonl`), one entity per line, ending with a newline. */
export function exportFtm(doc: OwnershipDoc): string {
  return exportFtmEntities(doc).map((e) => JSON.stringify(e)).join('\n') + '\n';
}
