// createApp: the composition root makes one explorer from its environment; importing the store starts nothing.
import { describe, expect, it } from 'vitest';
import { createApp, type AppEnv } from '../../src/store/app';
import { memoryKv } from '../../src/store/kv';
import { datasetById } from '../../src/store/datasets';
import { encodeShareFragment } from '../../src/io/shareLink';
import { holdingLookup } from '../../src/model/docIndex';

const env = (over: Partial<AppEnv> = {}): AppEnv => ({ search: '', hash: '', kv: memoryKv(), workers: false, clearHash() {}, clearSearch() {}, download() {}, ...over });

describe('createApp', () => {
  it('opens the bundled LY graph on a first visit, with an idle worker state and autosave on', async () => {
    const app = await createApp(env());
    expect(app.store.getState().datasetId).toBe('line-yahoo');
    expect(app.remote.getState().summary).toBeNull();
    expect(app.autosave.running).toBe(true);
    app.stop();
  });

  it('opens the graph of a share link as a preview, autosave paused', async () => {
    const doc = datasetById('ntt-docomo')!.load();
    const app = await createApp(env({ hash: `#${encodeShareFragment(doc)}` }));
    expect(app.store.getState().doc.title).toBe(doc.title);
    expect(app.share.state.getState().active).toBe(true);
    expect(app.autosave.running).toBe(false);
    app.stop();
  });

  it('makes independent explorers: an edit in one is not in the other', async () => {
    const a = await createApp(env()), b = await createApp(env());
    a.store.getState().addEntity({ name: 'Only in A', position: { x: 0, y: 0 } });
    expect(b.store.getState().doc.entities.some((e) => e.name === 'Only in A')).toBe(false);
    a.stop();
    b.stop();
  });

  it('gives each document opened, in idle time, the lookups its edits are checked with (every subject indexed)', async () => {
    const queued: (() => void)[] = [];
    const app = await createApp(env({ idle: (f) => void queued.push(f) }));
    const subjects = (doc: { holdings: { subject: string }[] }) => new Set(doc.holdings.map((h) => h.subject)).size;
    const ly = app.store.getState().doc;
    expect(holdingLookup(ly.holdings)!.bySubject.size).toBe(0); // not before the page is idle
    queued.splice(0).forEach((f) => f());
    expect(holdingLookup(ly.holdings)!.bySubject.size).toBe(subjects(ly));
    await app.openDataset('ntt-docomo');
    // Edited before the page is idle (a layout placing it, say): the document as it is then gets them.
    const h = app.store.getState().doc.holdings[0];
    expect(app.store.getState().commit({ type: 'setHolding', holding: { ...h, shares: h.shares / 2 } })).toEqual({ ok: true });
    const docomo = app.store.getState().doc;
    queued.splice(0).forEach((f) => f());
    expect(holdingLookup(docomo.holdings)!.bySubject.size).toBe(subjects(docomo));
    app.stop();
  });
});
