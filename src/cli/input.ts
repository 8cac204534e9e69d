// Reading FILE for the command line as the app opens a file (the same format detection and importers, io/importFile:
// native JSON, BODS 0.4 JSON or JSON Lines, CSV, PNG carrying a document), up to the command line's 1 GB. Devices,
// pipes, sockets and directories are refused before anything is read (`analyze /dev/zero` must not grow forever).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { CLI_MAX_FILE_BYTES, IoError, importFile, type ImportResult } from '../io';
import { UsageError } from './args';

const MB = 1024 * 1024;

/** Why a path cannot be read, in words, from a Node error code. */
function why(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'it is a directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENXIO': return 'it is a device or socket, not a file';
    default: return e.message;
  }
}

/** The bytes of a regular file of at most `maxBytes`; anything else is a UsageError naming the path. */
export function readRegularFile(file: string, maxBytes = CLI_MAX_FILE_BYTES): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${why(e as NodeJS.ErrnoException)} — give the path of a file the app opens (.ownership.json, BODS .json/.jsonl, .csv or .png)`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`cannot read ${file}: it is a directory — give the path of a file`);
    if (!st.isFile()) throw new UsageError(`cannot read ${file}: it is ${st.isFIFO() ? 'a pipe' : st.isSocket() ? 'a socket' : 'a device'}, not a regular file — save the data to a file first`);
    if (st.size > maxBytes) throw new UsageError(`${file}: ${(st.size / MB).toFixed(1)} MB, more than the ${maxBytes / MB} MB limit — split it or remove records you do not need`);
    const bytes = new Uint8Array(st.size);
    let off = 0;
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n <= 0) break;
      off += n;
    }
    return off === bytes.length ? bytes : bytes.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads FILE as the app would (same detection, same importers, same warnings). `date` is the view date for BODS
 * (the newest statements as of that date); `maxBytes` the largest file read, by default the command line's
 * CLI_MAX_FILE_BYTES (the app's is smaller). Throws a UsageError (exit 2) with the importer's message.
 */
export function readInput(file: string | undefined, opts: { date?: string; maxBytes?: number } = {}): ImportResult {
  if (!file) throw new UsageError('missing FILE (an .ownership.json document, a BODS 0.4 .json or .jsonl file, a CSV edge list or a PNG exported by the app)');
  const maxBytes = opts.maxBytes ?? CLI_MAX_FILE_BYTES;
  const bytes = readRegularFile(file, maxBytes);
  try {
    return importFile(bytes, basename(file), { date: opts.date, maxBytes });
  } catch (e) {
    if (e instanceof IoError) throw new UsageError(e.message);
    throw e;
  }
}
