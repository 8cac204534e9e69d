// Size limits that every reader checks before it parses anything, so a huge or hostile file is refused at once.
import { IoError } from './errors';

/** The largest file any importer reads: 150 MB (a BODS file of 100k statements is about 70 MB). */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;

const MB = 1024 * 1024;

/** Throws unless `size` (bytes, or characters for text) is within MAX_FILE_BYTES. */
export function checkSize(size: number, module: string, fileName?: string): void {
  if (size > MAX_FILE_BYTES) {
    const what = fileName ? `"${fileName}"` : 'the file';
    throw new IoError(`${module}: ${what} is ${(size / MB).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / MB} MB limit — split it or remove records you do not need`);
  }
}
