// A compact, transferable summary of an analysis (what the drawing needs), so a Web Worker can hand it back
// without copying: statuses and controller lists as typed arrays of entity indices, decoded lazily on read.
import type { Analysis, Status } from './analyze';
import type { Exposure } from './exposure';
import type { AnalysisOptions } from './options';
import { indexOfIds } from './idLists';

export interface ControlEntry {
  status: Status;
  parent: string[];
  ultimate: string[];
  /** True when the ultimate controllers come from a declared indirect interest (EntityControl.ultimateDeclared). */
  ultimateDeclared?: true;
}

/** What the canvas and tables read: satisfied by a live Analysis and by a summary from a worker. */
export interface ControlView {
  readonly options: AnalysisOptions;
  readonly control: ReadonlyMap<string, ControlEntry>;
  readonly loops: string[][];
  /** Members of the entity's control group in the whole document (Analysis.groupSize). */
  groupSize(id: string): number;
  conferring(): ReadonlySet<string>;
  dependencies(): Record<string, Exposure>;
}

const STATUSES: Status[] = ['independent', 'controlled', 'joint', 'circular'];

/** Indices refer to the analysed document's entities and holdings, in document order. */
export interface AnalysisSummary {
  options: AnalysisOptions;
  status: Uint8Array;
  parentStart: Int32Array;
  parentIdx: Int32Array;
  ultimateStart: Int32Array;
  ultimateIdx: Int32Array;
  /**
   * Control groups, so a partial drawing can say how large a group is (Analysis.groupSize): each entity's group key,
   * and the members per key. A key is an index into `groupCount`; the counts are kept per key rather than per entity so
   * that an edit which moves one entity between groups changes two counts, not every member's figure.
   */
  groupKey: Int32Array;
  groupCount: Int32Array;
  /**
   * Per entity: 1 when its ultimate controllers come from a declared indirect interest (CONTROL-MODEL); absent when
   * no declaration decides any entity's.
   */
  ultimateDeclared?: Uint8Array;
  /** Per holding: 1 when it confers control (its votes or seats belong to the block controlling its subject). */
  confers: Uint8Array;
  dependencies: Record<string, Exposure>;
  loops: string[][];
}

/** Flattens an analysis into typed arrays (transferable: see `summaryBuffers`). */
export function summarize(a: Analysis): AnalysisSummary {
  const { n } = a.snap;
  const ids = a.snap.ids;
  const status = new Uint8Array(n);
  // Each entity keyed by itself, with its group's size: the full analysis knows the sizes, not shared keys.
  const groupKey = Int32Array.from({ length: n }, (_, i) => i), groupCount = new Int32Array(n);
  const parentStart = new Int32Array(n + 1), ultimateStart = new Int32Array(n + 1);
  const parents: number[] = [], ultimates: number[] = [];
  let declared: Uint8Array | undefined;
  // Read by entity index: no map of per-entity results is built to be flattened again.
  for (let i = 0; i < n; i++) {
    status[i] = STATUSES.indexOf(a.statusAt(i));
    groupCount[i] = a.groupSize(ids[i]);
    for (const p of a.parentsAt(i)) parents.push(p);
    for (const u of a.ultimatesAt(i)) ultimates.push(u);
    if (a.ultimateDeclaredAt(i)) (declared ??= new Uint8Array(n))[i] = 1;
    parentStart[i + 1] = parents.length;
    ultimateStart[i + 1] = ultimates.length;
  }
  const conferringIds = a.conferring();
  const confers = Uint8Array.from(a.doc.holdings, (h) => (conferringIds.has(h.id) ? 1 : 0));
  return {
    options: a.options, status, parentStart, parentIdx: Int32Array.from(parents), ultimateStart, ultimateIdx: Int32Array.from(ultimates), groupKey, groupCount,
    confers, dependencies: a.dependencies(), loops: a.loops, ...(declared ? { ultimateDeclared: declared } : {}),
  };
}

/** The size of entity i's control group in a summary. */
export const groupSizeAt = (s: AnalysisSummary, i: number) => s.groupCount[s.groupKey[i]];

/** The buffers of a summary, for postMessage's transfer list. */
export function summaryBuffers(s: AnalysisSummary): ArrayBuffer[] {
  return [s.status, s.parentStart, s.parentIdx, s.ultimateStart, s.ultimateIdx, s.groupKey, s.groupCount, s.confers, ...(s.ultimateDeclared ? [s.ultimateDeclared] : [])].map((x) => x.buffer as ArrayBuffer);
}


/** A read-only map over a summary, decoding an entry only when it is read. */
class SummaryControl implements ReadonlyMap<string, ControlEntry> {
  private index: Map<string, number> | null = null;
  constructor(private s: AnalysisSummary, private ids: string[]) {}
  private at(i: number): ControlEntry {
    const { s, ids } = this;
    const list = (start: Int32Array, idx: Int32Array) => {
      const out: string[] = [];
      for (let k = start[i]; k < start[i + 1]; k++) out.push(ids[idx[k]]);
      return out;
    };
    const c: ControlEntry = { status: STATUSES[s.status[i]], parent: list(s.parentStart, s.parentIdx), ultimate: list(s.ultimateStart, s.ultimateIdx) };
    if (s.ultimateDeclared?.[i]) c.ultimateDeclared = true;
    return c;
  }
  /** Position of `id` in the summarized document's entities. */
  find(id: string): number | undefined {
    this.index ??= indexOfIds(this.ids);
    return this.index.get(id);
  }
  get size() {
    return this.ids.length;
  }
  get(id: string) {
    const i = this.find(id);
    return i === undefined ? undefined : this.at(i);
  }
  has(id: string) {
    return this.find(id) !== undefined;
  }
  *entries(): MapIterator<[string, ControlEntry]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i], this.at(i)];
  }
  *keys(): MapIterator<string> {
    yield* this.ids;
  }
  *values(): MapIterator<ControlEntry> {
    for (let i = 0; i < this.ids.length; i++) yield this.at(i);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  forEach(f: (v: ControlEntry, k: string, m: ReadonlyMap<string, ControlEntry>) => void) {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
}

/**
 * The conferring holdings of a summary as a set of holding ids, read from its flags: no set of every conferring
 * holding's id is built per summary (at 100k entities that is tens of thousands of ids per edit). `has` reads the
 * id → index map of the holding ids, which is kept while an edit keeps the ids in place (idLists.ts).
 */
class SummaryConferring implements ReadonlySet<string> {
  private count = -1;
  constructor(private s: AnalysisSummary, private ids: string[]) {}
  get size() {
    if (this.count < 0) this.count = this.s.confers.reduce((a, b) => a + b, 0);
    return this.count;
  }
  has(id: string) {
    const k = indexOfIds(this.ids).get(id);
    return k !== undefined && this.s.confers[k] === 1;
  }
  *keys(): SetIterator<string> {
    const c = this.s.confers;
    for (let k = 0; k < c.length; k++) if (c[k]) yield this.ids[k];
  }
  values() {
    return this.keys();
  }
  *entries(): SetIterator<[string, string]> {
    for (const id of this.keys()) yield [id, id];
  }
  [Symbol.iterator]() {
    return this.keys();
  }
  forEach(f: (v: string, k: string, set: ReadonlySet<string>) => void) {
    for (const id of this.keys()) f(id, id, this);
  }
}

/** A ControlView over a summary of the document whose entity and holding ids are given (in document order). */
export function viewOfSummary(s: AnalysisSummary, entityIds: string[], holdingIds: string[]): ControlView {
  const control = new SummaryControl(s, entityIds);
  const conferring = new SummaryConferring(s, holdingIds);
  return {
    options: s.options,
    control,
    loops: s.loops,
    groupSize: (id) => {
      const i = control.find(id);
      return i === undefined ? 1 : groupSizeAt(s, i);
    },
    conferring: () => conferring,
    // A summary crosses from the worker as a plain object: read by id, it must not see Object.prototype's keys.
    dependencies: () => Object.assign(Object.create(null), s.dependencies),
  };
}
