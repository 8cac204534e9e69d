// Byte-level splitting of a JSON array, or of JSON lines, into its top-level values, fed chunk by chunk: a file of
// hundreds of megabytes is never one string (V8 strings stop at about 512 MB) nor one JSON.parse; each value is
// decoded and parsed on its own as soon as its last byte arrives. Push-based (JsonSplitter: push chunks, values come
// out through a callback), so a synchronous reader (a file descriptor) and an asynchronous one (File.stream() in a
// worker) drive it alike; jsonValues wraps it as a generator. Pure: bytes in, values out; runs in Node and browsers.
import { IoError } from './errors';
import { MAX_NESTING } from './text';

const OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, NEWLINE = 0x0a;

/**
 * Bytes of the fast way parsed at a time (fastThrough): small enough that a piece's text, even as two-byte characters,
 * is an ordinary young object in V8 (under 128 KB), not a large object mapped and unmapped one by one (a tenth of the
 * read's time on the 100k register at 512 KB), and that what the reader lets go of a piece dies young.
 */
const PIECE = 48 * 1024;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** What each byte means to the scanner outside strings (0: nothing; most bytes of a file). */
const QUOTE_C = 1, OPEN_C = 2, CLOSE_C = 3, COMMA_C = 4, NEWLINE_C = 5;
const CLASS = new Uint8Array(256);
CLASS[QUOTE] = QUOTE_C;
CLASS[OPEN_BRACE] = CLASS[OPEN_BRACKET] = OPEN_C;
CLASS[CLOSE_BRACE] = CLASS[CLOSE_BRACKET] = CLOSE_C;
CLASS[COMMA] = COMMA_C;
CLASS[NEWLINE] = NEWLINE_C;

/**
 * Whether a parsed value nests arrays or objects more than MAX_NESTING levels deep (`level` is the value's own, 1 at the
 * top). Recursive, which is safe: it stops at MAX_NESTING + 1 levels. What io/text's checkNesting decides, several
 * times faster on a register's statements (no stack of values and depths kept by hand).
 */
function nestsTooDeep(value: object, level: number): boolean {
  if (level > MAX_NESTING) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const c: unknown = value[i];
      if (c !== null && typeof c === 'object' && nestsTooDeep(c, level + 1)) return true;
    }
    return false;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const c = (value as Record<string, unknown>)[k];
    if (c !== null && typeof c === 'object' && nestsTooDeep(c, level + 1)) return true;
  }
  return false;
}

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
 *
 * Two ways through a chunk, the same values either way. Fast: the complete lines of JSON lines, or the complete values
 * of an indented array up to its last separator at the top level (the bytes of the first separator the scan found,
 * such as "\n  },", recur only there: a newline is never inside a string, and deeper values are indented deeper),
 * are decoded and parsed in one go. Exact: a byte scan that tracks strings and nesting finds every value's end. A
 * chunk the fast way cannot parse (a value over several lines, a syntax error, an array written on one line) is
 * scanned exactly, which names what is wrong, and the rest of the file is scanned too.
 */
export class JsonSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private mode: 'start' | 'array' | 'lines' | 'done' = 'start';
  /** The unconsumed bytes of the last chunk: the start of a value not yet complete (a clean state at its start). */
  private carry = new Uint8Array(0);
  private index = 0;
  /** JSON lines: the line the carried bytes start on. */
  private line = 1;
  /** Whether the fast way is still tried; an array's top-level separator once seen ("\n  },"), null until then. */
  private fast = true;
  private separator: Uint8Array | null = null;
  /** Where the separator's closing bracket is in it (what findSeparator searches for). */
  private bracketAt = 0;
  /** Values parsed so far. */
  count = 0;

  constructor(private readonly onValue: (value: unknown) => void, private readonly where: string) {}

  private decode(buf: Uint8Array, from: number, to: number, label: string): string {
    try {
      return this.decoder.decode(buf.subarray(from, to));
    } catch {
      throw new IoError(`${this.where}${label} is not valid UTF-8 — save the file as UTF-8`);
    }
  }

  private parse(buf: Uint8Array, from: number, to: number, label: string): void {
    const text = this.decode(buf, from, to, label);
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

  /**
   * The fast way through `buf` from `start` (see the class): the values of every complete line, or of the array up to
   * its last top-level separator, parsed together and handed out; returns where the unconsumed bytes start, or -1
   * (nothing handed out) when the chunk must be scanned exactly.
   */
  private fastThrough(buf: Uint8Array, start: number): number {
    let cut = -1;
    if (this.mode === 'lines') cut = buf.lastIndexOf(NEWLINE);
    else if (this.separator) {
      const sep = this.separator;
      for (let p = buf.lastIndexOf(NEWLINE); p >= start; p = p > 0 ? buf.lastIndexOf(NEWLINE, p - 1) : -1) {
        let k = 1;
        while (k < sep.length && buf[p + k] === sep[k]) k++;
        if (k === sep.length) {
          cut = p + sep.length - 1; // the comma
          break;
        }
      }
    } else return start; // not learnt yet, or an array on one line: the exact scan
    if (cut < start) return start;
    // Parsed a piece at a time (about PIECE bytes, up to a separator): the values of one piece are read before the next
    // is parsed, so what a statement's reader lets go dies young instead of outliving a whole chunk's parse.
    let from = start;
    while (from <= cut) {
      const end = from + PIECE >= cut ? cut : this.nextCut(buf, from + PIECE, cut);
      let values: unknown[];
      let lines = 0;
      try {
        const text = this.decoder.decode(buf.subarray(from, end));
        if (this.mode === 'lines') {
          values = [];
          // The piece's lines, and its newlines: one after each line, the last at `end` (counted here, not searched for).
          const all = text.split('\n');
          lines = all.length;
          for (const line of all) if (line.trim()) values.push(JSON.parse(line));
        } else values = JSON.parse(`[${text}]`) as unknown[];
      } catch {
        if (from === start) return -1;
        this.fast = false; // the rest of the chunk is scanned exactly from the first piece that did not parse
        return from;
      }
      for (const v of values) if (v !== null && typeof v === 'object' && nestsTooDeep(v, 1)) this.tooDeep();
      if (this.mode === 'lines') this.line += lines;
      else this.index += values.length;
      for (const v of values) {
        this.count++;
        this.onValue(v);
      }
      from = end + 1;
    }
    return cut + 1;
  }

  /** The first cut (a newline of JSON lines, the comma of the array's separator) at or after `at`, else `cut`. */
  private nextCut(buf: Uint8Array, at: number, cut: number): number {
    if (this.mode === 'lines') {
      const k = buf.indexOf(NEWLINE, at);
      return k === -1 || k > cut ? cut : k;
    }
    const k = this.findSeparator(buf, at, cut);
    return k === -1 ? cut : k;
  }

  /**
   * The comma of the first separator (`this.separator`) that starts at or after `from` and ends before `to`, else -1.
   * Found by its closing bracket (a few in each statement of an indented array, where newlines are dozens).
   */
  private findSeparator(buf: Uint8Array, from: number, to: number): number {
    const sep = this.separator!;
    const kb = this.bracketAt;
    for (let q = buf.indexOf(sep[kb], from + kb); q !== -1 && q - kb + sep.length <= to; q = buf.indexOf(sep[kb], q + 1)) {
      const p = q - kb;
      let k = 0;
      while (k < sep.length && buf[p + k] === sep[k]) k++;
      if (k === sep.length) return p + sep.length - 1;
    }
    return -1;
  }

  /** Remembers the bytes of the array's first top-level separator (`comma` is its comma), when the array is indented. */
  private learnSeparator(buf: Uint8Array, comma: number): void {
    let c = comma - 1;
    while (c >= 0 && isSpace(buf[c])) c--;
    let nl = c - 1;
    while (nl >= 0 && (buf[nl] === 0x20 || buf[nl] === 0x09)) nl--;
    if (nl >= 0 && buf[nl] === NEWLINE && (buf[c] === CLOSE_BRACE || buf[c] === CLOSE_BRACKET)) {
      this.separator = buf.slice(nl, comma + 1);
      this.bracketAt = c - nl;
    }
  }

  /** Reads the next chunk, handing out every value it completes. Keeps no reference to `chunk`: its buffer may be reused. */
  push(chunk: Uint8Array): void {
    if (!chunk.length) return;
    // After a value begun in the last chunk, only the head of this one, up to its first cut, is joined to those bytes (a
    // copy of one value, not of the chunk); the rest is read where it lies.
    if (this.carry.length && this.fast) {
      const k = this.firstCut(chunk);
      if (k !== -1 && k + 1 < chunk.length) {
        this.pushJoined(chunk.subarray(0, k + 1));
        this.pushJoined(chunk.subarray(k + 1));
        return;
      }
    }
    this.pushJoined(chunk);
  }

  /** Where the fast way could first cut `chunk` (a newline of JSON lines, the comma of the array's separator), else -1. */
  private firstCut(chunk: Uint8Array): number {
    if (this.mode === 'lines') return chunk.indexOf(NEWLINE);
    const sep = this.separator;
    if (this.mode !== 'array' || !sep) return -1;
    return this.findSeparator(chunk, 0, chunk.length);
  }

  /** Reads the unconsumed bytes of the last chunk followed by `chunk`, handing out every value they complete. */
  private pushJoined(chunk: Uint8Array): void {
    const buf = concat(this.carry, chunk);
    const n = buf.length;
    let start = 0; // start of the unconsumed part of buf (a value's start: the scan begins there in a clean state)
    if (this.mode === 'start') {
      while (start < n && (isSpace(buf[start]) || buf[start] === 0xef || buf[start] === 0xbb || buf[start] === 0xbf)) start++;
      if (start === n) {
        this.carry = new Uint8Array(0);
        return;
      }
      if (buf[start] === OPEN_BRACKET) {
        this.mode = 'array';
        start++;
      } else this.mode = 'lines';
    }
    for (;;) {
      if (this.fast && this.mode !== 'done') {
        const next = this.fastThrough(buf, start);
        if (next === -1) this.fast = false;
        else start = next;
      }
      const learnt = !!this.separator;
      start = this.scan(buf, start);
      // The scan stops where it learnt the array's separator: the fast way takes the rest of the chunk.
      if (learnt || !this.separator || !this.fast || start >= n) break;
    }
    if (this.mode === 'done') {
      if (hasContent(buf, start, n)) throw new IoError(`${this.where}there is more after the closing ] of the array — one JSON array per file`);
      start = n;
    }
    this.carry = start === n ? new Uint8Array(0) : buf.slice(start);
  }

  /**
   * The exact scan of `buf` from `start` (a value's start): hands out every value it completes; returns where the
   * unconsumed bytes start. Stops after the array's first separator, once learnt.
   */
  private scan(buf: Uint8Array, start: number): number {
    const n = buf.length;
    const lines = this.mode === 'lines';
    let depth = 0, inString = false, line = this.line;
    let i = start;
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
        else if (!this.separator) {
          this.learnSeparator(buf, i);
          if (this.separator) return start;
        }
      } else if (c === CLOSE_C) depth--;
      else if (c === NEWLINE_C && lines) {
        line++;
        if (depth <= 0) {
          if (hasContent(buf, start, i)) this.parse(buf, start, i, `line ${this.line}`);
          this.line = line;
          start = i + 1;
          depth = 0;
        }
      } else if (this.mode === 'done' && c !== NEWLINE_C) throw new IoError(`${this.where}there is more after the closing ] of the array — one JSON array per file`);
      i++;
    }
    return start;
  }

  /** Ends the input: parses a last JSON line without a newline; throws if an array is not closed. */
  end(): void {
    if (this.mode === 'array') {
      // The last chunk's values after its last separator, and the closing bracket, are found by the exact scan.
      const rest = this.carry;
      this.carry = new Uint8Array(0);
      if (rest.length) {
        this.fast = false;
        this.push(rest);
      }
      if (this.mode === 'array') throw new IoError(`${this.where}the JSON array is not closed (no final ]) — the file is truncated`);
    }
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
