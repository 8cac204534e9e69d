// Deciding what opening a file does: size checked before reading, imported whole or refused with the importer's
// reason, one message either way. Pure: runs on the page, in a worker and in Node.
import { importFile } from './importFile';
import { IoError } from './errors';
import { MAX_FILE_BYTES } from './limits';
import type { ImportResult } from './importFile';
import type { OwnershipDoc } from '../model';

/** What opening a file decided: a document to load with a notice, or a refusal with an error; never both. */
export type OpenDecision =
  | { ok: true; doc: OwnershipDoc; format: ImportResult['format']; notice: string }
  | { ok: false; error: string };

/** What the app needs of a File (a browser File or a test double). */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

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

/** A refusal of `name`, or null when a file of `size` bytes may be read. Checked before any byte is read. */
export function checkFileSize(name: string, size: number): string | null {
  if (size > MAX_FILE_BYTES) {
    return `"${name}" was not opened: it is ${(size / MB).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / MB} MB limit — split it or remove records you do not need. ${UNCHANGED}`;
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

/** Decides what opening `bytes` as `name` does: import it (any format) or refuse it with the importer's reason. */
export function decideOpen(bytes: Uint8Array, name: string, opts: { date?: string } = {}): OpenDecision {
  const tooBig = checkFileSize(name, bytes.length);
  if (tooBig) return { ok: false, error: tooBig };
  try {
    const r = importFile(bytes, name, opts);
    return { ok: true, doc: r.doc, format: r.format, notice: openedNotice(name, r) };
  } catch (e) {
    if (e instanceof IoError) return { ok: false, error: `"${name}" was not opened: ${ioDetail(e.message, name)}. ${UNCHANGED}` };
    // Not an importer's refusal: a bug or the browser running out of memory. Still refuse cleanly, and say so.
    const why = e instanceof RangeError ? 'the file is too large or too deeply nested for this browser' : `unexpected error (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, error: `"${name}" was not opened: ${why}. ${UNCHANGED}` };
  }
}

/** Files at least this large are parsed in a worker by the app (ui/fileActions.ts), so the page keeps responding. */
export const WORKER_IMPORT_BYTES = 2 * 1024 * 1024;

/** How a file's bytes become a decision: decideOpen here, or the same function in a worker for big files. */
export type Decide = (bytes: Uint8Array, name: string, opts: { date?: string }) => OpenDecision | Promise<OpenDecision>;

