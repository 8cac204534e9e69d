// Share links and their preview: a link opens its graph without touching the autosaved work until Keep (it becomes the
// working document, saved at once) or Discard (back to the saved work); damaged and too-large links say so.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { encodeShareFragment, MAX_SHARE_LINK_CHARS } from '../../src/io';
import { generateGraph, parseDoc } from '../../src/model';
import { createAutosave } from '../../src/store/autosave';
import { memoryKv } from '../../src/store/kv';
import { createPersistence } from '../../src/store/persistence';
import { createShareSession, isShareHash, sharedBoot } from '../../src/store/share';
import { MAX_LINK_CHARS, readShareHash, shareLink } from '../../src/store/shareLinks';
import { createExplorerStore } from '../../src/store/store';
import { applyScenario, backToBase } from '../../src/store/scenario';
import { apply, parseScenario } from '../../src/model';
import { graph } from './helpers';

const LY = parseDoc(JSON.parse(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')));
const SHARED = graph([['a', 'b', 60]]);

describe('reading a share link', () => {
  it.each([['#v1.abc', true], ['v2.x', true], ['#section-2', false], ['', false], ['#', false]])('%j is a share link: %s', (h, yes) => expect(isShareHash(h)).toBe(yes));

  it('decodes the document', () => {
    const r = readShareHash(`#${encodeShareFragment(SHARED)}`);
    expect(r && 'doc' in r && r.doc).toEqual(SHARED);
  });

  it.each([
    ['cut short', `#${encodeShareFragment(LY).slice(0, 200)}`],
    ['altered', `#${encodeShareFragment(SHARED).replace(/.$/, '!')}`],
    ['a newer version', '#v9.abc'],
  ])('a link %s gives one clear error, and no document', (_what, hash) => {
    const r = readShareHash(hash);
    expect(r && 'error' in r && r.error).toMatch(/^The share link could not be opened: .+ Your own graph is shown instead, unchanged\.$/);
  });

  it('other fragments are not share links', () => expect(readShareHash('#about')).toBeNull());
});

describe('making a share link', () => {
  it('puts the document in the fragment of the app address', () => {
    const r = shareLink(SHARED, 'http://127.0.0.1:4173/app/#old');
    expect(r.ok && r.url).toBe(`http://127.0.0.1:4173/app/#${encodeShareFragment(SHARED)}`);
  });

  it('makes a link for the bundled LY graph, warning that some apps cut links that long', () => {
    const r = shareLink(LY, 'http://x/');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.url.length).toBeGreaterThan(MAX_SHARE_LINK_CHARS);
      expect(r.warning).toMatch(/^This link is [\d,]+ characters long: some chat and mail apps cut links longer than 8,000 characters/);
    }
    const small = shareLink(SHARED, 'http://x/');
    expect(small.ok && small.warning).toBeUndefined();
  });

  it('makes links up to 2 MB and refuses larger graphs, saying what to do instead', () => {
    const big = generateGraph({ entities: 3000, seed: 3 });
    const r = shareLink(big, 'http://x/');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.url.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    const huge = { ...SHARED, notes: 'x'.repeat(6 * 1024 * 1024) };
    const no = shareLink(huge, 'http://x/');
    expect(no.ok).toBe(false);
    if (!no.ok) expect(no.error).toMatch(/too large for a share link \(it is [\d.]+ MB of data; a link holds at most 5\.0 MB\)\. Save it as a file/);
  });
});

describe('the share preview', () => {
  const wait = (ms = 30) => new Promise((r) => setTimeout(r, ms));

  async function start(savedDoc = LY) {
    const kv = memoryKv();
    const persistence = createPersistence(kv);
    await persistence.write({ doc: savedDoc, datasetId: 'line-yahoo', view: { rule: 'votes' } }, 0);
    const writes = () => kv.writes - 1;
    const store = createExplorerStore(sharedBoot(SHARED));
    const autosave = createAutosave({ store, persistence, tab: 't', saveFile() {}, delay: () => 5 }, false);
    let cleared = 0;
    const downloads: string[] = [];
    const session = createShareSession({ store, persistence, autosave, clearHash: () => cleared++, download: (t) => downloads.push(t) }, true);
    const saved = async (slot: 'line-yahoo' | 'imported') => { const r = await persistence.read(slot); return r.state === 'ok' ? r.saved.doc : null; };
    return { persistence, store, autosave, session, cleared: () => cleared, writes, saved, downloads };
  }

  it('shows the shared graph and never writes while it is previewed, even after edits', async () => {
    const { store, autosave, session, writes, saved } = await start();
    expect(store.getState().doc).toBe(SHARED);
    expect(autosave.running).toBe(false);
    store.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 5, y: 5 } });
    await wait();
    expect(writes()).toBe(0);
    expect(await saved('line-yahoo')).toEqual(LY);
    expect(session.state.getState().active).toBe(true);
  });

  it('Keep makes it the working document in one undoable step over the user\'s own work, saved at once', async () => {
    const { store, autosave, session, cleared, saved } = await start();
    store.getState().commit({ type: 'moveEntity', id: 'b', position: { x: 4, y: 4 } }); // an edit made while previewing is kept too
    const previewed = store.getState().doc;
    await session.keep();
    expect(await saved('imported')).toEqual(previewed);
    expect(session.state.getState().active).toBe(false);
    expect(cleared()).toBe(1);
    expect(autosave.running).toBe(true);
    expect(await saved('line-yahoo')).toEqual(LY); // the user's own work stays saved where it was
    expect(store.getState().message?.text).toMatch(/Undo goes back to "LY Corporation/);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toEqual(LY);
    expect(store.getState().datasetId).toBe('line-yahoo');
    store.getState().redo();
    store.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 9, y: 9 } });
    await wait();
    await autosave.idle();
    expect((await saved('imported'))!.entities.find((e) => e.id === 'a')!.position).toEqual({ x: 9, y: 9 });
  });

  it('Keep copies imported work it replaces to a backup the user can download', async () => {
    const { persistence, session, store, downloads } = await start();
    const mine = graph([['x', 'y', 10]]);
    await persistence.write({ doc: mine, datasetId: 'imported' }, 0);
    await session.keep();
    const msg = store.getState().message!;
    expect(msg.text).toMatch(/kept as a backup/);
    msg.actions!.find((a) => /Download/.test(a.label))!.run();
    await wait();
    expect(JSON.parse(downloads[0]).doc).toEqual(mine);
  });

  it('Discard goes back to the saved work and its view, and resumes autosave', async () => {
    const { store, autosave, session, cleared, writes } = await start();
    await session.discard();
    expect(store.getState().doc).toEqual(LY);
    expect(store.getState().view.rule).toBe('votes');
    expect(store.getState().datasetId).toBe('line-yahoo');
    expect(cleared()).toBe(1);
    expect(autosave.running).toBe(true);
    await wait();
    expect(writes()).toBe(0);
  });

  it('a link opened in a running app saves pending work first, then previews; Discard returns to it', async () => {
    const kv = memoryKv();
    const persistence = createPersistence(kv);
    const store = createExplorerStore({ doc: LY, datasetId: 'line-yahoo' });
    const autosave = createAutosave({ store, persistence, tab: 't', saveFile() {}, delay: () => 5 });
    const session = createShareSession({ store, persistence, autosave, clearHash: () => {}, download() {} });
    store.getState().commit({ type: 'moveEntity', id: LY.entities[0].id, position: { x: 1, y: 2 } });
    await session.preview(SHARED);
    expect(kv.writes).toBe(1);
    expect(store.getState().doc).toBe(SHARED);
    store.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 3, y: 3 } });
    await wait();
    expect(kv.writes).toBe(1);
    await session.discard();
    expect(store.getState().doc.entities[0].position).toEqual({ x: 1, y: 2 });
  });

  it('a scenario shown when a link is opened comes back as it was after Discard: marked, with Back to base to its base', async () => {
    const kv = memoryKv();
    const persistence = createPersistence(kv);
    const store = createExplorerStore({ doc: LY, datasetId: 'line-yahoo' });
    const autosave = createAutosave({ store, persistence, tab: 't', saveFile() {}, delay: () => 5 });
    const session = createShareSession({ store, persistence, autosave, clearHash: () => {}, download() {} });
    const majority = parseScenario(JSON.parse(readFileSync(new URL('../../data/scenarios/softbank-majority.json', import.meta.url), 'utf8')), 'x');
    expect(applyScenario(store, { ...majority, source: 'bundled' })).toEqual({ ok: true });
    const shown = store.getState().doc;
    await session.preview(SHARED);
    expect(store.getState().sim.scenario).toBeNull();
    await session.discard();
    expect(store.getState().doc).toEqual(shown);
    expect(store.getState().sim.scenario).toMatchObject({ id: 'softbank-majority', title: 'SoftBank acquires majority' });
    expect(backToBase(store)).toEqual({ ok: true });
    expect(store.getState().doc).toEqual(LY);
  });

  it('the same when the app started from the link: the saved scenario comes back from storage', async () => {
    const kv = memoryKv();
    const persistence = createPersistence(kv);
    const majority = parseScenario(JSON.parse(readFileSync(new URL('../../data/scenarios/softbank-majority.json', import.meta.url), 'utf8')), 'x');
    const after = apply(LY, { type: 'batch', ops: majority.ops });
    await persistence.write({ doc: after, datasetId: 'line-yahoo', scenario: { id: majority.id, title: majority.title, source: 'bundled', base: LY, baseDate: null } }, 0);
    const store = createExplorerStore(sharedBoot(SHARED));
    const autosave = createAutosave({ store, persistence, tab: 't', saveFile() {}, delay: () => 5 }, false);
    const session = createShareSession({ store, persistence, autosave, clearHash: () => {}, download() {} }, true);
    await session.discard();
    expect(store.getState().doc).toEqual(after);
    expect(store.getState().sim.scenario).toMatchObject({ id: 'softbank-majority' });
    expect(backToBase(store)).toEqual({ ok: true });
    expect(store.getState().doc).toEqual(LY);
  });
});
