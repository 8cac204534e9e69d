// Nothing the user did is lost: an edit followed at once by a reload or close (the write never finishes) is journaled
// and recovered; a second file opened keeps the first one's work as a backup; leaving a share preview for a dataset
// resumes saving; two tabs saving in the same instant never both pass the revision check.
import { describe, expect, it } from 'vitest';
import type { FileLike } from '../../src/io/open';
import type { OwnershipDoc } from '../../src/model';
import { createApp, type AppEnv } from '../../src/store/app';
import { storageJournal } from '../../src/store/journal';
import { memoryKv, type KV } from '../../src/store/kv';
import { openFile } from '../../src/store/files';
import { createPersistence } from '../../src/store/persistence';
import { encodeShareFragment } from '../../src/io/shareLink';
import { graph } from './helpers';
import { MemoryStorage } from './memoryStorage';

const wait = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const names = (d: OwnershipDoc) => d.entities.map((e) => e.name);

function env(kv: KV, ls: Storage | null, over: Partial<AppEnv> = {}) {
  const e = {
    search: '', hash: '', kv, workers: false, journal: ls && storageJournal(ls), downloads: [] as { text: string; name: string }[],
    clearHash() {}, clearSearch() {},
    download: (text: string, name: string) => void e.downloads.push({ text, name }),
    ...over,
  };
  return e;
}

/** Storage as a closing page sees it: once `hang` is set, its writes never finish (`real` is the same storage as the
 * next page sees it). */
function hangingKv() {
  const real = memoryKv();
  const out = { ...real, real, hang: false, swap: (k: string, f: (v: unknown) => [string, unknown][] | null) => (out.hang ? new Promise<boolean>(() => {}) : real.swap(k, f)) };
  return out;
}

const file = (name: string, text: string): FileLike => ({ name, size: text.length, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });

describe('an edit followed at once by a reload or close', () => {
  it('is journaled as the page closes and recovered at the next start, said so', async () => {
    const kv = hangingKv(), ls = new MemoryStorage();
    const app = await createApp(env(kv, ls));
    app.store.getState().addEntity({ name: 'Edited just before reload', position: { x: 0, y: 0 } });
    kv.hang = true; // the write the page starts as it goes never lands
    expect(app.autosave.unloading()).toBe(true);
    void app.autosave.flush();
    app.stop();
    const next = await createApp(env(kv.real, ls));
    expect(names(next.store.getState().doc)).toContain('Edited just before reload');
    expect(next.store.getState().message?.text).toMatch(/were recovered/);
    // Saved for good: the journal is folded in, a third start needs no journal.
    expect(ls.length).toBe(0);
    const third = await createApp(env(kv.real, null));
    expect(names(third.store.getState().doc)).toContain('Edited just before reload');
    next.stop();
    third.stop();
  });

  it('a file just opened and edited is recovered into its own slot, the one that opens', async () => {
    const kv = hangingKv(), ls = new MemoryStorage();
    const app = await createApp(env(kv, ls));
    await openFile(app.store, file('acme.csv', 'holder,subject,shares\nJo,Acme,60\n'));
    kv.hang = true;
    app.autosave.unloading();
    app.stop();
    const next = await createApp(env(kv.real, ls));
    expect(next.store.getState().datasetId).toBe('imported');
    expect(names(next.store.getState().doc)).toEqual(expect.arrayContaining(['Jo', 'Acme']));
    next.stop();
  });

  it('when another tab saved since, the journaled work is kept as a backup and said so; the newer work opens', async () => {
    const hanging = hangingKv(), kv = hanging.real, ls = new MemoryStorage();
    const a = await createApp(env(hanging, ls));
    const b = await createApp(env(kv, null));
    a.store.getState().addEntity({ name: 'From A', position: { x: 0, y: 0 } });
    hanging.hang = true;
    a.autosave.unloading(); // A closes before its write lands
    a.stop();
    b.store.getState().addEntity({ name: 'From B', position: { x: 0, y: 0 } });
    await b.autosave.saveNow();
    b.stop();
    const next = await createApp(env(kv, ls));
    expect(names(next.store.getState().doc)).toContain('From B');
    expect(next.store.getState().message?.text).toMatch(/another tab has since replaced; they are kept in this browser as a backup/);
    const backups = [...kv.data.keys()].filter((k) => k.startsWith('backup:'));
    expect(backups).toHaveLength(1);
    expect(kv.data.get(backups[0])).toContain('From A');
    next.stop();
  });

  it('says the page should ask before closing when the work cannot be journaled', async () => {
    const app = await createApp(env(memoryKv(), null));
    expect(app.autosave.unloading()).toBe(true); // nothing pending
    app.store.getState().addEntity({ name: 'Pending', position: { x: 0, y: 0 } });
    expect(app.autosave.unloading()).toBe(false);
    app.stop();
  });
});

describe('opening a second file', () => {
  it('keeps the edited first one as a backup, says so and offers it as a download', async () => {
    const kv = memoryKv();
    const e = env(kv, null);
    const app = await createApp(e);
    await openFile(app.store, file('first.csv', 'holder,subject,shares\nJo,First Ltd,60\n'));
    app.store.getState().addEntity({ name: 'Edit of the first', position: { x: 0, y: 0 } });
    await app.autosave.flush();
    await openFile(app.store, file('second.csv', 'holder,subject,shares\nAl,Second Ltd,70\n'));
    await wait(400);
    await app.autosave.flush();
    await app.autosave.idle();
    const msg = app.store.getState().message!;
    expect(msg.text).toMatch(/Opened .*second\.csv.* Your previous "imported" graph is kept in this browser as a backup \(the newest 10 of each graph are kept\)\./);
    msg.actions!.find((x) => /Download/.test(x.label))!.run();
    await wait();
    expect(e.downloads[0].text).toContain('Edit of the first');
    const saved = await createPersistence(kv).read('imported');
    expect(saved.state === 'ok' && names(saved.saved.doc)).toEqual(expect.arrayContaining(['Al', 'Second Ltd']));
    app.stop();
  });
});

describe('a share preview', () => {
  it('ends when another dataset is opened, so later edits are saved', async () => {
    const kv = memoryKv();
    const app = await createApp(env(kv, null, { hash: `#${encodeShareFragment(graph([['a', 'b', 60]]))}` }));
    expect(app.share.state.getState().active).toBe(true);
    await app.openDataset('ntt-docomo');
    expect(app.share.state.getState().active).toBe(false);
    expect(app.autosave.running).toBe(true);
    app.store.getState().addEntity({ name: 'After the preview', position: { x: 0, y: 0 } });
    await app.autosave.flush();
    await app.autosave.idle();
    const saved = await createPersistence(kv).read('ntt-docomo');
    expect(saved.state === 'ok' && names(saved.saved.doc)).toContain('After the preview');
    expect((await createPersistence(kv).read('imported')).state).toBe('none'); // the shared graph was never saved
    app.stop();
  });
});

describe('two tabs saving in the same instant', () => {
  it('exactly one write passes the revision check; the other is told of the conflict', async () => {
    for (let round = 0; round < 50; round++) {
      const kv = memoryKv();
      const [a, b] = [createPersistence(kv), createPersistence(kv)];
      const doc = graph([['a', 'b', 60]]);
      const results = await Promise.all([a.write({ doc, datasetId: 'blank', tab: 'A' }, 0), b.write({ doc, datasetId: 'blank', tab: 'B' }, 0)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, conflict: { rev: 1, tab: expect.stringMatching(/^[AB]$/) } });
    }
  });
});
