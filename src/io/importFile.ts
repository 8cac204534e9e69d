// One entry point for a dropped or opened file (a report's HTML included): sniff its format, refuse it if too large, import it whole or not at all.
// A file may also be pushed in chunks as it is read (streamedImport): BODS is then read statement by statement as its
// bytes arrive, a native document from its chunks, never one string.
import { roundingWarnings, type OwnershipDoc } from '../model';
import { importBods } from './bodsImport';
import { bodsWhere, StatementReader } from './bodsRead';
import { JsonSplitter } from './jsonStream';
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

/** A file being read in chunks: push them in order, then finish() imports it (see streamedImport). */
export interface StreamedImport {
  push(chunk: Uint8Array): void;
  finish(): ImportResult;
}

/** Bytes of an in-memory file handed to a streamed import at a time. */
const CHUNK = 8 * 1024 * 1024;
const EMPTY = new Uint8Array(0);

/**
 * Imports a file of `format` (detectFormat of its first bytes) pushed in chunks as it is read. BODS (JSON array or
 * JSON lines) is split and read statement by statement as the bytes arrive (io/jsonStream, StatementReader): what is
 * kept is the statements' records, never the file's bytes or text. A native document keeps its chunks and is read by
 * io/nativeStream (never one string). Other formats gather their bytes, refused past `opts.maxBytes`, and are read by
 * importFile. Errors are importFile's.
 */
export function streamedImport(fileName: string, format: FileFormat, opts: ImportOptions = {}): StreamedImport {
  if (format === 'bods') {
    const where = bodsWhere(fileName);
    const reader = new StatementReader(where);
    const splitter = new JsonSplitter(reader.add, where);
    return {
      push: (chunk) => splitter.push(chunk),
      finish: () => {
        splitter.end();
        return { ...importBods(reader, { date: opts.date, fileName }), format };
      },
    };
  }
  let chunks: Uint8Array[] = [];
  let size = 0;
  return {
    push: (chunk) => {
      size += chunk.length;
      if (format !== 'ownership') checkSize(size, 'io/import', fileName, opts.maxBytes);
      chunks.push(chunk);
    },
    finish: () => {
      const held = chunks;
      chunks = [];
      if (format === 'ownership') {
        let k = 0;
        return importNativeStream(() => {
          if (k >= held.length) return null;
          const c = held[k];
          held[k++] = EMPTY; // read once: let it go
          return c;
        }, fileName);
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of held) {
        bytes.set(c, at);
        at += c.length;
      }
      return importFile(bytes, fileName, opts);
    },
  };
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
      const s = streamedImport(fileName, format, opts);
      for (let at = 0; at < bytes.length; at += CHUNK) s.push(bytes.subarray(at, at + CHUNK));
      return s.finish();
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
