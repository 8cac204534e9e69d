// Messages between the page and the analysis worker. The worker keeps its own copy of the document, kept in
// step by the same operations the page applies, so an edit costs one small message, not a copy of the graph.
import type { Op, OwnershipDoc } from '../model';
import type { AnalysisOptions, AnalysisSummary, LookThrough, PlayerPower } from '../analysis';
import type { OpenDecision } from '../store/files';

export type Request =
  | { type: 'load'; seq: number; doc: OwnershipDoc }
  | { type: 'apply'; seq: number; op: Op }
  | { type: 'analyze'; seq: number; options: Partial<AnalysisOptions> }
  | { type: 'entity'; seq: number; id: string; options: Partial<AnalysisOptions> }
  /** Imports a file (any supported format) off the main thread; the bytes are transferred, not copied. */
  | { type: 'import'; seq: number; bytes: Uint8Array; fileName: string; date?: string };

export interface EntityDetail {
  id: string;
  explanation: string[];
  lookThrough: LookThrough | { loop: string[] };
  power: PlayerPower[];
}

export type Response =
  | { type: 'progress'; seq: number; phase: string; fraction: number }
  | { type: 'analysis'; seq: number; summary: AnalysisSummary; ms: number }
  | { type: 'entity'; seq: number; detail: EntityDetail }
  | { type: 'imported'; seq: number; decision: OpenDecision }
  | { type: 'ok'; seq: number }
  | { type: 'error'; seq: number; message: string };
