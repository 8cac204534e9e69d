// What the command line prints is text a terminal shows: names and messages come from files anyone can write, so
// control characters (ANSI escapes, carriage returns, bells) are replaced before printing, and line breaks inside
// one message are joined, never cut (the message stays one line, whole).

// C0 controls but tab and line feed, DEL, C1 controls, and the Unicode bidi overrides that reorder a line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print in a table or a list: control characters shown as "�"; tabs and line feeds kept. */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/** One error line for stderr: every line of the message kept, joined with " / ", control characters replaced. */
export function oneLine(message: string): string {
  return printable(message.replace(/\r\n|\r|\n/g, ' / ').replace(/\t/g, ' ')).replace(/( \/ )+$/, '');
}
