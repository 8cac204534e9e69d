// The native format (*.ownership.json, FORMAT.md): pretty, stable JSON out; size-guarded, validated document in.
import { parseDoc, type OwnershipDoc } from '../model';
import { rethrowAsIo } from './errors';
import { checkSize } from './limits';
import { checkNesting, stripBom } from './text';

/** The document as pretty JSON: keys in the document's own order, unknown fields kept, newline-terminated. */
export function serializeDoc(doc: OwnershipDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * `parsed` with every object's keys in the order `raw` had them (keys only in `parsed`, such as a version added by
 * a migration, go last). The validator lists known fields before unknown ones; without this, opening and saving a
 * file would reorder it and make every save a noisy diff.
 */
function inRawOrder(parsed: unknown, raw: unknown): unknown {
  if (parsed === raw) return parsed; // kept as decoded (model/parse's fast path): already in the text's order
  if (Array.isArray(parsed)) return Array.isArray(raw) ? parsed.map((x, i) => inRawOrder(x, raw[i])) : parsed;
  if (!parsed || typeof parsed !== 'object' || !raw || typeof raw !== 'object' || Array.isArray(raw)) return parsed;
  const p = parsed as Record<string, unknown>, r = raw as Record<string, unknown>;
  // Keys already in the file's order (nearly every record): keep the validator's fresh object, reorder only inside it.
  const pk = Object.keys(p), rk = Object.keys(r);
  if (pk.length === rk.length && pk.every((k, i) => k === rk[i])) {
    for (const k of pk) if (p[k] && typeof p[k] === 'object') p[k] = inRawOrder(p[k], r[k]);
    return p;
  }
  const out: Record<string, unknown> = {};
  // A key may be an id ("__proto__" among positions): define it, never assign it (which would set the prototype).
  const put = (k: string, v: unknown) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of Object.keys(r)) if (Object.hasOwn(p, k)) put(k, inRawOrder(p[k], r[k]));
  for (const k of Object.keys(p)) if (!Object.hasOwn(out, k)) put(k, p[k]);
  return out;
}

/** Parses and validates document JSON like parseDoc (throwing its ModelError), keeping the text's key order. */
export function parseDocText(text: string, where = 'io/native: '): OwnershipDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return parseDoc(text); // throws the model's "not valid JSON" error
  }
  checkNesting(raw, where);
  return inRawOrder(parseDoc(raw, { fresh: true }), raw) as OwnershipDoc;
}

/** A document already parsed from JSON (io/nativeStream) checked as parseDocText checks one; errors are IoErrors after `where`. */
export function docFromParsed(raw: unknown, where: string): OwnershipDoc {
  try {
    checkNesting(raw, where);
    return inRawOrder(parseDoc(raw, { fresh: true }), raw) as OwnershipDoc;
  } catch (e) {
    rethrowAsIo(e, where);
  }
}

/**
 * Opens a native document from text: refuses more than MAX_FILE_BYTES (150 MB) before parsing, then migrates and validates it,
 * keeping the file's key order. Errors read `io/native: <file>: holdings[3] "h-x" field "shares": must be at most 100`.
 */
export function openDoc(text: string, fileName = 'the file', maxBytes?: number): OwnershipDoc {
  checkSize(text.length, 'io/native', fileName, maxBytes);
  try {
    return parseDocText(stripBom(text), `io/native: ${fileName}: `);
  } catch (e) {
    rethrowAsIo(e, `io/native: ${fileName}: `);
  }
}
