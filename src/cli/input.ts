// Reading FILE for the command line as the app opens a file (the same format detection and importers, io/importFile:
// native JSON at any size, read in pieces; BODS 0.4 JSON or JSON Lines, CSV, PNG carrying a document up to the command
// line's limit). Devices,
// pipes, sockets and directories are refused before anything is read (`analyze /dev/zero` must not grow forever).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { CLI_MAX_FILE_BYTES, IoError, importFile, type ImportResult } from '../io';
import { detectFormat } from '../io/detect';
import { importNativeStream, streamedImport } from '../io/importFile';
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

/** Opens `file` for reading if it is a regular file; anything else is a UsageError naming the path. */
function openRegular(file: string): { fd: number; size: number } {
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
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Bytes [from, from + length) of an open file (fewer at its end), into `into` when given (a buffer used again). */
function readAt(fd: number, from: number, length: number, into?: Uint8Array): Uint8Array {
  const bytes = into ? into.subarray(0, length) : new Uint8Array(length);
  let off = 0;
  while (off < length) {
    const n = readSync(fd, bytes, off, length - off, from + off);
    if (n <= 0) break;
    off += n;
  }
  return off === length ? bytes : bytes.subarray(0, off);
}

/** The bytes of a regular file of at most `maxBytes`; anything else is a UsageError naming the path. */
export function readRegularFile(file: string, maxBytes = CLI_MAX_FILE_BYTES): Uint8Array {
  const { fd, size } = openRegular(file);
  try {
    if (size > maxBytes) throw new UsageError(`${file}: ${(size / MB).toFixed(1)} MB, more than the ${maxBytes / MB} MB limit — split it or remove records you do not need`);
    return readAt(fd, 0, size);
  } finally {
    closeSync(fd);
  }
}

/** Pieces a native document is read in: the file is never held whole. */
const PIECE = 16 * MB;

/**
 * Reads FILE as the app would (same detection, same importers, same warnings). `date` is the view date for BODS
 * (the newest statements as of that date); `maxBytes` the largest file read whole, by default the command line's
 * CLI_MAX_FILE_BYTES (the app's is smaller). A native document is read in pieces whatever its size (io/nativeStream):
 * a register is refused only when the machine cannot hold it. Throws a UsageError (exit 2) with the importer's message.
 */
export function readInput(file: string | undefined, opts: { date?: string; maxBytes?: number } = {}): ImportResult {
  if (!file) throw new UsageError('missing FILE (an .ownership.json document, a BODS 0.4 .json or .jsonl file, a CSV edge list or a PNG exported by the app)');
  const maxBytes = opts.maxBytes ?? CLI_MAX_FILE_BYTES;
  const name = basename(file);
  try {
    const { fd, size } = openRegular(file);
    try {
      const format = detectFormat(readAt(fd, 0, Math.min(size, 64 * 1024)), name);
      if (format === 'ownership') {
        let at = 0;
        return importNativeStream(() => {
          if (at >= size) return null;
          const piece = readAt(fd, at, Math.min(PIECE, size - at));
          at += piece.length;
          return piece.length ? piece : null;
        }, name);
      }
      if (format === 'bods') {
        // Statement by statement as the pieces are read (io/importFile streamedImport): the file is never held whole.
        const s = streamedImport(name, format, { date: opts.date });
        const buffer = new Uint8Array(Math.min(PIECE, size)); // one buffer for every piece: JsonSplitter.push keeps none
        for (let at = 0; at < size;) {
          const piece = readAt(fd, at, Math.min(PIECE, size - at), buffer);
          if (!piece.length) break;
          s.push(piece);
          at += piece.length;
        }
        return s.finish();
      }
    } finally {
      closeSync(fd);
    }
    return importFile(readRegularFile(file, maxBytes), name, { date: opts.date, maxBytes });
  } catch (e) {
    if (e instanceof IoError) throw new UsageError(e.message);
    throw e;
  }
}
