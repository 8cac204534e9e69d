// The page's side of the analysis worker: promises over the message protocol, progress callbacks, and
// "latest wins" — an analysis superseded by a newer request is dropped rather than drawn.
import type { Op, OwnershipDoc } from '../model';
import type { AnalysisOptions, AnalysisSummary } from '../analysis';
import type { EntityDetail, Request, Response } from './protocol';
import type { OpenDecision } from '../store/files';

/** A request before it is numbered (Omit distributed over the union). */
type Unnumbered = Request extends infer R ? (R extends Request ? Omit<R, 'seq'> : never) : never;

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void; onProgress?: (phase: string, fraction: number) => void };

export class AnalysisWorker {
  private worker: Worker;
  private seq = 0;
  private pending = new Map<number, Pending>();

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<Response>) => {
      const r = e.data;
      const p = this.pending.get(r.seq);
      if (!p) return;
      if (r.type === 'progress') return p.onProgress?.(r.phase, r.fraction);
      this.pending.delete(r.seq);
      if (r.type === 'error') p.reject(new Error(r.message));
      else p.resolve(r);
    };
    // A worker that crashes (out of memory, a script error) fails every request in flight rather than leaving it hanging.
    this.worker.onerror = (e: ErrorEvent) => this.failAll(`worker: ${e.message || 'the analysis worker stopped'}`);
    this.worker.onmessageerror = () => this.failAll('worker: a message could not be read');
  }

  private send(req: Unnumbered, onProgress?: Pending['onProgress'], transfer: Transferable[] = []): Promise<Response> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, onProgress });
      this.worker.postMessage({ ...req, seq } as Request, transfer);
    });
  }

  /** Replaces the worker's document (a structured clone: costly for huge graphs, so done on load and undo only). */
  load(doc: OwnershipDoc): Promise<unknown> {
    return this.send({ type: 'load', doc });
  }

  /** Applies one operation to the worker's copy. */
  apply(op: Op): Promise<unknown> {
    return this.send({ type: 'apply', op });
  }

  /** Analyses the worker's document; resolves with the summary and the time the worker took. */
  async analyze(options: Partial<AnalysisOptions>, onProgress?: Pending['onProgress']): Promise<{ summary: AnalysisSummary; ms: number }> {
    const r = await this.send({ type: 'analyze', options }, onProgress);
    if (r.type !== 'analysis') throw new Error('worker: unexpected reply');
    return { summary: r.summary, ms: r.ms };
  }

  /** Explanation, look-through and power of one entity. */
  async entity(id: string, options: Partial<AnalysisOptions>): Promise<EntityDetail> {
    const r = await this.send({ type: 'entity', id, options });
    if (r.type !== 'entity') throw new Error('worker: unexpected reply');
    return r.detail;
  }

  /** Imports a file in the worker; the bytes are transferred (the caller's copy becomes empty). */
  async importFile(bytes: Uint8Array, fileName: string, date: string | undefined, onProgress?: Pending['onProgress']): Promise<OpenDecision> {
    const r = await this.send({ type: 'import', bytes, fileName, date }, onProgress, [bytes.buffer as ArrayBuffer]);
    if (r.type !== 'imported') throw new Error('worker: unexpected reply');
    return r.decision;
  }

  private failAll(message: string) {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  terminate() {
    this.worker.terminate();
    this.failAll('worker: terminated');
  }
}
