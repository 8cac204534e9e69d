// The ownership document's schema (FORMAT.md), as zod validators; unknown fields pass through untouched.
import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

const percent = z.number({ error: 'must be a number' }).finite('must be finite').min(0, 'must be at least 0').max(100, 'must be at most 100');

export const sourceSchema = z.looseObject({
  title: z.string().optional(),
  url: z.string().optional(),
  date: isoDate.optional(),
});

const sources = z.array(sourceSchema).optional();
const id = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters');

export const entityKinds = ['company', 'person', 'state', 'fund', 'float', 'other'] as const;
export const agreementKinds = ['control', 'joint-control'] as const;
export const dependencyKinds = ['it-operations', 'cloud-hosting', 'data-storage', 'authentication', 'outsourcing', 'other'] as const;
export const eventKinds = ['incident', 'regulatory', 'corporate', 'other'] as const;
/**
 * Kinds of relation: an interest with no ownership figure, named as in BODS 0.4's interestType codelist, plus
 * `consolidation` (accounting consolidation, IFRS 10; GLEIF "IS_DIRECTLY/ULTIMATELY_CONSOLIDATED_BY").
 */
export const relationKinds = [
  'consolidation', 'trustee', 'settlor', 'protector', 'beneficiaryOfLegalArrangement', 'nominee', 'nominator',
  'boardMember', 'boardChair', 'seniorManagingOfficial', 'appointmentOfBoard', 'otherInfluenceOrControl',
  'rightsToSurplusAssetsOnDissolution', 'rightsToProfitOrIncome', 'rightsGrantedByContract', 'conditionalRightsGrantedByContract',
  'controlViaCompanyRulesOrArticles', 'controlByLegalFramework', 'enjoymentAndUseOfAssets', 'rightToProfitOrIncomeFromAssets',
  'unknownInterest', 'unpublishedInterest', 'shareholding', 'votingRights',
] as const;

export const decisionRuleSchema = z.union([
  z.strictObject({ moreThan: percent }),
  z.strictObject({ atLeast: percent }),
]);

const dated = { since: isoDate.nullish(), until: isoDate.nullish() };

export const entitySchema = z.looseObject({
  id,
  name: z.string().max(500, 'is longer than 500 characters').refine((x) => x.trim().length > 0, 'must not be empty'),
  kind: z.enum(entityKinds).optional(),
  jurisdiction: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as JP').optional(),
  listed: z.boolean().optional(),
  boardSize: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000).optional(),
  decisionRule: decisionRuleSchema.optional(),
  notes: z.string().optional(),
  sources,
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }).optional(),
});

/** A published band (UK PSC "25–50%"): bounds 0–100, each inclusive unless marked exclusive; min below max. */
export const rangeSchema = z.looseObject({
  min: percent,
  max: percent,
  minExclusive: z.boolean().optional(),
  maxExclusive: z.boolean().optional(),
}).refine((r) => r.min < r.max, 'must have min below max — an exact figure needs no range');

export const holdingSchema = z.looseObject({
  id,
  holder: id,
  subject: id,
  shares: percent,
  votes: percent.optional(),
  /** The band the shares figure was published as; `shares` is then the point analysed (bods.ts documents it). */
  sharesRange: rangeSchema.optional(),
  votesRange: rangeSchema.optional(),
  boardSeats: z.number().int('must be a whole number').min(0, 'must be at least 0').optional(),
  ...dated,
  estimated: z.boolean().optional(),
  notes: z.string().optional(),
  sources,
});

export const agreementSchema = z.looseObject({
  id,
  kind: z.enum(agreementKinds),
  parties: z.array(id).min(1, 'needs at least one party'),
  subject: id,
  basis: z.string().optional(),
  ...dated,
  notes: z.string().optional(),
  sources,
});

/**
 * A relation: an interest with no ownership figure (trustee, nominee, board member, consolidation…), kept typed
 * so it is drawn, listed and exported back. `party` is absent only when the interested party is unspecified
 * (`unspecified` then gives the reason). Only `consolidation` enters the control analysis.
 */
export const relationSchema = z.looseObject({
  id,
  kind: z.enum(relationKinds),
  party: id.optional(),
  unspecified: z.string().optional(),
  subject: id,
  /** For consolidation: the direct or the ultimate accounting parent (GLEIF). */
  level: z.enum(['direct', 'ultimate']).optional(),
  directOrIndirect: z.enum(['direct', 'indirect', 'unknown']).optional(),
  details: z.string().optional(),
  ...dated,
  notes: z.string().optional(),
  sources,
});

export const dependencySchema = z.looseObject({
  id,
  provider: id,
  client: id,
  kind: z.enum(dependencyKinds),
  ...dated,
  notes: z.string().optional(),
  sources,
});

export const eventSchema = z.looseObject({
  id,
  date: isoDate,
  kind: z.enum(eventKinds).optional(),
  title: z.string().min(1, 'must not be empty'),
  entities: z.array(id).optional(),
  notes: z.string().optional(),
  sources,
});

/** A scenario saved with the document: a named list of operations, checked when it is replayed. */
export const docScenarioSchema = z.looseObject({
  id,
  title: z.string().max(500, 'is longer than 500 characters').refine((x) => x.trim().length > 0, 'must not be empty'),
  description: z.string().optional(),
  /** The view date at which the scenario is meant to be seen. */
  date: isoDate.optional(),
  ops: z.array(z.looseObject({ type: z.string().min(1, 'must not be empty') })),
});

export const documentSchema = z.looseObject({
  format: z.literal('ownership-graph', { error: 'must be "ownership-graph"' }),
  version: z.number().int().min(1),
  title: z.string().optional(),
  asOf: isoDate.optional(),
  entities: z.array(entitySchema),
  holdings: z.array(holdingSchema),
  agreements: z.array(agreementSchema).optional(),
  relations: z.array(relationSchema).optional(),
  dependencies: z.array(dependencySchema).optional(),
  events: z.array(eventSchema).optional(),
  scenarios: z.array(docScenarioSchema).optional(),
});
