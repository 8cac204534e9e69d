// Entity names as the table prints them, encoded once as UTF-8 into one buffer: each name's bytes, its length in
// UTF-16 units (the unit the table's widths count), and whether its bytes may be copied into a row as they are.

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

/**
 * Names as the table prints them, one row per entity: a line break inside a name becomes " / " and a tab a space
 * (they would start a new row or shift the columns). The same array when no name has either (the usual case).
 */
export function oneLineNames(names: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < names.length; i++) {
    if (!BREAKS.test(names[i])) continue;
    out ??= names.slice();
    out[i] = names[i].replace(/\r\n|\r|\n/g, ' / ').replace(/\t/g, ' ');
  }
  return out ?? names;
}

/** The names of a table (already on one line), encoded once. */
export class NameBytes {
  /** The UTF-8 bytes of every name, one after the other. */
  bytes: Uint8Array;
  /** Where name v's bytes start; they end where name v + 1's start. */
  readonly start: Float64Array;
  /** Each name's length in UTF-16 units (String#length). */
  readonly units: Int32Array;
  /** Each name's kind: TEXT, ASCII or PLAIN. */
  readonly kind: Uint8Array;

  constructor(names: readonly string[]) {
    const n = names.length;
    this.start = new Float64Array(n + 1);
    this.units = new Int32Array(n);
    this.kind = new Uint8Array(n);
    let buf = new Uint8Array(16 * n + 1024);
    const encoder = new TextEncoder();
    let p = 0;
    for (let v = 0; v < n; v++) {
      const s = names[v];
      const len = s.length;
      if (p + 3 * len > buf.length) {
        const next = new Uint8Array(Math.max(2 * buf.length, p + 3 * len));
        next.set(buf.subarray(0, p));
        buf = next;
      }
      // Printable ASCII is copied as it is read; anything else is encoded whole and checked.
      let i = 0;
      for (; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c >= 0x7f) break;
        buf[p + i] = c;
      }
      if (i === len) {
        this.kind[v] = ASCII;
        p += len;
      } else {
        p += encoder.encodeInto(s, buf.subarray(p)).written;
        this.kind[v] = UNPLAIN.test(s) ? TEXT : PLAIN;
      }
      this.units[v] = len;
      this.start[v + 1] = p;
    }
    this.bytes = buf;
  }
}
