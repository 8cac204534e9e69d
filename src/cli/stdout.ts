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

/** Writes all of `chunk` to standard output; retries while a non-blocking pipe is full; OutputClosed on EPIPE. */
export function writeStdout(chunk: string | Uint8Array): void {
  let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
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
