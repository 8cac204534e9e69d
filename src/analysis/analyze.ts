// The analysis of one document under one view (rule, τ, date): control for every entity, computed eagerly;
// look-through, power, explanations and exposure computed on demand and memoised. Cached per document.
import { FLOAT_PREFIX, inForce, type OwnershipDoc } from '../model';
import { conferringControllers, controlTable, vetoPlayers, type Block, type Evaluator, type Reason } from './control';
import { lowestCommon } from './votingGame';
import { describeRule, quotaUnits, ruleOf } from './decisionRule';
import { classifyDependency, type Exposure } from './exposure';
import { pct } from './format';
import { closedLoops, lookThroughWalk, visitOwners } from './lookThrough';
import { declaredControl, declaredShift, prepareDeclared, type Declared } from './declared';
import { resolveOptions, type AnalysisOptions } from './options';
import { powerIndices, type PowerIndices } from './power';
import { nameReader, snapshot, type Snapshot } from './snapshot';
import type { ReasonTable } from './reasonTable';
import { ultimateControllers, type Groups, type Tops, type WaysUp } from './ultimates';
import { usesThreshold } from './rules';

export type Status = 'independent' | 'controlled' | 'joint' | 'circular';

export interface EntityControl {
  status: Status;
  /** Immediate controller(s): one for sole control, the joint controllers for joint control. */
  parent: string[];
  /** Ultimate controller(s), sorted; [] when independent. */
  ultimate: string[];
  /** True when the ultimate controllers come from a declared indirect interest on the way up (CONTROL-MODEL). */
  ultimateDeclared?: true;
  reason: Reason;
}

export interface LookThrough {
  /** Look-through stake (%) of every upstream entity. */
  lookThrough: Record<string, number>;
  /** Terminal owners and unattributed remainders (`float:<id>`), summing to 100. */
  ultimateOwners: Record<string, number>;
  /** Per party of a declared indirect interest, the part of its look-through stake that was declared, not derived from holdings. */
  declared?: Record<string, number>;
}

export interface PlayerPower {
  id: string;
  weight: number; // %
  banzhaf: number;
  shapleyShubik: number | null;
  veto: boolean;
}

export class Analysis {
  readonly options: AnalysisOptions;
  readonly snap: Snapshot;
  private parent: Int32Array;
  private reasons: ReasonTable;
  private evaluator: Evaluator;
  /** 1 for entities on a cycle of sole-parent pointers (they control one of their own controllers). */
  private onCycle: Uint8Array;
  /** Entities whose ultimate controllers come from a declared indirect interest (analysis/declared.ts), and those interests. */
  private declaredTop?: Uint8Array;
  private declaredOver?: Map<number, Declared>;
  /** Ultimate controllers by entity index, each set sorted by id. */
  private tops: Tops;
  private memoControl?: Map<string, EntityControl>;
  private memoLook = new Map<string, LookThrough | { loop: string[] }>();
  private memoDeps?: Record<string, Exposure>;
  private memoConferring?: Set<string>;
  private memoLoops?: string[][];
  private memoGroups?: Int32Array;
  private memoSentences?: (string | undefined)[];
  private memoJoint?: Map<number, readonly number[]>;

  constructor(readonly doc: OwnershipDoc, opts: Partial<AnalysisOptions> = {}) {
    this.options = resolveOptions(doc, opts);
    this.snap = snapshot(doc, this.options.date);
    const c = controlTable(this.snap, this.options);
    this.parent = c.parent;
    this.reasons = c.reasons;
    this.evaluator = c.evaluator;
    // The ultimate controllers are settled in the order control was (analysis/ultimates.ts); should a way up not fit
    // that order, all entities are taken as one group.
    let groups = c.groups;
    let tops = ultimateControllers(this.snap.n, this.waysUp(undefined), groups);
    if (!tops) {
      groups = whole(this.snap.n);
      tops = ultimateControllers(this.snap.n, this.waysUp(undefined), groups)!;
    }
    this.onCycle = this.cycles(groups);
    this.tops = this.ultimates(tops);
    // Sorted by id once here, not on every read (a register's table reads every entity's twice).
    const ids = this.snap.ids;
    this.tops.sortSets((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  }

  /**
   * The control result of every entity, keyed by id: built on first use (the command line reads entities by index
   * and never builds it; at a million entities the map and its arrays cost seconds and hundreds of MB).
   */
  get control(): Map<string, EntityControl> {
    if (this.memoControl) return this.memoControl;
    const { n, ids } = this.snap;
    const out = new Map<string, EntityControl>();
    for (let v = 0; v < n; v++) out.set(ids[v], this.entityAt(v));
    return (this.memoControl = out);
  }

  /**
   * Marks the entities on a cycle of sole-parent pointers. A parent lies in its entity's group or an earlier one, so a
   * cycle lies within one group: only groups of several are walked.
   */
  private cycles(groups: Groups): Uint8Array {
    const n = this.snap.n;
    const parent = this.parent;
    const buf = new ArrayBuffer(2 * n);
    const state = new Uint8Array(buf, 0, n); // 0 new, 1 on current path, 2 done
    const onCycle = new Uint8Array(buf, n, n);
    const path: number[] = [];
    const { order, groupStart } = groups;
    for (let c = 0; c < groups.count; c++) {
      if (groupStart[c + 1] - groupStart[c] < 2) continue;
      for (let i = groupStart[c]; i < groupStart[c + 1]; i++) {
        const v = order[i];
        if (state[v]) continue;
        path.length = 0;
        let x = v;
        while (x !== -1 && state[x] === 0) {
          state[x] = 1;
          path.push(x);
          x = parent[x];
        }
        if (x !== -1 && state[x] === 1) for (let k = path.indexOf(x); k < path.length; k++) onCycle[path[k]] = 1;
        for (const p of path) state[p] = 2;
      }
    }
    return onCycle;
  }

  /** The status of entity v (by index). */
  statusAt(v: number): Status {
    if (this.reasons.isJoint(v)) return 'joint';
    if (this.parent[v] === -1) return 'independent';
    return this.onCycle[v] ? 'circular' : 'controlled';
  }

  /** Immediate controller(s) of entity v as indices: the joint controllers sorted by id, or the sole parent. */
  parentsAt(v: number): readonly number[] {
    if (this.reasons.isJoint(v)) {
      // Sorted once per entity: explanations walk a joint controller's entity once per entity it controls.
      const memo = (this.memoJoint ??= new Map<number, readonly number[]>());
      let out = memo.get(v);
      if (!out) memo.set(v, (out = byId(this.reasons.players(v)!, this.snap.ids)));
      return out;
    }
    return this.parent[v] === -1 ? [] : [this.parent[v]];
  }

  /** Ultimate controller(s) of entity v as indices, sorted by id; [] when independent. */
  ultimatesAt(v: number): readonly number[] {
    return this.statusAt(v) === 'independent' ? [] : this.tops.list(v);
  }

  /** Whether the ultimate controllers of entity v (by index) come from a declared indirect interest (entityAt's ultimateDeclared). */
  ultimateDeclaredAt(v: number): boolean {
    return !!this.declaredTop?.[v] && this.statusAt(v) !== 'independent';
  }

  /** The control result of entity v (by index), made afresh. */
  entityAt(v: number): EntityControl {
    const ids = this.snap.ids;
    const name = (x: number) => ids[x];
    const c: EntityControl = { status: this.statusAt(v), parent: this.parentsAt(v).map(name), ultimate: this.ultimatesAt(v).map(name), reason: this.reasons.at(v) };
    if (this.ultimateDeclaredAt(v)) c.ultimateDeclared = true;
    return c;
  }

  /**
   * Ultimate controllers of every entity (analysis/ultimates.ts), given those found from the controllers alone: in the
   * graph "v → its controllers" (the sole parent, or every joint controller), the terminal strongly connected
   * components reachable from v. Declared indirect interests that decide are then taken as their subjects' way up.
   */
  private ultimates(tops: Tops): Tops {
    // Declared indirect interests that decide: the records' chain of control ends at the intermediaries (CONTROL-MODEL).
    const over = declaredControl(this.snap, (v) => tops.list(v), (v) => this.statusAt(v));
    if (!over.size) return tops;
    this.declaredOver = over;
    // The entities of `over` take the declaring party as their only way up; `declaredTop` marks the entities whose
    // way up passes one of them.
    const n = this.snap.n;
    const mark = new Uint8Array(n);
    for (const v of over.keys()) mark[v] = 1;
    const out = ultimateControllers(n, this.waysUp(over), whole(n), mark)!;
    this.declaredTop = mark;
    return out;
  }

  /** Each entity's ways up: the declaring party for the entities of `over`, else the joint controllers or the sole parent. */
  private waysUp(over: Map<number, Declared> | undefined): WaysUp {
    const { parent, reasons } = this;
    return {
      count: (v) => {
        if (over?.has(v)) return 1;
        const p = reasons.players(v);
        return p ? p.length : parent[v] === -1 ? 0 : 1;
      },
      target: (v, i) => {
        const d = over?.get(v);
        if (d) return d.party;
        const p = reasons.players(v);
        return p ? p[i] : parent[v];
      },
    };
  }

  /** The control result of one entity. */
  entity(id: string): EntityControl {
    const c = this.control.get(id);
    if (!c) throw new Error(`analysis: no entity "${id}"`);
    return c;
  }

  /** Ultimate controllers, or the entity itself when nobody controls it: "the top of its group". */
  top(id: string): string[] {
    const v = this.snap.index.get(id);
    const u = v === undefined ? [] : this.ultimatesAt(v);
    return u.length ? u.map((x) => this.snap.ids[x]) : [id];
  }

  /** Members of the control group of `id`: the entities with the same top (itself included), in the whole document. */
  groupSize(id: string): number {
    const v = this.snap.index.get(id);
    return v === undefined ? 1 : (this.memoGroups ??= this.groupSizes())[v];
  }

  /** groupSize of every entity. A top of one entity is keyed by its index, so only joint tops build strings. */
  private groupSizes(): Int32Array {
    const { n, ids } = this.snap;
    const keys = new Array<number | string>(n);
    const single = new Int32Array(n);
    const joint = new Map<string, number>();
    for (let v = 0; v < n; v++) {
      const u = this.ultimatesAt(v);
      const k = u.length === 0 ? v : u.length === 1 ? u[0] : groupKey(u.map((x) => ids[x]));
      keys[v] = k;
      if (typeof k === 'number') single[k]++;
      else joint.set(k, (joint.get(k) ?? 0) + 1);
    }
    const out = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      const k = keys[v];
      out[v] = typeof k === 'number' ? single[k] : joint.get(k)!;
    }
    return out;
  }

  /** Closed ownership loops (groups owning 100% of each other). */
  get loops(): string[][] {
    return (this.memoLoops ??= closedLoops(this.snap));
  }

  /** Look-through stakes and ultimate owners of `id` in %, or the closed loop that makes them unavailable. */
  lookThrough(id: string): LookThrough | { loop: string[] } {
    const memo = this.memoLook.get(id);
    if (memo) return memo;
    const v = this.snap.index.get(id);
    if (v === undefined) throw new Error(`analysis: no entity "${id}"`);
    const s = this.snap;
    // Declared indirect interests are made ready first: that runs walks of their own (analysis/declared.ts).
    const prepared = prepareDeclared(s);
    const w = lookThroughWalk(s, v);
    let out: LookThrough | { loop: string[] };
    if (!w.ok) out = { loop: w.loop };
    else {
      const shift = declaredShift(s, prepared, v, w.nodes, w.m);
      // Keyed by entity id: null-prototype objects, so ids such as "__proto__" or "constructor" are keys like any other.
      const lookThrough: Record<string, number> = Object.create(null);
      const ultimateOwners: Record<string, number> = Object.create(null);
      visitOwners(s, v, w, (u, x) => (lookThrough[s.ids[u]] = x * 100), (k, x) => (ultimateOwners[k] = x * 100));
      out = { lookThrough, ultimateOwners };
      if (shift) {
        const key = (k: number) => (k >= 0 ? s.ids[k] : FLOAT_PREFIX + s.ids[-1 - k]);
        for (const [u, x] of shift.upstream) if (u !== v) lookThrough[s.ids[u]] = (lookThrough[s.ids[u]] ?? 0) + x * 100;
        for (const [k, x] of shift.owners) {
          const y = (ultimateOwners[key(k)] ?? 0) + x * 100;
          if (y > 1e-10) ultimateOwners[key(k)] = y;
          else delete ultimateOwners[key(k)];
        }
        const declared: Record<string, number> = Object.create(null);
        for (const [u, x] of shift.declared) declared[s.ids[u]] = x * 100;
        out.declared = declared;
      }
    }
    this.memoLook.set(id, out);
    return out;
  }

  /** Look-through stake (%) of `owner` in `id`; 0 when none or unavailable. */
  stake(owner: string, id: string): number {
    const lt = this.lookThrough(id);
    return 'loop' in lt ? 0 : (lt.lookThrough[owner] ?? 0);
  }

  /** The voting game on a company: its blocks with weights, power indices and veto flags. */
  power(id: string): PlayerPower[] {
    return this.powerUpTo(id, Infinity)!;
  }

  /** power(id), or null when the voting game has more than `max` blocks (nothing is computed then). */
  powerUpTo(id: string, max: number): PlayerPower[] | null {
    const v = this.snap.index.get(id);
    if (v === undefined) throw new Error(`analysis: no entity "${id}"`);
    return this.powerAt(v, max)?.players ?? null;
  }

  /** powerUpTo of entity v (by index), with each player's entity index (`at`, in the players' order). */
  powerAt(v: number, max: number): { players: PlayerPower[]; at: number[] } | null {
    const g = this.gameAt(v, max);
    if (!g) return null;
    const { blocks, order, indices: p } = g;
    if (!blocks.length) return { players: [], at: [] };
    const rule = ruleOf(this.doc.entities[v].decisionRule);
    const veto = new Set(vetoPlayers(blocks, rule).map((b) => b.id));
    const players = order.map((i): PlayerPower => {
      const b = blocks[i];
      return { id: this.snap.ids[b.id], weight: b.weight * 100, banzhaf: p.banzhaf[i], shapleyShubik: p.shapleyShubik ? p.shapleyShubik[i] : null, veto: veto.has(b.id) };
    });
    return { players, at: order.map((i) => blocks[i].id) };
  }

  /**
   * The voting game on entity v (by index) as powerAt gives it, without a player made: its blocks, their power
   * indices (in the blocks' order) and the order powerAt lists them in (largest weight first, ties by id); null when
   * it has more than `max` blocks (nothing is computed then). The command line writes power from it.
   */
  gameAt(v: number, max: number): { blocks: Block[]; indices: PowerIndices; order: number[] } | null {
    const blocks = this.blocksAt(v);
    if (blocks.length > max) return null;
    if (!blocks.length) return { blocks, indices: { banzhaf: [], shapleyShubik: [] }, order: [] };
    const rule = ruleOf(this.doc.entities[v].decisionRule);
    const SCALE = 100; // weights in 0.01% units
    const weights = new Array<number>(blocks.length);
    for (let i = 0; i < blocks.length; i++) weights[i] = Math.round(blocks[i].weight * 100 * SCALE);
    const indices = powerIndices(weights, quotaUnits(rule, SCALE));
    if (blocks.length === 1) return { blocks, indices, order: [0] };
    // Largest weight first, ties by id; a few dozen blocks (nearly every game) by insertion, a stable sort as Array#sort.
    const ids = this.snap.ids;
    const after = (i: number, j: number) => blocks[j].weight * 100 - blocks[i].weight * 100 || ids[blocks[i].id].localeCompare(ids[blocks[j].id]);
    if (blocks.length > 64) return { blocks, indices, order: blocks.map((_, i) => i).sort(after) };
    const order = new Array<number>(blocks.length);
    for (let i = 0; i < blocks.length; i++) {
      let k = i;
      for (; k > 0 && after(order[k - 1], i) > 0; k--) order[k] = order[k - 1];
      order[k] = i;
    }
    return { blocks, indices, order };
  }

  /**
   * The voting game on entity y as Evaluator.blocksOf makes it (the blocks in the order their roots are first met, each
   * holder's votes added in the holdings' order), each holder's root read from the chains' ends (chainEnds) and a
   * chain made only where several holders share a root (their lowest common controller labels the block): on a
   * register with chains of fifty, blocksOf walked and made dozens of entries per holder.
   */
  private blocksAt(y: number): Block[] {
    const s = this.snap, parent = this.parent;
    const stamps = this.stamps();
    const ends = (this.memoEnds ??= this.chainEnds());
    const out: Block[] = [];
    let shared = false;
    let slot: Map<number, number> | undefined; // root → block, once a game has many blocks
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
      const z = s.inHolder[e];
      if (s.isFloat[z]) continue;
      // The chain of controllers of z, y left out, to its end or a repeat: its first and last entity. Its last is the
      // chain's end (chainEnds) unless that is y, which only a walk can step past.
      let first = z, last = ends[z];
      if (z === y || last === y) {
        const cur = this.nextStamp();
        first = last = -1;
        for (let x = z; x !== -1 && stamps[x] !== cur; x = parent[x]) {
          stamps[x] = cur;
          if (x === y) continue;
          if (first === -1) first = x;
          last = x;
        }
        if (last === -1) continue; // an empty chain: the company's own controlled holders never form a block against it
      }
      let k = -1;
      if (slot) k = slot.get(last) ?? -1;
      else for (let j = 0; j < out.length; j++) if (out[j].root === last) k = j;
      if (k === -1) {
        out.push({ id: first, root: last, weight: s.inVotes[e], holders: [z] });
        if (slot) slot.set(last, out.length - 1);
        else if (out.length === 16) slot = new Map(out.map((b, j) => [b.root, j]));
      } else {
        out[k].weight += s.inVotes[e];
        out[k].holders.push(z);
        shared = true;
      }
    }
    // A block of several holders is labelled by their chains' lowest common controller.
    if (shared) for (const b of out) if (b.holders.length > 1) b.id = lowestCommon(b.holders.map((z) => this.evaluator.chain(z, y)));
    return out;
  }

  private memoEnds?: Int32Array;

  /**
   * The last entity of each entity's chain of controllers (Evaluator.chain: parent pointers followed to the end or a
   * repeat), found for all at once: an entity's is its parent's; on a cycle of parents, the walk ends at the member
   * just before the one it came in by, whose parent that is.
   */
  private chainEnds(): Int32Array {
    const n = this.snap.n, parent = this.parent;
    const ends = new Int32Array(n).fill(-1);
    const onPath = this.stamps();
    const path: number[] = [];
    for (let v = 0; v < n; v++) {
      if (ends[v] !== -1) continue;
      const cur = this.nextStamp();
      path.length = 0;
      let x = v;
      while (x !== -1 && ends[x] === -1 && onPath[x] !== cur) {
        onPath[x] = cur;
        path.push(x);
        x = parent[x];
      }
      let end: number;
      if (x === -1) end = path[path.length - 1];
      else if (ends[x] !== -1) end = ends[x];
      else {
        // A cycle from x on: each member's end is the member whose parent it is.
        const from = path.indexOf(x);
        for (let k = from; k < path.length; k++) ends[parent[path[k]]] = path[k];
        path.length = from;
        end = ends[x];
      }
      for (const u of path) ends[u] = end;
    }
    return ends;
  }

  /** Scratch of marks by entity (explainCodes, blocksAt): a fresh stamp from nextStamp marks nothing yet. */
  private stampArray?: Int32Array;
  private stamp = 0;

  private stamps(): Int32Array {
    return (this.stampArray ??= new Int32Array(this.snap.n));
  }

  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.stamps().fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Exposure class of every dependency in force on the view date. */
  dependencies(): Record<string, Exposure> {
    if (this.memoDeps) return this.memoDeps;
    const out: Record<string, Exposure> = Object.create(null); // keyed by dependency id (any string)
    const deps = this.doc.dependencies ?? [];
    // Jurisdictions by id, indexed only when there is a dependency to classify (a huge graph often has none).
    const byId = deps.length ? new Map(this.doc.entities.map((e) => [e.id, e])) : new Map();
    for (const d of deps) {
      if (!inForce(d, this.options.date)) continue;
      out[d.id] = classifyDependency(d, {
        top: (id) => this.top(id),
        lookThroughStake: (owner, client) => this.stake(owner, client),
        jurisdiction: (id) => byId.get(id)?.jurisdiction,
      });
    }
    return (this.memoDeps = out);
  }

  /** Ids of holdings in force whose votes or seats belong to the block that controls (solely or jointly) their subject. */
  conferring(): ReadonlySet<string> {
    if (this.memoConferring) return this.memoConferring;
    const s = this.snap;
    const out = new Set<string>();
    for (let y = 0; y < s.n; y++) {
      const members = conferringControllers(this.reasons.at(y), this.parent[y]);
      if (!members) continue;
      for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
        const chain = this.evaluator.chain(s.inHolder[e], y);
        if (chain.some((x) => members.includes(x))) out.add(s.doc.holdings[s.inHolding[e]].id);
      }
    }
    return (this.memoConferring = out);
  }

  /** The worded chain of control of `id`, from the entity up to its ultimate controller(s). */
  explain(id: string): string[] {
    const v = this.snap.index.get(id);
    if (v === undefined) throw new Error(`analysis: no entity "${id}"`);
    return this.explainAt(v);
  }

  /** explain of entity v (by index). */
  explainAt(v0: number): string[] {
    // An entity's sentence is the same in every explanation it appears in: made once (a register explains every
    // entity, and each explanation repeats its controllers' sentences).
    const sentences = (this.memoSentences ??= new Array<string | undefined>(this.snap.n));
    const n = this.snap.n;
    return this.explainCodes(v0).map((c) => (c >= 0 && c < n ? (sentences[c] ??= this.sentence(c)) : this.explainLine(c, v0)));
  }

  /**
   * The lines of explainAt(v0) as codes, in order (explainLine words them): v for entity v's sentence, n + v for the
   * declared indirect interest over v, −1 for the line saying that v0's control is circular. Entities are taken
   * breadth first up their controllers, by index (no id looked up), at most 40 lines' worth.
   */
  explainCodes(v0: number): number[] {
    const n = this.snap.n;
    const taken = this.stamps();
    const stamp = this.nextStamp();
    const codes: number[] = [];
    const queue = [v0];
    for (let head = 0; head < queue.length && codes.length < 40; head++) {
      const v = queue[head];
      if (taken[v] === stamp) continue;
      taken[v] = stamp;
      codes.push(v);
      if (v === v0 && this.statusAt(v) === 'circular') codes.push(-1);
      const d = this.declaredOver?.get(v);
      if (d) codes.push(n + v);
      if (this.reasons.isJoint(v)) for (const p of this.parentsAt(v)) queue.push(p);
      else if (this.parent[v] !== -1) queue.push(this.parent[v]);
      if (d) queue.push(d.party);
    }
    return codes;
  }

  /** The line of an explanation of entity v0 given by its code (explainCodes), made afresh. */
  explainLine(code: number, v0: number): string {
    const n = this.snap.n;
    if (code < 0) return `${this.snap.names[v0]} controls one of its own controllers: control is circular.`;
    return code < n ? this.sentence(code) : this.declaredSentence(this.declaredOver!.get(code - n)!);
  }

  /** Why a declared indirect interest makes its party the ultimate controller. */
  private declaredSentence(d: Declared): string {
    const s = this.snap;
    const via = d.through.map((t) => s.names[t]);
    return `${s.names[d.party]} declares an indirect ${pct(d.share)} of ${s.names[d.subject]}${via.length ? ` through ${list(via)}` : ''} (${describeRule(ruleOf(this.doc.entities[d.subject].decisionRule))}; a declared indirect interest, the stakes in between not recorded): it is the ultimate controller.`;
  }

  /**
   * The name of entity v, through a small cache by index: a register's names may be made on every read (from bytes:
   * cli/tableNames.ts), and a controller's name comes back in the sentence of each entity it controls and its own.
   */
  private nameOf(v: number): string {
    const k = v & (NAMES - 1);
    const at = (this.nameAt ??= new Int32Array(NAMES).fill(-1));
    const names = (this.nameCache ??= new Array<string>(NAMES).fill(''));
    if (at[k] !== v) {
      at[k] = v;
      names[k] = (this.nameRead ??= nameReader(this.snap.names))(v);
    }
    return names[k];
  }

  private nameAt?: Int32Array;
  private nameCache?: string[];
  private nameRead?: (v: number) => string;

  /** The sentence of entity v (by index): names, holders and controllers read by index (no id looked up). */
  private sentence(v: number): string {
    const s = this.snap;
    const r = this.reasons.at(v);
    const y = this.nameOf(v);
    const rule = ruleOf(this.doc.entities[v].decisionRule);
    // The sole parent's name (names may be decoded on every read: cli/tableNames.ts), or the joint controllers'.
    const parent = this.parent[v];
    const p0 = r.kind === 'joint' || parent === -1 ? undefined : this.nameOf(parent);
    switch (r.kind) {
      case 'agreement':
        return `${p0} controls ${y} by agreement${r.agreement.basis ? ` (${r.agreement.basis})` : ''}.`;
      case 'board':
        return `${p0} appoints ${r.seats} of ${r.boardSize} board seats of ${y} (more than half).`;
      case 'votes': {
        // The parent's direct votes.
        let own = 0;
        for (let e = s.inStart[v]; e < s.inStart[v + 1]; e++) {
          if (s.inHolder[e] === parent) {
            own = s.inVotes[e];
            break;
          }
        }
        return Math.abs(own - r.block) < 1e-12
          ? `${p0} holds ${pct(r.block)} of ${y}'s votes (${describeRule(rule)}).`
          : `${p0} controls ${pct(r.block)} of ${y}'s votes, directly and through entities it controls (${describeRule(rule)}).`;
      }
      case 'defacto':
        return `${p0} holds the largest block, ${pct(r.block)} of ${y}'s votes (at least ${this.options.threshold}% and more than any other block, the next being ${pct(r.runnerUp)}): de facto control.`;
      case 'joint': {
        const p = this.parentsAt(v).map((x) => s.names[x]);
        return r.agreement
          ? `${y} is jointly controlled by ${list(p)} by agreement${r.agreement.basis ? ` (${r.agreement.basis})` : ''}.`
          : `${y} is jointly controlled by ${list(p)}: together they hold ${pct(r.weights.reduce((a, b) => a + b, 0))} of the votes (${describeRule(rule)}) and each can block any decision (${r.players.map((x, i) => `${this.snap.names[x]} ${pct(r.weights[i])}`).join(', ')}).`;
      }
      case 'none':
        if (r.largest === -1) return `Nobody controls ${y}: it has no recorded holders with votes.`;
        return `Nobody controls ${y}: the largest block, ${this.nameOf(r.largest)} with ${pct(r.block)} of the votes, does not pass ${describeRule(rule)}${usesThreshold(this.options.rule) ? ` or the de facto test (at least ${this.options.threshold}% and larger than every other block)` : ''}.`;
      default: {
        const never: never = r;
        return String(never);
      }
    }
  }
}

/** Entries of Analysis.nameOf's cache (a power of two). */
const NAMES = 1024;

/** All n entities as one group (analysis/ultimates.ts). */
function whole(n: number): Groups {
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  return { order, groupStart: Int32Array.of(0, n), count: 1 };
}

/** `list` in id order: the list itself when it has one entity or none (read, never changed, by every caller). */
function byId(list: readonly number[], ids: string[]): readonly number[] {
  if (list.length < 2) return list;
  return list.slice().sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
}

/** The key of a control group: its top's ids joined by "+". */
export const groupKey = (top: string[]) => top.join('+');

function list(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the app reads from an analysis: a live Analysis, or one whose control comes from a worker. */
export type AnalysisView = Pick<Analysis, 'doc' | 'options' | 'loops' | 'entity' | 'top' | 'groupSize' | 'explain' | 'lookThrough' | 'stake' | 'power' | 'conferring' | 'dependencies'> & {
  readonly control: ReadonlyMap<string, Pick<EntityControl, 'status' | 'parent' | 'ultimate' | 'ultimateDeclared'>>;
};

const cache = new WeakMap<OwnershipDoc, Map<string, Analysis>>();

/** The analysis of `doc` under the given view, memoised per document and view. */
export function analyze(doc: OwnershipDoc, opts: Partial<AnalysisOptions> = {}): Analysis {
  const o = resolveOptions(doc, opts);
  const key = `${o.rule}|${o.threshold}|${o.date}`;
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  let a = byKey.get(key);
  if (!a) byKey.set(key, (a = new Analysis(doc, o)));
  return a;
}

