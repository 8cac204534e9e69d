// The ownership document's schema (FORMAT.md), as zod validators; unknown fields pass through untouched. Written with
// zod/mini (functional checks, tree-shaken) so the validators cost the first load a fraction of classic zod.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { isCalendarDate } from './dates';
import { coordinateProblem } from './positions';

// zod/mini carries no messages of its own: its English ones name what a refused value should have been.
z.config(en());

export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD'),
  z.refine((s: string) => isCalendarDate(s), 'is not a real calendar date'),
);

/** A percentage 0–100 (zod's numbers refuse NaN and ±Infinity with the type error: "must be a number"). */
const percent = z.number({ error: 'must be a number' }).check(z.gte(0, 'must be at least 0'), z.lte(100, 'must be at most 100'));

export const sourceSchema = z.looseObject({
  title: z.optional(z.string()),
  url: z.optional(z.string()),
  date: z.optional(isoDate),
});

/** A position's coordinate (model/positions.ts): a finite number near enough to the origin to be drawn. */
const coordinate = z.number({ error: 'must be a number' }).check(
  z.superRefine((v: number, ctx) => {
    const problem = coordinateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v });
  }),
);

const sources = z.optional(z.array(sourceSchema));
const id = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'is longer than 200 characters'));

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

const dated = { since: z.nullish(isoDate), until: z.nullish(isoDate) };

export const aliasKinds = ['former', 'local', 'trading', 'other'] as const;

const nonEmptyName = z.string().check(z.maxLength(500, 'is longer than 500 characters'), z.refine((x: string) => x.trim().length > 0, 'must not be empty'));

/** Another name of an entity: a former name (with the date it stopped), a name in its own script, a trading name. */
export const aliasSchema = z.looseObject({
  name: nonEmptyName,
  kind: z.optional(z.enum(aliasKinds)),
  /** BCP 47 language of the name (ja, ko, zh-Hant…), where known. */
  lang: z.optional(z.string()),
  ...dated,
  sources,
});

/** An identifier under a scheme: LEI, a national company number, a listing code (TSE, KRX), EDINET or DART codes. */
export const identifierSchema = z.looseObject({
  scheme: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(100, 'is longer than 100 characters')),
  id: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(200, 'is longer than 200 characters')),
  sources,
});

export const entitySchema = z.looseObject({
  id,
  name: z.string().check(z.maxLength(500, 'is longer than 500 characters'), z.refine((x: string) => x.trim().length > 0, 'must not be empty')),
  kind: z.optional(z.enum(entityKinds)),
  jurisdiction: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as JP'))),
  listed: z.optional(z.boolean()),
  boardSize: z.optional(z.number().check(z.int('must be a whole number'), z.gte(1, 'must be at least 1'), z.lte(10_000))),
  decisionRule: z.optional(decisionRuleSchema),
  notes: z.optional(z.string()),
  sources,
  aliases: z.optional(z.array(aliasSchema)),
  identifiers: z.optional(z.array(identifierSchema)),
  position: z.optional(z.strictObject({ x: coordinate, y: coordinate })),
});

/** A published band (UK PSC "25–50%"): bounds 0–100, each inclusive unless marked exclusive; min below max. */
export const rangeSchema = z.looseObject({
  min: percent,
  max: percent,
  minExclusive: z.optional(z.boolean()),
  maxExclusive: z.optional(z.boolean()),
}).check(z.refine((r: { min: number; max: number }) => r.min < r.max, 'must have min below max — an exact figure needs no range'));

export const holdingSchema = z.looseObject({
  id,
  holder: id,
  subject: id,
  shares: percent,
  votes: z.optional(percent),
  /** The band the shares figure was published as; `shares` is then the point analysed (bods.ts documents it). */
  sharesRange: z.optional(rangeSchema),
  votesRange: z.optional(rangeSchema),
  boardSeats: z.optional(z.number().check(z.int('must be a whole number'), z.gte(0, 'must be at least 0'))),
  ...dated,
  estimated: z.optional(z.boolean()),
  notes: z.optional(z.string()),
  sources,
});

export const agreementSchema = z.looseObject({
  id,
  kind: z.enum(agreementKinds),
  parties: z.array(id).check(z.minLength(1, 'needs at least one party')),
  subject: id,
  basis: z.optional(z.string()),
  ...dated,
  notes: z.optional(z.string()),
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
  party: z.optional(id),
  unspecified: z.optional(z.string()),
  subject: id,
  /** For consolidation: the direct or the ultimate accounting parent (GLEIF). */
  level: z.optional(z.enum(['direct', 'ultimate'])),
  directOrIndirect: z.optional(z.enum(['direct', 'indirect', 'unknown'])),
  /** A declared indirect shareholding or voting rights: the declared figure (%) and the intermediaries it runs through. */
  share: z.optional(percent),
  through: z.optional(z.array(id)),
  details: z.optional(z.string()),
  ...dated,
  notes: z.optional(z.string()),
  sources,
});

export const dependencySchema = z.looseObject({
  id,
  provider: id,
  client: id,
  kind: z.enum(dependencyKinds),
  ...dated,
  notes: z.optional(z.string()),
  sources,
});

export const eventSchema = z.looseObject({
  id,
  date: isoDate,
  kind: z.optional(z.enum(eventKinds)),
  title: z.string().check(z.minLength(1, 'must not be empty')),
  entities: z.optional(z.array(id)),
  notes: z.optional(z.string()),
  sources,
});

/** A scenario saved with the document: a named list of operations, checked when it is replayed. */
export const docScenarioSchema = z.looseObject({
  id,
  title: z.string().check(z.maxLength(500, 'is longer than 500 characters'), z.refine((x: string) => x.trim().length > 0, 'must not be empty')),
  description: z.optional(z.string()),
  /** The view date at which the scenario is meant to be seen. */
  date: z.optional(isoDate),
  ops: z.array(z.looseObject({ type: z.string().check(z.minLength(1, 'must not be empty')) })),
});

export const documentSchema = z.looseObject({
  format: z.literal('ownership-graph', { error: 'must be "ownership-graph"' }),
  version: z.number().check(z.int(), z.gte(1)),
  title: z.optional(z.string()),
  asOf: z.optional(isoDate),
  entities: z.array(entitySchema),
  holdings: z.array(holdingSchema),
  agreements: z.optional(z.array(agreementSchema)),
  relations: z.optional(z.array(relationSchema)),
  dependencies: z.optional(z.array(dependencySchema)),
  events: z.optional(z.array(eventSchema)),
  scenarios: z.optional(z.array(docScenarioSchema)),
});
