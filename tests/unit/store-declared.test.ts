// A declared indirect interest on a register analysed in the worker (issue 20 §1: a beneficial owner declared in a
// file never silently disappears): on a 10,000-entity sample, the worker-backed view the inspector reads names the
// declaring person as the ultimate controller of the declared subject and of what it controls, marked as declared,
// as the full analysis does; removing the declaration (an edit the worker follows) gives the records' controller back.
import { describe, expect, it } from 'vitest';
import { generateGraph, type OwnershipDoc, type Relation } from '../../src/model';
import { analyze } from '../../src/analysis';
import { createExplorerStore } from '../../src/store/store';
import { currentAnalysis, startRemoteAnalysis, WORKER_MIN_ENTITIES } from '../../src/store/remote';
import { AnalysisWorker } from '../../src/worker/client';
import { createHandler } from '../../src/worker/handler';

/** A Worker stand-in running the real handler asynchronously. */
function fakeWorker() {
  const w = { onmessage: null as ((e: MessageEvent) => void) | null, terminate() {}, postMessage(req: unknown) {
    setTimeout(() => handle(structuredClone(req) as never), 0);
  } };
  const handle = createHandler((r) => w.onmessage?.({ data: r } as MessageEvent));
  return new AnalysisWorker(w as unknown as Worker);
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('declared indirect interests on a register analysed in the worker', () => {
  it("names the declaring person as the inspector's ultimate controller at 10,000 entities", async () => {
    const sample = generateGraph({ entities: WORKER_MIN_ENTITIES, seed: 5 });
    // A company controlled by the records, with companies below it, all ultimately controlled by one top.
    const records = analyze(sample, {});
    const children = new Map<string, string[]>();
    for (const [id, c] of records.control) for (const p of c.parent) (children.get(p) ?? children.set(p, []).get(p)!).push(id);
    const subject = sample.entities.find((e) => {
      const c = records.control.get(e.id)!;
      return c.status === 'controlled' && c.ultimate.length === 1 && (children.get(e.id)?.length ?? 0) > 0;
    })!.id;
    const below = children.get(subject)![0];
    const top = records.control.get(subject)!.ultimate[0];
    const declaration: Relation = { id: 'decl-1', kind: 'shareholding', party: 'person-x', subject, directOrIndirect: 'indirect', share: 75, through: [top] };
    const doc: OwnershipDoc = { ...sample, entities: [...sample.entities, { id: 'person-x', name: 'Person X', kind: 'person' }], relations: [declaration] };
    expect(doc.entities.length).toBeGreaterThanOrEqual(WORKER_MIN_ENTITIES);

    const store = createExplorerStore({ doc, datasetId: 'sample' });
    const remote = startRemoteAnalysis(store, { makeWorker: fakeWorker });
    const idle = () => remote.state.getState().summary !== null && remote.state.getState().progress === null;
    await until(idle);
    const view = () => currentAnalysis(store.getState(), remote.state.getState().summary);
    const full = analyze(doc, {});
    expect(full.entity(subject)).toMatchObject({ ultimate: ['person-x'], ultimateDeclared: true });
    // What the inspector shows under "Ultimately controlled by" (ControlPanel reads control.get), and the group it colours.
    expect(view().control.get(subject)).toEqual({ status: 'controlled', parent: full.entity(subject).parent, ultimate: ['person-x'], ultimateDeclared: true });
    expect(view().control.get(below)).toMatchObject({ ultimate: ['person-x'], ultimateDeclared: true });
    expect(view().top(subject)).toEqual(['person-x']);
    expect(view().groupSize(subject)).toBe(full.groupSize(subject));

    // Removing the declaration is an edit the worker follows live: the records' top comes back, unmarked.
    expect(store.getState().commit({ type: 'removeRelation', id: 'decl-1' })).toEqual({ ok: true });
    await until(() => idle() && view().control.get(subject)?.ultimate[0] === top);
    expect(view().control.get(subject)).toEqual({ status: 'controlled', parent: full.entity(subject).parent, ultimate: [top] });
    expect(view().control.get(below)?.ultimate).toEqual([top]);
    remote.stop();
  }, 60_000); // a 10,000-entity sample generated and analysed twice in full: a few seconds idle, more under load
});
