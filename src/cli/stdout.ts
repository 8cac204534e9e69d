// Standard output for the command line: synchronous writes of whole chunks to fd 1, so a long stream keeps memory
// flat, and a reader that goes away (`generate … | head`) ends the command quietly instead of with an EPIPE trace.
import { writeSync } from 'node:fs';

/** Thrown by writeStdout once the reader has closed the pipe: the caller stops and exits quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('cli/stdout: the reader closed standard output');
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Text is encoded into this buffer, used again for every chunk (a new buffer per chunk counts towards V8's external memory). */
let scratch = Buffer.alloc(0);

/** The UTF-8 bytes of `text`, in the scratch buffer (valid until the next call). */
function encoded(text: string): Uint8Array {
  if (scratch.length < 3 * text.length) scratch = Buffer.allocUnsafe(Math.max(3 * text.length, 1 << 16)); // a UTF-16 unit is at most 3 bytes
  return scratch.subarray(0, scratch.write(text, 0, 'utf8'));
}

/** Writes all of `chunk` to standard output; retries while a non-blocking pipe is full; OutputClosed on EPIPE. */
export function writeStdout(chunk: string | Uint8Array): void {
  let bytes = typeof chunk === 'string' ? encoded(chunk) : chunk;
  while (bytes.length) {
    let n: number;
    try {
      n = writeSync(1, bytes);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new OutputClosed();
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2); // the pipe is full: let the reader catch up
      continue;
    }
    bytes = bytes.subarray(n);
  }
}
