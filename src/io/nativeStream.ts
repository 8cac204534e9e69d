// Reads a native document (*.ownership.json) of any size from a stream of byte chunks, without ever holding its text:
// the records of every top-level array are cut out at their commas (a byte scan that tracks strings and nesting),
// decoded and parsed a batch at a time, and entity ids are interned so that holdings share the entities' strings. The
// document is then validated exactly as openDoc validates one (V8 strings end at about 512 MB; a national register's
// document is several GB).
import type { OwnershipDoc } from '../model';
import { IoError } from './errors';
import { docFromParsed } from './native';

/** Bytes of records gathered before they are decoded and parsed together. */
const BATCH = 8 * 1024 * 1024;

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d, OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d;

/** A placeholder left in the document's outline where a top-level array was cut out (not valid in any real field). */
const MARK = '\u0000records:';

/** Growable byte buffer. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  len = 0;
  push(src: Uint8Array, from: number, to: number): void {
    const need = this.len + (to - from);
    if (need > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < need) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    this.buf.set(src.subarray(from, to), this.len);
    this.len = need;
  }
  byte(b: number): void {
    if (this.len === this.buf.length) this.push(new Uint8Array([b]), 0, 1);
    else this.buf[this.len++] = b;
  }
}

/**
 * Parses the document whose bytes `next` hands out in order (null at the end) and validates it as openDoc does.
 * `batchBytes` (tests) sets how many bytes of records are parsed at once. Errors are IoErrors naming `fileName`.
 */
export function readNativeStream(next: () => Uint8Array | null, fileName: string, batchBytes = BATCH): OwnershipDoc {
  const where = `io/native: ${fileName}: `;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (b: Uint8Array) => {
    try {
      return decoder.decode(b);
    } catch {
      throw new IoError(`${where}the text is not valid UTF-8 — save it as UTF-8`);
    }
  };
  const parse = (text: string, what: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new IoError(`${where}the file is not valid JSON (${(e as Error).message} in ${what}) — check that it is complete`);
    }
  };
  const outline = new Bytes(); // the document with each top-level array replaced by a placeholder string
  const arrays: unknown[][] = [];
  const ids = new Map<string, string>(); // entity id → the one string every record uses for it
  let batch = new Bytes();
  let current: unknown[] = [];
  let currentName = '';
  // Scanner state, kept across chunks: nesting of the outline, strings, and the record being cut out.
  let depth = 0, inString = false, escaped = false, inArray = false, inRecord = false, recordDepth = 0;

  const flush = () => {
    if (!batch.len) return;
    const records = parse(`[${decode(batch.buf.subarray(0, batch.len))}]`, `the records of "${currentName}"`) as unknown[];
    intern(records, currentName, ids);
    for (let i = 0; i < records.length; i++) current.push(records[i]);
    batch = new Bytes();
  };
  const endRecord = (chunk: Uint8Array, from: number, to: number) => {
    batch.push(chunk, from, to);
    inRecord = false;
    if (batch.len >= batchBytes) flush();
  };

  for (let chunk = next(); chunk; chunk = next()) {
    let start = 0; // where the current record's bytes begin in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        if (!inRecord) outline.byte(b);
        continue;
      }
      if (inRecord) {
        if (b === QUOTE) inString = true;
        else if (b === OPEN_OBJECT || b === OPEN_ARRAY) recordDepth++;
        else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
          if (recordDepth === 0) {
            endRecord(chunk, start, i); // a scalar record, ended by the array's bracket: read that again
            i--;
          } else if (--recordDepth === 0) endRecord(chunk, start, i + 1);
        } else if (b === COMMA && recordDepth === 0) endRecord(chunk, start, i);
        continue;
      }
      if (inArray) {
        // Between records of a top-level array: whitespace and commas skipped; ']' ends the array.
        if (b === COMMA || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
        if (b === CLOSE_ARRAY) {
          flush();
          inArray = false;
          const mark = new TextEncoder().encode(JSON.stringify(MARK + arrays.length));
          outline.push(mark, 0, mark.length);
          arrays.push(current);
          current = [];
          continue;
        }
        if (batch.len) batch.byte(COMMA);
        inRecord = true;
        recordDepth = 0;
        start = i;
        i--; // the record's first byte is read as part of it
        continue;
      }
      if (b === QUOTE) inString = true;
      else if (b === OPEN_ARRAY && depth === 1) {
        // A top-level array: its records are cut out; the outline gets a placeholder when it closes.
        inArray = true;
        currentName = lastKey(outline);
        continue;
      } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) depth++;
      else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
      outline.byte(b);
    }
    if (inRecord) batch.push(chunk, start, chunk.length);
  }
  if (depth !== 0 || inString || inRecord || inArray) throw new IoError(`${where}the file is not valid JSON (it ends inside a value) — check that it is complete`);
  const raw = parse(decode(outline.buf.subarray(0, outline.len)), 'the document outline') as Record<string, unknown>;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const k of Object.keys(raw)) {
      const v = raw[k];
      if (typeof v === 'string' && v.startsWith(MARK)) raw[k] = arrays[Number(v.slice(MARK.length))];
    }
  }
  return docFromParsed(raw, where);
}

/** The last complete string in the outline (the key of the array that is opening). */
function lastKey(outline: Bytes): string {
  let end = outline.len - 1;
  while (end >= 0 && outline.buf[end] !== QUOTE) end--;
  let begin = end - 1;
  while (begin >= 0 && !(outline.buf[begin] === QUOTE && outline.buf[begin - 1] !== BACKSLASH)) begin--;
  if (begin < 0) return '';
  try {
    return JSON.parse(new TextDecoder().decode(outline.buf.subarray(begin, end + 1))) as string;
  } catch {
    return '';
  }
}

/** Entities' ids are remembered; holdings' holder and subject become those very strings (one copy per id). */
function intern(records: unknown[], name: string, ids: Map<string, string>): void {
  if (name === 'entities') {
    for (const r of records) {
      const id = (r as { id?: unknown })?.id;
      if (typeof id === 'string') ids.set(id, id);
    }
  } else if (name === 'holdings' && ids.size) {
    for (const r of records) {
      const h = r as { holder?: unknown; subject?: unknown };
      if (!h || typeof h !== 'object') continue;
      if (typeof h.holder === 'string') h.holder = ids.get(h.holder) ?? h.holder;
      if (typeof h.subject === 'string') h.subject = ids.get(h.subject) ?? h.subject;
    }
  }
}
