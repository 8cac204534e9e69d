// Byte-level splitting of a JSON array, or of JSON lines, into its top-level values, fed chunk by chunk: a file of
// hundreds of megabytes is never one string (V8 strings stop at about 512 MB) nor one JSON.parse; each value is
// decoded and parsed on its own while the next chunk is read. Pure: bytes in, values out; runs in Node and browsers.
import { IoError } from './errors';
import { checkNesting } from './text';

const OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, NEWLINE = 0x0a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Joins two byte arrays (the carried-over start of a value and the next chunk). */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The top-level values of a JSON array (`[v, v, …]`) or of JSON lines (one value per line), in order, from the
 * file's bytes in chunks of any size. A leading BOM is skipped. Throws an IoError prefixed with `where` naming the
 * value (its number, or its line) that is not valid JSON, or an unclosed array.
 */
export function* jsonValues(chunks: Iterable<Uint8Array>, where: string): Generator<unknown> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let mode: 'start' | 'array' | 'lines' | 'done' = 'start';
  let carry = new Uint8Array(0);
  let index = 0;
  let line = 1; // JSON lines: the line the current value starts on
  const parse = (bytes: Uint8Array, label: string): unknown => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new IoError(`${where}${label} is not valid UTF-8 — save the file as UTF-8`);
    }
    try {
      const v = JSON.parse(text) as unknown;
      checkNesting(v, where);
      return v;
    } catch (e) {
      if (e instanceof IoError) throw e;
      throw new IoError(`${where}${label} is not valid JSON (${(e as Error).message}) — check that the file is complete`);
    }
  };
  // Scanner state across chunks: depth inside the current value, string and escape flags, where the value began.
  let depth = 0, inString = false, escaped = false;
  for (const chunk of chunks) {
    const buf = concat(carry, chunk);
    let start = 0; // start of the unconsumed part of buf (the carried-over start of a value)
    let i = carry.length; // the carried bytes were scanned already: the state above covers them
    if (mode === 'start') {
      while (i < buf.length && (isSpace(buf[i]) || buf[i] === 0xef || buf[i] === 0xbb || buf[i] === 0xbf)) i++;
      if (i === buf.length) {
        carry = new Uint8Array(0);
        continue;
      }
      if (buf[i] === OPEN_BRACKET) {
        mode = 'array';
        i++;
      } else mode = 'lines';
      start = i;
    }
    for (; i < buf.length; i++) {
      const b = buf[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        continue;
      }
      if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (mode === 'array' && depth === 0 && (b === COMMA || b === CLOSE_BRACKET)) {
        const value = buf.subarray(start, i);
        if (value.some((x) => !isSpace(x))) yield parse(value, `value ${++index}`);
        else if (b === COMMA) throw new IoError(`${where}value ${index + 1} is empty (two commas in a row) — check that the file is complete`);
        start = i + 1;
        if (b === CLOSE_BRACKET) mode = 'done';
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
      else if (mode === 'lines' && b === NEWLINE && depth <= 0) {
        const value = buf.subarray(start, i);
        if (value.some((x) => !isSpace(x))) yield parse(value, `line ${line}`);
        line++;
        start = i + 1;
        depth = 0;
      } else if (mode === 'lines' && b === NEWLINE) line++;
      else if (mode === 'done' && !isSpace(b)) throw new IoError(`${where}there is more after the closing ] of the array — one JSON array per file`);
    }
    carry = buf.slice(start);
  }
  if (mode === 'array') throw new IoError(`${where}the JSON array is not closed (no final ]) — the file is truncated`);
  if (mode === 'lines' && carry.some((x) => !isSpace(x))) yield parse(carry, `line ${line}`);
}
