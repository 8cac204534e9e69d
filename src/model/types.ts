// Types of the ownership document (FORMAT.md), derived from the schema so the two never drift apart.
import type { z } from 'zod';
import type {
  agreementSchema, decisionRuleSchema, dependencySchema, documentSchema, entitySchema, eventSchema,
  holdingSchema, sourceSchema,
} from './schema';

export type Source = z.infer<typeof sourceSchema>;
export type DecisionRule = z.infer<typeof decisionRuleSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Holding = z.infer<typeof holdingSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Dependency = z.infer<typeof dependencySchema>;
export type OwnershipEvent = z.infer<typeof eventSchema>;
export type OwnershipDoc = z.infer<typeof documentSchema>;
export type EntityKind = NonNullable<Entity['kind']>;
export type DependencyKind = Dependency['kind'];

/** The current document format version; older documents are migrated on load. */
export const CURRENT_VERSION = 1;

/** An empty, valid document. */
export function emptyDoc(title = 'Untitled graph'): OwnershipDoc {
  return { format: 'ownership-graph', version: CURRENT_VERSION, title, entities: [], holdings: [], agreements: [], dependencies: [], events: [] };
}
