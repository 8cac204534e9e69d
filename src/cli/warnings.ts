// Import warnings reach people: the command line prints them on stderr, after a line that counts them (bands scaled,
// estimated stakes, placeholders, rounding…); `--quiet` silences them. Nothing is printed until main() sets the sink,
// so run() in tests stays silent.
import { oneLine } from './sanitize';

let sink: ((text: string) => void) | undefined;

/** Where warnings go (main sets process.stderr); undefined prints nothing. */
export function setWarningSink(write: ((text: string) => void) | undefined): void {
  sink = write;
}

/** The count line and one line per warning, each made printable and kept on one line. */
export function warningText(file: string, warnings: string[]): string {
  const n = warnings.length;
  const lines = warnings.map((w) => `  ${oneLine(w)}\n`);
  return `ownership-cli: ${n} warning${n === 1 ? '' : 's'} reading ${oneLine(file)} (--quiet hides them):\n${lines.join('')}`;
}

/** Prints the warnings of reading `file` to the sink, unless there are none or `quiet` is set. */
export function reportWarnings(file: string, warnings: string[], quiet: boolean): void {
  if (!quiet && warnings.length && sink) sink(warningText(file, warnings));
}
