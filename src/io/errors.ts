// The one error type io/ throws: its message names the module, the file, the record and the field, and what to do.
import { ModelError } from '../model';

/** A refused import or export; `message` reads like `io/csv: edges.csv: line 7, column "shares": …`. */
export class IoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IoError';
  }
}

/** `"name: "` for a file name, or nothing, so messages read `io/native: doc.json: …`. */
export function fileLabel(fileName?: string): string {
  return fileName ? `${fileName}: ` : '';
}

/**
 * Re-throws a ModelError as an IoError under `prefix` (dropping the `model/parse: ` part so the message names the
 * file once); IoErrors pass through. Anything else is a bug and is re-thrown untouched, never disguised.
 */
export function rethrowAsIo(e: unknown, prefix: string): never {
  if (e instanceof ModelError) throw new IoError(`${prefix}${e.message.replace(/^model\/\w+: /, '')}`, { cause: e });
  throw e;
}

/** A short, quoted rendering of a hostile value for an error message (never the whole value). */
export function show(value: unknown, max = 40): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) s = String(value);
  else if (value === undefined) return 'nothing';
  else if (Array.isArray(value)) return 'a list';
  else return 'an object';
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return typeof value === 'string' ? JSON.stringify(cut) : cut;
}
