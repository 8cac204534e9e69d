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
  /** Members of each entity's control group (Analysis.groupSize), so a partial drawing can say how large a group is. */
  groupSize: Int32Array;
  /** Indices of holdings that confer control. */
  conferring: Int32Array;
  dependencies: Record<string, Exposure>;
  loops: string[][];
}

/** Flattens an analysis into typed arrays (transferable: see `summaryBuffers`). */
export function summarize(a: Analysis): AnalysisSummary {
  const { n } = a.snap;
  const ids = a.snap.ids;
  const status = new Uint8Array(n);
  const groupSize = new Int32Array(n);
  const parentStart = new Int32Array(n + 1), ultimateStart = new Int32Array(n + 1);
  const parents: number[] = [], ultimates: number[] = [];
  // Read by entity index: no map of per-entity results is built to be flattened again.
  for (let i = 0; i < n; i++) {
    status[i] = STATUSES.indexOf(a.statusAt(i));
    groupSize[i] = a.groupSize(ids[i]);
    for (const p of a.parentsAt(i)) parents.push(p);
    for (const u of a.ultimatesAt(i)) ultimates.push(u);
    parentStart[i + 1] = parents.length;
    ultimateStart[i + 1] = ultimates.length;
  }
  const conferringIds = a.conferring();
  const conferring: number[] = [];
  a.doc.holdings.forEach((h, k) => conferringIds.has(h.id) && conferring.push(k));
  return {
    options: a.options, status, parentStart, parentIdx: Int32Array.from(parents), ultimateStart, ultimateIdx: Int32Array.from(ultimates), groupSize,
    conferring: Int32Array.from(conferring), dependencies: a.dependencies(), loops: a.loops,
  };
}

/** The buffers of a summary, for postMessage's transfer list. */
export function summaryBuffers(s: AnalysisSummary): ArrayBuffer[] {
  return [s.status, s.parentStart, s.parentIdx, s.ultimateStart, s.ultimateIdx, s.groupSize, s.conferring].map((x) => x.buffer as ArrayBuffer);
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
    return { status: STATUSES[s.status[i]], parent: list(s.parentStart, s.parentIdx), ultimate: list(s.ultimateStart, s.ultimateIdx) };
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
 * The conferring holdings of a summary as a set of holding ids, read from its indices: no set of every conferring
 * holding's id is built per summary (at 100k entities that is tens of thousands of ids per edit). `has` reads the
 * id → index map of the holding ids, which is kept while an edit keeps the ids in place (idLists.ts).
 */
class SummaryConferring implements ReadonlySet<string> {
  private bits: Uint8Array | null = null;
  constructor(private s: AnalysisSummary, private ids: string[]) {}
  get size() {
    return this.s.conferring.length;
  }
  has(id: string) {
    if (!this.bits) {
      this.bits = new Uint8Array(this.ids.length);
      for (const k of this.s.conferring) this.bits[k] = 1;
    }
    const k = indexOfIds(this.ids).get(id);
    return k !== undefined && this.bits[k] === 1;
  }
  *keys(): SetIterator<string> {
    for (const k of this.s.conferring) yield this.ids[k];
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
      return i === undefined ? 1 : s.groupSize[i];
    },
    conferring: () => conferring,
    // A summary crosses from the worker as a plain object: read by id, it must not see Object.prototype's keys.
    dependencies: () => Object.assign(Object.create(null), s.dependencies),
  };
}
