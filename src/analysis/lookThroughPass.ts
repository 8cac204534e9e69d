// Look-through of every entity in one pass over the condensation (issue 21; docs/SCALE.md, *Any shape*): the column
// M_t of (I − W)⁻¹ (M_t[t] ≥ 1, M_t[u] = L[u][t] above it) is e_t + Σ_h W[h][t]·M_h, so an entity outside cycles merges
// its holders' maps, and each member of a strongly connected component walks only inside its component, then merges
// the maps of the holders outside it that its flows reach. Maps are made upstream first, on demand, each cut below a
// threshold with a bound on what the cuts upstream and its own leave out of any entry, and let go once every entity
// below has merged them and the caller has read them: memory holds what is still to be read or merged.
import { loopAbove, shareStructure, type ShareStructure } from './shareStructure';
import type { Snapshot } from './snapshot';

/** Entries below this (a fraction) are left out of a stored map while the bound allows. */
const CUT = 1e-7;
/** Numbers per slab of the pool the maps are kept in (2 MB). */
const SLAB = 1 << 18;
/** What the cuts may leave out of any entry of a map, in all (a fraction: 10⁻⁵ is 0.001 point). */
const BUDGET = 1e-5;
/** Flow left unpushed by a walk inside a component may be at most this before the walk is made again finer. */
const INNER_BUDGET = 3e-5;
/**
 * Inside a component, a member's flow is pushed on while at or above this: in a large component (more than
 * LARGE members) 10⁻⁶, where each walk touches hundreds of members; in a small one 10⁻⁹, figures exact to print.
 */
const INNER_CUT = 1e-6;
const SMALL_INNER_CUT = 1e-9;
const LARGE = 1000;

/**
 * The look-through maps of every entity of a snapshot. `mapOf(t)` makes t's map ready (t's own entry included: 1
 * outside cycles); `bound(t)` is what any of its figures may lack; `release(t)` once read.
 */
export class LookThroughPass {
  private st: ShareStructure;
  private above: Int32Array;
  /** Maps live in slabs of one pool: entity t's entries at `at[t]` (2 numbers each) of slab `slabOf[t]` (−1: none). */
  private slabs: Float64Array[] = [];
  private live: number[] = [];
  /** Per slab, the entities whose maps were put in it (some since let go or moved). */
  private held: number[][] = [];
  private spare: number[] = [];
  private slab = -1;
  private used = Infinity;
  private slabOf: Int32Array;
  private at: Int32Array;
  private len: Int32Array;
  /**
   * The map `mapOf` gave: entity buf[i], figure buf[i + 1] for i = from, from + 2, … below `to`; those at or above
   * `show` (the constructor's) come first, below `end`.
   */
  buf: Float64Array = new Float64Array(2);
  from = 0;
  to = 0;
  end = 0;
  /** Per map: a bound on what any entry lacks, and its largest entry. */
  private err: Float64Array;
  private top: Float64Array;
  /** Per entity: the merges still to come (one per holding it has in an entity of another component) and its own read. */
  private uses: Int32Array;
  // Scratch: a dense accumulator stamped per map, and the walk's arrays.
  private acc: Float64Array;
  private stamp: Int32Array;
  private touched: Int32Array;
  private cur = 0;
  private m: Float64Array;
  private r: Float64Array;
  private wstamp: Int32Array;
  private queue: Int32Array;
  private queued: Uint8Array;
  private inner: Int32Array;
  private front: Int32Array;
  private walk = 0;

  /** Per map, how many entries (first) are at or above `show`. */
  private shown: Int32Array;

  /**
   * `show`: a figure (fraction) below which the caller reads no entry; `mapOf` puts those at or above it first.
   * `large`: components with more members are walked with the coarser cut; `slabSize`: numbers per slab of the
   * pool (tests lower both to reach those paths).
   */
  constructor(private s: Snapshot, private show = 0, private large = LARGE, private slabSize = SLAB) {
    const n = s.n;
    this.shown = new Int32Array(n);
    this.st = shareStructure(s);
    this.above = loopAbove(s, this.st);
    this.slabOf = new Int32Array(n).fill(-1);
    this.at = new Int32Array(n);
    this.len = new Int32Array(n);
    this.err = new Float64Array(n);
    this.top = new Float64Array(n);
    this.uses = new Int32Array(n);
    const comp = this.st.comp;
    for (let v = 0; v < n; v++) {
      let u = 1;
      for (let e = s.outStart[v], end = s.outStart[v + 1]; e < end; e++) if (comp[s.outSubject[e]] !== comp[v]) u++;
      this.uses[v] = u;
    }
    this.acc = new Float64Array(n);
    this.stamp = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.m = new Float64Array(n);
    this.r = new Float64Array(n);
    this.wstamp = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.queued = new Uint8Array(n);
    this.inner = new Int32Array(n);
    this.front = new Int32Array(n);
  }

  /**
   * Makes t's map ready in `buf` from `from` to `to` (entity, figure, entity, figure, …), to be read before the next
   * call and `release(t)`; false where a closed ownership loop lies upstream (no figure).
   */
  mapOf(t: number): boolean {
    if (this.above[t] !== -1) return false;
    if (this.s.holderCount[t] === 0) {
      this.buf = this.unit;
      this.unit[0] = t;
      this.unit[1] = 1;
      this.from = 0;
      this.to = this.end = 2;
      return true;
    }
    if (this.slabOf[t] < 0) this.ensure(t);
    this.buf = this.slabs[this.slabOf[t]];
    this.from = this.at[t];
    this.to = this.from + 2 * this.len[t];
    this.end = this.from + 2 * this.shown[t];
    return true;
  }

  private unit = new Float64Array(2);

  /** What any figure of t's map may lack (0 when nothing was cut on its way). */
  bound(t: number): number {
    return this.err[t];
  }

  /** The caller has read t's map: it is kept only while entities below still have to merge it. */
  release(t: number): void {
    if (--this.uses[t] !== 0) return;
    const k = this.slabOf[t];
    if (k < 0) return;
    this.slabOf[t] = -1;
    if (--this.live[k] === 0 && k !== this.slab) this.retire(k);
    // A slab a few long-lived maps would pin: they move to the slab in use, and it is free again.
    else if (k !== this.slab && this.slabs[k].length === this.slabSize && this.live[k] * 8 <= this.held[k].length) this.compact(k);
  }

  /** Moves the maps still living in slab k to the slab in use, then retires k. */
  private compact(k: number): void {
    const list = this.held[k], from = this.slabs[k];
    this.held[k] = [];
    for (const v of list) {
      if (this.slabOf[v] !== k) continue;
      const size = 2 * this.len[v], src = this.at[v];
      const at = this.alloc(size, v), to = this.slabs[this.slab];
      for (let i = 0; i < size; i++) to[at + i] = from[src + i];
      this.slabOf[v] = this.slab;
      this.at[v] = at;
      this.live[k]--;
    }
    this.retire(k);
  }

  /** A slab nothing lives in any more: kept for reuse, or let go when it was one map's own. */
  private retire(k: number): void {
    this.held[k] = [];
    if (this.slabs[k].length === this.slabSize) this.spare.push(k);
    else this.slabs[k] = new Float64Array(0);
  }

  /** Room for `size` numbers of t's map in the pool: the slab (`slab`) and the offset. */
  private alloc(size: number, t: number): number {
    if (this.used + size > this.slabSize) {
      if (this.slab >= 0 && this.live[this.slab] === 0) this.retire(this.slab);
      if (size > this.slabSize) {
        this.slabs.push(new Float64Array(size));
        this.live.push(0);
        this.held.push([]);
        this.slab = this.slabs.length - 1;
      } else if (this.spare.length) this.slab = this.spare.pop()!;
      else {
        this.slabs.push(new Float64Array(this.slabSize));
        this.live.push(0);
        this.held.push([]);
        this.slab = this.slabs.length - 1;
      }
      this.used = 0;
    }
    this.live[this.slab]++;
    this.held[this.slab].push(t);
    const at = this.used;
    this.used += size;
    return at;
  }

  /** Members of t's component (t alone outside cycles: one array used again, not one per call). */
  private membersOf(t: number): readonly number[] {
    if (this.st.cyclic[t]) return this.st.members.get(this.st.comp[t])!;
    this.alone[0] = t;
    return this.alone;
  }

  private alone = [0];
  /** The depth-first stack of `ensure`: a member of each component, and where its holders were left off. */
  private reps: number[] = [];
  private pos: number[] = [];
  private edge: number[] = [];

  /** Makes the map of t's component and, first, those of every component upstream still missing (depth first, no recursion). */
  private ensure(t: number): void {
    const { s, reps, pos, edge } = this;
    const { comp, cyclic } = this.st;
    const { inStart, inHolder, holderCount } = s;
    reps.push(t);
    pos.push(0);
    edge.push(-1);
    while (reps.length) {
      const k = reps.length - 1;
      const rep = reps[k];
      const count = cyclic[rep] ? this.membersOf(rep).length : 1;
      let pushed = false;
      for (let i = pos[k]; i < count && !pushed; i++) {
        const f = count === 1 ? rep : this.membersOf(rep)[i];
        let e = edge[k] < 0 ? inStart[f] : edge[k];
        for (const end = inStart[f + 1]; e < end; e++) {
          const h = inHolder[e];
          if (comp[h] === comp[rep] || holderCount[h] === 0 || this.slabOf[h] >= 0) continue;
          pos[k] = i;
          edge[k] = e + 1;
          reps.push(h);
          pos.push(0);
          edge.push(-1);
          pushed = true;
          break;
        }
        if (!pushed) edge[k] = -1;
      }
      if (pushed) continue;
      reps.pop();
      pos.pop();
      edge.pop();
      if (this.slabOf[rep] >= 0) continue;
      if (cyclic[rep]) for (const f of this.membersOf(rep)) this.member(f);
      else this.single(rep);
      // The holders outside the component have been merged by all of it.
      for (let i = 0; i < count; i++) {
        const f = count === 1 ? rep : this.membersOf(rep)[i];
        for (let e = inStart[f], end = inStart[f + 1]; e < end; e++) {
          const h = inHolder[e];
          if (comp[h] !== comp[rep] && holderCount[h] > 0) this.release(h);
        }
      }
    }
  }

  /** Starts a new map in the accumulator. */
  private begin(): void {
    if (++this.cur === 0x7fffffff) {
      this.stamp.fill(0);
      this.cur = 1;
    }
  }

  private add(k: number, x: number, count: number): number {
    if (this.stamp[k] !== this.cur) {
      this.stamp[k] = this.cur;
      this.acc[k] = x;
      this.touched[count++] = k;
    } else this.acc[k] += x;
    return count;
  }

  /** Adds f·M_h (h's stored map, or e_h for an entity nobody holds); returns the new count of entries. */
  private merge(h: number, f: number, count: number): number {
    if (this.s.holderCount[h] === 0) return this.add(h, f, count);
    const map = this.slabs[this.slabOf[h]], from = this.at[h], to = from + 2 * this.len[h];
    const { acc, stamp, touched, cur } = this;
    for (let i = from; i < to; i += 2) {
      const k = map[i], x = f * map[i + 1];
      if (stamp[k] !== cur) {
        stamp[k] = cur;
        acc[k] = x;
        touched[count++] = k;
      } else acc[k] += x;
    }
    return count;
  }

  /**
   * Stores the accumulated entries of t's map at or above the cut its bound leaves room for (t's own always), those
   * at or above `show` first (`shown[t]` of them).
   */
  private finish(t: number, count: number, inherited: number): void {
    const cut = inherited <= BUDGET ? CUT : CUT / 16;
    const { acc, touched, show } = this;
    let kept = 0, dropped = 0, top = 0;
    for (let i = 0; i < count; i++) {
      const k = touched[i], x = acc[k];
      if (x >= cut || k === t) {
        touched[kept++] = k;
        if (x > top) top = x;
      } else if (x > dropped) dropped = x;
    }
    const at = this.alloc(2 * kept, t), map = this.slabs[this.slab];
    let hi = at, lo = at + 2 * kept;
    for (let i = 0; i < kept; i++) {
      const k = touched[i], x = acc[k];
      if (x >= show) {
        map[hi++] = k;
        map[hi++] = x;
      } else {
        map[--lo] = x;
        map[--lo] = k;
      }
    }
    this.slabOf[t] = this.slab;
    this.at[t] = at;
    this.len[t] = kept;
    this.shown[t] = (hi - at) >> 1;
    this.err[t] = inherited + dropped;
    this.top[t] = top;
  }

  /** An entity outside cycles: itself and its holders' maps, each times its stake. */
  private single(t: number): void {
    const { s } = this;
    this.begin();
    let count = this.add(t, 1, 0), inherited = 0;
    for (let e = s.inStart[t], end = s.inStart[t + 1]; e < end; e++) {
      const h = s.inHolder[e], w = s.inShares[e];
      if (h === t || !(w > 0)) continue;
      if (w < CUT && s.holderCount[h] > 0) {
        inherited += w * this.top[h];
        continue;
      }
      count = this.merge(h, w, count);
      inherited += w * this.err[h];
    }
    this.finish(t, count, inherited);
  }

  /**
   * A member t of a strongly connected component: its flows pushed round inside the component (FIFO, until what is
   * left at each member is below the cut), the flows leaving it gathered per holder outside, then the maps merged.
   */
  private member(t: number): void {
    for (let cut = this.membersOf(t).length > this.large ? INNER_CUT : SMALL_INNER_CUT; ; cut /= 64) {
      this.walkInside(t, cut);
      if (this.dropped <= INNER_BUDGET || cut < 1e-300) return this.mergeWalk(t);
    }
  }

  /** What the last walk inside a component left: members reached, holders outside reached, flow left, flow through members. */
  private listed = 0;
  private fronts = 0;
  private dropped = 0;
  private visits = 0;

  private walkInside(t: number, cut: number) {
    const { s, m, r, wstamp, queue, queued, inner, front } = this;
    const { comp } = this.st;
    const { inStart, inHolder, inShares } = s;
    if (++this.walk === 0x7fffffff) {
      wstamp.fill(0);
      this.walk = 1;
    }
    const walk = this.walk, c = comp[t], qn = queue.length;
    let listed = 0, fronts = 0, head = 0, tail = 0, visits = 0;
    wstamp[t] = walk;
    m[t] = 0;
    r[t] = 1;
    inner[listed++] = t;
    queued[t] = 1;
    queue[tail++] = t;
    while (head !== tail) {
      const f = queue[head];
      head = head + 1 === qn ? 0 : head + 1;
      queued[f] = 0;
      const flow = r[f];
      r[f] = 0;
      m[f] += flow;
      visits += flow;
      for (let e = inStart[f], end = inStart[f + 1]; e < end; e++) {
        const h = inHolder[e];
        if (wstamp[h] !== walk) {
          wstamp[h] = walk;
          m[h] = 0;
          r[h] = 0;
          queued[h] = 0;
          if (comp[h] === c) inner[listed++] = h;
          else front[fronts++] = h;
        }
        const x = (r[h] += inShares[e] * flow);
        if (comp[h] === c && x > cut && !queued[h]) {
          queued[h] = 1;
          queue[tail] = h;
          tail = tail + 1 === qn ? 0 : tail + 1;
        }
      }
    }
    let dropped = 0;
    for (let i = 0; i < listed; i++) dropped += r[inner[i]];
    this.listed = listed;
    this.fronts = fronts;
    this.dropped = dropped;
    this.visits = visits;
  }

  private mergeWalk(t: number): void {
    const { m, r, inner, front, top, err, listed, fronts, dropped, visits } = this;
    this.begin();
    let count = 0, inherited = 0, upTop = 1;
    for (let i = 0; i < listed; i++) {
      const v = inner[i];
      if (m[v] > 0) count = this.add(v, m[v], count);
    }
    for (let i = 0; i < fronts; i++) {
      const h = front[i], f = r[h];
      const hTop = this.s.holderCount[h] === 0 ? 1 : top[h];
      if (hTop > upTop) upTop = hTop;
      if (f < CUT) {
        inherited += f * hTop;
        continue;
      }
      count = this.merge(h, f, count);
      if (this.s.holderCount[h] > 0) inherited += f * err[h];
    }
    // Flow left inside: each unit of it would have gone on as a member's own walk does, estimated as this walk's
    // visits to members (the flow through them, at least 1) times the largest figure of a map it reaches outside.
    this.finish(t, count, inherited + dropped * Math.max(1, visits) * upTop);
  }
}
