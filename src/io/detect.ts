// Format sniffing from the first bytes (PNG magic, HTML, JSON array or object, FtM or BODS JSON lines, CSV header),
// with the file name as a hint.

/** The formats importFile reads; 'unknown' when nothing matches. */
export type FileFormat = 'ownership' | 'bods' | 'ftm' | 'csv' | 'png' | 'html' | 'unknown';

/** The eight bytes every PNG starts with (PNG spec §5.2). */
export const PNG_SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

const HEAD = 64 * 1024;

function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Whether the first line of text is a CSV header naming holder and subject (comma, semicolon or tab separated). */
function isCsvHeader(line: string): boolean {
  const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  return cells.includes('holder') && cells.includes('subject');
}

/** What a first line of JSON lines is: a BODS statement, a FollowTheMoney entity (schema + properties), or neither. */
function jsonLineFormat(line: string): 'bods' | 'ftm' | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  if ('recordType' in v || 'statementId' in v || 'statementType' in v) return 'bods';
  const o = v as Record<string, unknown>;
  if (typeof o.schema === 'string' && !!o.properties && typeof o.properties === 'object') return 'ftm';
  return undefined;
}

/** Whether a JSON array's first element is a FollowTheMoney entity ("[{"id": …, "schema": "Company", …"). */
function ftmArray(text: string): boolean {
  const m = /^\[\s*\{/.exec(text);
  if (!m) return false;
  // The first element's opening keys: FtM writes id, schema, properties; BODS statements never have "schema".
  const head = text.slice(0, 2000);
  return /"schema"\s*:\s*"[A-Z]\w*"/.test(head) && /"properties"\s*:\s*\{/.test(head) && !/"(recordType|statementId|statementType)"/.test(head);
}

/**
 * Guesses the format of a file: PNG by its magic bytes; a JSON array is BODS (as are JSON Lines of statements) unless
 * its entities are FollowTheMoney's (schema + properties), as are JSON lines of them;
 * another JSON object is a native document; text whose header names holder and subject is CSV.
 * The file name only breaks ties (`.csv`, `.json`), so a renamed file is still read by its content.
 */
export function detectFormat(input: Uint8Array | string, fileName = ''): FileFormat {
  const name = fileName.toLowerCase();
  let head: string;
  if (typeof input === 'string') head = input.slice(0, HEAD);
  else {
    if (isPng(input)) return 'png';
    head = new TextDecoder('utf-8', { fatal: false }).decode(input.subarray(0, HEAD));
  }
  const text = head.replace(/^\uFEFF/, '').trimStart();
  // A report exported by the app (export/reportHtml.ts) carries its document.
  if (/^<(!doctype html|html)[\s>]/i.test(text)) return 'html';
  if (text.startsWith('[')) return ftmArray(text) ? 'ftm' : 'bods';
  if (text.startsWith('{')) {
    const firstLine = text.split(/\r?\n/, 1)[0];
    return jsonLineFormat(firstLine) ?? 'ownership';
  }
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (isCsvHeader(firstLine)) return 'csv';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'ownership';
  return 'unknown';
}
