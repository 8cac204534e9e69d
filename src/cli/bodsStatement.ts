// One BODS statement read from bytes for the columnar reader (cli/bodsColumns.ts), as the plain case needs it: the
// statement's ids and date, an entity's or person's name and kind (from our export's annotation), a relationship's ends,
// shares, votes and dates. The plain case is what the general importer (io/bodsImport.ts) reads without a guess, a
// warning or a choice: a BODS 0.4 statement that our export carries whole in its annotation, one statement per record,
// a direct shareholding (with or without voting rights) given as an exact figure. Anything else in a field the import
// reads is NOT_PLAIN; fields it never reads in that case are skipped, checked as JSON (cli/bodsSkip.ts).
// One class in one file on purpose, past the usual length: split into a base class, or into functions and a second
// class in other modules, the scan of the 100k sample took 12% and 30% more CPU.
import { readDate } from '../io/bodsRead';
import { ENDED } from '../io/bodsSeries';
import { entityKinds } from '../model/schema';
import { NOT_PLAIN, key, type FlatScan } from './flatScan';
import { checkedText, checkString, Remembered, skipChecked, Template } from './bodsSkip';
import { dayNumber } from './columnarRead';

/** Record types (a statement's `type`), and what an annotation carries (its `carried`). */
export const ENTITY = 1, PERSON = 2, RELATIONSHIP = 3, HOLDING = 4;

const K = {
  statementId: key('statementId'), declarationSubject: key('declarationSubject'), statementDate: key('statementDate'),
  recordId: key('recordId'), recordType: key('recordType'), recordStatus: key('recordStatus'), recordDetails: key('recordDetails'),
  publicationDetails: key('publicationDetails'), source: key('source'), annotations: key('annotations'),
  entity: key('entity'), person: key('person'), relationship: key('relationship'), holding: key('holding'), new: key('new'), updated: key('updated'),
  name: key('name'), names: key('names'), type: key('type'), fullName: key('fullName'), givenName: key('givenName'), familyName: key('familyName'),
  legal: key('legal'), individual: key('individual'),
  subject: key('subject'), interestedParty: key('interestedParty'), interests: key('interests'), shareholding: key('shareholding'),
  votingRights: key('votingRights'), directOrIndirect: key('directOrIndirect'), direct: key('direct'), unknown: key('unknown'),
  share: key('share'), exact: key('exact'), startDate: key('startDate'), endDate: key('endDate'),
  minimum: key('minimum'), maximum: key('maximum'), exclusiveMinimum: key('exclusiveMinimum'), exclusiveMaximum: key('exclusiveMaximum'),
  description: key('description'), ownershipGraph: key('ownershipGraph'), kind: key('kind'), record: key('record'), id: key('id'),
  notes: key('notes'), listed: key('listed'), estimated: key('estimated'),
};
const KINDS = entityKinds.map(key);
const FLOAT = entityKinds.indexOf('float'), PERSON_KIND = entityKinds.indexOf('person');

/** The fields of a statement, as bits. */
const STATEMENT_ID = 1, SOURCE = 2, DECLARATION_SUBJECT = 4, PUBLICATION_DETAILS = 8, STATEMENT_DATE = 16, RECORD_ID = 32,
  RECORD_TYPE = 64, RECORD_STATUS = 128, RECORD_DETAILS = 256, ANNOTATIONS = 512;

const notPlain = (): never => {
  throw NOT_PLAIN;
};

/** One interest as read: its type (shareholding or votingRights), exact figure and dates (day numbers, 0 when none). */
interface Interest {
  votes: boolean;
  value: number;
  since: number;
  until: number;
}

/** Reads one statement at a time (`read`); its fields are then those of that statement (byte ranges into `s.buf`). */
export class StatementScan {
  type = 0;
  /** statementId [sidA, sidB) when it is a non-empty string, else sidA = −1. */
  sidA = -1;
  sidB = -1;
  ridA = -1;
  ridB = -1;
  /** statementDate as YYYYMMDD, 0 when absent. */
  date = 0;
  /** ENTITY or HOLDING: what the annotation carries; 0 when nothing. */
  carried = 0;
  cidA = -1;
  cidB = -1;
  /** The carried entity's kind (an index into entityKinds). */
  kind = -1;
  /** The entity's or person's name, trimmed. */
  name: string | null = null;
  subjA = -1;
  subjB = -1;
  partyA = -1;
  partyB = -1;
  shares = NaN;
  /** NaN when no votingRights interest. */
  votes = NaN;
  since = 0;
  until = 0;
  private ended = false;
  /** The statement's interests (at most two), in objects made once and filled again for each statement. */
  private readonly interests: Interest[] = [{ votes: false, value: 0, since: 0, until: 0 }, { votes: false, value: 0, since: 0, until: 0 }];
  private interestCount = 0;
  /** What the last statement had at these places (cli/bodsSkip Remembered). */
  private readonly publication = new Remembered();
  private readonly statementDate = new Remembered();
  private readonly interestDate = new Remembered();
  private readonly note = new Remembered();
  /** The last annotations read, by record type (cli/bodsSkip Template). */
  private readonly annotationTemplates = [new Template(), new Template(), new Template(), new Template()];

  constructor(private readonly s: FlatScan) {}

  /** A key of an object the plain case reads: no escapes (an escaped key may spell a field the import reads). */
  private key(): void {
    const s = this.s, buf = s.buf, end = s.end;
    // Most keys: plain ASCII between quotes, then a colon, read in one go; anything else the general way below.
    let p = s.pos;
    while (p < end && (buf[p] === 0x20 || buf[p] === 0x0a || buf[p] === 0x0d || buf[p] === 0x09)) p++;
    if (p < end && buf[p] === 0x22) {
      let q = p + 1;
      for (; q < end; q++) {
        const c = buf[q];
        if (c === 0x22 || c === 0x5c || c < 0x20 || c >= 0x80) break;
      }
      if (q < end && buf[q] === 0x22) {
        let r = q + 1;
        while (r < end && (buf[r] === 0x20 || buf[r] === 0x0a || buf[r] === 0x0d || buf[r] === 0x09)) r++;
        if (r < end && buf[r] === 0x3a) {
          s.sa = p + 1;
          s.sb = q;
          s.pos = r + 1;
          return;
        }
      }
    }
    s.str();
    if (s.escaped) throw NOT_PLAIN;
    if (s.wide) checkString(s);
    const sa = s.sa, sb = s.sb;
    s.expect(0x3a);
    s.sa = sa;
    s.sb = sb;
  }

  /** After an object's member: true at its closing brace (consumed), false after a comma. */
  private next(close = 0x7d): boolean {
    const s = this.s;
    const c = s.peek();
    s.pos++;
    if (c === close) return true;
    if (c !== 0x2c) throw NOT_PLAIN;
    return false;
  }

  /** Opens an object (or array); true when it is empty (closed too). */
  private open(c: number): boolean {
    const s = this.s;
    s.expect(c);
    if (s.peek() !== c + 2) return false;
    s.pos++;
    return true;
  }

  /** A string that names a record (an id or a reference): unescaped, not empty; its bytes in sa/sb. */
  private idString(): void {
    const s = this.s;
    s.str();
    if (s.escaped || s.sb === s.sa) throw NOT_PLAIN;
    if (s.wide) checkString(s);
  }

  /** A date field (null or a BODS date, a date-time cut to its date) as YYYYMMDD, 0 when null. */
  private day(last: Remembered): number {
    const s = this.s;
    if (s.null()) return 0;
    s.str();
    if (last.isLast(s)) return last.value;
    const d = dayNumber(readDate(checkedText(s), notPlain)!);
    last.keepLast(s, d);
    return d;
  }

  /** Which field of a statement the last key read names (one of the bits below), 0 when none. */
  private statementKey(): number {
    const s = this.s;
    const c = s.buf[s.sa];
    switch (s.sb - s.sa) {
      case 6: return s.is(K.source) ? SOURCE : 0;
      case 8: return s.is(K.recordId) ? RECORD_ID : 0;
      case 10: return s.is(K.recordType) ? RECORD_TYPE : 0;
      case 11: return c === 0x73 ? (s.is(K.statementId) ? STATEMENT_ID : 0) : s.is(K.annotations) ? ANNOTATIONS : 0;
      case 12: return s.is(K.recordStatus) ? RECORD_STATUS : 0;
      case 13: return c === 0x73 ? (s.is(K.statementDate) ? STATEMENT_DATE : 0) : s.is(K.recordDetails) ? RECORD_DETAILS : 0;
      case 18: return c === 0x64 ? (s.is(K.declarationSubject) ? DECLARATION_SUBJECT : 0) : s.is(K.publicationDetails) ? PUBLICATION_DETAILS : 0;
      default: return 0;
    }
  }

  /** Reads the statement that starts at the scanner's position (after whitespace). */
  read(): void {
    const s = this.s;
    this.type = 0;
    this.sidA = this.ridA = this.cidA = this.subjA = this.partyA = -1;
    this.date = this.carried = 0;
    this.kind = -1;
    this.name = null;
    this.ended = false;
    this.interestCount = 0;
    let seen = 0, details = false;
    if (this.open(0x7b)) throw NOT_PLAIN;
    do {
      this.key();
      const bit = this.statementKey();
      switch (bit) {
        case STATEMENT_ID:
          if (s.peek() === 0x22) {
            s.str();
            if (s.escaped) throw NOT_PLAIN; // compared as bytes: one spelling only
            if (s.wide) checkString(s);
            if (s.sb > s.sa) {
              this.sidA = s.sa;
              this.sidB = s.sb;
            }
          } else skipChecked(s, 1);
          break;
        case DECLARATION_SUBJECT:
        case SOURCE:
          skipChecked(s, 1);
          break;
        case PUBLICATION_DETAILS:
          this.publication.skip(s, 1);
          break;
        case STATEMENT_DATE:
          this.date = this.day(this.statementDate);
          break;
        case RECORD_ID:
          this.idString();
          this.ridA = s.sa;
          this.ridB = s.sb;
          break;
        case RECORD_TYPE:
          s.str();
          this.type = s.is(K.entity) ? ENTITY : s.is(K.person) ? PERSON : s.is(K.relationship) ? RELATIONSHIP : notPlain();
          break;
        case RECORD_STATUS:
          s.str();
          if (!s.is(K.new) && !s.is(K.updated)) throw NOT_PLAIN; // closed ends records; a lone update reads as new
          break;
        case RECORD_DETAILS:
          details = true;
          if (this.type === ENTITY) this.entityDetails();
          else if (this.type === PERSON) this.personDetails();
          else if (this.type === RELATIONSHIP) this.relationshipDetails();
          else throw NOT_PLAIN; // details before the record type: not read here
          break;
        case ANNOTATIONS:
          this.annotations();
          break;
        default:
          throw NOT_PLAIN;
      }
      if (seen & bit) throw NOT_PLAIN; // a repeated field: JSON.parse keeps the last
      seen |= bit;
    } while (!this.next());
    if (this.ridA < 0 || !details) throw NOT_PLAIN;
    if (this.type === RELATIONSHIP) {
      if (this.carried !== HOLDING || this.ended) throw NOT_PLAIN;
      this.relationshipEnd();
    } else {
      if (this.carried !== ENTITY || this.name === null || this.kind < 0) throw NOT_PLAIN;
      // The carried record's id is the record id (relationships name entities by record id).
      const b = s.buf;
      if (this.cidB - this.cidA !== this.ridB - this.ridA) throw NOT_PLAIN;
      for (let i = 0; i < this.ridB - this.ridA; i++) if (b[this.cidA + i] !== b[this.ridA + i]) throw NOT_PLAIN;
    }
  }

  /** An entity's details: its name (what the import reads of a carried entity that can go wrong); the rest skipped. */
  private entityDetails(): void {
    const s = this.s;
    if (this.open(0x7b)) return;
    do {
      this.key();
      if (s.is(K.name)) {
        if (this.name !== null) throw NOT_PLAIN;
        s.str();
        this.name = named(checkedText(s));
      } else skipChecked(s, 2);
    } while (!this.next());
  }

  /** A person's details: the name shown (io/bodsEntity personName: a legal full name first, else any); the rest skipped. */
  private personDetails(): void {
    const s = this.s;
    if (this.open(0x7b)) return;
    let seen = false;
    do {
      this.key();
      if (s.is(K.names)) {
        if (seen) throw NOT_PLAIN;
        seen = true;
        this.names();
      } else skipChecked(s, 2);
    } while (!this.next());
  }

  private names(): void {
    const s = this.s;
    let preferred: string | undefined, any: string | undefined;
    if (!this.open(0x5b)) {
      do {
        if (s.peek() !== 0x7b) {
          skipChecked(s, 3); // not an object: personName passes over it
          continue;
        }
        let type = '', full: string | undefined, given: string | undefined, family: string | undefined, seen = 0;
        if (!this.open(0x7b)) {
          do {
            this.key();
            const bit = s.is(K.type) ? 1 : s.is(K.fullName) ? 2 : s.is(K.givenName) ? 4 : s.is(K.familyName) ? 8 : 0;
            if (!bit) {
              skipChecked(s, 4);
              continue;
            }
            if (seen & bit) throw NOT_PLAIN;
            seen |= bit;
            if (s.peek() !== 0x22) {
              skipChecked(s, 4); // not a string: personName reads it as absent
              continue;
            }
            s.str();
            if (bit === 1) {
              if (s.escaped) throw NOT_PLAIN; // compared as bytes
              if (s.wide) checkString(s);
              type = s.is(K.legal) || s.is(K.individual) ? 'legal' : 'other';
            } else {
              const t = checkedText(s);
              if (bit === 2) full = t;
              else if (bit === 4) given = t;
              else family = t;
            }
          } while (!this.next());
        }
        const shown = full !== undefined && full.trim() ? full : [given, family].filter((x) => x !== undefined && x.trim()).join(' ') || undefined;
        if (shown !== undefined) {
          any ??= shown;
          if (type === 'legal') preferred ??= shown;
        }
      } while (!this.next(0x5d));
    }
    const name = preferred ?? any;
    if (name !== undefined) this.name = named(name);
  }

  /** A relationship's details: its ends and interests; the rest (componentRecords…) skipped. */
  private relationshipDetails(): void {
    const s = this.s;
    if (this.open(0x7b)) return;
    let seen = 0;
    do {
      this.key();
      const bit = s.is(K.subject) ? 1 : s.is(K.interestedParty) ? 2 : s.is(K.interests) ? 4 : 0;
      if (!bit) {
        skipChecked(s, 2);
        continue;
      }
      if (seen & bit) throw NOT_PLAIN;
      seen |= bit;
      if (bit === 4) this.interestList();
      else {
        this.idString(); // an unspecified party (an object) is not the plain case
        if (bit === 1) {
          this.subjA = s.sa;
          this.subjB = s.sb;
        } else {
          this.partyA = s.sa;
          this.partyB = s.sb;
        }
      }
    } while (!this.next());
  }

  private interestList(): void {
    if (this.open(0x5b)) return;
    do {
      if (this.interestCount === 2) throw NOT_PLAIN;
      this.interest(this.interests[this.interestCount++]);
    } while (!this.next(0x5d));
  }

  /** A direct (or unknown) shareholding or voting rights with an exact figure; anything else is NOT_PLAIN. */
  private interest(into: Interest): void {
    const s = this.s;
    let type = 0, value = NaN, since = 0, until = 0, seen = 0;
    if (this.open(0x7b)) throw NOT_PLAIN;
    do {
      this.key();
      const bit = s.is(K.type) ? 1 : s.is(K.directOrIndirect) ? 2 : s.is(K.share) ? 4 : s.is(K.startDate) ? 8 : s.is(K.endDate) ? 16 : 0;
      if (!bit) {
        skipChecked(s, 4); // beneficialOwnershipOrControl, details: not read for a holding
        continue;
      }
      if (seen & bit) throw NOT_PLAIN;
      seen |= bit;
      if (bit === 1) {
        s.str();
        type = s.is(K.shareholding) ? 1 : s.is(K.votingRights) ? 2 : notPlain();
      } else if (bit === 2) {
        if (!s.null()) {
          s.str();
          if (!s.is(K.direct) && !s.is(K.unknown)) throw NOT_PLAIN; // indirect interests are placed by bodsIndirect
        }
      } else if (bit === 4) value = this.share();
      else if (bit === 8) since = this.day(this.interestDate);
      else until = this.day(this.interestDate);
    } while (!this.next());
    if (!type || Number.isNaN(value)) throw NOT_PLAIN;
    if (since && until && until <= since) throw NOT_PLAIN; // refused, or a period of no day (left out)
    into.votes = type === 2;
    into.value = value;
    into.since = since;
    into.until = until;
  }

  /** A share given as an exact figure from 0 to 100 (no bounds). */
  private share(): number {
    const s = this.s;
    let value = NaN;
    if (this.open(0x7b)) return value;
    do {
      this.key();
      if (s.is(K.exact)) {
        if (!Number.isNaN(value)) throw NOT_PLAIN;
        value = s.num();
        if (!(value >= 0 && value <= 100)) throw NOT_PLAIN;
      } else if (s.is(K.minimum) || s.is(K.maximum) || s.is(K.exclusiveMinimum) || s.is(K.exclusiveMaximum)) {
        if (!s.null()) throw NOT_PLAIN;
      } else skipChecked(s, 5);
    } while (!this.next());
    return value;
  }

  /** One holding from the interests: a shareholding, with at most one voting rights interest of the same period. */
  private relationshipEnd(): void {
    const n = this.interestCount, [a, b] = this.interests;
    if (this.subjA < 0 || this.partyA < 0 || !n) throw NOT_PLAIN;
    const sh = !a.votes ? a : n === 2 && !b.votes ? b : undefined;
    const vo = a.votes ? a : n === 2 && b.votes ? b : undefined;
    if (!sh || (n === 2 && (!vo || vo.since !== sh.since || vo.until !== sh.until))) throw NOT_PLAIN;
    this.shares = sh.value;
    this.votes = vo ? vo.value : NaN;
    this.since = sh.since;
    this.until = sh.until;
  }

  /** The annotations: descriptions (a GLEIF "relationship deleted" ends a record) and our carried record. */
  private annotations(): void {
    const s = this.s;
    // Our export's annotations differ from statement to statement only by the carried record's id.
    const t = this.annotationTemplates[this.type];
    if (t.match(s)) {
      this.cidA = t.a;
      this.cidB = t.b;
      this.carried = t.result[0];
      this.kind = t.result[1];
      if (t.result[2]) this.ended = true;
      return;
    }
    s.peek();
    const start = s.pos;
    this.readAnnotations();
    if (this.cidA > start) {
      t.keep(s.buf, start, this.cidA, this.cidB, s.pos);
      t.result[0] = this.carried;
      t.result[1] = this.kind;
      t.result[2] = this.ended ? 1 : 0;
    }
  }

  private readAnnotations(): void {
    const s = this.s;
    if (this.open(0x5b)) return;
    do {
      if (this.open(0x7b)) continue;
      let seen = 0;
      do {
        this.key();
        if (s.is(K.description)) {
          if (seen & 1) throw NOT_PLAIN;
          seen |= 1;
          if (s.null()) continue;
          s.str();
          if (!this.note.isLast(s)) this.note.keepLast(s, ENDED.test(checkedText(s)) ? 1 : 0);
          if (this.note.value) this.ended = true;
        } else if (s.is(K.ownershipGraph)) {
          if (seen & 2 || this.carried) throw NOT_PLAIN;
          seen |= 2;
          this.ownershipGraph();
        } else skipChecked(s, 3);
      } while (!this.next());
    } while (!this.next(0x5d));
  }

  /** Our export's carried record: an entity with its kind only, or a holding with its id only (notes aside). */
  private ownershipGraph(): void {
    const s = this.s;
    let carried = 0, seen = 0, fields = 0;
    if (this.open(0x7b)) throw NOT_PLAIN;
    do {
      this.key();
      if (s.is(K.kind)) {
        if (seen & 1) throw NOT_PLAIN;
        seen |= 1;
        s.str();
        carried = s.is(K.entity) ? ENTITY : s.is(K.holding) ? HOLDING : notPlain();
      } else if (s.is(K.record)) {
        if (seen & 2) throw NOT_PLAIN;
        seen |= 2;
        if (this.open(0x7b)) throw NOT_PLAIN;
        do {
          this.key();
          const bit = s.is(K.id) ? 1 : s.is(K.kind) ? 2 : s.is(K.notes) ? 4 : s.is(K.listed) ? 8 : s.is(K.estimated) ? 16 : notPlain();
          if (fields & bit) throw NOT_PLAIN;
          fields |= bit;
          if (bit === 1) {
            this.idString();
            this.cidA = s.sa;
            this.cidB = s.sb;
          } else if (bit === 2) {
            s.str();
            this.kind = KINDS.findIndex((k) => s.is(k));
            if (this.kind < 0) throw NOT_PLAIN;
          } else if (bit === 4) {
            s.str();
            checkString(s);
          } else s.bool();
        } while (!this.next());
      } else skipChecked(s, 4);
    } while (!this.next());
    const allowed = carried === ENTITY ? 1 | 2 | 4 | 8 : 1 | 4 | 16;
    if (!carried || !(fields & 1) || fields & ~allowed || (carried === ENTITY && !(fields & 2))) throw NOT_PLAIN;
    this.carried = carried;
  }

  /** Whether the carried entity is the float. */
  get isFloat(): boolean {
    return this.kind === FLOAT;
  }

  /** Whether the carried entity is a person (the import warns when one is held, whatever its record type). */
  get isPerson(): boolean {
    return this.kind === PERSON_KIND;
  }
}

/** A name as the import keeps it (trimmed), or NOT_PLAIN when it would be made up (empty) or cut (over 500 characters). */
function named(text: string): string {
  const t = text.trim();
  if (!t || t.length > 500) throw NOT_PLAIN;
  return t;
}
