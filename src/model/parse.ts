// Parsing: raw JSON → migrated, schema-checked, semantically validated document, or one clear ModelError.
import { documentSchema } from './schema';
import { ModelError } from './errors';
import { migrate } from './migrate';
import { validateDoc } from './validate';
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

/** Parses a document from JSON text or a decoded value; throws ModelError naming the record and field. */
export function parseDoc(input: string | unknown): OwnershipDoc {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      throw new ModelError(`model/parse: the file is not valid JSON (${(e as Error).message}) — check that it is complete`);
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ModelError('model/parse: expected a JSON object with "format": "ownership-graph" — is this an ownership document?');
  }
  if ((raw as { format?: unknown }).format !== 'ownership-graph') {
    throw new ModelError('model/parse: field "format" is not "ownership-graph" — this is not an ownership document');
  }
  const migrated = migrate(raw as Record<string, unknown>);
  const result = documentSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelError(`model/parse: ${where(migrated, issue.path)}: ${issue.message}`);
  }
  const doc = result.data as OwnershipDoc;
  validateDoc(doc);
  return doc;
}
