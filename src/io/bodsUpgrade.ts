// BODS 0.2 and 0.3 (as the Open Ownership register and its pipelines published them) upgraded to the 0.4 record
// model in one step, before anything else reads them; the rest of the importer only knows 0.4. Pure.
//
// - Records: 0.2/0.3 statements have no recordId. A statement that names no `replacesStatements` starts a record whose
//   id is its statementID; one that replaces earlier statements continues the record of the first it replaces, as
//   `updated` (else `new`). recordType follows statementType (entityStatement, personStatement,
//   ownershipOrControlStatement → entity, person, relationship).
// - Entities: entityType (a string) → { type, details: entityTypeDetails }, incorporatedInJurisdiction → jurisdiction;
//   persons: a name of type "individual" → "legal". Other fields keep their names, which 0.4 kept.
// - Relationships: subject.describedByEntityStatement and interestedParty.describedBy{Entity,Person}Statement → the
//   record ids of those statements; interestedParty.unspecified → an unspecified record; componentStatementIDs →
//   componentRecords. Interests: interestLevel → directOrIndirect; 0.2's kebab-case types → 0.4 names (settlor-of-trust
//   → settlor, beneficiary-of-trust → beneficiaryOfLegalArrangement, other-influence-or-control-of-trust →
//   otherInfluenceOrControl); a type 0.4 does not know → otherInfluenceOrControl, the old type kept in details.
// - Shares: 0.2/0.3 bounds are minimum and maximum with boolean exclusiveMinimum / exclusiveMaximum flags; by the 0.2
//   schema the minimum is inclusive and the maximum exclusive unless the flags say otherwise. They become 0.4's
//   numeric minimum / exclusiveMinimum / maximum / exclusiveMaximum. An exact figure wins over bounds given with it.
// - Unspecified reasons in kebab-case (0.2) → camelCase (0.3, 0.4).
import { INTEREST_TYPES, type InterestType } from './bodsTypes';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a parsed statement is in BODS 0.2/0.3 form (statementType instead of recordType). */
export function isOldStatement(raw: unknown): boolean {
  return isObj(raw) && raw.recordType === undefined && (raw.statementType !== undefined || raw.statementID !== undefined);
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

const OLD_TYPES: Record<string, InterestType> = {
  'settlor-of-trust': 'settlor', 'trustee-of-trust': 'trustee', 'protector-of-trust': 'protector',
  'beneficiary-of-trust': 'beneficiaryOfLegalArrangement', 'other-influence-or-control-of-trust': 'otherInfluenceOrControl',
};

function interest(i: unknown): unknown {
  if (!isObj(i)) return i;
  const { interestLevel, type, share, ...rest } = i;
  const out: Obj = { ...rest };
  if (out.directOrIndirect === undefined && interestLevel !== undefined) out.directOrIndirect = interestLevel;
  if (typeof type === 'string') {
    const t = OLD_TYPES[type] ?? camel(type);
    if (INTEREST_TYPES.includes(t as InterestType)) out.type = t;
    else {
      out.type = 'otherInfluenceOrControl';
      out.details = [`BODS 0.2/0.3 interest type "${type}"`, typeof rest.details === 'string' ? rest.details : ''].filter(Boolean).join(': ');
    }
  } else if (type !== undefined) out.type = type;
  if (isObj(share)) out.share = shareOf(share);
  else if (share !== undefined) out.share = share;
  return out;
}

function shareOf(s: Obj): Obj {
  if (typeof s.exact === 'number') return { exact: s.exact };
  const out: Obj = {};
  const flagged = typeof s.exclusiveMinimum === 'boolean' || typeof s.exclusiveMaximum === 'boolean';
  if (!flagged && (typeof s.exclusiveMinimum === 'number' || typeof s.exclusiveMaximum === 'number')) return { ...s }; // already 0.4
  if (typeof s.minimum === 'number') out[s.exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = s.minimum;
  if (typeof s.maximum === 'number') out[s.exclusiveMaximum === false ? 'maximum' : 'exclusiveMaximum'] = s.maximum;
  return out;
}

function unspecified(u: unknown): unknown {
  if (!isObj(u)) return u;
  return typeof u.reason === 'string' ? { ...u, reason: camel(u.reason) } : u;
}

/**
 * Upgrades BODS 0.2/0.3 statements to 0.4 (see the header); 0.4 statements pass through untouched. Returns the
 * statements and how many were upgraded, for one warning.
 */
export function upgradeStatements(raw: unknown[]): { statements: unknown[]; upgraded: number } {
  if (!raw.some(isOldStatement)) return { statements: raw, upgraded: 0 };
  const recordOf = new Map<string, string>();
  const typeOf = new Map<string, string>();
  let upgraded = 0;
  // First pass: record ids, so a statement can name one that comes later in the file.
  for (const s of raw) {
    if (!isOldStatement(s)) continue;
    const o = s as Obj;
    const id = String(o.statementID ?? '');
    const replaces = Array.isArray(o.replacesStatements) ? o.replacesStatements.filter((x): x is string => typeof x === 'string') : [];
    recordOf.set(id, (replaces.length && recordOf.get(replaces[0])) || replaces[0] || id);
    typeOf.set(id, String(o.statementType));
  }
  const rid = (statementId: unknown) => (typeof statementId === 'string' ? recordOf.get(statementId) ?? statementId : statementId);
  const statements = raw.map((s) => {
    if (!isOldStatement(s)) return s;
    upgraded++;
    const o = s as Obj;
    const id = String(o.statementID ?? '');
    const replaces = Array.isArray(o.replacesStatements) && o.replacesStatements.length > 0;
    const {
      statementID: _id, statementType, replacesStatements: _r, isComponent, publicationDetails, source, annotations, statementDate,
      subject, interestedParty, interests, componentStatementIDs, entityType, entityTypeDetails, incorporatedInJurisdiction, names,
      unspecifiedEntityDetails, unspecifiedPersonDetails, ...details
    } = o;
    const recordType = statementType === 'personStatement' ? 'person' : statementType === 'ownershipOrControlStatement' ? 'relationship' : 'entity';
    const recordDetails: Obj = { isComponent: isComponent === true, ...details };
    if (recordType === 'entity') {
      recordDetails.entityType = isObj(entityType) ? entityType : { type: entityType ?? 'unknownEntity', ...(typeof entityTypeDetails === 'string' ? { details: entityTypeDetails } : {}) };
      if (incorporatedInJurisdiction !== undefined) recordDetails.jurisdiction = incorporatedInJurisdiction;
      if (unspecifiedEntityDetails !== undefined) recordDetails.unspecifiedEntityDetails = unspecified(unspecifiedEntityDetails);
    } else if (recordType === 'person') {
      if (Array.isArray(names)) recordDetails.names = names.map((n) => (isObj(n) && n.type === 'individual' ? { ...n, type: 'legal' } : n));
      if (unspecifiedPersonDetails !== undefined) recordDetails.unspecifiedPersonDetails = unspecified(unspecifiedPersonDetails);
    } else {
      const ref = (v: unknown) => {
        if (!isObj(v)) return v;
        const by = v.describedByEntityStatement ?? v.describedByPersonStatement;
        if (by !== undefined) return rid(by);
        return isObj(v.unspecified) ? unspecified(v.unspecified) : v;
      };
      recordDetails.subject = ref(subject);
      recordDetails.interestedParty = ref(interestedParty);
      if (Array.isArray(interests)) recordDetails.interests = interests.map(interest);
      else if (interests !== undefined) recordDetails.interests = interests;
      if (Array.isArray(componentStatementIDs)) recordDetails.componentRecords = componentStatementIDs.map(rid);
    }
    const recordId = recordOf.get(id) ?? id;
    const subjectId = recordType === 'relationship' && typeof recordDetails.subject === 'string' ? recordDetails.subject : recordId;
    const out: Obj = {
      statementId: id, declarationSubject: subjectId, recordId, recordType, recordStatus: replaces ? 'updated' : 'new', recordDetails,
    };
    if (statementDate !== undefined) out.statementDate = statementDate;
    if (publicationDetails !== undefined) out.publicationDetails = publicationDetails;
    if (source !== undefined) out.source = source;
    if (annotations !== undefined) out.annotations = annotations;
    return out;
  });
  return { statements, upgraded };
}
