// Large documents cross to and from the worker in parts, in order; a sample generated in the worker stays there, so
// loading it costs no copy back; the page starts on a placeholder and loads the sample when it arrives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyDoc, generateGraph, parseDoc, type OwnershipDoc } from '../../src/model';
import { serializeDoc } from '../../src/io/native';
import { joinDoc, splitDoc } from '../../src/worker/docParts';
import { AnalysisWorker } from '../../src/worker/client';
import { createHandler } from '../../src/worker/handler';
import type { Request, Response } from '../../src/worker/protocol';
import { sampleBoot, sampleRequest } from '../../src/store/boot';
import { isPlaceholder, loadSample } from '../../src/store/sample';
import { adjacency, buildAdjacency, seedAdjacency } from '../../src/analysis';
import { createExplorerStore } from '../../src/store/store';
import { startRemoteAnalysis } from '../../src/store/remote';

/** Records per part in these tests: documents of a few hundred entities cross in several parts, as 100k ones do. */
const PART = 500;

/** A Worker stand-in running the real handler asynchronously (each message copied), logging what it receives. */
function fakeWorker(log: Request['type'][]) {
  const w = { onmessage: null as ((e: MessageEvent) => void) | null, terminate() {}, postMessage(req: Request) {
    log.push(req.type);
    const copy = structuredClone(req);
    setTimeout(() => handle(copy), 0);
  } };
  const handle = createHandler((r) => w.onmessage?.({ data: structuredClone(r) } as MessageEvent), PART);
  return w;
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('documents in parts', () => {
  it('split then join gives the document back, for any part size', () => {
    const doc = generateGraph({ entities: 120, seed: 3 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), (size) => {
      const { shell, parts } = splitDoc(doc, size);
      for (const p of parts) expect(p.items.length).toBeLessThanOrEqual(size);
      expect(joinDoc(structuredClone(shell), structuredClone(parts))).toEqual(doc);
    }));
  });

  it('leaves small lists in the shell and sends long ones only in parts', () => {
    const doc = generateGraph({ entities: 50, seed: 1 });
    const { shell, parts } = splitDoc(doc, 60);
    expect(shell.entities).toBe(doc.entities);
    expect(shell.holdings).toEqual([]);
    expect(new Set(parts.map((p) => p.field))).toEqual(new Set(['holdings']));
    expect(splitDoc(doc, 1000)).toEqual({ shell: doc, parts: [] });
  });

  it('the handler loads a document from its parts and generates one it keeps', () => {
    const out: Response[] = [];
    const handle = createHandler((r) => out.push(r), PART);
    const doc = generateGraph({ entities: 30, seed: 5 });
    const { shell, parts } = splitDoc(doc, 7);
    for (const part of parts) handle({ type: 'part', seq: 1, part });
    handle({ type: 'load', seq: 1, doc: shell });
    handle({ type: 'analyze', seq: 2, options: {} });
    const r = out.find((x) => x.type === 'analysis');
    expect(r?.type === 'analysis' && r.summary.status.length).toBe(30);

    out.length = 0;
    handle({ type: 'generate', seq: 3, options: { entities: 900, seed: 2 } });
    const got = out.filter((x): x is Extract<Response, { type: 'part' }> => x.type === 'part').map((x) => x.part);
    const done = out.at(-1)!;
    if (done.type !== 'generated') throw new Error(JSON.stringify(done));
    expect(got.length).toBeGreaterThan(2);
    const generated = generateGraph({ entities: 900, seed: 2 });
    expect(joinDoc(done.doc, got)).toEqual(generated);
    expect(done.seed.date).toBe('2025-01-01');
    expect(done.seed.adjacency).toEqual(buildAdjacency(generated, '2025-01-01'));
    handle({ type: 'analyze', seq: 4, options: {} });
    const a = out.at(-1)!;
    expect(a.type === 'analysis' && a.summary.status.length).toBe(900);
  });

  it('the client sends a large document in parts and every later request after it, in order', async () => {
    const log: Request['type'][] = [];
    const client = new AnalysisWorker(fakeWorker(log) as unknown as Worker, PART);
    const doc = generateGraph({ entities: 1_200, seed: 1 });
    const loaded = client.load(doc);
    const h = doc.holdings[0];
    const applied = client.apply({ type: 'setHolding', holding: { ...h, shares: h.shares / 2 } });
    const analysed = client.analyze({});
    expect(log).toEqual(['part']); // one part per task: the rest follows later
    await Promise.all([loaded, applied]);
    const { summary } = await analysed;
    expect(summary.status.length).toBe(1_200);
    const last = log.lastIndexOf('part');
    expect(log.slice(last + 1)).toEqual(['load', 'apply', 'analyze']);
    expect(last + 1).toBe(splitDoc(doc, PART).parts.length);
    client.terminate();
  });

  it('the client joins the parts of a generated sample', async () => {
    const client = new AnalysisWorker(fakeWorker([]) as unknown as Worker, PART);
    const phases: string[] = [];
    const { doc, seed } = await client.generate({ entities: 900, seed: 4 }, (p) => phases.push(p));
    expect(doc).toEqual(generateGraph({ entities: 900, seed: 4 }));
    expect(seed.adjacency).toEqual(buildAdjacency(doc, seed.date));
    expect(phases).toEqual(['generating', 'sending']);
    client.terminate();
  });

  it('the client joins the parts of an imported file and gets its adjacency', async () => {
    const client = new AnalysisWorker(fakeWorker([]) as unknown as Worker, PART);
    const doc = generateGraph({ entities: 900, seed: 5 });
    const { decision, seed } = await client.importStream(new Blob([serializeDoc(doc)]), 'big.ownership.json', undefined);
    if (!decision.ok) throw new Error(decision.error);
    expect(decision.doc).toEqual(parseDoc(serializeDoc(doc)));
    expect(seed?.adjacency).toEqual(buildAdjacency(decision.doc, seed!.date));
    const refused = await client.importStream(new Blob(['{"format":']), 'cut.json', undefined);
    expect(refused).toEqual({ decision: { ok: false, error: expect.stringContaining('"cut.json" was not opened') }, seed: undefined });
    client.terminate();
  });
});

describe('a seeded adjacency', () => {
  it('is used for its document and date, and carried over a stake edit', () => {
    const doc = generateGraph({ entities: 40, seed: 1 });
    const seeded = buildAdjacency(doc, '2025-01-01');
    seedAdjacency(doc, '2025-01-01', seeded);
    expect(adjacency(doc, '2025-01-01')).toBe(seeded);
    const h = doc.holdings[0];
    const edited = { ...doc, holdings: doc.holdings.map((x) => (x === h ? { ...h, shares: h.shares / 2 } : x)) };
    expect(adjacency(edited, '2025-01-01')).toBe(seeded);
    expect(adjacency(doc, '2024-01-01')).not.toBe(seeded);
  });
});

describe('large samples', () => {
  it('boot leaves a large sample to generate elsewhere, with an empty placeholder; small ones are generated at once', () => {
    const offload = (n: number) => n >= 10_000;
    const big = sampleBoot('?sample=20000&seed=3', offload)!;
    expect(big.sample).toEqual({ entities: 20_000, seed: 3 });
    expect(big.doc.entities).toEqual([]);
    expect(isPlaceholder(big.doc)).toBe(true);
    const small = sampleBoot('?sample=300', offload)!;
    expect(small.sample).toBeUndefined();
    expect(small.doc.entities).toHaveLength(300);
    expect(isPlaceholder(small.doc)).toBe(false);
  });

  it.each([
    ['?sample=500', { entities: 500, seed: 1 }],
    ['?sample=500&core=0.3&depth=30', { entities: 500, seed: 1, core: 0.3, depth: 30 }],
    ['?sample=500&wide=4&seed=2', { entities: 500, seed: 2, wide: 4 }],
    ['?sample=500&wide=0', { entities: 500, seed: 1, wide: 0 }],
    ['?sample=500&core=2&depth=-1&wide=x', { entities: 500, seed: 1 }],
  ])('reads the shape a sample URL asks for: %s', (query, want) => {
    expect(sampleRequest(query)).toEqual(want);
    // A small sample is generated at once, in that shape.
    expect(sampleBoot(query)!.doc).toEqual(generateGraph(want));
  });

  it('is generated in the worker, loaded in place of the placeholder, and never copied back to the worker', async () => {
    const log: Request['type'][] = [];
    const b = sampleBoot('?sample=300&seed=6', () => true)!;
    const store = createExplorerStore(b);
    const remote = startRemoteAnalysis(store, { makeWorker: () => new AnalysisWorker(fakeWorker(log) as unknown as Worker, PART), min: 100 });
    const remoteStore = remote.state;
    const busy: (string | null)[] = [];
    const unsub = store.subscribe((s) => busy.push(s.busy));
    await loadSample(store, b.sample!, remote.generate, 'Generated.');
    unsub();
    expect(store.getState().doc).toEqual(generateGraph({ entities: 300, seed: 6 }));
    expect(store.getState().past).toEqual([]); // the placeholder is not an undo step
    expect(store.getState().message?.text).toBe('Generated.');
    expect(busy[0]).toMatch(/Generating a sample of 300 entities/);
    expect(busy.at(-1)).toBeNull();
    await until(() => remoteStore.getState().summary?.summary.status.length === 300);
    expect(log).not.toContain('load');
    remote.stop();
  });

  it('generates on the page when the worker fails, and leaves alone a document opened meanwhile', async () => {
    const b = sampleBoot('?sample=400', () => true)!;
    const store = createExplorerStore(b);
    await loadSample(store, b.sample!, () => Promise.reject(new Error('worker: terminated')), 'ok');
    expect(store.getState().doc.entities).toHaveLength(400);

    const c = sampleBoot('?sample=400', () => true)!;
    const other = createExplorerStore(c);
    let release!: (d: OwnershipDoc) => void;
    const pending = loadSample(other, c.sample!, () => new Promise((r) => (release = r)), 'ok');
    const mine = { ...emptyDoc('Mine'), entities: [{ id: 'x', name: 'X' }] };
    other.getState().loadDoc(mine, 'imported', 'import');
    release(generateGraph({ entities: 400 }));
    await pending;
    expect(other.getState().doc.title).toBe('Mine');
    expect(other.getState().busy).toBeNull();
  });
});

