// Size limits that every reader checks before it parses anything, so a huge or hostile file is refused at once. The
// limit is the caller's configuration (the app's 150 MB, the command line's 1 GB), passed in: nothing here changes.
import { IoError } from './errors';

/** The largest file the app reads: 150 MB (a BODS file of 100k statements is about 70 MB). The readers' default. */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;

const MB = 1024 * 1024;

/** The command line's limit: a generated register of 1M entities is about 260 MB (issue 12). */
export const CLI_MAX_FILE_BYTES = 1024 * MB;

/** Throws unless `size` (bytes, or characters for text) is within `limit` (default MAX_FILE_BYTES). */
export function checkSize(size: number, module: string, fileName?: string, limit = MAX_FILE_BYTES): void {
  if (size > limit) {
    const what = fileName ? `"${fileName}"` : 'the file';
    throw new IoError(`${module}: ${what} is ${(size / MB).toFixed(1)} MB, more than the ${limit / MB} MB limit — split it or remove records you do not need`);
  }
}
