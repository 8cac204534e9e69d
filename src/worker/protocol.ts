// Messages between the page and the analysis worker. The worker keeps its own copy of the document, kept in
// step by the same operations the page applies, so an edit costs one small message, not a copy of the graph.
// Large documents travel in parts (docParts.ts): `part` messages with the request's seq, then the request itself.
import type { GenerateOptions, Op, OwnershipDoc } from '../model';
import type { Adjacency, AnalysisOptions, AnalysisSummary, ControlDiff, LookThrough, PlayerPower } from '../analysis';
import type { OpenDecision } from '../io/open';
import type { DocPart } from './docParts';

export type Request =
  /** A part of the document of the `load` with the same seq (no reply). */
  | { type: 'part'; seq: number; part: DocPart }
  | { type: 'load'; seq: number; doc: OwnershipDoc }
  | { type: 'apply'; seq: number; op: Op }
  | { type: 'analyze'; seq: number; options: Partial<AnalysisOptions> }
  | { type: 'entity'; seq: number; id: string; options: Partial<AnalysisOptions> }
  /**
   * Imports a file (any supported format) off the main thread, read as it streams here (io/open decideOpenStream): the
   * page never reads it, a BODS file is never held whole; progress replies carry the fraction read.
   */
  | { type: 'importFile'; seq: number; file: Blob; fileName: string; date?: string }
  /**
   * The control diff of two documents under the same view options (a scenario against its base, a preview against
   * the document). Stateless: neither document becomes the worker's; it keeps the one it holds.
   */
  | { type: 'diff'; seq: number; before: OwnershipDoc; after: OwnershipDoc; options: Partial<AnalysisOptions> }
  /** Generates a sample document, which the worker keeps as its own (no `load` needed). */
  | { type: 'generate'; seq: number; options: GenerateOptions };

/** A document's adjacency on the date it opens on, for the page to seed (analysis/adjacency.ts). */
export interface AdjacencySeed {
  date: string;
  adjacency: Adjacency;
}

/** Where the worker's time went (ms): bringing the control up to date, then the summary; and what the update redid. */
export interface AnalysisSteps {
  control: number;
  summary: number;
  /** Whether the analysis was made afresh rather than followed (live.ts LiveStats). */
  full: boolean;
  cone: number;
  redone: number;
  /** Within `control` (live.ts LiveStats): the records followed, the evaluation, the ultimate controllers redone. */
  ms?: { records: number; evaluate: number; tops: number };
}

export interface EntityDetail {
  id: string;
  explanation: string[];
  lookThrough: LookThrough | { loop: string[] };
  power: PlayerPower[];
}

export type Response =
  | { type: 'progress'; seq: number; phase: string; fraction: number }
  /** A part of the document of the `imported` or `generated` reply with the same seq. */
  | { type: 'part'; seq: number; part: DocPart }
  | { type: 'analysis'; seq: number; summary: AnalysisSummary; ms: number; steps?: AnalysisSteps }
  | { type: 'entity'; seq: number; detail: EntityDetail }
  | { type: 'diff'; seq: number; diff: ControlDiff }
  /** An imported document comes with its adjacency on its own date (what focus mode needs first), built here. */
  | { type: 'imported'; seq: number; decision: OpenDecision; seed?: AdjacencySeed }
  | { type: 'generated'; seq: number; doc: OwnershipDoc; seed: AdjacencySeed }
  | { type: 'ok'; seq: number }
  | { type: 'error'; seq: number; message: string };
