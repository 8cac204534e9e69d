// Reads a plain native document (FORMAT.md) straight into columns, in pieces, without an object per record: entity
// ids and names as strings, holdings as typed arrays of entity numbers, fractions and day numbers. "Plain" is what a
// register is: entities and holdings with their basic fields, no agreements, relations, dependencies, events or
// scenarios, no bands, boards or decision rules, no stakes over 100%. Whatever else the file holds (or anything the
// general reader would refuse or warn about) makes it return null, and the command line reads the file the general
// way (cli/input.ts), which also words any error. What it accepts, it accepts exactly as the schema and validation
// do (model/fastCheck.ts, model/validate.ts).
import { closeSync, openSync, statSync } from 'node:fs';
import { isCalendarDate, type OwnershipDoc } from '../model';
import { entityKinds } from '../model/schema';
import { docFromParsed } from '../io/native';
import { ByteKeys, MAX_KEYS } from './byteKeys';
import { FlatScan, MORE, NOT_PLAIN, key } from './flatScan';
import { readEntity, readHolding, type EntityFields, type HoldingFields } from './fastRecords';
import { ASCII, NameBytes, TEXT, kindOf, nameList } from './tableNames';

/** Holdings as parallel columns in document order. */
export interface HoldingColumns {
  count: number;
  holder: Int32Array;
  subject: Int32Array;
  /** Percent as written. */
  shares: Float64Array;
  /** Percent as written, or NaN where the holding gives none (votes follow shares). */
  votes: Float64Array;
  /** YYYYMMDD, 0 when absent; null when no holding has the date. */
  since: Int32Array | null;
  until: Int32Array | null;
}

/** A plain document read into columns. */
export interface Columns {
  /** The document's own fields (title, asOf, …), validated; its entity and holding lists empty. */
  head: OwnershipDoc;
  n: number;
  ids: string[];
  /** Entity names; the native reader's list makes each name's string when it is read (cli/tableNames.ts nameList). */
  names: string[];
  isFloat: Uint8Array<ArrayBuffer>;
  /** Entity ids by their UTF-8 bytes: key number = entity index. */
  keys: ByteKeys;
  holdings: HoldingColumns;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const PIECE = 16 * 1024 * 1024;
const EPS = 1e-6;
const KINDS = entityKinds.map(key);
const FLOAT = entityKinds.indexOf('float');
const K = {
  entities: key('entities'), holdings: key('holdings'),
  id: key('id'), name: key('name'), kind: key('kind'), jurisdiction: key('jurisdiction'), listed: key('listed'), notes: key('notes'),
  holder: key('holder'), subject: key('subject'), shares: key('shares'), votes: key('votes'), since: key('since'), until: key('until'), estimated: key('estimated'),
};
/** Top-level lists that must be empty (or absent) in a plain document. */
const EMPTY_LISTS = ['agreements', 'relations', 'dependencies', 'events', 'scenarios'] as const;

function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** A date string (YYYY-MM-DD, already checked) as YYYYMMDD: compared as numbers, dates order as the strings do. */
export const dayNumber = (d: string): number => Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));

class Reader {
  s = new FlatScan();
  keys = new ByteKeys();
  holdingKeys = new ByteKeys();
  ids: string[] = [];
  /** Names as bytes (no string per name). */
  names: NameBytes;
  isFloat: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 12);
  h: HoldingColumns;

  /**
   * `size`: the file's size. The columns are made as long as the file can need at once (holdings: its size over the
   * shortest holding record; names: as many bytes as the file): pages never written are never backed by memory, and
   * no column is copied as it grows.
   */
  constructor(size: number) {
    // The shortest holding record, {"id":"1","holder":"2","subject":"3","shares":1}, is 47 bytes.
    const capacity = Math.max(1 << 12, Math.ceil(size / 47));
    this.h = { count: 0, holder: new Int32Array(capacity), subject: new Int32Array(capacity), shares: new Float64Array(capacity), votes: new Float64Array(capacity), since: null, until: null };
    // The shortest entity record, {"id":"1","name":"2"}, is 21 bytes, and the byte keys take at most MAX_KEYS ids.
    this.names = new NameBytes(Math.min(Math.ceil(size / 21), MAX_KEYS) + 1, Math.min(size, 2 ** 31 - 1) + 1024);
  }
  outline: string[] = [];
  seen = new Set<string>();
  /** 0 before the document, 1 between its fields, 2 in the entity list, 3 in the holding list, 4 after it. */
  state = 0;

  /** Whether a record of the current list has been read (the next one follows a comma). */
  started = false;

  /**
   * One step: the document's opening, one of its fields, or one record of a list. A step changes nothing until it has
   * read all its bytes, so that it can run again from its start when the buffer ran out (MORE).
   */
  step(): void {
    const s = this.s;
    if (this.state === 0) {
      s.expect(0x7b);
      if (s.peek() === 0x7d) throw NOT_PLAIN; // an empty object is no document
      this.state = 1;
      return;
    }
    if (this.state === 2 || this.state === 3) {
      const c = s.peek();
      if (c === 0x5d) {
        s.pos++;
        this.state = 1;
        return;
      }
      if (this.started) s.expect(0x2c);
      if (this.state === 2) this.entity();
      else this.holding();
      this.started = true;
      return;
    }
    // Between the document's fields.
    if (s.peek() === 0x7d) {
      s.pos++;
      this.state = 4;
      return;
    }
    if (this.seen.size) s.expect(0x2c);
    s.str();
    if (s.escaped) throw NOT_PLAIN;
    const name = s.text();
    if (this.seen.has(name)) throw NOT_PLAIN; // a repeated field: JSON.parse keeps the last, the general reader decides
    s.expect(0x3a);
    if (name === 'entities' || name === 'holdings') {
      s.expect(0x5b);
      if (name === 'holdings' && !this.seen.has('entities')) throw NOT_PLAIN; // holders are looked up as they come
      this.seen.add(name);
      this.state = name === 'entities' ? 2 : 3;
      this.started = false;
      return;
    }
    const start = s.skipValue();
    this.seen.add(name);
    let value: string;
    try {
      value = strictUtf8.decode(s.buf.subarray(start, s.pos));
    } catch {
      throw NOT_PLAIN;
    }
    this.outline.push(`${JSON.stringify(name)}:${value}`);
  }

  /** An entity's fields, read by the fast path or the general one. */
  private readonly entityRead: EntityFields = { ka: -1, kb: -1, id: null, na: -1, nb: -1, escapedName: null, units: 0, nameKind: ASCII, kind: -1 };

  private entity(): void {
    const s = this.s, f = this.entityRead;
    const mark = s.pos;
    if (!readEntity(s, KINDS, f)) {
      s.pos = mark;
      this.entityFields(f);
    }
    const v = this.keys.add(s.buf, f.ka, f.kb);
    if (v < 0) throw NOT_PLAIN; // a duplicate id
    this.ids.push(f.id ?? s.buf.toString('latin1', f.ka, f.kb));
    if (f.escapedName !== null) this.names.addText(f.escapedName, true);
    else this.names.addBytes(s.buf, f.na, f.nb, f.units, f.nameKind);
    this.isFloat = grown(this.isFloat, v + 1);
    if (f.kind === FLOAT) this.isFloat[v] = 1;
  }

  /** Reads an entity record the general way. */
  private entityFields(f: EntityFields): void {
    const s = this.s;
    s.expect(0x7b);
    f.ka = -1;
    f.id = null;
    f.na = -1;
    f.escapedName = null;
    f.nameKind = ASCII;
    f.kind = -1;
    let first = true;
    for (;;) {
      const c = s.peek();
      if (c === 0x7d) {
        s.pos++;
        break;
      }
      if (!first) {
        if (c !== 0x2c) throw NOT_PLAIN;
        s.pos++;
      }
      first = false;
      s.str();
      if (s.escaped) throw NOT_PLAIN;
      const sa = s.sa, sb = s.sb;
      s.expect(0x3a);
      s.sa = sa;
      s.sb = sb;
      if (s.is(K.id)) {
        s.str();
        if (s.escaped) throw NOT_PLAIN; // one id, one spelling: the same id escaped differently is left to the general reader
        const id = s.text();
        if (id.length < 1 || id.length > 200) throw NOT_PLAIN;
        f.id = id;
        f.ka = s.sa;
        f.kb = s.sb;
      } else if (s.is(K.name)) {
        // The name: its bytes [na, nb) when they are its UTF-8, else the string read through its escapes.
        s.str();
        f.na = s.sa;
        f.nb = s.sb;
        f.escapedName = null;
        if (s.escaped || s.wide) {
          const name = s.text(); // checks the UTF-8 and reads the escapes
          if (name.length > 500 || name.trim().length === 0) throw NOT_PLAIN;
          if (s.escaped) f.escapedName = name;
          f.units = name.length;
          f.nameKind = kindOf(name);
        } else {
          // Printable ASCII, or DEL (a control character): no raw byte below 0x20 passes str().
          const buf = s.buf, na = s.sa, nb = s.sb;
          f.units = nb - na;
          if (f.units > 500) throw NOT_PLAIN;
          let blank = true;
          f.nameKind = ASCII;
          for (let i = na; i < nb; i++) {
            const c = buf[i];
            if (c !== 0x20) blank = false;
            if (c === 0x7f) f.nameKind = TEXT;
          }
          if (blank) throw NOT_PLAIN;
        }
      } else if (s.is(K.kind)) {
        s.str();
        f.kind = KINDS.findIndex((k) => s.is(k));
        if (f.kind < 0) throw NOT_PLAIN;
      } else if (s.is(K.jurisdiction)) {
        s.str();
        const b = s.buf;
        if (s.sb - s.sa !== 2 || !(b[s.sa] >= 0x41 && b[s.sa] <= 0x5a && b[s.sa + 1] >= 0x41 && b[s.sa + 1] <= 0x5a)) throw NOT_PLAIN;
      } else if (s.is(K.listed)) s.bool();
      else if (s.is(K.notes)) {
        s.str();
        s.text(); // checks the UTF-8
      } else throw NOT_PLAIN;
    }
    if (f.ka < 0 || f.na < 0) throw NOT_PLAIN;
  }

  /** The entity a holder or subject names, or NOT_PLAIN. */
  private ref(): number {
    const s = this.s;
    s.str();
    if (s.escaped) throw NOT_PLAIN;
    const v = this.keys.get(s.buf, s.sa, s.sb);
    if (v < 0) throw NOT_PLAIN;
    return v;
  }

  private date(): number {
    const s = this.s;
    if (s.null()) return 0;
    s.str();
    const d = s.text();
    if (!isCalendarDate(d)) throw NOT_PLAIN;
    return dayNumber(d);
  }

  /** A holding's fields, read by the fast path or the general one. */
  private readonly fields: HoldingFields = { ha: -1, hb: -1, holder: -1, subject: -1, shares: NaN, votes: NaN, since: 0, until: 0 };

  private holding(): void {
    const s = this.s, f = this.fields;
    const mark = s.pos;
    if (!readHolding(s, this.keys, f)) {
      s.pos = mark;
      this.holdingFields(f);
    }
    this.keep(f);
  }

  /** Reads a holding record the general way. */
  private holdingFields(f: HoldingFields): void {
    const s = this.s;
    s.expect(0x7b);
    f.ha = -1;
    f.holder = -1;
    f.subject = -1;
    f.shares = NaN;
    f.votes = NaN;
    f.since = 0;
    f.until = 0;
    let first = true;
    for (;;) {
      const c = s.peek();
      if (c === 0x7d) {
        s.pos++;
        break;
      }
      if (!first) {
        if (c !== 0x2c) throw NOT_PLAIN;
        s.pos++;
      }
      first = false;
      s.str();
      if (s.escaped) throw NOT_PLAIN;
      const sa = s.sa, sb = s.sb;
      s.expect(0x3a);
      s.sa = sa;
      s.sb = sb;
      if (s.is(K.id)) {
        s.str();
        if (s.escaped) throw NOT_PLAIN;
        if (s.wide ? s.text().length > 200 : s.sb - s.sa > 200) throw NOT_PLAIN;
        if (s.sb === s.sa) throw NOT_PLAIN;
        f.ha = s.sa;
        f.hb = s.sb;
      } else if (s.is(K.holder)) f.holder = this.ref();
      else if (s.is(K.subject)) f.subject = this.ref();
      else if (s.is(K.shares)) {
        f.shares = s.num();
        if (!(f.shares >= 0 && f.shares <= 100)) throw NOT_PLAIN;
      } else if (s.is(K.votes)) {
        f.votes = s.num();
        if (!(f.votes >= 0 && f.votes <= 100)) throw NOT_PLAIN;
      } else if (s.is(K.since)) f.since = this.date();
      else if (s.is(K.until)) f.until = this.date();
      else if (s.is(K.estimated)) s.bool();
      else if (s.is(K.notes)) {
        s.str();
        s.text();
      } else throw NOT_PLAIN;
    }
  }

  /** Checks a holding read whole and adds it to the columns. */
  private keep(f: HoldingFields): void {
    const s = this.s;
    const { ha, hb, holder, subject, shares, votes, since, until } = f;
    if (ha < 0 || holder < 0 || subject < 0 || Number.isNaN(shares) || holder === subject) throw NOT_PLAIN;
    if (since && until && until < since) throw NOT_PLAIN;
    if (this.holdingKeys.add(s.buf, ha, hb) < 0) throw NOT_PLAIN; // a duplicate id
    const h = this.h;
    const k = h.count++;
    if (k >= h.holder.length) {
      h.holder = grown(h.holder, k + 1);
      h.subject = grown(h.subject, k + 1);
      h.shares = grown(h.shares, k + 1);
      h.votes = grown(h.votes, k + 1);
      if (h.since) h.since = grown(h.since, k + 1);
      if (h.until) h.until = grown(h.until, k + 1);
    }
    h.holder[k] = holder;
    h.subject[k] = subject;
    h.shares[k] = shares;
    h.votes[k] = votes;
    if (since) (h.since ??= new Int32Array(h.holder.length))[k] = since;
    if (until) (h.until ??= new Int32Array(h.holder.length))[k] = until;
  }

  /**
   * Whether every subject's holdings sum to at most 100% (validate.ts refuses or warns past it), summed as validate.ts
   * sums them: the larger of shares and votes, in document order. Done once the holdings are read, in a loop of its
   * own: each holding's subject is a cache miss at a register's size, and here the misses overlap.
   */
  totalsWithin(): boolean {
    const h = this.h, m = h.count, subject = h.subject, shares = h.shares, votes = h.votes;
    // Per subject, side by side (one cache line): the number of its holdings, and their sum.
    const sums = new Float64Array(2 * this.ids.length);
    for (let k = 0; k < m; k++) {
      const at = 2 * subject[k], v = votes[k];
      const c = ++sums[at];
      const t = (sums[at + 1] += Math.max(shares[k], Number.isNaN(v) ? shares[k] : v));
      if (c >= 2 && t > 100 + EPS) return false;
    }
    return true;
  }

  /** The document's own fields, validated by the general reader's code (io/native), or NOT_PLAIN. */
  head(where: string): OwnershipDoc {
    if (!this.seen.has('entities') || !this.seen.has('holdings')) throw NOT_PLAIN;
    let raw: unknown;
    try {
      raw = JSON.parse(`{${this.outline.join(',')}}`);
    } catch {
      throw NOT_PLAIN;
    }
    const o = raw as Record<string, unknown>;
    for (const k of EMPTY_LISTS) if (o[k] !== undefined && !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0)) throw NOT_PLAIN;
    o.entities = [];
    o.holdings = [];
    try {
      return docFromParsed(o, where);
    } catch {
      throw NOT_PLAIN;
    }
  }
}

/**
 * Reads the native document in `file` into columns, in pieces of 16 MB (the file is never held whole), or null when
 * it is not a plain register (the caller then reads it the general way).
 */
export function readColumns(file: string, piece = PIECE): Columns | null {
  const r = new Reader(statSync(file).size);
  const s = r.s;
  const fd = openSync(file, 'r');
  try {
    s.buf = Buffer.allocUnsafe(piece * 2);
    let at = 0;
    for (;;) {
      at = s.refill(fd, at); // the unread tail kept, the rest of the buffer filled from the file
      try {
        for (;;) {
          if (r.state === 4) {
            // Nothing but whitespace may follow the document.
            for (; s.pos < s.end; s.pos++) {
              const c = s.buf[s.pos];
              if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return null;
            }
            if (s.eof) return finish(r, file);
            break;
          }
          const mark = s.pos;
          try {
            r.step();
          } catch (e) {
            s.pos = mark;
            throw e;
          }
        }
      } catch (e) {
        if (e === NOT_PLAIN) return null;
        if (e !== MORE) throw e;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function finish(r: Reader, file: string): Columns | null {
  let head: OwnershipDoc;
  try {
    head = r.head(`io/native: ${file}: `);
  } catch (e) {
    if (e === NOT_PLAIN) return null;
    throw e;
  }
  if (!r.totalsWithin()) return null;
  const n = r.ids.length;
  return { head, n, ids: r.ids, names: nameList(r.names), isFloat: r.isFloat.subarray(0, n), keys: r.keys, holdings: r.h };
}
