// Incremental analysis for live edits (the worker's): the control of a document kept current across edits by
// re-evaluating only what an edit can change. The records that changed are found by identity (documents are
// immutable; an edit replaces the records it touches) and their subjects seed the re-evaluation: in the order of the
// control graph's condensation, as far as changed controllers reach (liveRanked.ts), or over the edit's whole
// downstream cone when the edit changes the edges (liveCone.ts); cycles are iterated as in computeControl, their rounds
// recorded and replayed by later edits (liveCycles.ts). Ultimate
// controllers are redone only for the control descendants of entities whose controller changed, and the summary only
// for those (liveSummary.ts). The result is the summary a full analysis gives (property-tested after every step of
// random edits).
// Declared indirect interests that decide ultimate control are applied on top of the records' tops (liveDeclared.ts).
// Look-through is not computed here: the page computes it for the entity it shows. Pure; typed arrays.
import type { Agreement, OwnershipDoc } from '../model';
import { prepareEditLookups } from '../model/docIndex';
import { controlAgreements } from './relations';
import { Evaluator, computeControl, conferringControllers, type Reason } from './control';
import { controlRule } from './rules';
import { recomputeTops } from './liveTops';
import { ControlKids } from './liveKids';
import { LiveDeclared } from './liveDeclared';
import { carryLoops, carryStructure } from './lookThrough';
import { LiveSummary } from './liveSummary';
import { condensation, reevaluateRanked, type Condensation } from './liveRanked';
import { reevaluateCone } from './liveCone';
import { CycleRecords } from './liveCycles';
import { LiveHoldings } from './livePatch';
import { resolveOptions, type AnalysisOptions } from './options';
import { agreementsBySubject, entityFields, fromTable, holdingTable, type Snapshot } from './snapshot';
import type { AnalysisSummary } from './summary';
import { diffRecords, replacedPlaces } from '../model/recordDiff';

/** What the last update did: the entities re-evaluated and those whose ultimate controllers were redone. */
export interface LiveStats {
  full: boolean;
  cone: number;
  redone: number;
  /** Where the update's time went (ms): the records followed (diff, holdings, snapshot), the evaluation, the tops redone. */
  ms?: { records: number; evaluate: number; tops: number };
}

export class LiveAnalysis {
  doc: OwnershipDoc;
  readonly options: AnalysisOptions;
  snap: Snapshot;
  stats: LiveStats = { full: true, cone: 0, redone: 0 };
  private fields: ReturnType<typeof entityFields>;
  private holdings: LiveHoldings;
  // The control state; the fields below `holdings` are read by liveSummary.
  /** Sole controller per entity (−1 none), and why. */
  parent: Int32Array;
  reason: Reason[];
  /** Ultimate controllers' tops per entity by the records alone (interned when several), and whether its sole parents form a cycle. */
  recordTops: number[][];
  onCycle: Uint8Array;
  /** Ultimate controllers with the declared indirect interests that decide (liveDeclared.ts): what the summary reads. */
  private declared: LiveDeclared;
  /** The control graph's children, kept across edits (liveKids.ts); stale after the entity list shrank. */
  kids: ControlKids;
  private kidsStale = false;
  /** 1 where the reason is joint control (read in whole-graph passes instead of each reason's kind). */
  joint: Uint8Array;
  /** Per holding row (document order): 1 when its votes or seats belong to the block that controls its subject. */
  confers: Uint8Array;
  /** Per entity: the id of its interned tops when it has several, else −1 (so whole-graph passes stay typed). */
  topsId: Int32Array;
  internId = new Map<number[], number>();
  local: Int32Array;
  /** The summary kept current (liveSummary.ts), and the entities whose control state changed since it was patched. */
  private sum: LiveSummary | null = null;
  /** The control graph's condensation while the edges stay as they are (liveRanked.ts), else null. */
  private condensed: Condensation | null = null;
  /** The recorded rounds of every control cycle, replayed by an edit that reaches one (liveCycles.ts). */
  private cycles: CycleRecords;
  private touched: number[] = [];
  /** Tops of several entities, sorted by id and shared: one array per distinct set (their group key). */
  private interned = new Map<string, number[]>();
  canon = (t: number[]): number[] => {
    if (t.length <= 1) return t;
    const ids = this.snap.ids;
    const sorted = t.slice().sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    const key = sorted.map((x) => ids[x]).join('+');
    let shared = this.interned.get(key);
    if (!shared) {
      this.interned.set(key, (shared = sorted));
      this.internId.set(shared, this.internId.size);
    }
    return shared;
  };

  constructor(doc: OwnershipDoc, opts: Partial<AnalysisOptions> = {}) {
    this.options = resolveOptions(doc, opts);
    this.doc = doc;
    this.fields = entityFields(doc);
    const table = holdingTable(doc, this.fields.index, this.options.date);
    this.snap = fromTable(doc, this.options.date, this.fields, table, agreementsBySubject(doc, this.fields.index, this.options.date));
    this.holdings = new LiveHoldings(this.snap.n, table, this.snap);
    this.cycles = new CycleRecords(this.snap.n);
    const c = computeControl(this.snap, this.options, (ev, members, parent, reason) => void this.cycles.iterate(this.snap, ev, members, parent, reason, null));
    this.parent = c.parent;
    this.reason = c.reason;
    const n = this.snap.n;
    this.recordTops = new Array(n);
    this.onCycle = new Uint8Array(n);
    this.joint = new Uint8Array(n);
    for (let v = 0; v < n; v++) this.joint[v] = this.reason[v].kind === 'joint' ? 1 : 0;
    this.local = new Int32Array(n);
    this.kids = new ControlKids(n, this.parent, this.reason);
    const all = Int32Array.from({ length: n }, (_, i) => i);
    recomputeTops(all, this.parent, this.reason, this.recordTops, this.onCycle, this.local, this.canon);
    this.declared = new LiveDeclared(this);
    this.topsId = new Int32Array(n);
    this.setTopsIds(all);
    this.confers = new Uint8Array(doc.holdings.length);
    const ev = new Evaluator(this.snap, this.options, this.parent);
    for (let y = 0; y < n; y++) this.conferOf(ev, y);
    // The condensation is made now, so that an edit that adds or takes away holdings can tell whether it holds.
    this.condensed = condensation(this.snap, this.partyEdges());
    // The document is followed live: edits will come, so the lookups apply checks them with are made now, with the
    // full analysis, rather than on the first edit (model/docIndex.ts; they are handed on from edit to edit).
    prepareEditLookups(doc);
  }

  /** Whether this analysis can follow `doc` (same view), else a new one must be made. */
  fits(doc: OwnershipDoc, opts: Partial<AnalysisOptions>): boolean {
    const o = resolveOptions(doc, opts);
    return o.rule === this.options.rule && o.threshold === this.options.threshold && o.date === this.options.date;
  }

  /** Brings the analysis to `doc` (an edit of the current document); false when it cannot (then make a new one). */
  update(doc: OwnershipDoc): boolean {
    const old = this.doc, date = this.options.date;
    if (doc === old) return true;
    const t0 = performance.now();
    const seeds: number[] = [];
    /** Subjects whose holdings changed, and whether an entity turned into or out of a float (loops: carryLoops). */
    const touchedSubjects: number[] = [];
    let floatsChanged = false;
    // Entities: same ids in the same places (names, kinds, rules and boards may change), else start again.
    const n0 = old.entities.length, n1 = doc.entities.length;
    if (doc.entities !== old.entities) {
      // Entities added at the end (a new entity) or taken from the end (its undo) are followed; any other change of
      // the list moves indices, and the analysis starts again.
      // An edit that replaced entities in place (a move, a rename) says where (model/recordDiff.ts).
      const places = replacedPlaces(old.entities, doc.entities);
      const changed: number[] = [];
      if (places) for (const i of places) changed.push(i);
      else for (let i = 0; i < Math.min(n0, n1); i++) if (old.entities[i] !== doc.entities[i]) changed.push(i);
      for (const i of changed) {
        const a = old.entities[i], b = doc.entities[i];
        if (a === b) continue;
        if (a.id !== b.id) return false;
        this.fields.names[i] = b.name;
        if (this.fields.isFloat[i] !== (b.kind === 'float' ? 1 : 0)) floatsChanged = true;
        this.fields.isFloat[i] = b.kind === 'float' ? 1 : 0;
        seeds.push(i);
        // A holder turning into (or out of) a float changes the blocks of everything it holds.
        for (let e = this.snap.outStart[i]; e < this.snap.outStart[i + 1]; e++) seeds.push(this.snap.outSubject[e]);
      }
      if (n1 > n0) {
        this.resize(doc, n1);
        for (let i = n0; i < n1; i++) seeds.push(i);
      }
    }
    // Agreements include those made from consolidation relations (relations.ts): compared by content, as the made
    // ones are new objects for every document.
    const agreementsChanged = doc.agreements !== old.agreements || doc.relations !== old.relations;
    const agreements = agreementsChanged || doc.entities !== old.entities ? agreementsBySubject(doc, this.fields.index, date) : this.snap.agreements;
    let sameEdges = true;
    if (doc.holdings !== old.holdings) {
      const d = diffRecords(old.holdings, doc.holdings);
      if (d.changed > Math.max(64, doc.holdings.length / 20)) return false;
      if (!d.same.every(([from, to]) => from === to) || doc.holdings.length !== old.holdings.length) {
        const confers = new Uint8Array(doc.holdings.length);
        for (const [from, to, length] of d.same) confers.set(this.confers.subarray(from, from + length), to);
        this.confers = confers;
      }
      // A changed row's flag is recomputed with its subject's (a row no longer in force keeps none).
      for (const k of d.added) this.confers[k] = 0;
      sameEdges = this.holdings.apply(d, doc, this.fields.index, date, (v) => {
        seeds.push(v);
        touchedSubjects.push(v);
      });
    }
    if (agreementsChanged) {
      // Every field, not only those that decide control: a reason carries its agreement (its basis is shown), so an
      // agreement whose basis or note changed has its subject evaluated again, and the reason holds the new record.
      const key = (a: Agreement) => JSON.stringify(a);
      const before = new Map(controlAgreements(old).map((a) => [key(a), a])), after = new Map(controlAgreements(doc).map((a) => [key(a), a]));
      for (const [k, a] of [...before].filter(([x]) => !after.has(x)).concat([...after].filter(([x]) => !before.has(x)))) {
        void k;
        const s = this.fields.index.get(a.subject);
        if (s !== undefined) seeds.push(s);
      }
    }
    // Entities taken from the end: their holdings went with them (above), now their places go.
    if (n1 < n0) this.resize(doc, n1);
    this.doc = doc;
    const snap = this.holdings.snapshot({ ...this.snap, ...this.fields }, doc, agreements);
    if (sameEdges && n1 === n0) carryStructure(this.snap, snap);
    // The kept condensation has every holding edge (and agreements'): an entity alone in its component is on no cycle.
    const cond = this.condensed;
    const onCycle = cond ? (v: number) => cond.compStart[cond.comp[v] + 1] - cond.compStart[cond.comp[v]] > 1 : undefined;
    if (sameEdges && n1 === n0 && !floatsChanged) carryLoops(this.snap, snap, touchedSubjects, onCycle);
    this.snap = snap;
    // Same edges: the condensation holds, and only what a changed controller reaches is evaluated (liveRanked.ts).
    // Else the edit's downstream cone is evaluated, and the condensation is made again when next needed.
    // Holdings added or taken away: an edit that adds a pair along the condensation's order (or inside a component), or
    // takes one away between components, leaves the components as they are (Tarjan's numbers stay a topological
    // order). Else they are found again: a new cycle passes the new pair, whose subject is seeded; a component that may
    // have split (a pair inside it taken away) is seeded whole, as its parts are iterated apart from now on.
    const ranked = n1 === n0 && !agreementsChanged && (sameEdges || cond !== null);
    if (ranked && !sameEdges && cond) {
      const { added, removed } = this.holdings.changedPairs;
      let again = added.some(([h, s]) => cond.comp[h] < cond.comp[s]);
      for (const [h, s] of removed) {
        if (cond.comp[h] !== cond.comp[s]) continue;
        again = true;
        for (let k = cond.compStart[cond.comp[h]]; k < cond.compStart[cond.comp[h] + 1]; k++) seeds.push(cond.order[k]);
      }
      if (again) this.condensed = null; // made again for the new snapshot (reevaluate)
    }
    if (!ranked) this.condensed = null;
    this.reevaluate(seeds.filter((v) => v >= 0 && v < n1), ranked, t0);
    return true;
  }

  /** Grows or shrinks every per-entity array to `n` entities (those of `doc`); new entities start uncontrolled, unevaluated. */
  private resize(doc: OwnershipDoc, n: number) {
    const f = this.fields, n0 = f.n;
    for (let i = n; i < n0; i++) f.index.delete(f.ids[i]);
    f.ids.length = n;
    f.names.length = n;
    for (let i = n0; i < n; i++) {
      const e = doc.entities[i];
      f.ids[i] = e.id;
      f.names[i] = e.name;
      f.index.set(e.id, i);
    }
    const isFloat = new Uint8Array(n);
    isFloat.set(f.isFloat.subarray(0, Math.min(n, n0)));
    for (let i = n0; i < n; i++) isFloat[i] = doc.entities[i].kind === 'float' ? 1 : 0;
    f.isFloat = isFloat;
    f.n = n;
    const resized = <T extends Int32Array | Uint8Array>(a: T, fill: number): T => {
      const b = new (a.constructor as new (k: number) => T)(n);
      b.set(a.subarray(0, Math.min(n, n0)) as never);
      if (n > n0) b.fill(fill, n0);
      return b;
    };
    this.parent = resized(this.parent, -1);
    this.onCycle = resized(this.onCycle, 0);
    this.joint = resized(this.joint, 0);
    this.topsId = resized(this.topsId, -1);
    this.local = new Int32Array(n);
    this.reason.length = n;
    this.recordTops.length = n;
    for (let i = n0; i < n; i++) this.recordTops[i] = [];
    this.declared.resize(this, n);
    if (n > n0) this.kids.grow(n);
    else this.kidsStale = true;
    this.holdings.resize(n);
    this.cycles.clear(n);
    this.sum = null; // indices moved: the next summary is made afresh
  }

  /** The control graph's out-edges from agreement parties to subjects (legal and de facto rules only). */
  private partyEdges(): Map<number, number[]> {
    const s = this.snap;
    const partyOf = new Map<number, number[]>();
    if (controlRule(this.options.rule).counts.agreements) {
      for (const [subject, list] of s.agreements) for (const a of list) for (const p of a.parties) {
        const pi = s.index.get(p);
        if (pi === undefined || pi === subject) continue;
        const l = partyOf.get(pi);
        if (l) l.push(subject); else partyOf.set(pi, [subject]);
      }
    }
    return partyOf;
  }

  /**
   * Re-evaluates what `seeds` can change — by rank in the kept condensation (`ranked`, when the edges are the same),
   * else the whole downstream cone — then redoes the tops of control descendants of what changed.
   */
  private reevaluate(seeds: number[], ranked: boolean, t0: number) {
    const t1 = performance.now();
    const s = this.snap;
    const partyOf = this.partyEdges();
    const ev = new Evaluator(s, this.options, this.parent);
    const r = ranked
      ? reevaluateRanked(s, (this.condensed ??= condensation(s, partyOf)), ev, this.parent, this.reason, seeds, partyOf, (v) => this.kids.soleOf(v), this.cycles)
      : reevaluateCone(s, ev, this.parent, this.reason, seeds, partyOf, this.local, this.cycles);
    for (const v of r.evaluated) {
      this.joint[v] = this.reason[v].kind === 'joint' ? 1 : 0;
      this.conferOf(ev, v);
    }
    const t2 = performance.now();
    this.finish(r.changed, r.evaluated.length);
    this.stats.ms = { records: t1 - t0, evaluate: t2 - t1, tops: performance.now() - t2 };
  }

  /** Ultimate controllers per entity, with the declared indirect interests that decide (as Analysis gives them). */
  get tops(): number[][] {
    return this.declared.tops;
  }

  /** Per entity, 1 when its ultimate controllers come from a declared indirect interest (Analysis's ultimateDeclared); null when none decides. */
  get declaredMarks(): Uint8Array | null {
    return this.declared.marks;
  }

  /** After a re-evaluation of `evaluated` entities: redoes the tops of the control descendants of `changed`. */
  private finish(changed: number[], evaluated: number) {
    if (this.kidsStale) this.kids.rebuild(this.snap.n, this.parent, this.reason);
    else this.kids.sync(changed, this.parent, this.reason);
    this.kidsStale = false;
    const records = changed.length ? this.kids.descendants(changed) : new Int32Array(0);
    recomputeTops(records, this.parent, this.reason, this.recordTops, this.onCycle, this.local, this.canon);
    const redo = this.declared.follow(this, records);
    this.setTopsIds(redo);
    // The summary's entries read parent, reason, tops and onCycle: they change only for the entities whose controllers
    // changed and their control descendants, which are what `redo` holds.
    if (this.sum) for (const v of redo) this.touched.push(v);
    this.stats = { full: false, cone: evaluated, redone: redo.length };
  }

  private setTopsIds(set: Int32Array) {
    for (const v of set) this.topsId[v] = this.tops[v].length > 1 ? this.internId.get(this.tops[v])! : -1;
  }

  /** Sets the conferring flag of every holding of `y` (as Analysis.conferring). */
  private conferOf(ev: Evaluator, y: number) {
    const s = this.snap;
    const members = conferringControllers(this.reason[y], this.parent[y]);
    for (let e = s.inStart[y]; e < s.inStart[y + 1]; e++) {
      this.confers[s.inHolding[e]] = members && ev.chain(s.inHolder[e], y).some((x) => members.includes(x)) ? 1 : 0;
    }
  }

  /** The summary of the current document (what summarize(analyze(doc, options)) gives), patched since the last one. */
  summary(): AnalysisSummary {
    if (!this.sum) this.sum = new LiveSummary(this);
    else this.sum.patch(this, this.touched);
    this.touched = [];
    return this.sum.snapshot(this);
  }

  /** How many entities the last summary rewrote (all of them when it was made afresh). */
  get summaryRewritten(): number {
    return this.sum?.rewritten ?? 0;
  }
}
