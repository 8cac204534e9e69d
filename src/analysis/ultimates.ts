// Ultimate controllers of every entity (CONTROL-MODEL): in the graph "v → its ways up" (its sole parent, its joint
// controllers, or the party of a declared indirect interest that decides), the terminal strongly connected components
// reachable from v. A terminal single entity is one nobody controls; a terminal cycle contributes all its members.
// Entities are taken in groups whose ways up lead only into earlier groups or their own (computeControl's components,
// sources first, are such groups: controlOrder in control.ts), so an entity alone in its group is settled from its ways
// up at once, and only a group of several needs its strongly connected components. Kept as one number per entity and
// a pool of the sets of several, with no array per entity (a register has millions).
import { stronglyConnected } from './scc';

/** The ways up of each entity: count(v) of them, the i-th being target(v, i). */
export interface WaysUp {
  count(v: number): number;
  target(v: number, i: number): number;
}

/** Entities taken in groups: members order[groupStart[g]] .. order[groupStart[g+1] − 1], groups taken from the last. */
export interface Groups {
  order: Int32Array;
  groupStart: Int32Array;
  count: number;
}

/** Not settled yet. */
const UNSET = -0x80000000;

/** The ultimate controllers of every entity, as `ultimateControllers` finds them. */
export class Tops {
  constructor(
    /** Per entity: its one ultimate controller (≥ 0), or −1 − k for the k-th set of several. */
    private code: Int32Array,
    private setStart: Int32Array,
    private items: Int32Array,
    private sets: number,
  ) {}

  /** Sorts every set of several in place (each once, however many entities share it). */
  sortSets(compare: (a: number, b: number) => number): void {
    for (let k = 0; k < this.sets; k++) this.items.subarray(this.setStart[k], this.setStart[k + 1]).sort(compare);
  }

  /** The ultimate controllers of v (in the sets' order), made afresh. */
  list(v: number): number[] {
    const c = this.code[v];
    if (c >= 0) return [c];
    const k = -1 - c;
    return Array.from(this.items.subarray(this.setStart[k], this.setStart[k + 1]));
  }
}

/** A growable pool of sets of entities. */
class Pool {
  start: Int32Array = new Int32Array(1024);
  items: Int32Array = new Int32Array(4096);
  sets = 0;
  push(list: ArrayLike<number>): number {
    const at = this.start[this.sets];
    if (this.sets + 2 > this.start.length) this.start = grow(this.start, 2 * this.start.length);
    if (at + list.length > this.items.length) this.items = grow(this.items, Math.max(2 * this.items.length, at + list.length));
    for (let i = 0; i < list.length; i++) this.items[at + i] = list[i];
    this.start[++this.sets] = at + list.length;
    return -this.sets; // −1 − k for k = sets − 1
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * The ultimate controllers of the n entities, taking `groups` in turn; null when a way up leads into a later group
 * (the groups do not fit the ways up: take them all as one group). `mark`, when given, is raised on every entity whose
 * way up passes an entity marked on entry.
 */
export function ultimateControllers(n: number, up: WaysUp, groups: Groups, mark?: Uint8Array): Tops | null {
  const buf = new ArrayBuffer(8 * n);
  const code = new Int32Array(buf, 0, n).fill(UNSET);
  const stamp = new Int32Array(buf, 4 * n, n);
  const pool = new Pool();
  let cur = 0;
  /** The union being made: each entity once (stamped with `cur`). */
  const acc: number[] = [];
  const add = (x: number) => {
    if (stamp[x] !== cur) {
      stamp[x] = cur;
      acc.push(x);
    }
  };
  /** Adds the tops a code stands for to acc. */
  const gather = (c: number) => {
    if (c >= 0) return add(c);
    const k = -1 - c;
    for (let i = pool.start[k]; i < pool.start[k + 1]; i++) add(pool.items[i]);
  };
  /** The code of a list of tops: the entity itself when it is one, else a new set. */
  const codeOf = (list: ArrayLike<number>) => (list.length === 1 ? list[0] : pool.push(list));
  // The tops of a part: shared with its one way up's code (or with all of them when they agree), else their union.
  let only = UNSET, many = false, marked = 0;
  const begin = () => {
    only = UNSET;
    many = false;
    marked = 0;
    acc.length = 0;
    cur++;
  };
  /** Takes a way up out of the part, to an entity settled before it. */
  const via = (t: number) => {
    const c = code[t];
    if (mark) marked |= mark[t];
    if (many) gather(c);
    else if (only === UNSET || only === c) only = c;
    else {
      many = true;
      gather(only);
      gather(c);
    }
  };
  /** The part's code: its own members when no way leads out (terminal), else what its ways up lead to. */
  const settle = (members: ArrayLike<number>) => (only === UNSET ? codeOf(members) : many ? codeOf(acc) : only);
  let slot: Int32Array | undefined;
  const { order, groupStart } = groups;
  for (let g = groups.count - 1; g >= 0; g--) {
    const a = groupStart[g], b = groupStart[g + 1];
    if (b - a === 1) {
      const v = order[a];
      const k = up.count(v);
      begin();
      if (mark) marked = mark[v];
      for (let i = 0; i < k; i++) {
        const t = up.target(v, i);
        if (t === v) continue;
        if (code[t] === UNSET) return null;
        via(t);
      }
      code[v] = only === UNSET ? v : many ? codeOf(acc) : only;
      if (mark) mark[v] = marked;
      continue;
    }
    // A group of several: its strongly connected components in the ways up, sinks first.
    slot ??= new Int32Array(n).fill(-1);
    const members = order.subarray(a, b), size = b - a;
    for (let i = 0; i < size; i++) slot[members[i]] = i;
    const clear = () => {
      for (let i = 0; i < size; i++) slot![members[i]] = -1;
    };
    const start = new Int32Array(size + 1);
    let edges = 0;
    for (let i = 0; i < size; i++) {
      const v = members[i], k = up.count(v);
      for (let j = 0; j < k; j++) {
        const t = up.target(v, j);
        if (slot[t] >= 0) edges++;
        else if (code[t] === UNSET) {
          clear();
          return null;
        }
      }
      start[i + 1] = edges;
    }
    const target = new Int32Array(edges);
    for (let i = 0, e = 0; i < size; i++) {
      const v = members[i], k = up.count(v);
      for (let j = 0; j < k; j++) {
        const t = up.target(v, j);
        if (slot[t] >= 0) target[e++] = slot[t];
      }
    }
    const { comp, count } = stronglyConnected(size, start, target);
    const compStart = new Int32Array(count + 1);
    for (let i = 0; i < size; i++) compStart[comp[i] + 1]++;
    for (let c = 0; c < count; c++) compStart[c + 1] += compStart[c];
    const byComp = new Int32Array(size);
    const fill = compStart.slice(0, count);
    for (let i = 0; i < size; i++) byComp[fill[comp[i]]++] = members[i];
    for (let c = 0; c < count; c++) {
      const part = byComp.subarray(compStart[c], compStart[c + 1]);
      begin();
      for (let q = 0; q < part.length; q++) {
        const v = part[q], k = up.count(v);
        if (mark) marked |= mark[v];
        for (let j = 0; j < k; j++) {
          const t = up.target(v, j);
          if (slot[t] < 0 || comp[slot[t]] !== c) via(t);
        }
      }
      const settled = settle(part);
      for (let q = 0; q < part.length; q++) {
        code[part[q]] = settled;
        if (mark) mark[part[q]] = marked;
      }
    }
    clear();
  }
  return new Tops(code, pool.start, pool.items, pool.sets);
}
