// Import warnings reach people: the command line prints them on stderr, after a line that counts them (bands scaled,
// estimated stakes, placeholders, rounding…); `--quiet` silences them. Where they go is passed in with each command
// (main.ts's CliContext: the process's stderr when run as a program, nothing by default), never held here.
import { oneLine } from './sanitize';

/** Where warnings are written (the command line's stderr); absent, they are not printed. */
export type WarningSink = (text: string) => void;

/** The count line and one line per warning, each made printable and kept on one line. */
export function warningText(file: string, warnings: string[]): string {
  const n = warnings.length;
  const lines = warnings.map((w) => `  ${oneLine(w)}\n`);
  return `ownership-cli: ${n} warning${n === 1 ? '' : 's'} reading ${oneLine(file)} (--quiet hides them):\n${lines.join('')}`;
}

/** Prints the warnings of reading `file` to `sink`, unless there are none, `quiet` is set or there is no sink. */
export function reportWarnings(file: string, warnings: string[], quiet: boolean, sink: WarningSink | undefined): void {
  if (!quiet && warnings.length && sink) sink(warningText(file, warnings));
}
