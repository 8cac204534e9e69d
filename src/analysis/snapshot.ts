// The document as in force on one date, indexed into flat arrays (CSR) so the math runs in linear time.
import { inForce, type Agreement, type OwnershipDoc } from '../model';
import { controlAgreements } from './relations';

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

function build(doc: OwnershipDoc, date: string): Snapshot {
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
  const live: number[] = [];
  const inCount = new Int32Array(n + 1);
  const outCount = new Int32Array(n + 1);
  doc.holdings.forEach((h, k) => {
    if (!inForce(h, date)) return;
    const s = index.get(h.subject), o = index.get(h.holder);
    if (s === undefined || o === undefined || s === o) return;
    live.push(k);
    inCount[s + 1]++;
    outCount[o + 1]++;
  });
  for (let i = 0; i < n; i++) {
    inCount[i + 1] += inCount[i];
    outCount[i + 1] += outCount[i];
  }
  const m = live.length;
  const inStart = inCount.slice(), outStart = outCount.slice();
  const inHolder = new Int32Array(m), inShares = new Float64Array(m), inVotes = new Float64Array(m);
  const inSeats = new Int32Array(m), inHolding = new Int32Array(m);
  const outSubject = new Int32Array(m), outShares = new Float64Array(m);
  const heldShares = new Float64Array(n);
  const holderCount = new Int32Array(n);
  const inPos = inCount, outPos = outCount; // reused as write cursors
  for (const k of live) {
    const h = doc.holdings[k];
    const s = index.get(h.subject)!, o = index.get(h.holder)!;
    const a = inPos[s]++;
    inHolder[a] = o;
    inShares[a] = h.shares / 100;
    inVotes[a] = (h.votes ?? h.shares) / 100;
    inSeats[a] = h.boardSeats ?? 0;
    inHolding[a] = k;
    heldShares[s] += h.shares / 100;
    holderCount[s]++;
    const b = outPos[o]++;
    outSubject[b] = s;
    outShares[b] = h.shares / 100;
  }
  // Stakes summing to at most 100.1% are rounded published figures (FORMAT.md): scaled to 100%, nothing unattributed.
  let rounded: Float64Array | undefined;
  for (let j = 0; j < n; j++) {
    const held = heldShares[j];
    if (held <= 1) continue;
    (rounded ??= new Float64Array(n))[j] = held;
    for (let e = inStart[j]; e < inStart[j + 1]; e++) inShares[e] /= held;
    heldShares[j] = 1;
  }
  if (rounded) for (let b = 0; b < m; b++) if (rounded[outSubject[b]] > 1) outShares[b] /= rounded[outSubject[b]];
  const agreements = new Map<number, Agreement[]>();
  for (const a of controlAgreements(doc)) {
    if (!inForce(a, date)) continue;
    const s = index.get(a.subject);
    if (s === undefined) continue;
    const list = agreements.get(s);
    if (list) list.push(a); else agreements.set(s, [a]);
  }
  return { doc, date, n, ids, index, names, isFloat, inStart, inHolder, inShares, inVotes, inSeats, inHolding, outStart, outSubject, outShares, heldShares, agreements, holderCount };
}
