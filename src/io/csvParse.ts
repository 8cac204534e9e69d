// RFC 4180 tokenizer: quoted fields with doubled quotes and embedded line breaks, CRLF, LF or CR line ends.
import { IoError } from './errors';

/** One record of a CSV file and the line it starts on (1-based). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into rows of cells. Lenient where RFC 4180 is strict but the intent is clear (text after a
 * closing quote is kept); an unclosed quote is an error naming the line where the field starts.
 * Blank lines are skipped.
 */
export function parseCsv(text: string, delimiter: string, where: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && cell.trim() === '') {
      // A quoted field: read to the closing quote.
      const startLine = line;
      cell = '';
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        cell += q;
        i++;
      }
      if (!closed) throw new IoError(`${where}line ${startLine}: a quoted field is not closed — add the closing quote (")`);
      continue;
    }
    if (c === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    cell += c;
    i++;
  }
  if (cell !== '' || cells.length) endRow();
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
