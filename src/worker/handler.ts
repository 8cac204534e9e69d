// The analysis worker's logic as a plain function of messages (testable in Node); the Worker file only wires it.
import { apply, type OwnershipDoc } from '../model';
import { analyze, summarize, summaryBuffers } from '../analysis';
import { decideOpen } from '../store/files';
import type { Request, Response } from './protocol';

/** Creates a message handler holding the worker's copy of the document. */
export function createHandler(post: (r: Response, transfer?: ArrayBuffer[]) => void) {
  let doc: OwnershipDoc | null = null;
  return (req: Request) => {
    try {
      switch (req.type) {
        case 'load':
          doc = req.doc;
          post({ type: 'ok', seq: req.seq });
          return;
        case 'apply':
          if (!doc) throw new Error('worker: no document loaded — send "load" first');
          doc = apply(doc, req.op);
          post({ type: 'ok', seq: req.seq });
          return;
        case 'analyze': {
          if (!doc) throw new Error('worker: no document loaded — send "load" first');
          const t = performance.now();
          post({ type: 'progress', seq: req.seq, phase: 'control', fraction: 0.1 });
          const a = analyze(doc, req.options);
          post({ type: 'progress', seq: req.seq, phase: 'summary', fraction: 0.8 });
          const summary = summarize(a);
          post({ type: 'analysis', seq: req.seq, summary, ms: performance.now() - t }, summaryBuffers(summary));
          return;
        }
        case 'entity': {
          if (!doc) throw new Error('worker: no document loaded — send "load" first');
          const a = analyze(doc, req.options);
          post({ type: 'entity', seq: req.seq, detail: { id: req.id, explanation: a.explain(req.id), lookThrough: a.lookThrough(req.id), power: a.power(req.id) } });
          return;
        }
        case 'import': {
          post({ type: 'progress', seq: req.seq, phase: 'parsing', fraction: 0.1 });
          const decision = decideOpen(req.bytes, req.fileName, { date: req.date });
          post({ type: 'progress', seq: req.seq, phase: 'sending', fraction: 0.9 });
          post({ type: 'imported', seq: req.seq, decision });
          return;
        }
        default: {
          const never: never = req;
          throw new Error(`worker: unknown request ${JSON.stringify(never)}`);
        }
      }
    } catch (e) {
      post({ type: 'error', seq: req.seq, message: (e as Error).message });
    }
  };
}
