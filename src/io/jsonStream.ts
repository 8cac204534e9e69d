// Byte-level splitting of a JSON array, or of JSON lines, into its top-level values, fed chunk by chunk: a file of
// hundreds of megabytes is never one string (V8 strings stop at about 512 MB) nor one JSON.parse; each value is
// decoded and parsed on its own as soon as its last byte arrives. Push-based (JsonSplitter: push chunks, values come
// out through a callback), so a synchronous reader (a file descriptor) and an asynchronous one (File.stream() in a
// worker) drive it alike; jsonValues wraps it as a generator. Pure: bytes in, values out; runs in Node and browsers.
import { IoError } from './errors';
import { MAX_NESTING } from './text';

const OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, NEWLINE = 0x0a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** What each byte means to the scanner outside strings (0: nothing; most bytes of a file). */
const QUOTE_C = 1, OPEN_C = 2, CLOSE_C = 3, COMMA_C = 4, NEWLINE_C = 5;
const CLASS = new Uint8Array(256);
CLASS[QUOTE] = QUOTE_C;
CLASS[OPEN_BRACE] = CLASS[OPEN_BRACKET] = OPEN_C;
CLASS[CLOSE_BRACE] = CLASS[CLOSE_BRACKET] = CLOSE_C;
CLASS[COMMA] = COMMA_C;
CLASS[NEWLINE] = NEWLINE_C;

/** Joins two byte arrays (the carried-over start of a value and the next chunk). */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Whether the quote at `j` is escaped: an odd number of backslashes right before it. */
function escapedAt(buf: Uint8Array, j: number): boolean {
  let k = j - 1;
  while (buf[k] === BACKSLASH) k--;
  return (j - 1 - k) % 2 === 1;
}

/** Whether bytes [from, to) hold anything but whitespace. */
function hasContent(buf: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(buf[k])) return true;
  return false;
}

/**
 * Splits the top-level values of a JSON array (`[v, v, …]`) or of JSON lines (one value per line) out of the file's
 * bytes pushed in chunks of any size, in order; `onValue` receives each parsed value. A leading BOM is skipped.
 * Throws an IoError prefixed with `where` naming the value (its number, or its line) that is not valid JSON or
 * UTF-8, that nests deeper than MAX_NESTING, or an unclosed array (at `end`).
 */
export class JsonSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private mode: 'start' | 'array' | 'lines' | 'done' = 'start';
  /** The unconsumed bytes of the last chunk (the start of a value not yet complete); already scanned. */
  private carry = new Uint8Array(0);
  private index = 0;
  /** JSON lines: the line the current value starts on, and the lines scanned so far. */
  private line = 1;
  private lines = 1;
  private depth = 0;
  private inString = false;
  /** Values parsed so far. */
  count = 0;

  constructor(private readonly onValue: (value: unknown) => void, private readonly where: string) {}

  private parse(buf: Uint8Array, from: number, to: number, label: string): void {
    let text: string;
    try {
      text = this.decoder.decode(buf.subarray(from, to));
    } catch {
      throw new IoError(`${this.where}${label} is not valid UTF-8 — save the file as UTF-8`);
    }
    let v: unknown;
    try {
      v = JSON.parse(text) as unknown;
    } catch (e) {
      throw new IoError(`${this.where}${label} is not valid JSON (${(e as Error).message}) — check that the file is complete`);
    }
    this.count++;
    this.onValue(v);
  }

  private tooDeep(): never {
    throw new IoError(`${this.where}the JSON nests more than ${MAX_NESTING} levels deep — no ownership or BODS file does; it is broken or hostile`);
  }

  /** Scans the next chunk, handing out every value it completes. */
  push(chunk: Uint8Array): void {
    if (!chunk.length) return;
    const buf = concat(this.carry, chunk);
    const n = buf.length;
    let start = 0; // start of the unconsumed part of buf (the carried-over start of a value)
    let i = this.carry.length; // the carried bytes were scanned already: the state covers them
    if (this.mode === 'start') {
      while (i < n && (isSpace(buf[i]) || buf[i] === 0xef || buf[i] === 0xbb || buf[i] === 0xbf)) i++;
      if (i === n) {
        this.carry = new Uint8Array(0);
        return;
      }
      if (buf[i] === OPEN_BRACKET) {
        this.mode = 'array';
        i++;
      } else this.mode = 'lines';
      start = i;
    }
    const lines = this.mode === 'lines';
    let depth = this.depth, inString = this.inString;
    while (i < n) {
      if (inString) {
        // Strings are most of a file's bytes: jump to the closing quote (native search), not byte by byte.
        let j = buf.indexOf(QUOTE, i);
        while (j !== -1 && escapedAt(buf, j)) j = buf.indexOf(QUOTE, j + 1);
        if (j === -1) break; // the string goes on in the next chunk
        inString = false;
        i = j + 1;
        continue;
      }
      const c = CLASS[buf[i]];
      if (c === 0) {
        i++;
        continue;
      }
      if (c === QUOTE_C) inString = true;
      else if (c === OPEN_C) {
        if (++depth > MAX_NESTING) this.tooDeep();
      } else if (this.mode === 'array' && depth === 0 && (c === COMMA_C || buf[i] === CLOSE_BRACKET)) {
        if (hasContent(buf, start, i)) this.parse(buf, start, i, `value ${++this.index}`);
        else if (c === COMMA_C) throw new IoError(`${this.where}value ${this.index + 1} is empty (two commas in a row) — check that the file is complete`);
        start = i + 1;
        if (c !== COMMA_C) this.mode = 'done';
      } else if (c === CLOSE_C) depth--;
      else if (c === NEWLINE_C && lines) {
        this.lines++;
        if (depth <= 0) {
          if (hasContent(buf, start, i)) this.parse(buf, start, i, `line ${this.line}`);
          this.line = this.lines;
          start = i + 1;
          depth = 0;
        }
      } else if (this.mode === 'done' && c !== NEWLINE_C) throw new IoError(`${this.where}there is more after the closing ] of the array — one JSON array per file`);
      i++;
    }
    if (this.mode === 'done') {
      if (hasContent(buf, start, n)) throw new IoError(`${this.where}there is more after the closing ] of the array — one JSON array per file`);
      start = n;
    }
    this.depth = depth;
    this.inString = inString;
    this.carry = start === n ? new Uint8Array(0) : buf.slice(start);
  }

  /** Ends the input: parses a last JSON line without a newline; throws if an array is not closed. */
  end(): void {
    if (this.mode === 'array') throw new IoError(`${this.where}the JSON array is not closed (no final ]) — the file is truncated`);
    if (this.mode === 'lines' && hasContent(this.carry, 0, this.carry.length)) this.parse(this.carry, 0, this.carry.length, `line ${this.line}`);
    this.carry = new Uint8Array(0);
  }
}

/**
 * The top-level values of a JSON array or of JSON lines, in order, from the file's bytes in chunks of any size
 * (JsonSplitter, as a generator). Errors as JsonSplitter's.
 */
export function* jsonValues(chunks: Iterable<Uint8Array>, where: string): Generator<unknown> {
  let out: unknown[] = [];
  const splitter = new JsonSplitter((v) => out.push(v), where);
  for (const chunk of chunks) {
    splitter.push(chunk);
    const ready = out;
    out = [];
    yield* ready;
  }
  splitter.end();
  yield* out;
}
