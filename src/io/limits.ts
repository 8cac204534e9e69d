// Size limits that every reader checks before it parses anything, so a huge or hostile file is refused at once. The
// limit is the caller's configuration (the app's 150 MB for a file read whole and 1 GB for one read as it streams, the
// command line's 1 GB), passed in: nothing here changes.
import { IoError } from './errors';

/**
 * The largest file read whole (as one text or one byte array): 150 MB. The readers' default, and the app's limit for
 * CSV, FollowTheMoney, PNG and HTML files.
 */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;

const MB = 1024 * 1024;

/**
 * The largest file the app reads as it streams (BODS statement by statement, a native document in pieces): 1 GB.
 * What is held is the graph, not the file (the 100k-entity sample as BODS is 351 MB, its graph about 1 GB at its peak
 * in the worker); a larger register would pass what a browser tab can hold. The command line has no such limit.
 */
export const STREAMED_MAX_FILE_BYTES = 1024 * MB;

/** Whether a format is read as it streams (never held whole): BODS and native documents. */
export const isStreamed = (format: string): boolean => format === 'bods' || format === 'ownership';

/** The command line's limit: a generated register of 1M entities is about 260 MB (issue 12). */
export const CLI_MAX_FILE_BYTES = 1024 * MB;

/** Throws unless `size` (bytes, or characters for text) is within `limit` (default MAX_FILE_BYTES). */
export function checkSize(size: number, module: string, fileName?: string, limit = MAX_FILE_BYTES): void {
  if (size > limit) {
    const what = fileName ? `"${fileName}"` : 'the file';
    throw new IoError(`${module}: ${what} is ${(size / MB).toFixed(1)} MB, more than the ${limit / MB} MB limit — split it or remove records you do not need`);
  }
}
