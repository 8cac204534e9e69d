// Size limits that every reader checks before it parses anything, so a huge or hostile file is refused at once.
import { IoError } from './errors';

/** The largest file any importer reads: 150 MB (a BODS file of 100k statements is about 70 MB). */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;

const MB = 1024 * 1024;

/** The command line's limit: a generated register of 1M entities is about 260 MB (issue 12). */
export const CLI_MAX_FILE_BYTES = 1024 * MB;

let limit = MAX_FILE_BYTES;

/** Sets the limit for this process (the command line's entry raises it to CLI_MAX_FILE_BYTES; the app never does). */
export function setFileLimit(bytes: number): void {
  limit = bytes;
}

/** The limit in force: MAX_FILE_BYTES unless the process raised it. */
export function fileLimit(): number {
  return limit;
}

/** Throws unless `size` (bytes, or characters for text) is within the limit in force. */
export function checkSize(size: number, module: string, fileName?: string): void {
  if (size > limit) {
    const what = fileName ? `"${fileName}"` : 'the file';
    throw new IoError(`${module}: ${what} is ${(size / MB).toFixed(1)} MB, more than the ${limit / MB} MB limit — split it or remove records you do not need`);
  }
}
