// Reads a BODS file (a JSON array of statements, or JSON lines) straight into the columns the native columnar reader
// fills (cli/columnarRead.ts Columns: entity ids, names and floats; holdings as typed arrays), in pieces, without an
// object per statement: the same route to the analysis (cli/columnarDoc.ts). Only the plain case (cli/bodsStatement.ts:
// what our export writes for a register, read by the general importer with no guess and no warning) is read here;
// anything else (history, indirect or unspecified interests, bands, placeholders, duplicate ids, stakes over 100%, a
// statement dated after the view date, a file the general reader refuses) returns null, and the command line reads the
// file the general way (cli/input.ts, io/bodsImport.ts), which also words every warning and error.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { CURRENT_VERSION, type OwnershipDoc } from '../model';
import { ByteKeys } from './byteKeys';
import { SeenHashes } from './bodsSeen';
import { FlatScan, MORE, NOT_PLAIN } from './flatScan';
import { dayNumber, type Columns, type HoldingColumns } from './columnarRead';
import { ENTITY, PERSON, StatementScan } from './bodsStatement';

const PIECE = 16 * 1024 * 1024;
const EPS = 1e-6;

function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

class Reader {
  s = new FlatScan();
  st = new StatementScan(this.s);
  /** Record ids of entities and persons, and every id a relationship names (numbered as first met). */
  keys = new ByteKeys();
  relationshipIds: SeenHashes;
  statementIds: SeenHashes;
  /** Per key: its entity's number + 1 (0 while only named by a relationship), and whether that entity is a person. */
  entityOf = new Int32Array(1 << 12);
  person = new Uint8Array(1 << 12);
  /** Whether every key so far was an entity's own, in order (key number = entity number). */
  inOrder = true;
  ids: string[] = [];
  names: string[] = [];
  isFloat: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 12);
  h: HoldingColumns = { count: 0, holder: new Int32Array(1 << 12), subject: new Int32Array(1 << 12), shares: new Float64Array(1 << 12), votes: new Float64Array(1 << 12), since: null, until: null };
  /** Per subject key: holdings and the sum of the larger of shares and votes (the import refuses or warns past 100%). */
  count = new Int32Array(1 << 12);
  larger = new Float64Array(1 << 12);
  /** 0 before the first value, 1 in an array (a statement or its end next), 2 after an array's statement, 3 JSON lines, 4 after the array. */
  state = 0;
  /** JSON lines: whether a newline came since the last statement (two values on one line are refused). */
  newline = true;

  /**
   * `view`: the view date as YYYYMMDD (0 when none): a record described only after it is a placeholder then. `size`: the
   * file's, which bounds its statements (sets of ids made about that large at once, not grown step by step).
   */
  constructor(private readonly view: number, size: number) {
    this.statementIds = new SeenHashes(size / 400);
    this.relationshipIds = new SeenHashes(size / 800);
  }

  /** The record id a relationship named last as its subject, and its key: a register lists a company's holders together. */
  private lastSubject = new Uint8Array(256);
  private lastSubjectLength = -1;
  private lastSubjectKey = -1;

  /** The key of the subject [a, b) of a relationship (ref, with the last one remembered). */
  private subjectRef(a: number, b: number): number {
    const buf = this.s.buf, last = this.lastSubject, n = b - a;
    if (n === this.lastSubjectLength) {
      let i = 0;
      while (i < n && buf[a + i] === last[i]) i++;
      if (i === n) return this.lastSubjectKey;
    }
    const v = this.ref(a, b);
    if (n <= last.length) {
      last.set(buf.subarray(a, b));
      this.lastSubjectLength = n;
      this.lastSubjectKey = v;
    }
    return v;
  }

  /** The key of the record id [a, b), added when new. */
  private ref(a: number, b: number): number {
    const buf = this.s.buf;
    let v = this.keys.add(buf, a, b);
    if (v < 0) v = -1 - v;
    else {
      this.entityOf = grown(this.entityOf, v + 1);
      this.person = grown(this.person, v + 1);
    }
    return v;
  }

  /** One step: the file's opening, a separator, or one statement; it changes nothing until it has read all its bytes. */
  step(): void {
    const s = this.s;
    if (this.state === 0) {
      // As io/jsonStream: leading whitespace and byte-order-mark bytes, then an array, else JSON lines.
      for (;;) {
        if (s.pos >= s.end) s.more();
        const c = s.buf[s.pos];
        if (!(isSpace(c) || c === 0xef || c === 0xbb || c === 0xbf)) break;
        s.pos++;
      }
      if (s.buf[s.pos] === 0x5b) {
        s.pos++;
        this.state = 1;
      } else this.state = 3;
      return;
    }
    if (this.state === 2) {
      const c = s.peek();
      s.pos++;
      if (c === 0x5d) this.state = 4;
      else if (c === 0x2c) this.state = 1;
      else throw NOT_PLAIN;
      return;
    }
    if (this.state === 3) {
      let newline = this.newline;
      for (;;) {
        if (s.pos >= s.end) s.more(); // the step runs again from its start
        const c = s.buf[s.pos];
        if (!isSpace(c)) break;
        if (c === 0x0a) newline = true;
        s.pos++;
      }
      this.newline = newline;
      if (!newline) throw NOT_PLAIN;
    } else if (s.peek() !== 0x7b) throw NOT_PLAIN; // an empty array, a trailing comma, a value that is no statement
    this.st.read();
    this.commit();
    if (this.state === 1) this.state = 2;
    else this.newline = false;
  }

  /** Takes in the statement just read: nothing is thrown after a change but NOT_PLAIN (which ends the reading). */
  private commit(): void {
    const st = this.st, buf = this.s.buf;
    if (st.sidA >= 0 && !this.statementIds.add(buf, st.sidA, st.sidB)) throw NOT_PLAIN; // a repeated statementId
    if (st.type === ENTITY || st.type === PERSON) {
      if (this.view && st.date > this.view) throw NOT_PLAIN; // described only after the view date: a placeholder then
      const v = this.ref(st.ridA, st.ridB);
      if (this.entityOf[v]) throw NOT_PLAIN; // described twice (a history, or an entity and a person)
      const n = this.ids.length;
      if (v !== n) this.inOrder = false;
      const id = this.s.buf.toString('utf8', st.ridA, st.ridB);
      if (id.length > 200) throw NOT_PLAIN; // cut, with a warning
      this.entityOf[v] = n + 1;
      this.person[v] = st.isPerson ? 1 : 0;
      this.ids.push(id);
      this.names.push(st.name!);
      this.isFloat = grown(this.isFloat, n + 1);
      if (st.isFloat) this.isFloat[n] = 1;
      return;
    }
    if (!this.relationshipIds.add(buf, st.ridA, st.ridB)) throw NOT_PLAIN; // a record of several statements
    const subject = this.subjectRef(st.subjA, st.subjB), holder = this.ref(st.partyA, st.partyB);
    if (holder === subject) throw NOT_PLAIN; // treasury shares: left out, with a warning
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
    h.shares[k] = st.shares;
    h.votes[k] = st.votes;
    if (st.since) (h.since ??= new Int32Array(h.holder.length))[k] = st.since;
    if (st.until) (h.until ??= new Int32Array(h.holder.length))[k] = st.until;
    // As the import's checks sum them (io/totals, model/validate): past 100% is refused or warned about.
    if (subject >= this.count.length) {
      this.count = grown(this.count, subject + 1);
      this.larger = grown(this.larger, subject + 1);
    }
    this.count[subject]++;
    this.larger[subject] += Math.max(st.shares, Number.isNaN(st.votes) ? st.shares : st.votes);
    if (this.count[subject] >= 2 && this.larger[subject] > 100 + EPS) throw NOT_PLAIN;
  }

  /** The columns, once the whole file is read; NOT_PLAIN when a relationship names a record no statement describes. */
  finish(title: string, date: string | undefined): Columns {
    const n = this.ids.length;
    if (!n || this.keys.size !== n) throw NOT_PLAIN; // nothing to import, or placeholders (with a warning)
    const h = this.h;
    for (let k = 0; k < h.count; k++) if (this.person[h.subject[k]]) throw NOT_PLAIN; // a person held: read with a warning
    let keys = this.keys;
    if (!this.inOrder) {
      // A relationship named a record before its statement: keys renumbered in the entities' order.
      for (let k = 0; k < h.count; k++) {
        h.holder[k] = this.entityOf[h.holder[k]] - 1;
        h.subject[k] = this.entityOf[h.subject[k]] - 1;
      }
      keys = new ByteKeys();
      const enc = new TextEncoder();
      for (const id of this.ids) {
        const b = enc.encode(id);
        keys.add(b, 0, b.length);
      }
    }
    const head: OwnershipDoc = {
      format: 'ownership-graph', version: CURRENT_VERSION, title, ...(date ? { asOf: date } : {}),
      entities: [], holdings: [], agreements: [], dependencies: [], events: [],
    };
    return { head, n, ids: this.ids, names: this.names, isFloat: this.isFloat.subarray(0, n), keys, holdings: h };
  }
}

/**
 * Reads the BODS file `file` (named `name` in the title, as the general import names it) into columns for the view
 * date `date`, in pieces of 16 MB (never held whole), or null when it is not the plain case.
 */
export function readBodsColumns(file: string, name: string, date?: string, piece = PIECE): Columns | null {
  const fd = openSync(file, 'r');
  try {
    const r = new Reader(date ? dayNumber(date) : 0, fstatSync(fd).size);
    const s = r.s;
    s.buf = Buffer.allocUnsafe(piece * 2);
    let at = 0;
    for (;;) {
      at = s.refill(fd, at); // the unread tail kept, the rest of the buffer filled from the file
      try {
        for (;;) {
          if (r.state === 4) {
            // Nothing but whitespace may follow the array.
            for (; s.pos < s.end; s.pos++) if (!isSpace(s.buf[s.pos])) return null;
            if (s.eof) return r.finish(`Imported from ${name}`, date);
            break;
          }
          if (r.state === 3 && s.eof) {
            // JSON lines end with the file (whitespace after the last statement).
            let p = s.pos;
            while (p < s.end && isSpace(s.buf[p])) p++;
            if (p === s.end) return r.finish(`Imported from ${name}`, date);
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
