// Declared indirect interests in the live analysis (CONTROL-MODEL "Declared indirect interests"): the ultimate
// controllers the page reads are those the full analysis gives, where a declaration that decides (declared.ts
// declaredControl, the one rule) makes its party the way up of its subject. The records' tops are kept as they are;
// the declared tops are a second array, made only while some declaration decides, and redone after an edit for the
// control descendants of what the edit redid and of the subjects whose deciding declaration came, went or changed.
import { declaredControl, declaredOf, type Declared } from './declared';
import type { Reason } from './control';
import type { ControlKids } from './liveKids';
import { recomputeTops } from './liveTops';
import type { Snapshot } from './snapshot';

/** The control state the declared tops are made from (LiveAnalysis's fields). */
export interface ControlState {
  snap: Snapshot;
  parent: Int32Array;
  reason: Reason[];
  joint: Uint8Array;
  onCycle: Uint8Array;
  /** Ultimate controllers by the records alone. */
  recordTops: number[][];
  /** The control graph's children, current for the edit (liveKids.ts). */
  kids: ControlKids;
  local: Int32Array;
  canon: (tops: number[]) => number[];
}

/** The status declaredControl reads, as Analysis.statusAt gives it. */
const statusOf = (c: ControlState) => (v: number) => (c.joint[v] ? 'joint' : c.parent[v] === -1 ? 'independent' : c.onCycle[v] ? 'circular' : 'controlled');

/** The ultimate controllers with the deciding declarations applied, kept across edits. */
export class LiveDeclared {
  /** The deciding declarations by subject. */
  private over = new Map<number, Declared>();
  /** Ultimate controllers with them (the records' array itself while none decides), and whether declared, per entity. */
  tops: number[][];
  marks: Uint8Array | null = null;
  /** Subjects whose deciding declaration's party was taken from the end of the entity list (their tops are redone). */
  private orphaned: number[] = [];

  constructor(c: ControlState) {
    this.tops = c.recordTops;
    this.follow(c, new Int32Array(0), true);
  }

  /** Per-entity arrays resized to `n` entities (new ones with no controllers, unmarked); followed by `follow(…, all)`. */
  resize(c: ControlState, n: number) {
    if (this.tops !== c.recordTops) {
      const n0 = this.tops.length;
      this.tops.length = n;
      for (let i = n0; i < n; i++) this.tops[i] = [];
    }
    if (this.marks) {
      const m = new Uint8Array(n);
      m.set(this.marks.subarray(0, Math.min(n, this.marks.length)));
      this.marks = m;
    }
    for (const [v, d] of [...this.over]) {
      if (v < n && d.party >= n) this.orphaned.push(v);
      if (v >= n || d.party >= n) this.over.delete(v);
    }
  }

  /**
   * After the records' tops of `redo` (closed under control descendants) were redone: the deciding declarations made
   * again (declaredOf is a pass over the relations; declaredControl reads the subjects' tops), and the declared tops
   * redone where they can have changed. Returns the entities whose declared tops were redone (`redo` while none decides).
   */
  follow(c: ControlState, redo: Int32Array, all = false): Int32Array {
    const n = c.snap.n;
    const over = declaredOf(c.snap).length ? declaredControl(c.snap, (v) => c.recordTops[v], statusOf(c)) : new Map<number, Declared>();
    if (!over.size && !this.over.size && this.tops === c.recordTops) return redo;
    // Subjects whose deciding declaration came, went or changed party.
    const moved = this.orphaned.filter((v) => v < n);
    this.orphaned = [];
    for (const [v, d] of over) if (this.over.get(v)?.party !== d.party) moved.push(v);
    for (const v of this.over.keys()) if (!over.has(v)) moved.push(v);
    this.over = over;
    if (this.tops === c.recordTops) this.tops = c.recordTops.slice();
    this.marks ??= new Uint8Array(n);
    const set = all ? Int32Array.from({ length: n }, (_, i) => i) : c.kids.descendants([...redo, ...moved], over);
    recomputeTops(set, c.parent, c.reason, this.tops, c.onCycle, c.local, c.canon, { over, marks: this.marks });
    return set;
  }
}
