// CSV tokenizing (RFC 4180) by papaparse: quoted fields with doubled quotes and embedded line breaks, CRLF, LF or CR
// line ends; this module adds line numbers for messages, refuses oversized cells, and skips blank lines.
import Papa from 'papaparse';
import { IoError } from './errors';

/** One record of a CSV file and the line it starts on (1-based). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** The longest cell read (characters): names and figures are short; a longer cell is a broken or hostile file. */
export const MAX_CELL_CHARS = 10_000;

/** Line breaks (CRLF, LF or lone CR, each counted once) in text[from, to). */
function breaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * Splits CSV text into rows of cells. Lenient where RFC 4180 is strict but the intent is clear (text after a
 * closing quote is kept); an unclosed quote is an error naming the line where the field starts, and so is a cell
 * longer than MAX_CELL_CHARS (refused as soon as its row is read). Blank lines are skipped.
 */
export function parseCsv(text: string, delimiter: string, where: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let prev = 0;
  let failure: IoError | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (res, parser) => {
      const cursor = res.meta.cursor;
      const rowLine = line;
      line += breaks(text, prev, cursor);
      prev = cursor;
      const missing = res.errors.find((e) => e.code === 'MissingQuotes');
      if (missing) {
        failure = new IoError(`${where}line ${rowLine}: a quoted field is not closed — add the closing quote (")`);
        parser.abort();
        return;
      }
      const cells = res.data;
      const long = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
      if (long >= 0) {
        failure = new IoError(`${where}line ${rowLine}, cell ${long + 1}: ${cells[long].length.toLocaleString('en')} characters, more than ${MAX_CELL_CHARS.toLocaleString('en')} — a name or figure is never this long; check the quotes`);
        parser.abort();
        return;
      }
      if (cells.length === 1 && cells[0].trim() === '') return;
      rows.push({ line: rowLine, cells });
    },
  });
  if (failure) throw failure;
  return rows;
}

/** Picks the delimiter from the header line: comma, else semicolon (spreadsheets in many locales), else tab. */
export function sniffDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  if (first.includes('\t')) return '\t';
  return ',';
}
