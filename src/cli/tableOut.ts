// The readable table `analyze` prints (FORMAT.md), written as UTF-8 bytes into one buffer used again for every chunk:
// names are encoded once (cli/tableNames.ts) and copied into the rows, and the widths come from their lengths. The
// bytes are those of the table made as strings and printed: cells padded or cut ("…") to widths counted in UTF-16
// units, two spaces between, trailing whitespace trimmed, control characters shown as "�" (cli/sanitize.ts). A row
// with a name that is not plain text (control characters, whitespace other than the space) is made as a string that way.
import { controlCertainty, ruleLabel, type Analysis } from '../analysis';
import { printable } from './sanitize';
import { NameBytes, ASCII, TEXT } from './tableNames';

/** The widest a cell is printed, in UTF-16 units; a longer one is cut and ends in "…". */
const WIDTH = 48;
/** Bytes gathered before a chunk is handed out. */
const CHUNK = 1 << 20;
const SPACE = 0x20;
/** "—" (an empty list) and "…" (a cut cell) in UTF-8. */
const DASH = [0xe2, 0x80, 0x94];
const ELLIPSIS = [0xe2, 0x80, 0xa6];

/** Writes the rows of one table into a growable buffer. */
class Rows {
  buf = new Uint8Array(CHUNK + (1 << 16));
  pos = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly names: NameBytes) {}

  /** Makes room for n more bytes. */
  room(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(2 * this.buf.length, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Writes text as printed: control characters replaced, then UTF-8. */
  text(s: string) {
    const t = printable(s);
    this.room(3 * t.length);
    this.pos += this.encoder.encodeInto(t, this.buf.subarray(this.pos)).written;
  }

  spaces(k: number) {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < k; i++) buf[p++] = SPACE;
    this.pos = p;
  }

  three(b: readonly number[]) {
    const buf = this.buf;
    buf[this.pos++] = b[0];
    buf[this.pos++] = b[1];
    buf[this.pos++] = b[2];
  }

  /**
   * Writes name v, or as much of it as fits in `budget` UTF-16 units; returns the units written. A pair of
   * surrogates cut in half leaves its first half, which UTF-8 prints as "�" (as encoding the cut string does; a lone
   * surrogate in a name was encoded so already, three bytes for its one unit).
   */
  name(v: number, budget: number): number {
    const { bytes, meta } = this.names;
    const buf = this.buf;
    let q = meta[2 * v];
    const x = meta[2 * v + 1], end = meta[2 * v + 2], units = x >> 2;
    if ((x & 3) === ASCII || units <= budget) {
      const stop = (x & 3) === ASCII ? Math.min(end, q + budget) : end;
      let p = this.pos;
      while (q < stop) buf[p++] = bytes[q++];
      this.pos = p;
      return Math.min(units, budget);
    }
    let u = 0;
    while (q < end) {
      const c = bytes[q];
      const size = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      const w = size === 4 ? 2 : 1;
      if (u + w > budget) {
        if (u < budget) {
          this.three([0xef, 0xbf, 0xbd]);
          u++;
        }
        break;
      }
      for (let k = 0; k < size; k++) buf[this.pos++] = bytes[q++];
      u += w;
    }
    return u;
  }

  /** Writes name v padded to `width` units, or cut to it with "…". */
  one(v: number, width: number) {
    const l = this.names.meta[2 * v + 1] >> 2;
    if (l <= width) {
      this.name(v, width);
      this.spaces(width - l);
    } else {
      this.name(v, width - 1);
      this.three(ELLIPSIS);
    }
  }

  /**
   * Writes names joined by " + " ("—" for none), padded to `width` units (unless `last`: the row's end is trimmed)
   * or cut to it with "…".
   */
  cell(vs: readonly number[], width: number, last = false) {
    if (vs.length === 0) {
      this.three(DASH);
      if (!last) this.spaces(width - 1);
      return;
    }
    const meta = this.names.meta;
    let total = 3 * (vs.length - 1);
    for (let k = 0; k < vs.length; k++) total += meta[2 * vs[k] + 1] >> 2;
    if (total <= width) {
      for (let k = 0; k < vs.length; k++) {
        if (k) this.spaces3();
        this.name(vs[k], width);
      }
      if (!last) this.spaces(width - total);
      return;
    }
    let budget = width - 1;
    for (let k = 0; k < vs.length && budget > 0; k++) {
      if (k) {
        // " + " or as much of it as fits.
        const s = Math.min(3, budget);
        if (s === 3) this.spaces3();
        else {
          this.spaces(1);
          if (s === 2) this.buf[this.pos++] = 0x2b;
        }
        budget -= s;
        if (budget === 0) break;
      }
      budget -= this.name(vs[k], budget);
    }
    this.three(ELLIPSIS);
  }

  /** " + " */
  spaces3() {
    const buf = this.buf;
    buf[this.pos++] = SPACE;
    buf[this.pos++] = 0x2b;
    buf[this.pos++] = SPACE;
  }

  /** Takes back the spaces at the end of what was written. */
  trim() {
    const buf = this.buf;
    let p = this.pos;
    while (buf[p - 1] === SPACE) p--;
    this.pos = p;
  }
}

/** The readable table, one row per entity, as chunks of UTF-8 bytes; each chunk is valid until the next is asked for. */
export function* tableChunks(a: Analysis): Generator<Uint8Array> {
  const { snap, doc, options } = a;
  const n = snap.n;
  const nb = NameBytes.of(snap.names);
  const meta = nb.meta;
  const units = (v: number) => meta[2 * v + 1] >> 2;
  const name = (id: string) => {
    const v = snap.index.get(id);
    return v === undefined ? id : nb.line(v);
  };
  const length = (vs: readonly number[]) => {
    if (vs.length < 2) return vs.length === 0 ? 1 : units(vs[0]);
    let l = 3 * (vs.length - 1);
    for (const v of vs) l += units(v);
    return l;
  };
  const head = ['Entity', 'Status', 'Parent', 'Ultimate controller(s)'];
  const widths = head.map((h) => h.length);
  // Column widths (capped). The controllers' columns are measured until both reach the cap.
  let most = 0, status = 0;
  for (let i = 0; i < n; i++) {
    if (units(i) > most) most = units(i);
    const l = a.statusAt(i).length;
    if (l > status) status = l;
  }
  widths[0] = Math.max(widths[0], Math.min(WIDTH, most));
  widths[1] = Math.max(widths[1], Math.min(WIDTH, status));
  for (let i = 0; i < n && (widths[2] < WIDTH || widths[3] < WIDTH); i++) {
    const l2 = length(a.parentsAt(i)), l3 = length(a.ultimatesAt(i));
    if (l2 > widths[2]) widths[2] = Math.min(WIDTH, l2);
    if (l3 > widths[3]) widths[3] = Math.min(WIDTH, l3);
  }
  const [w0, w1, w2, w3] = widths;
  const o = new Rows(nb);
  o.text(`Control under ${ruleLabel(options.rule, options.threshold)} (--rule ${options.rule}) on ${options.date}\n\n`);
  o.text(`${rowText(head[0], head[1], head[2], head[3], widths)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  // Status words are ASCII: written from their codes.
  for (let i = 0; i < n; i++) {
    const parents = a.parentsAt(i), ultimates = a.ultimatesAt(i), st = a.statusAt(i);
    o.room(1024);
    if ((meta[2 * i + 1] & 3) === TEXT || anyText(meta, parents) || anyText(meta, ultimates)) {
      const names = (vs: readonly number[]) => (vs.length === 0 ? '—' : vs.map((v) => nb.line(v)).join(' + '));
      o.text(`\n${rowText(nb.line(i), st, names(parents), names(ultimates), widths)}`);
    } else {
      o.buf[o.pos++] = 0x0a;
      o.one(i, w0);
      o.spaces(2);
      const buf = o.buf;
      let p = o.pos;
      for (let k = 0; k < st.length; k++) buf[p++] = st.charCodeAt(k);
      o.pos = p;
      o.spaces(w1 - st.length + 2);
      o.cell(parents, w2);
      o.spaces(2);
      o.cell(ultimates, w3, true);
      o.trim();
    }
    if (o.pos >= CHUNK) {
      yield o.buf.subarray(0, o.pos);
      o.pos = 0;
    }
  }
  if (a.loops.length) o.text(`\n\nClosed ownership loops: ${a.loops.map((l) => l.map(name).join(' ↔ ')).join('; ')}`);
  const certainty = controlCertainty(doc, a);
  if (certainty.size) {
    o.text('\n\nWithin published bands (figures given as ranges)');
    for (const [id, c] of certainty) o.text(`\n  ${name(id)}: control ${c.control === 'certain' ? 'certain' : 'only possible'} — ${c.note}`);
  }
  const deps = Object.entries(a.dependencies());
  if (deps.length) {
    const byId = new Map((doc.dependencies ?? []).map((d) => [d.id, d]));
    o.text('\n\nDependencies');
    for (const [id, e] of deps) {
      const d = byId.get(id)!;
      o.text(`\n  ${name(d.provider)} → ${name(d.client)} (${d.kind}): ${e.exposure}${e.crossBorder ? ', cross-border' : ''}`);
    }
  }
  if (o.pos) yield o.buf.subarray(0, o.pos);
}

function anyText(meta: Float64Array, vs: readonly number[]): boolean {
  for (let k = 0; k < vs.length; k++) if ((meta[2 * vs[k] + 1] & 3) === TEXT) return true;
  return false;
}

/** A row made as a string: cells padded to their widths or cut with "…", two spaces between, trailing whitespace trimmed. */
function rowText(c0: string, c1: string, c2: string, c3: string, widths: readonly number[]): string {
  const cell = (c: string, w: number) => (c.length > w ? `${c.slice(0, w - 1)}…` : c.padEnd(w));
  return `${cell(c0, widths[0])}  ${cell(c1, widths[1])}  ${cell(c2, widths[2])}  ${cell(c3, widths[3])}`.trimEnd();
}
