// The analysis of one document under one view (rule, τ, date): control for every entity, computed eagerly;
// look-through, power, explanations and exposure computed on demand and memoised. Cached per document.
import { FLOAT_PREFIX, inForce, type OwnershipDoc } from '../model';
import { conferringControllers, controlTable, vetoPlayers, type Block, type Evaluator, type Reason } from './control';
import { describeRule, quotaUnits, ruleOf } from './decisionRule';
import { classifyDependency, type Exposure } from './exposure';
import { pct } from './format';
import { closedLoops, lookThroughWalk, visitOwners } from './lookThrough';
import { declaredControl, declaredShift, prepareDeclared, type Declared } from './declared';
import { resolveOptions, type AnalysisOptions } from './options';
import { powerIndices } from './power';
import { snapshot, type Snapshot } from './snapshot';
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
    if (this.reasons.isJoint(v)) return byId(this.reasons.players(v)!, this.snap.ids);
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
    const blocks: Block[] = this.evaluator.blocksOf(v);
    if (blocks.length > max) return null;
    if (!blocks.length) return { players: [], at: [] };
    const rule = ruleOf(this.doc.entities[v].decisionRule);
    const SCALE = 100; // weights in 0.01% units
    const p = powerIndices(blocks.map((b) => Math.round(b.weight * 100 * SCALE)), quotaUnits(rule, SCALE));
    if (blocks.length === 1) {
      const b = blocks[0];
      return { players: [{ id: this.snap.ids[b.id], weight: b.weight * 100, banzhaf: p.banzhaf[0], shapleyShubik: p.shapleyShubik ? p.shapleyShubik[0] : null, veto: vetoPlayers(blocks, rule).length === 1 }], at: [b.id] };
    }
    const veto = new Set(vetoPlayers(blocks, rule).map((b) => b.id));
    const players = blocks.map((b, i) => ({ id: this.snap.ids[b.id], weight: b.weight * 100, banzhaf: p.banzhaf[i], shapleyShubik: p.shapleyShubik ? p.shapleyShubik[i] : null, veto: veto.has(b.id) }));
    const order = players.map((_, i) => i).sort((i, j) => players[j].weight - players[i].weight || players[i].id.localeCompare(players[j].id));
    return { players: order.map((i) => players[i]), at: order.map((i) => blocks[i].id) };
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

  /** explain of entity v (by index): entities taken breadth first up their controllers, by index (no id looked up). */
  explainAt(v0: number): string[] {
    const lines: string[] = [];
    const seen = new Set<number>();
    const queue = [v0];
    // An entity's sentence is the same in every explanation it appears in: made once (a register explains every
    // entity, and each explanation repeats its controllers' sentences).
    const sentences = (this.memoSentences ??= new Array<string | undefined>(this.snap.n));
    for (let head = 0; head < queue.length && lines.length < 40; head++) {
      const v = queue[head];
      if (seen.has(v)) continue;
      seen.add(v);
      lines.push((sentences[v] ??= this.sentence(v)));
      if (v === v0 && this.statusAt(v) === 'circular') lines.push(`${this.snap.names[v]} controls one of its own controllers: control is circular.`);
      const d = this.declaredOver?.get(v);
      if (d) lines.push(this.declaredSentence(d));
      for (const p of this.parentsAt(v)) queue.push(p);
      if (d) queue.push(d.party);
    }
    return lines;
  }

  /** Why a declared indirect interest makes its party the ultimate controller. */
  private declaredSentence(d: Declared): string {
    const s = this.snap;
    const via = d.through.map((t) => s.names[t]);
    return `${s.names[d.party]} declares an indirect ${pct(d.share)} of ${s.names[d.subject]}${via.length ? ` through ${list(via)}` : ''} (${describeRule(ruleOf(this.doc.entities[d.subject].decisionRule))}; a declared indirect interest, the stakes in between not recorded): it is the ultimate controller.`;
  }

  /** The sentence of entity v (by index): names, holders and controllers read by index (no id looked up). */
  private sentence(v: number): string {
    const s = this.snap;
    const r = this.reasons.at(v);
    const y = s.names[v];
    const rule = ruleOf(this.doc.entities[v].decisionRule);
    const parents = this.parentsAt(v);
    const p = parents.map((x) => s.names[x]);
    const direct = (holder: number) => {
      for (let e = s.inStart[v]; e < s.inStart[v + 1]; e++) if (s.inHolder[e] === holder) return s.inVotes[e];
      return 0;
    };
    switch (r.kind) {
      case 'agreement':
        return `${p[0]} controls ${y} by agreement${r.agreement.basis ? ` (${r.agreement.basis})` : ''}.`;
      case 'board':
        return `${p[0]} appoints ${r.seats} of ${r.boardSize} board seats of ${y} (more than half).`;
      case 'votes': {
        const own = direct(parents[0]);
        return Math.abs(own - r.block) < 1e-12
          ? `${p[0]} holds ${pct(r.block)} of ${y}'s votes (${describeRule(rule)}).`
          : `${p[0]} controls ${pct(r.block)} of ${y}'s votes, directly and through entities it controls (${describeRule(rule)}).`;
      }
      case 'defacto':
        return `${p[0]} holds the largest block, ${pct(r.block)} of ${y}'s votes (at least ${this.options.threshold}% and more than any other block, the next being ${pct(r.runnerUp)}): de facto control.`;
      case 'joint':
        return r.agreement
          ? `${y} is jointly controlled by ${list(p)} by agreement${r.agreement.basis ? ` (${r.agreement.basis})` : ''}.`
          : `${y} is jointly controlled by ${list(p)}: together they hold ${pct(r.weights.reduce((a, b) => a + b, 0))} of the votes (${describeRule(rule)}) and each can block any decision (${r.players.map((x, i) => `${this.snap.names[x]} ${pct(r.weights[i])}`).join(', ')}).`;
      case 'none':
        if (r.largest === -1) return `Nobody controls ${y}: it has no recorded holders with votes.`;
        return `Nobody controls ${y}: the largest block, ${this.snap.names[r.largest]} with ${pct(r.block)} of the votes, does not pass ${describeRule(rule)}${usesThreshold(this.options.rule) ? ` or the de facto test (at least ${this.options.threshold}% and larger than every other block)` : ''}.`;
      default: {
        const never: never = r;
        return String(never);
      }
    }
  }
}

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

