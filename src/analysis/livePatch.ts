// The holdings of a live analysis, patched in place for an edit: the table of rows (doc.holdings order) and the
// snapshot's CSR by subject and by holder live in buffers with spare room, so a changed figure is a write, and an
// added or removed holding a memmove of the tails, never a rebuild (a rebuild allocates tens of MB at 100k
// entities and the collections that follow cost more than the edit). Snapshots handed out are views of the
// buffers, valid until the next patch. The result equals fromTable on the new document (property-tested). Pure.
import type { OwnershipDoc } from '../model';
import type { RecordDiff } from '../model/recordDiff';
import { readHolding, type HoldingTable, type Snapshot } from './snapshot';

type Col = Int32Array | Float64Array | Uint8Array;

/** Grows a column to at least `size` entries, keeping its contents. */
function grow<T extends Col>(c: T, size: number): T {
  if (c.length >= size) return c;
  const next = new (c.constructor as new (n: number) => T)(Math.max(size, Math.ceil(c.length * 1.25) + 64));
  next.set(c as never);
  return next;
}

export class LiveHoldings {
  private rows = 0;
  private edges = 0;
  /** The holder → subject pairs in force that the last apply took away and put in (rows whose pair changed). */
  changedPairs: { added: [number, number][]; removed: [number, number][] } = { added: [], removed: [] };
  // Table columns (rows in doc.holdings order).
  holder: Int32Array; subject: Int32Array; live: Uint8Array; shares: Float64Array; votes: Float64Array; seats: Int32Array;
  // CSR by subject and by holder.
  inStart: Int32Array; inHolder: Int32Array; inShares: Float64Array; inVotes: Float64Array; inSeats: Int32Array; inHolding: Int32Array;
  outStart: Int32Array; outSubject: Int32Array; outShares: Float64Array; outHolding: Int32Array;
  heldShares: Float64Array; holderCount: Int32Array;

  constructor(private n: number, t: HoldingTable, s: Snapshot) {
    this.rows = t.live.length;
    this.edges = s.inHolder.length;
    ({ holder: this.holder, subject: this.subject, live: this.live, shares: this.shares, votes: this.votes, seats: this.seats } = t);
    ({ inStart: this.inStart, inHolder: this.inHolder, inShares: this.inShares, inVotes: this.inVotes, inSeats: this.inSeats, inHolding: this.inHolding } = s);
    ({ outStart: this.outStart, outSubject: this.outSubject, outShares: this.outShares, outHolding: this.outHolding, heldShares: this.heldShares, holderCount: this.holderCount } = s);
  }

  /** Grows or shrinks the per-entity arrays to `n` entities (entities taken away hold and are held by nothing by now). */
  resize(n: number) {
    const n0 = this.n;
    const starts = (a: Int32Array) => {
      const b = new Int32Array(n + 1);
      b.set(a.subarray(0, Math.min(n, n0) + 1));
      if (n > n0) b.fill(a[n0], n0 + 1);
      return b;
    };
    this.inStart = starts(this.inStart);
    this.outStart = starts(this.outStart);
    const held = new Float64Array(n), count = new Int32Array(n);
    held.set(this.heldShares.subarray(0, Math.min(n, n0)));
    count.set(this.holderCount.subarray(0, Math.min(n, n0)));
    this.heldShares = held;
    this.holderCount = count;
    this.n = n;
  }

  /** The table as views of the current rows. */
  table(): HoldingTable {
    const r = this.rows;
    return { holder: this.holder.subarray(0, r), subject: this.subject.subarray(0, r), live: this.live.subarray(0, r), shares: this.shares.subarray(0, r), votes: this.votes.subarray(0, r), seats: this.seats.subarray(0, r) };
  }

  /** A snapshot of `doc` over the current buffers (views), sharing entity fields with `base`. */
  snapshot(base: Snapshot, doc: OwnershipDoc, agreements: Snapshot['agreements']): Snapshot {
    const m = this.edges;
    return {
      ...base, doc, agreements, inStart: this.inStart, inHolder: this.inHolder.subarray(0, m), inShares: this.inShares.subarray(0, m), inVotes: this.inVotes.subarray(0, m),
      inSeats: this.inSeats.subarray(0, m), inHolding: this.inHolding.subarray(0, m), outStart: this.outStart, outSubject: this.outSubject.subarray(0, m),
      outShares: this.outShares.subarray(0, m), outHolding: this.outHolding.subarray(0, m), heldShares: this.heldShares, holderCount: this.holderCount,
    };
  }

  /**
   * Applies `d` (old list → doc.holdings): calls `touched(subject)` for the subject of every removed or added row, and
   * returns whether the holder → subject pairs in force stayed the same (figures only).
   */
  apply(d: RecordDiff, doc: OwnershipDoc, index: Map<string, number>, date: string, touched: (subject: number) => void): boolean {
    const removed = [...d.removed].sort((a, b) => b - a);
    const old = removed.map((k) => ({ k, live: this.live[k], holder: this.holder[k], subject: this.subject[k] }));
    const edges: { added: [number, number][]; removed: [number, number][] } = (this.changedPairs = { added: [], removed: [] });
    const scratch: HoldingTable = { holder: new Int32Array(1), subject: new Int32Array(1), live: new Uint8Array(1), shares: new Float64Array(1), votes: new Float64Array(1), seats: new Int32Array(1) };
    // A replacement in place (same row, same pair in force): figures only, no shift.
    if (d.same.every(([from, to]) => from === to) && d.removed.length === d.added.length && d.removed.every((k, i) => k === d.added[i])) {
      let sameEdges = true;
      for (const k of d.added) {
        readHolding(scratch, 0, doc.holdings[k], index, date);
        touched(this.subject[k]);
        touched(scratch.subject[0]);
        if (scratch.live[0] && this.live[k] && scratch.holder[0] === this.holder[k] && scratch.subject[0] === this.subject[k]) this.setFigures(k, scratch);
        else {
          sameEdges = false;
          if (this.live[k]) edges.removed.push([this.holder[k], this.subject[k]]);
          if (scratch.live[0]) edges.added.push([scratch.holder[0], scratch.subject[0]]);
          this.unlink(k);
          this.writeRow(k, scratch);
          this.link(k);
        }
      }
      return sameEdges;
    }
    for (const r of removed) {
      touched(this.subject[r]);
      this.unlink(r);
      this.shiftRows(r + 1, -1);
    }
    for (const k of d.added) {
      readHolding(scratch, 0, doc.holdings[k], index, date);
      this.shiftRows(k, +1);
      this.writeRow(k, scratch);
      this.link(k);
      touched(scratch.subject[0]);
    }
    for (const x of old) if (x.live) edges.removed.push([x.holder, x.subject]);
    for (const k of d.added) if (this.live[k]) edges.added.push([this.holder[k], this.subject[k]]);
    const key = (rows: { live: number; holder: number; subject: number }[]) => rows.filter((x) => x.live).map((x) => `${x.holder}>${x.subject}`).sort().join();
    return key(old) === key(d.added.map((k) => ({ live: this.live[k], holder: this.holder[k], subject: this.subject[k] })));
  }

  private writeRow(k: number, t: HoldingTable) {
    this.holder[k] = t.holder[0];
    this.subject[k] = t.subject[0];
    this.live[k] = t.live[0];
    this.shares[k] = t.shares[0];
    this.votes[k] = t.votes[0];
    this.seats[k] = t.seats[0];
  }

  /** New figures for row k, whose pair in force is unchanged. */
  private setFigures(k: number, t: HoldingTable) {
    const s = this.subject[k];
    this.shares[k] = t.shares[0];
    this.votes[k] = t.votes[0];
    this.seats[k] = t.seats[0];
    for (let e = this.inStart[s]; e < this.inStart[s + 1]; e++) {
      if (this.inHolding[e] !== k) continue;
      this.inVotes[e] = t.votes[0];
      this.inSeats[e] = t.seats[0];
    }
    this.refresh(s);
  }

  /** Moves rows from `k` on by `by` (±1), renumbering the CSR's references to them. */
  private shiftRows(k: number, by: 1 | -1) {
    const r = this.rows;
    if (by === 1) {
      this.ensureRows(r + 1);
      for (const c of [this.holder, this.subject, this.live, this.shares, this.votes, this.seats]) c.copyWithin(k + 1, k, r);
    } else for (const c of [this.holder, this.subject, this.live, this.shares, this.votes, this.seats]) c.copyWithin(k - 1, k, r);
    this.rows += by;
    const m = this.edges;
    for (let e = 0; e < m; e++) {
      if (this.inHolding[e] >= k) this.inHolding[e] += by;
      if (this.outHolding[e] >= k) this.outHolding[e] += by;
    }
  }

  private ensureRows(size: number) {
    this.holder = grow(this.holder, size);
    this.subject = grow(this.subject, size);
    this.live = grow(this.live, size);
    this.shares = grow(this.shares, size);
    this.votes = grow(this.votes, size);
    this.seats = grow(this.seats, size);
  }

  /** Removes row k's entries from the CSR (if in force). */
  private unlink(k: number) {
    if (!this.live[k]) return;
    const s = this.subject[k], o = this.holder[k];
    const m = this.edges;
    let p = this.inStart[s];
    while (this.inHolding[p] !== k) p++;
    for (const c of [this.inHolder, this.inShares, this.inVotes, this.inSeats, this.inHolding]) c.copyWithin(p, p + 1, m);
    for (let v = s + 1; v <= this.n; v++) this.inStart[v]--;
    let q = this.outStart[o];
    while (this.outHolding[q] !== k) q++;
    for (const c of [this.outSubject, this.outShares, this.outHolding]) c.copyWithin(q, q + 1, m);
    for (let v = o + 1; v <= this.n; v++) this.outStart[v]--;
    this.edges--;
    this.refresh(s);
  }

  /** Adds row k's entries to the CSR (if in force), in row order within their segments. */
  private link(k: number) {
    if (!this.live[k]) return;
    const s = this.subject[k], o = this.holder[k];
    const m = this.edges;
    for (const key of ['inHolder', 'inShares', 'inVotes', 'inSeats', 'inHolding', 'outSubject', 'outShares', 'outHolding'] as const) (this[key] as Col) = grow(this[key] as Col, m + 1) as never;
    let p = this.inStart[s];
    while (p < this.inStart[s + 1] && this.inHolding[p] < k) p++;
    for (const c of [this.inHolder, this.inShares, this.inVotes, this.inSeats, this.inHolding]) c.copyWithin(p + 1, p, m);
    this.inHolder[p] = o;
    this.inShares[p] = this.shares[k];
    this.inVotes[p] = this.votes[k];
    this.inSeats[p] = this.seats[k];
    this.inHolding[p] = k;
    for (let v = s + 1; v <= this.n; v++) this.inStart[v]++;
    let q = this.outStart[o];
    while (q < this.outStart[o + 1] && this.outHolding[q] < k) q++;
    for (const c of [this.outSubject, this.outShares, this.outHolding]) c.copyWithin(q + 1, q, m);
    this.outSubject[q] = s;
    this.outShares[q] = this.shares[k];
    this.outHolding[q] = k;
    for (let v = o + 1; v <= this.n; v++) this.outStart[v]++;
    this.edges++;
    this.refresh(s);
  }

  /**
   * Recomputes subject s's held total and its entries' shares from the rows, in row order as fromTable sums them;
   * a total above 100% (rounded published figures) is scaled to 100% in its in and out entries (snapshot.scaleRounded).
   */
  private refresh(s: number) {
    let held = 0;
    for (let e = this.inStart[s]; e < this.inStart[s + 1]; e++) held += this.shares[this.inHolding[e]];
    for (let e = this.inStart[s]; e < this.inStart[s + 1]; e++) {
      const row = this.inHolding[e];
      const x = held > 1 ? this.shares[row] / held : this.shares[row];
      this.inShares[e] = x;
      const o = this.inHolder[e];
      for (let q = this.outStart[o]; q < this.outStart[o + 1]; q++) if (this.outHolding[q] === row) this.outShares[q] = x;
    }
    this.heldShares[s] = held > 1 ? 1 : held;
    this.holderCount[s] = this.inStart[s + 1] - this.inStart[s];
  }
}
