// FollowTheMoney (FtM, the entity format of Aleph and OpenSanctions) as this app reads and writes it: which schemata
// become entities, holdings and relations, and which FtM properties hold identifiers. Property names follow the FtM
// schema definitions (alephdata/followthemoney, followthemoney/schema/*.yaml: Thing, LegalEntity, Company, Person,
// Ownership, Directorship, Interval, Identification, UnknownLink). Pure data.
import type { EntityKind, RelationKind } from '../model';

/** One FtM entity as it travels in JSON lines: every property a list of strings (entity references as ids). */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Schemata read as entities, and the kind each becomes (a Company whose legalForm is "fund" becomes a fund). */
export const ENTITY_SCHEMATA: Record<string, EntityKind> = {
  Company: 'company',
  Organization: 'other',
  LegalEntity: 'other',
  PublicBody: 'state',
  Person: 'person',
};

/** The schema each kind is written as; `legalForm` marks the kinds FtM has no schema for. */
export const SCHEMA_OF_KIND: Record<EntityKind, { schema: string; legalForm?: string }> = {
  company: { schema: 'Company' },
  other: { schema: 'Organization' },
  state: { schema: 'PublicBody' },
  person: { schema: 'Person' },
  fund: { schema: 'Company', legalForm: 'fund' },
  float: { schema: 'LegalEntity', legalForm: 'public float' },
};

/**
 * FtM identifier properties (LegalEntity, Company, Thing) and the scheme name the app uses for each. An identifier
 * whose scheme has no property here (a TSE listing code, an EDINET or DART code) is written as an Identification
 * entity (holder, number, type), and read back from one.
 */
export const ID_PROPERTIES: Record<string, string> = {
  leiCode: 'LEI',
  registrationNumber: 'registration number',
  idNumber: 'ID number',
  taxNumber: 'tax number',
  vatCode: 'VAT',
  dunsCode: 'DUNS',
  swiftBic: 'SWIFT/BIC',
  isinCode: 'ISIN',
  ticker: 'ticker',
  innCode: 'INN',
  ogrnCode: 'OGRN',
  okpoCode: 'OKPO',
  cikCode: 'CIK',
  irsCode: 'IRS',
  bvdId: 'BvD',
  permId: 'PermID',
  uniqueEntityId: 'UEI',
  wikidataId: 'Wikidata',
};

/** The FtM property for a scheme, if there is one (case-insensitive). */
export function propertyOfScheme(scheme: string): string | undefined {
  const s = scheme.toLowerCase();
  for (const [prop, name] of Object.entries(ID_PROPERTIES)) if (name.toLowerCase() === s) return prop;
  return undefined;
}

/** Relation kinds written as a Directorship (director → organization, role = the kind's words). */
export const DIRECTORSHIP_ROLES: Partial<Record<RelationKind, string>> = {
  boardMember: 'director',
  boardChair: 'chair of the board',
  seniorManagingOfficial: 'senior managing official',
};

/** The relation kind a Directorship's role reads as: chairs, officers and managers apart; directors otherwise. */
export function directorshipKind(role: string | undefined): RelationKind {
  const r = (role ?? '').toLowerCase();
  if (/chair/.test(r)) return 'boardChair';
  if (/officer|manag|executive|ceo|president|secretary/.test(r)) return 'seniorManagingOfficial';
  return 'boardMember';
}

/** The UnknownLink role our export writes for a control agreement ("control by agreement: <basis>"). */
export const CONTROL_ROLE = 'control by agreement';
/** The role for each party of a joint-control agreement. */
export const JOINT_CONTROL_ROLE = 'joint control by agreement';
