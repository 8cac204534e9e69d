// Large documents are analysed in the worker: the worker follows edits by operations (one load, then
// applies), the latest analysis wins, and the worker-backed view matches the live analysis.
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/model';
import { analyze } from '../../src/analysis';
import { createExplorerStore } from '../../src/store/store';
import { createRemoteState, currentAnalysis, startRemoteAnalysis } from '../../src/store/remote';
import { AnalysisWorker } from '../../src/worker/client';
import { createHandler } from '../../src/worker/handler';
import type { Request } from '../../src/worker/protocol';

/** A Worker stand-in running the real handler asynchronously, counting the requests it receives. */
function fakeWorker(log: Request['type'][]) {
  const w = { onmessage: null as ((e: MessageEvent) => void) | null, terminate() {}, postMessage(req: Request) {
    log.push(req.type);
    setTimeout(() => handle(structuredClone(req)), 0);
  } };
  const handle = createHandler((r) => w.onmessage?.({ data: r } as MessageEvent));
  return new AnalysisWorker(w as unknown as Worker);
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('remote analysis', () => {
  it('loads once, follows edits with operations, and matches the live analysis', async () => {
    const doc = generateGraph({ entities: 400, seed: 9 });
    const store = createExplorerStore({ doc, datasetId: 'sample' });
    const log: Request['type'][] = [];
    const remote = startRemoteAnalysis(store, { makeWorker: () => fakeWorker(log), min: 100 });
    const remoteStore = remote.state;
    await until(() => remoteStore.getState().summary !== null && remoteStore.getState().progress === null);
    const h = doc.holdings.find((x) => x.shares > 20)!;
    expect(store.getState().commit({ type: 'setHolding', holding: { ...h, shares: h.shares - 10 } })).toEqual({ ok: true });
    store.getState().commit({ type: 'moveEntity', id: doc.entities[0].id, position: { x: 1, y: 2 } });
    store.getState().setView({ rule: 'votes' });
    await until(() => remoteStore.getState().progress === null && remoteStore.getState().summary?.summary.options.rule === 'votes' && log.filter((t) => t === 'analyze').length >= 2);
    expect(log.filter((t) => t === 'load')).toHaveLength(1); // edits travel as operations, moves not at all
    expect(log).toContain('apply');
    const s = store.getState();
    const view = currentAnalysis(s, remoteStore.getState().summary, 100);
    const live = analyze(s.doc, { rule: 'votes' });
    for (const [id, c] of live.control) expect(view.control.get(id)).toMatchObject({ status: c.status, parent: c.parent, ultimate: c.ultimate });
    for (const e of s.doc.entities) expect(view.groupSize(e.id)).toBe(live.groupSize(e.id));
    expect(new Set(view.conferring())).toEqual(live.conferring());
    const target = doc.entities[doc.entities.length - 1].id;
    expect(view.explain(target)).toEqual(live.explain(target));
    expect(view.lookThrough(target)).toEqual(live.lookThrough(target));
    // The upstream analyses belong to the document and view, not to the summary: a view made before the summary arrived shares them.
    const before = currentAnalysis(s, null, 100);
    expect(before).not.toBe(view);
    expect(before.lookThrough(target)).toBe(view.lookThrough(target));
    remote.stop();
  });

  it('undo and redo reach the worker as operations, as small as the edit, never as a copy of the document', async () => {
    const doc = generateGraph({ entities: 400, seed: 4 });
    const store = createExplorerStore({ doc, datasetId: 'sample' });
    const log: Request['type'][] = [];
    const remote = startRemoteAnalysis(store, { makeWorker: () => fakeWorker(log), min: 100 });
    const remoteStore = remote.state;
    const idle = () => remoteStore.getState().summary !== null && remoteStore.getState().progress === null;
    await until(idle);
    const sent: string[] = [];
    store.onChange((_from, _to, change) => sent.push(change.type));
    const h = doc.holdings.find((x) => x.shares > 20)!;
    store.getState().commit({ type: 'transfer', seller: h.holder, buyer: doc.entities[0].id === h.subject ? doc.entities[1].id : doc.entities[0].id, subject: h.subject, points: 5 });
    store.getState().undo();
    store.getState().redo();
    store.getState().undo();
    await until(() => idle() && log.filter((t) => t === 'apply').length === 4);
    expect(sent).toEqual(['transfer', 'patch', 'transfer', 'patch']);
    expect(log.filter((t) => t === 'load')).toHaveLength(1);
    // The worker's copy is the page's document again, exactly: its analysis matches the live one.
    await until(() => idle() && log.at(-1) === 'analyze');
    const view = currentAnalysis(store.getState(), remoteStore.getState().summary, 100);
    const live = analyze(store.getState().doc, {});
    for (const [id, c] of live.control) expect(view.control.get(id)).toMatchObject({ status: c.status, parent: c.parent });
    remote.stop();
  });

  it('small documents are analysed on the main thread', () => {
    const doc = generateGraph({ entities: 50, seed: 1 });
    const s = { doc, view: createExplorerStore({ doc, datasetId: 'sample' }).getState().view };
    expect(currentAnalysis(s, createRemoteState().getState().summary)).toBe(analyze(doc, { rule: 'legal', threshold: 25 }));
  });
});
