// The columnar way in for `analyze` (cli/columnarRead.ts, cli/columnarDoc.ts): FILE read into columns when it is a
// regular file holding a plain native document or a plain BODS file (cli/bodsColumns.ts), else null, and the command
// line reads it the general way (cli/input.ts), which also words every error. OWNERSHIP_CLI_COLUMNAR=0 turns it off (to compare the two ways).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { OwnershipDoc } from '../model';
import type { AnalysisOptions } from '../analysis';
import { detectFormat } from '../io/detect';
import { readColumns, type Columns } from './columnarRead';
import { readBodsColumns } from './bodsColumns';
import { columnarDoc } from './columnarDoc';

/** The document in `file` with its snapshot for `opts` ready, read column by column; null when it takes the general reader. */
export function columnarInput(file: string | undefined, opts: Partial<AnalysisOptions>): OwnershipDoc | null {
  if (!file || process.env.OWNERSHIP_CLI_COLUMNAR === '0') return null;
  let format: string;
  try {
    if (!statSync(file).isFile()) return null;
    const fd = openSync(file, 'r');
    const first = new Uint8Array(64 * 1024);
    let n: number;
    try {
      n = readSync(fd, first, 0, first.length, 0);
    } finally {
      closeSync(fd);
    }
    format = detectFormat(first.subarray(0, n), basename(file));
  } catch {
    return null;
  }
  let c: Columns | null = null;
  if (format === 'ownership') c = readColumns(file);
  else if (format === 'bods') c = readBodsColumns(file, basename(file), opts.date);
  return c && columnarDoc(c, opts);
}
