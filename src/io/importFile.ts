// One entry point for a dropped or opened file (a report's HTML included): sniff its format, refuse it if too large, import it whole or not at all.
import { roundingWarnings, type OwnershipDoc } from '../model';
import { importBods } from './bodsImport';
import { statementsFromBytes } from './bodsRead';
import { importCsvDetailed } from './csv';
import { importFtm } from './ftmImport';
import { detectFormat, type FileFormat } from './detect';
import { IoError } from './errors';
import { checkSize } from './limits';
import { openDoc } from './native';
import { readNativeStream } from './nativeStream';
import { extractDoc } from './pngChunk';
import { extractHtmlDoc } from './htmlEmbed';
import { fromUtf8 } from './text';

/** How importFile reads: the view date for BODS, and the largest file it reads (default MAX_FILE_BYTES, the app's). */
export interface ImportOptions {
  date?: string;
  maxBytes?: number;
}

/** What importFile returns: a valid document, the format it came from, and what was skipped or guessed. */
export interface ImportResult {
  doc: OwnershipDoc;
  format: Exclude<FileFormat, 'unknown'>;
  warnings: string[];
}

/**
 * Imports a file of any supported format (native JSON, BODS 0.4, FollowTheMoney JSON lines, CSV edge list, PNG
 * exported by the app).
 * Refuses files over `opts.maxBytes` (default MAX_FILE_BYTES, 150 MB) before reading them; throws an IoError naming the file, record and field rather than
 * ever returning a half-valid document. `date` is the view date for BODS (newest statements as of that date).
 */
export function importFile(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): ImportResult {
  const r = importAny(bytes, fileName, opts);
  // Stakes summing to just over 100% are rounded published figures: accepted, and said (BODS import says it itself).
  if (r.format !== 'bods') r.warnings = [...r.warnings, ...roundingWarnings(r.doc).map((w) => w.replace(/^model\/validate: /, `io/${r.format === 'ownership' ? 'native' : r.format}: ${fileName}: `))];
  return r;
}

/**
 * Imports a native document handed out as byte chunks (io/nativeStream: any size, never one string), with the
 * warnings importFile gives for it.
 */
export function importNativeStream(next: () => Uint8Array | null, fileName: string): ImportResult {
  const doc = readNativeStream(next, fileName);
  const warnings = roundingWarnings(doc).map((w) => w.replace(/^model\/validate: /, `io/native: ${fileName}: `));
  return { doc, format: 'ownership', warnings };
}

function importAny(bytes: Uint8Array, fileName: string, opts: ImportOptions): ImportResult {
  checkSize(bytes.length, 'io/import', fileName, opts.maxBytes);
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case 'png': {
      const doc = extractDoc(bytes, fileName);
      if (!doc) throw new IoError(`io/png: ${fileName}: this PNG carries no ownership graph — only PNGs exported from this app can be opened`);
      return { doc, format, warnings: [] };
    }
    case 'html': {
      const doc = extractHtmlDoc(fromUtf8(bytes, `io/html: ${fileName}: `, 'export the report again'), fileName);
      if (!doc) throw new IoError(`io/html: ${fileName}: this HTML file carries no ownership graph — only reports exported from this app can be opened`);
      return { doc, format, warnings: [] };
    }
    case 'ownership':
      return { doc: openDoc(fromUtf8(bytes, `io/native: ${fileName}: `, 'save it as UTF-8'), fileName, opts.maxBytes), format, warnings: [] };
    case 'bods': {
      // Statement by statement from the bytes (io/jsonStream.ts): a 351 MB file is never one string.
      const r = importBods(statementsFromBytes(bytes, `io/bods: ${fileName}: `), { date: opts.date, fileName, maxBytes: opts.maxBytes });
      return { ...r, format };
    }
    case 'ftm': {
      const r = importFtm(fromUtf8(bytes, `io/ftm: ${fileName}: `, 'save it as UTF-8'), fileName, opts.maxBytes);
      return { ...r, format };
    }
    case 'csv': {
      const r = importCsvDetailed(fromUtf8(bytes, `io/csv: ${fileName}: `), undefined, fileName, opts.maxBytes);
      return { ...r, format };
    }
    case 'unknown':
      throw new IoError(`io/import: ${fileName}: not a format this app reads — open an .ownership.json file, a BODS 0.4 JSON file, FollowTheMoney JSON lines, a CSV edge list with a header holder,subject,shares, or a PNG exported from this app`);
    default: {
      const never: never = format;
      throw new IoError(`io/import: unknown format ${String(never)}`);
    }
  }
}
