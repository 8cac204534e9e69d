// The analysis worker's logic as a plain function of messages (testable in Node); the Worker file only wires it.
// Analyses are live (analysis/live.ts): after an edit (an operation, an undo, a redo) only the edit's downstream
// cone is re-evaluated, so at 100k entities an edit costs milliseconds instead of a full analysis.
import { apply, generateGraph, type OwnershipDoc } from '../model';
import { adjacencyBuffers, analyze, buildAdjacency, diffAnalyses, resolveOptions, summaryBuffers } from '../analysis';
import { LiveAnalysis } from '../analysis/live';
import { decideOpenStream, type OpenDecision } from '../io/open';
import { joinDoc, PART_ITEMS, splitDoc, type DocPart } from './docParts';
import type { AdjacencySeed, Request, Response } from './protocol';

/** Creates a message handler holding the worker's copy of the document; lists are sent in parts of `partItems`. */
export function createHandler(post: (r: Response, transfer?: ArrayBuffer[]) => void, partItems = PART_ITEMS) {
  let doc: OwnershipDoc | null = null;
  /** The live analysis of the latest view, followed from document to document. */
  let live: LiveAnalysis | null = null;
  const parts = new Map<number, DocPart[]>();
  /** The adjacency `d` opens with, and the buffers to transfer it. */
  const seedOf = (d: OwnershipDoc): [AdjacencySeed, ArrayBuffer[]] => {
    const date = resolveOptions(d).date;
    const adjacency = buildAdjacency(d, date);
    return [{ date, adjacency }, adjacencyBuffers(adjacency)];
  };
  /** Sends `d` in parts ahead of the reply that carries its shell. */
  const sendDoc = (seq: number, d: OwnershipDoc): OwnershipDoc => {
    const { shell, parts: out } = splitDoc(d, partItems);
    for (const part of out) post({ type: 'part', seq, part });
    return shell;
  };
  /** Sends an import's decision: the document in parts with the adjacency it opens with, or the refusal. */
  const sendImported = (seq: number, decision: OpenDecision) => {
    post({ type: 'progress', seq, phase: 'sending', fraction: 0.9 });
    if (!decision.ok) return post({ type: 'imported', seq, decision });
    const [seed, buffers] = seedOf(decision.doc);
    post({ type: 'imported', seq, decision: { ...decision, doc: sendDoc(seq, decision.doc) }, seed }, buffers);
  };
  return (req: Request) => {
    try {
      switch (req.type) {
        case 'part': {
          const list = parts.get(req.seq);
          if (list) list.push(req.part);
          else parts.set(req.seq, [req.part]);
          return;
        }
        case 'load':
          doc = joinDoc(req.doc, parts.get(req.seq) ?? []);
          live = null;
          parts.delete(req.seq);
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
          if (!live || !live.fits(doc, req.options) || !live.update(doc)) live = new LiveAnalysis(doc, req.options);
          const t1 = performance.now();
          post({ type: 'progress', seq: req.seq, phase: 'summary', fraction: 0.8 });
          const summary = live.summary();
          const t2 = performance.now();
          const steps = { control: t1 - t, summary: t2 - t1, ...live.stats };
          post({ type: 'analysis', seq: req.seq, summary, ms: t2 - t, steps }, summaryBuffers(summary));
          return;
        }
        case 'entity': {
          if (!doc) throw new Error('worker: no document loaded — send "load" first');
          const a = analyze(doc, req.options);
          post({ type: 'entity', seq: req.seq, detail: { id: req.id, explanation: a.explain(req.id), lookThrough: a.lookThrough(req.id), power: a.power(req.id) } });
          return;
        }
        case 'diff':
          post({ type: 'diff', seq: req.seq, diff: diffAnalyses(analyze(req.before, req.options), analyze(req.after, req.options)) });
          return;
        case 'importFile': {
          const { seq, file, fileName, date } = req;
          post({ type: 'progress', seq, phase: 'reading 0%', fraction: 0 });
          void decideOpenStream(file, fileName, { date }, (f) => post({ type: 'progress', seq, phase: f < 1 ? `reading ${Math.floor(f * 100)}%` : 'building the graph', fraction: f * 0.8 }))
            .then((decision) => sendImported(seq, decision))
            .catch((e: unknown) => post({ type: 'error', seq, message: (e as Error).message }));
          return;
        }
        case 'generate': {
          post({ type: 'progress', seq: req.seq, phase: 'generating', fraction: 0.1 });
          doc = generateGraph(req.options);
          live = null;
          const [seed, buffers] = seedOf(doc);
          post({ type: 'progress', seq: req.seq, phase: 'sending', fraction: 0.8 });
          post({ type: 'generated', seq: req.seq, doc: sendDoc(req.seq, doc), seed }, buffers);
          return;
        }
        default: {
          const never: never = req;
          throw new Error(`worker: unknown request ${JSON.stringify(never)}`);
        }
      }
    } catch (e) {
      parts.delete(req.seq);
      post({ type: 'error', seq: req.seq, message: (e as Error).message });
    }
  };
}
