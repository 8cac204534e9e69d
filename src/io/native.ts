// The native format (*.ownership.json, FORMAT.md): pretty, stable JSON out; size-guarded, validated document in.
import { parseDoc, type OwnershipDoc } from '../model';
import { rethrowAsIo } from './errors';
import { checkSize } from './limits';
import { stripBom } from './text';

/** The document as pretty JSON: keys in the document's own order, unknown fields kept, newline-terminated. */
export function serializeDoc(doc: OwnershipDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Opens a native document from text: refuses more than 50 MB before parsing, then migrates and validates it.
 * Errors read `io/native: <file>: holdings[3] "h-x" field "shares": must be at most 100`.
 */
export function openDoc(text: string, fileName = 'the file'): OwnershipDoc {
  checkSize(text.length, 'io/native', fileName);
  try {
    return parseDoc(stripBom(text));
  } catch (e) {
    rethrowAsIo(e, `io/native: ${fileName}: `);
  }
}
