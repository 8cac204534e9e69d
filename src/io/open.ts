// Deciding what opening a file does: size checked before reading, imported whole or refused with the importer's
// reason, one message either way. Pure: runs on the page, in a worker and in Node.
import { importFile, streamedImport } from './importFile';
import { detectFormat, type FileFormat } from './detect';
import { IoError } from './errors';
import { isStreamed, MAX_FILE_BYTES, STREAMED_MAX_FILE_BYTES } from './limits';
import type { ImportResult } from './importFile';
import type { OwnershipDoc } from '../model';

/** What opening a file decided: a document to load with a notice, or a refusal with an error; never both. */
export type OpenDecision =
  | { ok: true; doc: OwnershipDoc; format: ImportResult['format']; notice: string }
  | { ok: false; error: string; cancelled?: true };

/** What the app needs of a File (a browser File or a test double); a real File also slices and streams. */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  slice?(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
  stream?(): ReadableStream<Uint8Array>;
}

/** Bytes sniffed to tell a file's format (detect.ts reads as many). */
export const HEAD_BYTES = 64 * 1024;

const FORMAT_NAMES: Record<ImportResult['format'], string> = {
  ownership: 'ownership graph',
  bods: 'BODS 0.4 statements',
  ftm: 'FollowTheMoney entities',
  csv: 'CSV edge list',
  png: 'PNG exported from this app',
  html: 'report exported from this app',
};

/** Most warnings listed in the notice; the rest are counted. */
export const MAX_LISTED_WARNINGS = 3;

const UNCHANGED = 'The graph in the app is unchanged.';
const MB = 1024 * 1024;

/**
 * A refusal of `name`, or null when a file of `size` bytes may be read. Checked before any byte is read, then again
 * once the first bytes tell the `format`: BODS and native documents are read as they stream, up to
 * STREAMED_MAX_FILE_BYTES (1 GB); every other format is read whole, up to MAX_FILE_BYTES (150 MB).
 */
export function checkFileSize(name: string, size: number, format?: FileFormat): string | null {
  const mb = (size / MB).toFixed(1);
  if (size > STREAMED_MAX_FILE_BYTES) {
    return `"${name}" was not opened: it is ${mb} MB, more than the ${STREAMED_MAX_FILE_BYTES / MB} MB a browser tab can hold as a graph (BODS and native files are read as they stream; other formats up to ${MAX_FILE_BYTES / MB} MB) — split it, or read it with the command line (npm run cli -- analyze FILE). ${UNCHANGED}`;
  }
  if (format && !isStreamed(format) && size > MAX_FILE_BYTES) {
    return `"${name}" was not opened: it is ${mb} MB, more than the ${MAX_FILE_BYTES / MB} MB limit for ${format === 'unknown' ? 'a file of unknown format' : `a ${FORMAT_NAMES[format]} file`}, which is read whole (BODS and native files are read as they stream, up to ${STREAMED_MAX_FILE_BYTES / MB} MB) — split it or remove records you do not need. ${UNCHANGED}`;
  }
  if (size === 0) return `"${name}" was not opened: the file is empty. ${UNCHANGED}`;
  return null;
}

/** An importer's message without its module and file prefix ("io/csv: a.csv: line 3 …" → "line 3 …"). */
export function ioDetail(message: string, fileName: string): string {
  let m = message.replace(/^io\/[a-z]+:\s*/, '');
  for (const prefix of [`${fileName}: `, `"${fileName}" `, `"${fileName}": `]) if (m.startsWith(prefix)) m = m.slice(prefix.length);
  return m.replace(/\.$/, '');
}

/** "2 entities, 1 holding". */
function counts(doc: OwnershipDoc): string {
  const n = (k: number, one: string, many: string) => `${k.toLocaleString('en')} ${k === 1 ? one : many}`;
  return `${n(doc.entities.length, 'entity', 'entities')}, ${n(doc.holdings.length, 'holding', 'holdings')}`;
}

/** The notice after a successful import: what was read, the first warnings, and how to go back. */
export function openedNotice(name: string, r: Pick<ImportResult, 'doc' | 'format' | 'warnings'>): string {
  let text = `Opened "${name}" (${FORMAT_NAMES[r.format]}): ${counts(r.doc)}.`;
  const w = r.warnings;
  if (w.length) {
    const listed = w.slice(0, MAX_LISTED_WARNINGS).map((x) => ioDetail(x, name)).join('; ');
    const more = w.length > MAX_LISTED_WARNINGS ? `; and ${w.length - MAX_LISTED_WARNINGS} more` : '';
    text += ` ${w.length} warning${w.length === 1 ? '' : 's'}: ${listed}${more}.`;
  }
  return `${text} Undo goes back to the previous graph.`;
}

/** The refusal of `name` for what an import threw. */
function refusal(e: unknown, name: string): OpenDecision {
  if (e instanceof IoError) return { ok: false, error: `"${name}" was not opened: ${ioDetail(e.message, name)}. ${UNCHANGED}` };
  // Not an importer's refusal: a bug or the browser running out of memory. Still refuse cleanly, and say so.
  const why = e instanceof RangeError ? 'the file is too large or too deeply nested for this browser' : `unexpected error (${e instanceof Error ? e.message : String(e)})`;
  return { ok: false, error: `"${name}" was not opened: ${why}. ${UNCHANGED}` };
}

/** Decides what opening `bytes` as `name` does: import it (any format) or refuse it with the importer's reason. */
export function decideOpen(bytes: Uint8Array, name: string, opts: { date?: string } = {}): OpenDecision {
  const tooBig = checkFileSize(name, bytes.length, detectFormat(bytes.subarray(0, HEAD_BYTES), name));
  if (tooBig) return { ok: false, error: tooBig };
  try {
    const r = importFile(bytes, name, opts.date ? { date: opts.date, maxBytes: STREAMED_MAX_FILE_BYTES } : { maxBytes: STREAMED_MAX_FILE_BYTES });
    return { ok: true, doc: r.doc, format: r.format, notice: openedNotice(name, r) };
  } catch (e) {
    return refusal(e, name);
  }
}

/** Bytes gathered from a stream's small reads before they are handed on (a Blob stream reads about 64 KB at a time). */
const GATHER = 4 * MB;

/**
 * Decides what opening a File does by reading it as it streams (`file.stream()`, in the worker for big files): BODS is
 * read statement by statement as the bytes arrive and a native document from its pieces, so neither is ever held as
 * one text (io/importFile streamedImport); other formats are gathered and read whole (within 150 MB). `onProgress`
 * hears the fraction of the file read. Refuses as decideOpen does.
 */
export async function decideOpenStream(
  file: Pick<Blob, 'size' | 'slice' | 'stream'>, name: string, opts: { date?: string } = {}, onProgress?: (fraction: number) => void,
): Promise<OpenDecision> {
  try {
    const format = detectFormat(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()), name);
    const tooBig = checkFileSize(name, file.size, format);
    if (tooBig) return { ok: false, error: tooBig };
    if (format === 'unknown') return refusal(new IoError(`io/import: ${name}: not a format this app reads — open an .ownership.json file, a BODS 0.4 JSON file, FollowTheMoney JSON lines, a CSV edge list with a header holder,subject,shares, or a PNG exported from this app`), name);
    const s = streamedImport(name, format, opts.date ? { date: opts.date } : {});
    const reader = file.stream().getReader();
    let read = 0, told = 0;
    let held: Uint8Array[] = [], heldBytes = 0;
    const handOn = () => {
      if (!held.length) return;
      const bytes = held.length === 1 ? held[0] : new Uint8Array(heldBytes);
      if (held.length > 1) {
        let at = 0;
        for (const c of held) {
          bytes.set(c, at);
          at += c.length;
        }
      }
      held = [];
      heldBytes = 0;
      s.push(bytes);
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      held.push(value);
      heldBytes += value.length;
      read += value.length;
      if (heldBytes >= GATHER) handOn();
      if (onProgress && read < file.size && read - told >= file.size / 100) {
        told = read;
        onProgress(read / file.size);
      }
    }
    handOn();
    onProgress?.(1);
    const r = s.finish();
    return { ok: true, doc: r.doc, format: r.format, notice: openedNotice(name, r) };
  } catch (e) {
    return refusal(e, name);
  }
}

/** Files at least this large are parsed in a worker by the app (ui/fileActions.ts), so the page keeps responding. */
export const WORKER_IMPORT_BYTES = 2 * 1024 * 1024;

/** How a file becomes a decision: read whole and decideOpen here, or read as it streams in a worker for big files. */
export type Decide = (file: FileLike, opts: { date?: string }) => OpenDecision | Promise<OpenDecision>;

/** Reads `file` whole and decides with decideOpen (small files, and where no worker runs). */
export async function decideWhole(file: FileLike, opts: { date?: string } = {}): Promise<OpenDecision> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, error: `"${file.name}" could not be read (it may have been moved or deleted) — choose it again. ${UNCHANGED}` };
  }
  return decideOpen(bytes, file.name, opts);
}

