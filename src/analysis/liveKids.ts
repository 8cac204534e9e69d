// The control graph's children kept across live edits: per entity, the entities it is the sole parent of and those it
// is a joint controller of, registered once and then changed only for the entities whose controllers an edit changed.
// So what lies below a changed controller (its chains, the ultimate controllers to redo) costs what lies below it, not
// a pass over every entity to build the children again (about 10 ms an edit at 100k entities). Used by live.ts.
import type { Reason } from './control';
import type { Declared } from './declared';

type Joint = Extract<Reason, { kind: 'joint' }>;

/** Removes one `v` from `list` (order is not kept). */
function drop(list: number[] | undefined, v: number) {
  if (!list) return;
  const i = list.indexOf(v);
  if (i < 0) return;
  list[i] = list[list.length - 1];
  list.pop();
}

export class ControlKids {
  /** Per entity: those whose sole parent it is; those it controls jointly with others. */
  private sole: (number[] | undefined)[] = [];
  private joint: (number[] | undefined)[] = [];
  /** What each entity is registered under: its sole parent (−1 none), or its joint controllers. */
  private regParent = new Int32Array(0);
  private regPlayers: (readonly number[] | undefined)[] = [];
  private seen = new Int32Array(0);
  private walk = 0;

  constructor(n: number, parent: Int32Array, reason: Reason[]) {
    this.rebuild(n, parent, reason);
  }

  /** Registers every entity afresh (made, or after the entity list shrank). */
  rebuild(n: number, parent: Int32Array, reason: Reason[]) {
    this.sole = new Array(n);
    this.joint = new Array(n);
    this.regParent = new Int32Array(n).fill(-1);
    this.regPlayers = new Array(n);
    this.seen = new Int32Array(n);
    for (let v = 0; v < n; v++) this.register(v, parent, reason);
  }

  /** Room for entities added at the end (registered under nobody until they are synced). */
  grow(n: number) {
    const n0 = this.regParent.length;
    if (n <= n0) return;
    const p = new Int32Array(n).fill(-1);
    p.set(this.regParent);
    this.regParent = p;
    this.seen = new Int32Array(n);
    this.sole.length = this.joint.length = this.regPlayers.length = n;
  }

  private register(v: number, parent: Int32Array, reason: Reason[]) {
    const r = reason[v];
    if (r?.kind === 'joint') {
      this.regPlayers[v] = r.players;
      for (const u of r.players) (this.joint[u] ??= []).push(v);
    } else this.regPlayers[v] = undefined;
    this.regParent[v] = parent[v];
    if (parent[v] !== -1) (this.sole[parent[v]] ??= []).push(v);
  }

  /** Brings the registrations of `vs` (entities whose controllers may have changed) to `parent` and `reason`. */
  sync(vs: Iterable<number>, parent: Int32Array, reason: Reason[]) {
    for (const v of vs) {
      const r = reason[v];
      const players = r?.kind === 'joint' ? (r as Joint).players : undefined;
      if (this.regParent[v] === parent[v] && this.regPlayers[v] === players) continue;
      if (this.regParent[v] !== -1) drop(this.sole[this.regParent[v]], v);
      for (const u of this.regPlayers[v] ?? []) drop(this.joint[u], v);
      this.register(v, parent, reason);
    }
  }

  /** The entities whose sole parent `v` is. */
  soleOf(v: number): readonly number[] {
    return this.sole[v] ?? [];
  }

  /**
   * `from` and every entity that can reach one of them through its controllers (its sole parent, or its joint
   * controllers); with `over`, also through the declaring party of a deciding declaration (party → subject).
   */
  descendants(from: Iterable<number>, over?: ReadonlyMap<number, Declared>): Int32Array {
    const mark = ++this.walk;
    const seen = this.seen;
    let byParty: Map<number, number[]> | undefined;
    if (over?.size) {
      byParty = new Map();
      for (const [v, d] of over) (byParty.get(d.party) ?? byParty.set(d.party, []).get(d.party)!).push(v);
    }
    const out: number[] = [];
    const reach = (v: number) => {
      if (seen[v] !== mark) {
        seen[v] = mark;
        out.push(v);
      }
    };
    for (const v of from) reach(v);
    for (let q = 0; q < out.length; q++) {
      const v = out[q];
      for (const w of this.sole[v] ?? []) reach(w);
      for (const w of this.joint[v] ?? []) reach(w);
      for (const w of byParty?.get(v) ?? []) reach(w);
    }
    return Int32Array.from(out);
  }
}
