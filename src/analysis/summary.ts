// A plain, serialisable summary of an analysis (what the drawing needs), so a Web Worker can send it back,
// and a view over such a summary with the same shape the canvas reads from a live Analysis.
import type { Analysis, Status } from './analyze';
import type { Exposure } from './exposure';
import type { AnalysisOptions } from './options';

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
  conferring(): Set<string>;
  dependencies(): Record<string, Exposure>;
}

export interface AnalysisSummary {
  options: AnalysisOptions;
  /** Entity ids in document order, and per entity [status, parent ids, ultimate ids]. */
  ids: string[];
  entries: [Status, string[], string[]][];
  conferring: string[];
  dependencies: Record<string, Exposure>;
  loops: string[][];
}

/** Flattens an analysis into structured-clone-friendly arrays. */
export function summarize(a: Analysis): AnalysisSummary {
  const ids: string[] = [];
  const entries: AnalysisSummary['entries'] = [];
  for (const [id, c] of a.control) {
    ids.push(id);
    entries.push([c.status, c.parent, c.ultimate]);
  }
  return { options: a.options, ids, entries, conferring: [...a.conferring()], dependencies: a.dependencies(), loops: a.loops };
}

/** A ControlView over a summary. */
export function viewOfSummary(s: AnalysisSummary): ControlView {
  const control = new Map<string, ControlEntry>();
  s.ids.forEach((id, i) => control.set(id, { status: s.entries[i][0], parent: s.entries[i][1], ultimate: s.entries[i][2] }));
  const conferring = new Set(s.conferring);
  return { options: s.options, control, loops: s.loops, conferring: () => conferring, dependencies: () => s.dependencies };
}
