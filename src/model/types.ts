// Types of the ownership document (FORMAT.md), derived from the schema so the two never drift apart.
import type * as z from 'zod/mini';
import type { Op } from './ops';
import type {
  agreementSchema, aliasSchema, decisionRuleSchema, dependencySchema, docScenarioSchema, documentSchema, entitySchema, eventSchema,
  holdingSchema, identifierSchema, rangeSchema, relationSchema, sourceSchema,
} from './schema';

/** The schema's known fields; unknown fields are kept at run time but are not part of the static type. */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

export type Source = Known<z.infer<typeof sourceSchema>>;
export type DecisionRule = z.infer<typeof decisionRuleSchema>;
/** Another name of an entity (former, in its own script, trading). */
export type Alias = Known<z.infer<typeof aliasSchema>>;
/** An identifier of an entity under a scheme (LEI, a company number, a listing code). */
export type Identifier = Known<z.infer<typeof identifierSchema>>;
export type Entity = Omit<Known<z.infer<typeof entitySchema>>, 'aliases' | 'identifiers'> & { aliases?: Alias[]; identifiers?: Identifier[] };
export type Holding = Known<z.infer<typeof holdingSchema>>;
export type Agreement = Known<z.infer<typeof agreementSchema>>;
/** A published band of a holding's figure (min–max, bounds inclusive unless marked exclusive). */
export type HoldingRange = Known<z.infer<typeof rangeSchema>>;
/** An interest with no ownership figure (trustee, nominee, consolidation…), kept as a typed record. */
export type Relation = Known<z.infer<typeof relationSchema>>;
export type RelationKind = Relation['kind'];
export type Dependency = Known<z.infer<typeof dependencySchema>>;
export type OwnershipEvent = Known<z.infer<typeof eventSchema>>;
/** A user scenario saved with the document; its operations are checked when replayed. */
export type DocScenario = Omit<Known<z.infer<typeof docScenarioSchema>>, 'ops'> & { ops: Op[] };
export type OwnershipDoc = Omit<Known<z.infer<typeof documentSchema>>, 'entities' | 'holdings' | 'agreements' | 'relations' | 'dependencies' | 'events' | 'scenarios'> & {
  entities: Entity[];
  holdings: Holding[];
  agreements?: Agreement[];
  relations?: Relation[];
  dependencies?: Dependency[];
  events?: OwnershipEvent[];
  scenarios?: DocScenario[];
};
export type EntityKind = NonNullable<Entity['kind']>;
export type DependencyKind = Dependency['kind'];

/** The current document format version; older documents are migrated on load. */
export const CURRENT_VERSION = 1;

/** An empty, valid document. */
export function emptyDoc(title = 'Untitled graph'): OwnershipDoc {
  return { format: 'ownership-graph', version: CURRENT_VERSION, title, entities: [], holdings: [], agreements: [], dependencies: [], events: [] };
}
