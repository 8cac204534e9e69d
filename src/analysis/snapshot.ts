// The document as in force on one date, indexed into flat arrays (CSR) so the math runs in linear time.
import { docIndex, inForce, type Agreement, type OwnershipDoc } from '../model';
import { controlAgreements } from './relations';
import { rowsLike, sortRows, type Rows } from './csrSort';

/**
 * A name list may answer this key with a function giving name v directly (cli/tableNames.ts: a register's names,
 * made from bytes when read, behind a Proxy whose every index read costs more than the name).
 */
export const NAME_AT = Symbol('nameAt');

/** Name v of a snapshot's list: through the list's own reader when it has one (NAME_AT). */
export function nameReader(names: readonly string[]): (v: number) => string {
  const at = (names as unknown as Record<symbol, ((v: number) => string) | undefined>)[NAME_AT];
  return at ?? ((v) => names[v]);
}

/** An indexed view of the records in force on `date`. Holdings are grouped by subject (in*) and by holder (out*). */
export interface Snapshot {
  doc: OwnershipDoc;
  date: string;
  n: number;
  ids: string[];
  index: Map<string, number>;
  names: string[];
  /** 1 for entities of kind "float": they hold shares but never coordinate or control. */
  isFloat: Uint8Array;
  /** Holders of each subject: entries inStart[j] .. inStart[j+1]-1. */
  inStart: Int32Array;
  inHolder: Int32Array;
  inShares: Float64Array; // fractions 0..1
  inVotes: Float64Array; // fractions 0..1
  inSeats: Int32Array;
  inHolding: Int32Array; // index into doc.holdings
  /** Subjects each holder holds: entries outStart[i] .. outStart[i+1]-1. */
  outStart: Int32Array;
  outSubject: Int32Array;
  outShares: Float64Array;
  outHolding: Int32Array; // index into doc.holdings
  /** Sum of recorded shares per subject (fraction); 1 − this is the unattributed remainder. */
  heldShares: Float64Array;
  /** Agreements in force, by subject index (legal and de facto rules only). */
  agreements: Map<number, Agreement[]>;
  /** Number of holders per entity (0 = terminal holder). */
  holderCount: Int32Array;
}

const cache = new WeakMap<OwnershipDoc, Map<string, Snapshot>>();

/** Builds (or reuses) the snapshot of `doc` on `date`. */
export function snapshot(doc: OwnershipDoc, date: string): Snapshot {
  let byDate = cache.get(doc);
  if (!byDate) cache.set(doc, (byDate = new Map()));
  let snap = byDate.get(date);
  if (!snap) byDate.set(date, (snap = build(doc, date)));
  return snap;
}

/** Takes the snapshot of `doc` on `date` built elsewhere (the command line's columnar reader: cli/columnarDoc.ts). */
export function seedSnapshot(doc: OwnershipDoc, date: string, snap: Snapshot): void {
  let byDate = cache.get(doc);
  if (!byDate) cache.set(doc, (byDate = new Map()));
  byDate.set(date, snap);
}

/** The holdings of a document as parallel arrays in document order: what a snapshot's CSR is built from. */
export interface HoldingTable {
  holder: Int32Array; // entity index
  subject: Int32Array;
  /** 1 when the holding is in force on the date and links two different entities of the document. */
  live: Uint8Array;
  shares: Float64Array; // fractions 0..1
  votes: Float64Array;
  seats: Int32Array;
}

/** Reads the holdings of `doc` on `date` into a HoldingTable. */
export function holdingTable(doc: OwnershipDoc, index: Map<string, number>, date: string): HoldingTable {
  const m = doc.holdings.length;
  const t: HoldingTable = { holder: new Int32Array(m), subject: new Int32Array(m), live: new Uint8Array(m), shares: new Float64Array(m), votes: new Float64Array(m), seats: new Int32Array(m) };
  for (let k = 0; k < m; k++) readHolding(t, k, doc.holdings[k], index, date);
  return t;
}

/** Writes one holding into row k of a table. */
export function readHolding(t: HoldingTable, k: number, h: OwnershipDoc['holdings'][number], index: Map<string, number>, date: string) {
  const s = index.get(h.subject), o = index.get(h.holder);
  t.subject[k] = s ?? -1;
  t.holder[k] = o ?? -1;
  t.live[k] = s !== undefined && o !== undefined && s !== o && inForce(h, date) ? 1 : 0;
  t.shares[k] = h.shares / 100;
  t.votes[k] = (h.votes ?? h.shares) / 100;
  t.seats[k] = h.boardSeats ?? 0;
}

/** The entity fields of a snapshot. */
export function entityFields(doc: OwnershipDoc) {
  const n = doc.entities.length;
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  const index = new Map<string, number>();
  const isFloat = new Uint8Array(n);
  doc.entities.forEach((e, i) => {
    ids[i] = e.id;
    names[i] = e.name;
    index.set(e.id, i);
    if (e.kind === 'float') isFloat[i] = 1;
  });
  return { n, ids, names, index, isFloat };
}

/** Agreements in force on `date`, by subject index. */
export function agreementsBySubject(doc: OwnershipDoc, index: Map<string, number>, date: string): Map<number, Agreement[]> {
  const agreements = new Map<number, Agreement[]>();
  for (const a of controlAgreements(doc)) {
    if (!inForce(a, date)) continue;
    const s = index.get(a.subject);
    if (s === undefined) continue;
    const list = agreements.get(s);
    if (list) list.push(a); else agreements.set(s, [a]);
  }
  return agreements;
}

/** A snapshot from the document's shared index (model/docIndex: ids already resolved by validation). */
function build(doc: OwnershipDoc, date: string): Snapshot {
  const di = docIndex(doc);
  const n = doc.entities.length;
  const ids = new Array<string>(n), names = new Array<string>(n);
  const isFloat = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = doc.entities[i];
    ids[i] = x.id;
    names[i] = x.name;
    if (x.kind === 'float') isFloat[i] = 1;
  }
  const e = { n, ids, names, index: di.index, isFloat };
  const m = doc.holdings.length;
  const t: HoldingTable = { holder: di.holder, subject: di.subject, live: new Uint8Array(m), shares: new Float64Array(m), votes: new Float64Array(m), seats: new Int32Array(m) };
  for (let k = 0; k < m; k++) {
    const h = doc.holdings[k];
    const s = di.subject[k], o = di.holder[k];
    t.live[k] = s >= 0 && o >= 0 && s !== o && inForce(h, date) ? 1 : 0;
    t.shares[k] = h.shares / 100;
    t.votes[k] = (h.votes ?? h.shares) / 100;
    t.seats[k] = h.boardSeats ?? 0;
  }
  return fromTable(doc, date, e, t, agreementsBySubject(doc, e.index, date));
}

/**
 * Stakes summing to at most 100.1% are rounded published figures (FORMAT.md): the shares of subjects v0 .. v1−1
 * held above 100% are scaled to 100%, nothing unattributed (heldShares becomes 1), in and out entries alike.
 */
export function scaleRounded(n: number, inStart: Int32Array, inShares: Float64Array, outSubject: Int32Array, outShares: Float64Array, heldShares: Float64Array, v0: number, v1: number) {
  let rounded: Float64Array | undefined;
  for (let j = v0; j < v1; j++) {
    const held = heldShares[j];
    if (held <= 1) continue;
    (rounded ??= new Float64Array(n))[j] = held;
    for (let e = inStart[j]; e < inStart[j + 1]; e++) inShares[e] /= held;
    heldShares[j] = 1;
  }
  if (rounded) for (let b = 0; b < outSubject.length; b++) if (rounded[outSubject[b]] > 1) outShares[b] /= rounded[outSubject[b]];
}

/**
 * Typed arrays of the given lengths carved from one buffer, 8-byte ones first. One allocation instead of a dozen: each
 * large allocation counts towards V8's external memory, and every 64 MB of it starts a full collection of the heap,
 * which on a register of millions of entities holds tens of millions of objects (cli/columnarRead.ts).
 */
function carve(f64: number[], i32: number[]): { f: Float64Array[]; i: Int32Array[] } {
  const bytes = 8 * f64.reduce((a, b) => a + b, 0) + 4 * i32.reduce((a, b) => a + b, 0);
  const buf = new ArrayBuffer(bytes);
  let at = 0;
  const f = f64.map((len) => new Float64Array(buf, (at += 8 * len) - 8 * len, len));
  const i = i32.map((len) => new Int32Array(buf, (at += 4 * len) - 4 * len, len));
  return { f, i };
}

/**
 * Builds a snapshot from entity fields, a holding table and agreements. The live holdings are sorted by subject and by
 * holder (analysis/csrSort.ts, stable: each entity's entries keep document order); ranges, held totals and holder
 * counts are then read off the sorted subjects in one sequential pass.
 */
export function fromTable(doc: OwnershipDoc, date: string, e: ReturnType<typeof entityFields>, t: HoldingTable, agreements: Map<number, Agreement[]>): Snapshot {
  const { n } = e;
  const total = t.live.length;
  let m = 0, seats = false;
  for (let k = 0; k < total; k++) {
    if (!t.live[k]) continue;
    m++;
    if (t.seats[k]) seats = true;
  }
  const {
    f: [inShares, inVotes, outShares, heldShares],
    i: [inStart, outStart, inHolder, inSeats, inHolding, outSubject, outHolding, holderCount],
  } = carve([m, m, m, n], [n + 1, n + 1, m, m, m, m, m, n]);
  // By subject: the holder, the holding's row (and seats, when any holding has them), shares and votes.
  const shape = { ints: seats ? [0, 0, 0] : [0, 0], floats: [0, 0] };
  const rows = rowsLike(shape, m), spare = rowsLike(shape, m);
  for (let k = 0, a = 0; k < total; k++) {
    if (!t.live[k]) continue;
    rows.key[a] = t.subject[k];
    rows.ints[0][a] = t.holder[k];
    rows.ints[1][a] = k;
    if (seats) rows.ints[2][a] = t.seats[k];
    rows.floats[0][a] = t.shares[k];
    rows.floats[1][a] = t.votes[k];
    a++;
  }
  const sorted = new Int32Array(m);
  sortRows(rows, spare, { key: sorted, ints: seats ? [inHolder, inHolding, inSeats] : [inHolder, inHolding], floats: [inShares, inVotes] }, m, n);
  for (let a = 0; a < m; a++) {
    const s = sorted[a];
    inStart[s + 1]++;
    // Summed in document order, as the live analysis sums them (livePatch.ts).
    heldShares[s] += inShares[a];
    holderCount[s]++;
  }
  // By holder: the subject, the holding's row and shares, in the same scratch columns.
  const byHolder = (r: Rows): Rows => ({ key: r.key, ints: r.ints.slice(0, 2), floats: r.floats.slice(0, 1) });
  const out = byHolder(rows);
  for (let k = 0, a = 0; k < total; k++) {
    if (!t.live[k]) continue;
    out.key[a] = t.holder[k];
    out.ints[0][a] = t.subject[k];
    out.ints[1][a] = k;
    out.floats[0][a] = t.shares[k];
    a++;
  }
  sortRows(out, byHolder(spare), { key: sorted, ints: [outSubject, outHolding], floats: [outShares] }, m, n);
  for (let a = 0; a < m; a++) outStart[sorted[a] + 1]++;
  for (let i = 0; i < n; i++) {
    inStart[i + 1] += inStart[i];
    outStart[i + 1] += outStart[i];
  }
  scaleRounded(n, inStart, inShares, outSubject, outShares, heldShares, 0, n);
  return { doc, date, ...e, inStart, inHolder, inShares, inVotes, inSeats, inHolding, outStart, outSubject, outShares, outHolding, heldShares, agreements, holderCount };
}
