// Look-through of every entity in one pass over the condensation (issue 21; docs/SCALE.md, *Any shape*): the column
// M_t of (I − W)⁻¹ (M_t[t] ≥ 1, M_t[u] = L[u][t] above it) is e_t + Σ_h W[h][t]·M_h, so an entity outside cycles merges
// its holders' maps, and each member of a strongly connected component walks only inside its component, then merges
// the maps of the holders outside it that its flows reach. In a large component (LARGE) the members are made holders
// first, and a walk stops at members already made and merges their maps as it merges outside holders': its own walk
// then covers a few members instead of hundreds (on a 31,000-firm core, a twentieth of the pushes; its figures differ
// from a walk through the whole component by what the cuts leave, within the maps' bounds). Maps are made upstream
// first, on demand, each cut below a threshold with a bound on what the cuts upstream and its own leave out of any
// entry, and let go once every entity below has merged them and the caller has read them: memory holds what is still
// to be read or merged.
import { loopAbove, shareStructure, type ShareGraph, type ShareStructure } from './shareStructure';
import type { Snapshot } from './snapshot';

/** What the pass reads of a snapshot: its holdings both ways and who is held (a worker can be handed only these). */
export type PassGraph = ShareGraph & Pick<Snapshot, 'holderCount'>;

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
 * LARGE members) 10⁻⁶, where each walk would touch hundreds of members; in a small one 10⁻⁹, figures exact to print.
 */
const INNER_CUT = 1e-6;
const SMALL_INNER_CUT = 1e-9;
const LARGE = 1000;
/** Stakes at or above this set the order a large component's members are made in (holders first). */
const STRONG = 0.05;
/** `wstamp` of a member whose map is made (no walk's stamp). */
const DONE = -1;

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
  // Scratch: a dense accumulator stamped per map.
  private acc: Float64Array;
  private stamp: Int32Array;
  private touched: Int32Array;
  private cur = 0;
  /**
   * The component being made, by local index (a member's place in it): its members' holdings from `edgeStart`, those
   * inside the component (`holder` a local index) before `split`, then those outside (`holder` a place in `outside`:
   * the holders outside it, then the members themselves), and the walk's arrays; sized for the largest component met.
   */
  private edgeStart: Int32Array = new Int32Array(1);
  private split: Int32Array = new Int32Array(0);
  private holder: Int32Array = new Int32Array(0);
  private share: Float64Array = new Float64Array(0);
  private outside: Int32Array = new Int32Array(0);
  private m: Float64Array = new Float64Array(0);
  private r: Float64Array = new Float64Array(0);
  private wstamp: Int32Array = new Int32Array(0);
  private queue: Int32Array = new Int32Array(0);
  private queued: Uint8Array = new Uint8Array(0);
  private inner: Int32Array = new Int32Array(0);
  /** Per place in `outside`: the flow a walk sends it, and the walk that last reached it. */
  private outFlow: Float64Array = new Float64Array(0);
  private ostamp: Int32Array = new Int32Array(0);
  private front: Int32Array = new Int32Array(0);
  /**
   * Per entity while a component is made: a member's local index, or a holder outside's place in `outside` (valid
   * where outside has it there).
   */
  private place: Int32Array;
  private walk = 0;

  /** Per map, how many entries (first) are at or above `show`. */
  private shown: Int32Array;

  /**
   * `show`: a figure (fraction) below which the caller reads no entry; `mapOf` puts those at or above it first.
   * `large`: components with more members are walked with the coarser cut; `slabSize`: numbers per slab of the
   * pool (tests lower both to reach those paths).
   */
  constructor(private s: PassGraph, private show = 0, private large = LARGE, private slabSize = SLAB) {
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
    this.place = new Int32Array(n);
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

  /** The largest figure of t's map (ready: `mapOf`). */
  largest(t: number): number {
    return this.s.holderCount[t] === 0 ? 1 : this.top[t];
  }

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
      if (cyclic[rep]) this.component(rep);
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

  /** The members of the component being made, by local index. */
  private list: readonly number[] = [];
  /** Where the members come in the places of `outside` (after the holders outside): local index j at `firstMember + j`. */
  private firstMember = 0;
  /**
   * Per member already made in a large component (its `wstamp` DONE): the flow its own walks sent through members in
   * all, and the largest figure of a map reached outside (what its flow left inside is estimated from).
   */
  private through: Float64Array = new Float64Array(0);
  private upTopOf: Float64Array = new Float64Array(0);

  /**
   * Makes the maps of every member of t's strongly connected component: its holdings laid out by local index first
   * (holdings inside the component before those outside, each in the snapshot's order), so the walks touch only
   * arrays the size of the component and no entity's component is looked up on the way. In a large component the
   * members are made holders first, and a walk that reaches a member already made merges its map as it merges a
   * holder's outside, rather than walking on through it.
   */
  private component(t: number): void {
    const { inStart, inHolder, inShares } = this.s;
    const { comp } = this.st;
    const c = comp[t], list = this.membersOf(t), size = list.length, place = this.place;
    let edges = 0;
    for (let j = 0; j < size; j++) {
      place[list[j]] = j;
      edges += inStart[list[j] + 1] - inStart[list[j]];
    }
    if (this.m.length < size) {
      this.edgeStart = new Int32Array(size + 1);
      this.split = new Int32Array(size);
      this.m = new Float64Array(size);
      this.r = new Float64Array(size);
      this.wstamp = new Int32Array(size);
      this.queue = new Int32Array(size + 1);
      this.queued = new Uint8Array(size);
      this.inner = new Int32Array(size);
      this.through = new Float64Array(size);
      this.upTopOf = new Float64Array(size);
    }
    if (this.holder.length < edges) {
      this.holder = new Int32Array(edges);
      this.share = new Float64Array(edges);
    }
    // Never more holders outside than holdings.
    if (this.outside.length < edges + size) this.outside = new Int32Array(edges + size);
    const { edgeStart, split, holder, share, outside } = this;
    let e = 0, outs = 0;
    for (let j = 0; j < size; j++) {
      const f = list[j], end = inStart[f + 1];
      edgeStart[j] = e;
      for (let x = inStart[f]; x < end; x++) {
        if (comp[inHolder[x]] !== c) continue;
        holder[e] = place[inHolder[x]];
        share[e++] = inShares[x];
      }
      split[j] = e;
      for (let x = inStart[f]; x < end; x++) {
        const h = inHolder[x];
        if (comp[h] === c) continue;
        let p = place[h];
        if (!(p < outs && outside[p] === h)) {
          place[h] = p = outs;
          outside[outs++] = h;
        }
        holder[e] = p;
        share[e++] = inShares[x];
      }
    }
    edgeStart[size] = e;
    for (let j = 0; j < size; j++) outside[outs + j] = list[j];
    if (this.outFlow.length < outs + size) {
      this.outFlow = new Float64Array(outs + size);
      this.ostamp = new Int32Array(outs + size);
      this.front = new Int32Array(outs + size);
    }
    this.wstamp.fill(0, 0, size);
    this.ostamp.fill(0, 0, outs + size);
    this.walk = 0;
    this.list = list;
    this.firstMember = outs;
    if (size <= this.large) {
      for (let j = 0; j < size; j++) this.member(list[j], j);
      return;
    }
    for (const j of this.holdersFirst()) {
      this.member(list[j], j);
      this.wstamp[j] = DONE;
      this.through[j] = this.visits;
      this.upTopOf[j] = this.upTop;
    }
  }

  /**
   * The local indices of the component being made, each after the members it is strongly held by (STRONG and above:
   * depth first along such holdings, a member once all its holders are; any order round a loop of them), so a walk
   * mostly finds its heavy holders made.
   */
  private holdersFirst(): Int32Array {
    const { edgeStart, split, holder, share } = this;
    const size = this.list.length;
    const order = new Int32Array(size), seen = new Uint8Array(size), stack = new Int32Array(size), next = new Int32Array(size);
    let done = 0;
    for (let root = 0; root < size; root++) {
      if (seen[root]) continue;
      let sp = 0;
      stack[sp++] = root;
      seen[root] = 1;
      next[root] = edgeStart[root];
      while (sp) {
        const v = stack[sp - 1];
        if (next[v] < split[v]) {
          const e = next[v]++, w = holder[e];
          if (share[e] >= STRONG && !seen[w]) {
            seen[w] = 1;
            next[w] = edgeStart[w];
            stack[sp++] = w;
          }
        } else {
          sp--;
          order[done++] = v;
        }
      }
    }
    return order;
  }

  /**
   * A member t (local index j) of a strongly connected component: its flows pushed round inside the component (FIFO,
   * until what is left at each member is below the cut), the flows leaving it gathered per holder outside (and per
   * member already made), then the maps merged.
   */
  private member(t: number, j: number): void {
    for (let cut = this.list.length > this.large ? INNER_CUT : SMALL_INNER_CUT; ; cut /= 64) {
      this.walkInside(j, cut);
      if (this.dropped <= INNER_BUDGET || cut < 1e-300) return this.mergeWalk(t);
    }
  }

  /**
   * What the last walk inside a component left: members reached, holders reached (outside, or members made), flow
   * left; and of the last map made: the flow through members, the largest figure of a map reached.
   */
  private listed = 0;
  private fronts = 0;
  private dropped = 0;
  private visits = 0;
  private upTop = 0;

  /**
   * The walk from local index j; `inner` lists the members it reached, `front` the holders outside and members made
   * that its flow reaches (places in `outside`).
   */
  private walkInside(j: number, cut: number) {
    const { m, r, wstamp, queue, queued, inner, front, edgeStart, split, holder, share, outFlow, ostamp } = this;
    if (++this.walk === 0x7fffffff) {
      for (let i = 0; i < wstamp.length; i++) if (wstamp[i] !== DONE) wstamp[i] = 0;
      ostamp.fill(0);
      this.walk = 1;
    }
    const walk = this.walk, qn = this.list.length + 1;
    let listed = 0, fronts = 0, head = 0, tail = 0, visits = 0;
    wstamp[j] = walk;
    m[j] = 0;
    r[j] = 1;
    inner[listed++] = j;
    queued[j] = 1;
    queue[tail++] = j;
    while (head !== tail) {
      const f = queue[head];
      head = head + 1 === qn ? 0 : head + 1;
      queued[f] = 0;
      const flow = r[f];
      r[f] = 0;
      m[f] += flow;
      visits += flow;
      for (let e = edgeStart[f], end = split[f]; e < end; e++) {
        const h = holder[e];
        if (wstamp[h] !== walk) {
          // A member made: its share is gathered below.
          if (wstamp[h] === DONE) continue;
          wstamp[h] = walk;
          m[h] = 0;
          r[h] = 0;
          queued[h] = 0;
          inner[listed++] = h;
        }
        const x = (r[h] += share[e] * flow);
        if (x > cut && !queued[h]) {
          queued[h] = 1;
          queue[tail] = h;
          tail = tail + 1 === qn ? 0 : tail + 1;
        }
      }
    }
    // The flow leaving the walk: what went through each member, times its holders' stakes outside and in members made.
    const firstMember = this.firstMember;
    let dropped = 0;
    for (let i = 0; i < listed; i++) {
      const f = inner[i], through = m[f];
      dropped += r[f];
      if (!(through > 0)) continue;
      for (let e = edgeStart[f], end = edgeStart[f + 1]; e < end; e++) {
        let h = holder[e];
        if (e < split[f]) {
          if (wstamp[h] !== DONE) continue;
          h += firstMember;
        }
        if (ostamp[h] !== walk) {
          ostamp[h] = walk;
          outFlow[h] = 0;
          front[fronts++] = h;
        }
        outFlow[h] += share[e] * through;
      }
    }
    this.listed = listed;
    this.fronts = fronts;
    this.dropped = dropped;
    this.visits = visits;
  }

  private mergeWalk(t: number): void {
    const { m, inner, front, outFlow, outside, list, top, err, through, upTopOf, firstMember, listed, fronts, dropped } = this;
    const { holderCount } = this.s;
    this.begin();
    let count = 0, inherited = 0, upTop = 1, visits = this.visits;
    for (let i = 0; i < listed; i++) {
      const v = inner[i];
      if (m[v] > 0) count = this.add(list[v], m[v], count);
    }
    for (let i = 0; i < fronts; i++) {
      const h = outside[front[i]], f = outFlow[front[i]];
      const hTop = holderCount[h] === 0 ? 1 : top[h];
      if (hTop > upTop) upTop = hTop;
      // A member made: what its walks went through and reached counts as this walk's own.
      if (front[i] >= firstMember) {
        const k = front[i] - firstMember;
        visits += f * through[k];
        if (upTopOf[k] > upTop) upTop = upTopOf[k];
      }
      if (f < CUT) {
        inherited += f * hTop;
        continue;
      }
      count = this.merge(h, f, count);
      if (holderCount[h] > 0) inherited += f * err[h];
    }
    this.visits = visits;
    this.upTop = upTop;
    // Flow left inside: each unit of it would have gone on as a member's own walk does, estimated as this walk's
    // visits to members (the flow through them, at least 1) times the largest figure of a map it reaches outside.
    this.finish(t, count, inherited + dropped * Math.max(1, visits) * upTop);
  }
}
