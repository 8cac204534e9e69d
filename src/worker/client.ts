// The page's side of the analysis worker: promises over the message protocol, progress callbacks, and
// "latest wins" — an analysis superseded by a newer request is dropped rather than drawn. Documents travel in
// parts (docParts.ts), one task each, so that no copy of a large graph freezes the page.
import type { GenerateOptions, Op, OwnershipDoc } from '../model';
import type { AnalysisOptions, AnalysisSummary, ControlDiff } from '../analysis';
import { joinDoc, nextTask, PART_ITEMS, splitDoc, type DocPart } from './docParts';
import type { AdjacencySeed, AnalysisSteps, EntityDetail, Request, Response } from './protocol';
import type { OpenDecision } from '../io/open';

/** A request before it is numbered (Omit distributed over the union). */
type Unnumbered = Request extends infer R ? (R extends Request ? Omit<R, 'seq'> : never) : never;

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void; onProgress?: (phase: string, fraction: number) => void; parts: DocPart[] };

export class AnalysisWorker {
  private worker: Worker;
  private seq = 0;
  private pending = new Map<number, Pending>();
  /** What is still being sent (a document in parts); later messages go after it. */
  private tail: Promise<void> | null = null;

  /** `partItems`: how many records of a list one message carries (docParts.ts). */
  constructor(worker?: Worker, private readonly partItems = PART_ITEMS) {
    this.worker = worker ?? new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<Response>) => {
      const r = e.data;
      const p = this.pending.get(r.seq);
      if (!p) return;
      if (r.type === 'progress') return p.onProgress?.(r.phase, r.fraction);
      if (r.type === 'part') return void p.parts.push(r.part);
      this.pending.delete(r.seq);
      if (r.type === 'error') p.reject(new Error(r.message));
      else if (r.type === 'generated') p.resolve({ ...r, doc: joinDoc(r.doc, p.parts) });
      else if (r.type === 'imported' && r.decision.ok) p.resolve({ ...r, decision: { ...r.decision, doc: joinDoc(r.decision.doc, p.parts) } });
      else p.resolve(r);
    };
    // A worker that crashes (out of memory, a script error) fails every request in flight rather than leaving it hanging.
    this.worker.onerror = (e: ErrorEvent) => this.failAll(`worker: ${e.message || 'the analysis worker stopped'}`);
    this.worker.onmessageerror = () => this.failAll('worker: a message could not be read');
  }

  /** Runs `task` once everything queued before it has been sent, else at once. */
  private inOrder(task: () => void | Promise<void>): void {
    if (!this.tail) {
      const r = task();
      if (r) this.track(r);
    } else this.track(this.tail.then(task));
  }

  private track(p: Promise<void>) {
    this.tail = p;
    void p.then(() => {
      if (this.tail === p) this.tail = null;
    });
  }

  /** Numbers and sends a request; `parts` go first, one task each. */
  private send(req: Unnumbered, onProgress?: Pending['onProgress'], transfer: Transferable[] = [], parts: DocPart[] = []): Promise<Response> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, onProgress, parts: [] });
      const post = (msg: Request, t: Transferable[] = []) => {
        try {
          this.worker.postMessage(msg, t);
          return true;
        } catch (e) {
          this.pending.delete(seq);
          reject(e instanceof Error ? e : new Error(String(e)));
          return false;
        }
      };
      this.inOrder(
        parts.length
          ? async () => {
              for (const part of parts) {
                if (!this.pending.has(seq) || !post({ type: 'part', seq, part })) return;
                await nextTask();
              }
              if (this.pending.has(seq)) post({ ...req, seq } as Request, transfer);
            }
          : () => void post({ ...req, seq } as Request, transfer),
      );
    });
  }

  /** Replaces the worker's document (copied in parts: done on load, undo and redo only, never per edit). */
  load(doc: OwnershipDoc): Promise<unknown> {
    const { shell, parts } = splitDoc(doc, this.partItems);
    return this.send({ type: 'load', doc: shell }, undefined, [], parts);
  }

  /** Applies one operation to the worker's copy. */
  apply(op: Op): Promise<unknown> {
    return this.send({ type: 'apply', op });
  }

  /** Analyses the worker's document; resolves with the summary and the time the worker took. */
  async analyze(options: Partial<AnalysisOptions>, onProgress?: Pending['onProgress']): Promise<{ summary: AnalysisSummary; ms: number; steps?: AnalysisSteps }> {
    const r = await this.send({ type: 'analyze', options }, onProgress);
    if (r.type !== 'analysis') throw new Error('worker: unexpected reply');
    return { summary: r.summary, ms: r.ms, steps: r.steps };
  }

  /** Explanation, look-through and power of one entity. */
  async entity(id: string, options: Partial<AnalysisOptions>): Promise<EntityDetail> {
    const r = await this.send({ type: 'entity', id, options });
    if (r.type !== 'entity') throw new Error('worker: unexpected reply');
    return r.detail;
  }

  /** The control diff of `before` → `after` under `options`, worked out in the worker (both documents are copied). */
  async diff(before: OwnershipDoc, after: OwnershipDoc, options: Partial<AnalysisOptions>): Promise<ControlDiff> {
    const r = await this.send({ type: 'diff', before, after, options });
    if (r.type !== 'diff') throw new Error('worker: unexpected reply');
    return r.diff;
  }

  /** Imports a File in the worker, which reads it as it streams (the page reads none of it); progress is the fraction read. */
  async importStream(file: Blob, fileName: string, date: string | undefined, onProgress?: Pending['onProgress']): Promise<{ decision: OpenDecision; seed?: AdjacencySeed }> {
    const r = await this.send({ type: 'importFile', file, fileName, date }, onProgress);
    if (r.type !== 'imported') throw new Error('worker: unexpected reply');
    return { decision: r.decision, seed: r.seed };
  }

  /** Generates a sample in the worker, which keeps it as its document; resolves with the page's copy and its adjacency. */
  async generate(options: GenerateOptions, onProgress?: Pending['onProgress']): Promise<{ doc: OwnershipDoc; seed: AdjacencySeed }> {
    const r = await this.send({ type: 'generate', options }, onProgress);
    if (r.type !== 'generated') throw new Error('worker: unexpected reply');
    return { doc: r.doc, seed: r.seed };
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
