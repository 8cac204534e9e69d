// Entity names as the table prints them, as UTF-8 bytes in one buffer: each name's bytes, its length in UTF-16 units
// (the unit the table's widths count) and whether its bytes may be copied into a row as they are. The columnar reader
// fills it from the file's bytes (no string per name: the snapshot's name list makes a name's string when it is read,
// and only explanations read any); any other document's names are encoded once from their strings.
import { NAME_AT } from '../analysis/snapshot';

/** A line break inside a name (printed as " / ") or a tab (printed as a space). */
const BREAKS = /[\t\n\r]/;

/**
 * What keeps a name from being copied as bytes: a control character (printed as "�") or whitespace other than the
 * space (a row's end is trimmed of any whitespace). A lone surrogate is one unit wide and encoded as "�" either way.
 */
// eslint-disable-next-line no-control-regex
const UNPLAIN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[^\S ]/;

/** Kinds of name: made as text (not plain), printable ASCII, plain text with other characters. */
export const TEXT = 0, ASCII = 1, PLAIN = 2;

/** The kind of a name that is not all printable ASCII. */
export const kindOf = (s: string): number => (UNPLAIN.test(s) ? TEXT : PLAIN);

/** A name as the table prints it on one row: a line break becomes " / " and a tab a space. */
export const oneLine = (s: string): string => (BREAKS.test(s) ? s.replace(/\r\n|\r|\n/g, ' / ').replace(/\t/g, ' ') : s);

/** The bytes behind a name list made by nameList (the columnar reader's). */
const behind = new WeakMap<readonly string[], NameBytes>();

const utf8 = new TextDecoder();

/** Names (on one line) as UTF-8 bytes, with their lengths and kinds. */
export class NameBytes {
  /** The UTF-8 bytes of every name on one line, one after the other. */
  bytes: Uint8Array;
  /**
   * Two numbers a name, side by side (one cache line for both): where its bytes start, and its length in UTF-16 units
   * times 4 plus its kind. meta[2n] is where the last name's bytes end.
   */
  meta: Float64Array;
  n = 0;
  /** The names whose bytes are not the name's own (read with escapes): the name as it is. */
  private readonly raws = new Map<number, string>();
  /** The names as strings, when they were given so. */
  private strings: readonly string[] | null = null;
  private readonly encoder = new TextEncoder();

  /** Room for `names` names of `bytes` bytes in all to start with; both grow as needed. */
  constructor(names: number, bytes: number) {
    this.meta = new Float64Array(2 * names + 2);
    this.bytes = new Uint8Array(bytes);
  }

  /** The names of a list (as strings), each encoded once; the list's own bytes when the columnar reader made it. */
  static of(names: readonly string[]): NameBytes {
    const made = behind.get(names);
    if (made) return made;
    const nb = new NameBytes(names.length, 16 * names.length + 1024);
    for (const s of names) nb.addText(s, false);
    nb.strings = names;
    return nb;
  }

  private room(names: number, bytes: number): void {
    if (2 * (this.n + names) + 2 > this.meta.length) {
      const meta = new Float64Array(Math.max(2 * this.meta.length, 2 * (this.n + names) + 2));
      meta.set(this.meta);
      this.meta = meta;
    }
    const end = this.meta[2 * this.n];
    if (end + bytes > this.bytes.length) {
      const b = new Uint8Array(Math.max(2 * this.bytes.length, end + bytes));
      b.set(this.bytes.subarray(0, end));
      this.bytes = b;
    }
  }

  /** Adds the name whose UTF-8 bytes (on one line: no line break or tab) are [a, b) of `buf`. */
  addBytes(buf: Uint8Array, a: number, b: number, units: number, kind: number): void {
    this.room(1, b - a);
    const bytes = this.bytes, meta = this.meta, v = this.n++;
    let p = meta[2 * v];
    for (let i = a; i < b; i++) bytes[p++] = buf[i];
    meta[2 * v + 1] = units * 4 + kind;
    meta[2 * v + 2] = p;
  }

  /**
   * Adds a name given as a string: printable ASCII copied, anything else put on one line and encoded. `keep`: the
   * string is kept when it is not all printable ASCII (its bytes are those of its line, which may differ).
   */
  addText(s: string, keep: boolean): void {
    const len = s.length;
    this.room(1, 3 * len); // at most three bytes a unit (" / " for a line break too)
    const bytes = this.bytes, meta = this.meta, v = this.n++;
    const p = meta[2 * v];
    let i = 0;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f) break;
      bytes[p + i] = c;
    }
    if (i === len) {
      meta[2 * v + 1] = len * 4 + ASCII;
      meta[2 * v + 2] = p + len;
      return;
    }
    if (keep) this.raws.set(v, s);
    const line = oneLine(s);
    meta[2 * v + 1] = line.length * 4 + kindOf(line);
    meta[2 * v + 2] = p + this.encoder.encodeInto(line, bytes.subarray(p)).written;
  }

  units(v: number): number {
    return this.meta[2 * v + 1] >> 2;
  }

  kind(v: number): number {
    return this.meta[2 * v + 1] & 3;
  }

  /** Name v as it is. */
  name(v: number): string {
    if (this.strings) return this.strings[v];
    return this.raws.get(v) ?? utf8.decode(this.bytes.subarray(this.meta[2 * v], this.meta[2 * v + 2]));
  }

  /** Name v on one line, as a string. */
  line(v: number): string {
    return oneLine(this.name(v));
  }
}

/**
 * The names of `nb` as the list of strings a snapshot holds: a name's string is made when it is read, never kept
 * (the analysis reads names only for explanations). The table finds the bytes behind it (NameBytes.of).
 */
export function nameList(nb: NameBytes): string[] {
  const n = nb.n;
  const nameAt = (v: number) => nb.name(v);
  const list = new Proxy<string[]>([], {
    get(target, key, receiver) {
      if (key === NAME_AT) return nameAt;
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 0x30 && c <= 0x39) {
          const v = Number(key);
          if (Number.isInteger(v) && v < n && String(v) === key) return nb.name(v);
        } else if (key === 'length') return n;
      }
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key)) return Number(key) < n;
      return Reflect.has(target, key);
    },
    set() {
      throw new TypeError('cli/tableNames: the name list of a register read column by column is read only');
    },
  });
  behind.set(list, nb);
  return list;
}
