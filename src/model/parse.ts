// Parsing: raw JSON → migrated, schema-checked, semantically validated document, or one clear ModelError.
import { documentSchema } from './schema';
import { ModelError } from './errors';
import { migrate } from './migrate';
import { validateDoc } from './validate';
import { bulkRecordsOk } from './fastCheck';
import type { OwnershipDoc } from './types';

/** Describes where a zod issue sits, naming the record by index and id: `holdings[3] "h-x" field "shares"`. */
function where(raw: unknown, path: PropertyKey[]): string {
  if (path.length === 0) return 'the document';
  const [collection, index, ...rest] = path;
  if (typeof index !== 'number') return `field "${String(collection)}"`;
  const record = (raw as Record<string, unknown[]>)[String(collection)]?.[index] as { id?: unknown } | undefined;
  const id = record && typeof record === 'object' && typeof record.id === 'string' ? ` "${record.id}"` : '';
  const field = rest.length ? ` field "${rest.map(String).join('.')}"` : '';
  return `${String(collection)}[${index}]${id}${field}`;
}

/**
 * Parses a document from JSON text or a decoded value; throws ModelError naming the record and field. The result is
 * made of fresh objects (the schema's copies) unless `fresh` says the caller hands over a value nobody else holds
 * (just decoded from text): then records the fast check accepts are kept as they are, in their own key order.
 */
export function parseDoc(input: string | unknown, { fresh = false }: { fresh?: boolean } = {}): OwnershipDoc {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      throw new ModelError(`model/parse: the file is not valid JSON (${(e as Error).message}) — check that it is complete`);
    }
    fresh = true;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ModelError('model/parse: expected a JSON object with "format": "ownership-graph" — is this an ownership document?');
  }
  if ((raw as { format?: unknown }).format !== 'ownership-graph') {
    throw new ModelError('model/parse: field "format" is not "ownership-graph" — this is not an ownership document');
  }
  const migrated = migrate(raw as Record<string, unknown>);
  const doc = (fresh && fastSchema(migrated)) || schemaCheck(migrated);
  validateDoc(doc);
  return doc;
}

/** The document through the zod schema: its copy, or a ModelError naming the first record and field it refuses. */
function schemaCheck(migrated: Record<string, unknown>): OwnershipDoc {
  const result = documentSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelError(`model/parse: ${where(migrated, issue.path)}: ${issue.message}`);
  }
  return result.data as OwnershipDoc;
}

/**
 * The fast path (model/fastCheck.ts): when every entity and holding passes the hand-written check, only the rest of
 * the document goes through zod and the two big arrays are kept as decoded. Null when anything fails: the caller
 * then runs the whole schema, so an error is always zod's, word for word.
 */
function fastSchema(migrated: Record<string, unknown>): OwnershipDoc | null {
  if (!bulkRecordsOk(migrated)) return null;
  const rest = documentSchema.safeParse({ ...migrated, entities: [], holdings: [] });
  if (!rest.success) return null;
  // The schema's copy of the small fields, in its order; the two big arrays as decoded.
  return { ...(rest.data as object), entities: migrated.entities, holdings: migrated.holdings } as OwnershipDoc;
}
