// The shapes of BODS 0.4 statements (Open Ownership, schema/statement.json and the entity, person and relationship
// record schemas) that this app reads and writes, plus the annotation that carries what BODS cannot say.
import type { Agreement, Entity, Holding, Relation } from '../model';

/** The BODS version written in publicationDetails. */
export const BODS_VERSION = '0.4';

/** The basis given to control agreements made from a BODS appointmentOfBoard interest. */
export const BOARD_BASIS = 'appointment of board (BODS)';
/** How exported control agreements start their interest details, so they are recognised without our annotation. */
export const AGREEMENT_DETAILS = 'control by agreement';

/** Closed codelists of BODS 0.4 (recordType, recordStatus, entityType, personType, directOrIndirect). */
export const RECORD_TYPES = ['entity', 'person', 'relationship'] as const;
export const RECORD_STATUSES = ['new', 'updated', 'closed'] as const;
export const ENTITY_TYPES = ['registeredEntity', 'legalEntity', 'arrangement', 'anonymousEntity', 'unknownEntity', 'state', 'stateBody'] as const;
export const PERSON_TYPES = ['knownPerson', 'anonymousPerson', 'unknownPerson'] as const;
export const DIRECT_OR_INDIRECT = ['direct', 'indirect', 'unknown'] as const;
/** The interestType codelist of BODS 0.4. */
export const INTEREST_TYPES = [
  'shareholding', 'votingRights', 'appointmentOfBoard', 'otherInfluenceOrControl', 'seniorManagingOfficial', 'settlor',
  'trustee', 'protector', 'beneficiaryOfLegalArrangement', 'rightsToSurplusAssetsOnDissolution', 'rightsToProfitOrIncome',
  'rightsGrantedByContract', 'conditionalRightsGrantedByContract', 'controlViaCompanyRulesOrArticles',
  'controlByLegalFramework', 'boardMember', 'boardChair', 'unknownInterest', 'unpublishedInterest',
  'enjoymentAndUseOfAssets', 'rightToProfitOrIncomeFromAssets', 'nominee', 'nominator',
] as const;

/** Members of the codelists above. */
export type RecordType = (typeof RECORD_TYPES)[number];
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export type EntityType = (typeof ENTITY_TYPES)[number];
export type InterestType = (typeof INTEREST_TYPES)[number];

/** A percentage share: exact, or a range with inclusive or exclusive bounds. */
export interface BodsShare {
  exact?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** One interest of a relationship statement. */
export interface BodsInterest {
  type?: InterestType;
  directOrIndirect?: (typeof DIRECT_OR_INDIRECT)[number];
  beneficialOwnershipOrControl?: boolean;
  details?: string;
  share?: BodsShare;
  startDate?: string;
  endDate?: string;
}

/** A statement annotation; extension properties are allowed by the standard. */
export interface BodsAnnotation {
  statementPointerTarget: string;
  motivation: 'commenting' | 'correcting' | 'identifying' | 'linking' | 'transformation';
  description?: string;
  [extension: string]: unknown;
}

/** Who published a statement, when, under which BODS version. */
export interface BodsPublicationDetails {
  publicationDate: string;
  bodsVersion: string;
  publisher: { name?: string; url?: string };
}

/** Where a statement's information came from. */
export interface BodsSource {
  type?: string[];
  description?: string;
  url?: string;
  retrievedAt?: string;
}

/** A BODS 0.4 statement: one claim about an entity, person or relationship record on a date. */
export interface BodsStatement {
  statementId: string;
  declarationSubject: string;
  statementDate?: string;
  recordId: string;
  recordType: RecordType;
  recordStatus?: RecordStatus;
  recordDetails: Record<string, unknown>;
  publicationDetails?: BodsPublicationDetails;
  source?: BodsSource;
  annotations?: BodsAnnotation[];
}

/** A share kept as a range when BODS gives bounds instead of an exact figure; analysed at its midpoint. */
export interface ShareRange {
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/**
 * The annotation extension (BODS allows "additional extended properties" on annotations) that carries what BODS has
 * no place for (entity kind, decision rule, board size, seats, notes, sources, agreement kinds, unknown fields), so
 * a round trip loses nothing. Fields the standard already says (names, jurisdictions, parties, subjects, figures,
 * dates) are left out of it and always read from the standard fields.
 */
export const EXTENSION = 'ownershipGraph';
/** The annotation's human-readable description. */
export const EXTENSION_NOTE = 'ownership-graph record data (extension)';

/** A record minus the fields its statement already carries; `id` is always kept. */
export type Carried =
  | { kind: 'entity'; record: Entity }
  | { kind: 'holding'; record: Holding }
  | { kind: 'agreement'; record: Agreement }
  | { kind: 'relation'; record: Relation };

/** Fields the standard carries for each kind of record (dates only when set: an explicit null must survive). */
const MAPPED: Record<Carried['kind'], string[]> = {
  entity: ['name', 'jurisdiction'],
  holding: ['holder', 'subject', 'shares', 'votes', 'sharesRange', 'votesRange', 'indirect'],
  agreement: ['subject'],
  relation: ['kind', 'party', 'unspecified', 'subject', 'level', 'directOrIndirect', 'details'],
};

/** The annotation carrying `c` (without the fields the statement itself carries). */
export function carry(c: Carried, alsoMapped: string[] = []): BodsAnnotation {
  const record: Record<string, unknown> = { ...c.record };
  for (const k of [...MAPPED[c.kind], ...alsoMapped]) delete record[k];
  if (c.kind !== 'entity') for (const k of ['since', 'until']) if (typeof record[k] === 'string') delete record[k];
  return { statementPointerTarget: '/', motivation: 'commenting', description: EXTENSION_NOTE, [EXTENSION]: { kind: c.kind, record } };
}

/** The record carried by a statement's annotations, if any (checked only for shape; the model validates it later). */
export function carried(annotations: unknown): Carried | undefined {
  if (!Array.isArray(annotations)) return undefined;
  for (const a of annotations) {
    const c = a && typeof a === 'object' ? (a as Record<string, unknown>)[EXTENSION] : undefined;
    if (!c || typeof c !== 'object') continue;
    const { kind, record } = c as { kind?: unknown; record?: unknown };
    if ((kind === 'entity' || kind === 'holding' || kind === 'agreement' || kind === 'relation') && record && typeof record === 'object' && !Array.isArray(record)
      && typeof (record as { id?: unknown }).id === 'string') {
      return c as Carried;
    }
  }
  return undefined;
}

/** Extra fields BODS import adds to entities (kept by the model as unknown fields, written back on export). */
export type BodsEntity = Entity & { bods?: Record<string, unknown> };

/** Extra fields BODS import adds to holdings: the share ranges, the indirect flag and the BODS ids. */
export type BodsHolding = Holding & { sharesRange?: ShareRange; votesRange?: ShareRange; indirect?: boolean; bods?: Record<string, unknown> };
