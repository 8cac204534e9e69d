// Never lose work: unreadable saved work is kept as a backup and offered for download; two tabs never overwrite each
// other silently; leaving a sample returns to the user's own work; a full browser says how big the graph is and offers
// a file; saved view values are checked. Each case reproduces a way work was lost before.
import { describe, expect, it } from 'vitest';
import { serializeDoc } from '../../src/io/native';
import type { OwnershipDoc } from '../../src/model';
import { createApp, type AppEnv, type ExplorerApp } from '../../src/store/app';
import type { TabChannel, TabMessage } from '../../src/store/autosave';
import { datasetById } from '../../src/store/datasets';
import { localStorageKv, memoryKv, type KV } from '../../src/store/kv';
import { BACKUPS_KEPT, createPersistence, savedView } from '../../src/store/persistence';
import { MemoryStorage } from './memoryStorage';

/** Tabs of one browser: a channel every app in `bus` hears, except the one that posts. */
function tabBus() {
  const listeners = new Set<(m: TabMessage) => void>();
  return (): TabChannel => {
    let mine: ((m: TabMessage) => void) | null = null;
    return {
      post: (msg) => listeners.forEach((l) => l !== mine && l(structuredClone(msg))),
      listen(f) {
        mine = f;
        listeners.add(f);
        return () => listeners.delete(f);
      },
    };
  };
}

const wait = (ms = 30) => new Promise((r) => setTimeout(r, ms));
/** Lets autosave's timer fire and its writes finish. */
const settle = async (...apps: ExplorerApp[]) => {
  await wait();
  for (const a of apps) await a.autosave.idle();
};

function env(kv: KV, over: Partial<AppEnv> = {}): AppEnv & { downloads: { text: string; name: string }[]; searchCleared: number } {
  const e = {
    search: '', hash: '', kv, workers: false, downloads: [] as { text: string; name: string }[], searchCleared: 0,
    clearHash() {},
    clearSearch: () => void e.searchCleared++,
    download: (text: string, name: string) => void e.downloads.push({ text, name }),
    ...over,
  };
  return e;
}

const LY = () => datasetById('line-yahoo')!.load();
const names = (d: OwnershipDoc) => d.entities.map((e) => e.name);

describe('unreadable saved work', () => {
  it.each([
    ['not JSON', 'this is {not json'],
    ['cut short', JSON.stringify({ doc: LY(), datasetId: 'line-yahoo' }).slice(0, 500)],
    ['of an old version', JSON.stringify({ doc: { ...LY(), version: 0 }, datasetId: 'line-yahoo' })],
    ['invalid', JSON.stringify({ doc: { ...LY(), holdings: [{ id: 'x', holder: 'nobody', subject: 'ly', shares: 10 }] }, datasetId: 'line-yahoo' })],
  ])('%s: is kept under a backup key, reported, offered for download, and never overwritten', async (_what, text) => {
    const ls = new MemoryStorage();
    ls.setItem('ownership-explorer:working', text); // where earlier versions saved
    const kv = localStorageKv(ls);
    const e = env(kv, { legacy: kv });
    const app = await createApp(e);
    const msg = app.store.getState().message!;
    expect(msg.kind).toBe('warning');
    expect(msg.text).toMatch(/^Your autosaved graph could not be read \(.+\)\. It is kept in this browser as a backup, and can be downloaded; the bundled LY Corporation dataset is shown instead\.$/);
    const backupKey = [...Array(ls.length).keys()].map((i) => ls.key(i)!).find((k) => k.startsWith('ownership-explorer:backup:'))!;
    expect(JSON.parse(ls.getItem(backupKey)!)).toBe(text);
    msg.actions!.find((a) => a.label === 'Download it')!.run();
    expect(e.downloads).toEqual([{ text, name: 'unreadable-autosave.json' }]);
    // Editing and saving the bundled graph leaves the backup as it was.
    app.store.getState().addEntity({ name: 'After', position: { x: 0, y: 0 } });
    await app.autosave.saveNow();
    expect(JSON.parse(ls.getItem(backupKey)!)).toBe(text);
    // The next visit opens the new work, and does not report (or back up) the old text again.
    const again = await createApp(env(kv, { legacy: kv }));
    expect(names(again.store.getState().doc)).toContain('After');
    expect(again.store.getState().message).toBeNull();
    app.stop();
    again.stop();
  });

  it('work saved by an earlier version (localStorage "working") opens, then moves to the new storage', async () => {
    const ls = new MemoryStorage();
    const doc = { ...LY(), title: 'Mine' };
    ls.setItem('ownership-explorer:working', JSON.stringify({ doc, datasetId: 'line-yahoo', view: { rule: 'votes' } }));
    const kv = memoryKv();
    const app = await createApp(env(kv, { legacy: localStorageKv(ls) }));
    expect(app.store.getState().doc.title).toBe('Mine');
    expect(app.store.getState().view.rule).toBe('votes');
    await app.autosave.saveNow();
    expect(ls.getItem('ownership-explorer:working')).toBeNull();
    expect((kv.data.get('work:line-yahoo') as { doc: OwnershipDoc }).doc.title).toBe('Mine');
    app.stop();
  });
});

/** Two tabs on one storage: A adds "From A" and saves it, then B adds "From B" (not yet saved). */
async function twoTabsBothEdited() {
  const kv = memoryKv();
  const channel = tabBus();
  const a = await createApp(env(kv, { channel: channel() }));
  const b = await createApp(env(kv, { channel: channel() }));
  // The first placed entity makes the app place the others near it (store/autoLayout): that lands before the save,
  // as a canvas's layout lands right after a load in the app.
  a.store.getState().addEntity({ name: 'From A', position: { x: 0, y: 0 } });
  await a.layout.idle();
  await a.autosave.saveNow();
  b.store.getState().addEntity({ name: 'From B', position: { x: 0, y: 0 } });
  await b.layout.idle();
  return { kv, a, b };
}

describe('two tabs', () => {
  it('tab B never overwrites tab A’s saved work silently: it asks, and either choice keeps both sides informed', async () => {
    const { kv, a, b } = await twoTabsBothEdited();
    await b.autosave.saveNow();
    const saved = async () => names(((await createPersistence(kv).read('line-yahoo')) as { saved: { doc: OwnershipDoc } }).saved.doc);
    expect(await saved()).toContain('From A');
    expect(await saved()).not.toContain('From B');
    const ask = b.store.getState().message!;
    expect(ask.kind).toBe('warning');
    expect(ask.text).toMatch(/changed in another tab/);
    // B keeps its own version: it is saved, and A (idle) is told, with an offer to show it.
    ask.actions!.find((x) => /Keep this tab/.test(x.label))!.run();
    await settle(b);
    expect(await saved()).toContain('From B');
    expect(a.store.getState().message?.text).toMatch(/changed and saved in another tab/);
    a.store.getState().message!.actions![0].run();
    await wait();
    expect(names(a.store.getState().doc)).toContain('From B');
    a.store.getState().undo(); // A's own version is one undo away
    expect(names(a.store.getState().doc)).toContain('From A');
    a.stop();
    b.stop();
  });

  it('the tab that opens the other’s version gets it, and its own stays one undo away', async () => {
    const { a, b } = await twoTabsBothEdited();
    expect(b.store.getState().message?.text).toMatch(/changed in another tab/); // told at once, before B writes
    b.store.getState().message!.actions!.find((x) => /Open the other/.test(x.label))!.run();
    await wait();
    expect(names(b.store.getState().doc)).toContain('From A');
    b.store.getState().undo();
    expect(names(b.store.getState().doc)).toContain('From B');
    a.stop();
    b.stop();
  });
});

describe('choosing a dataset', () => {
  it('leaving a sample returns to the user’s own saved work on that dataset, with the address cleaned', async () => {
    const kv = memoryKv();
    const first = await createApp(env(kv));
    first.store.getState().addEntity({ name: 'My entity', position: { x: 0, y: 0 } });
    await first.autosave.saveNow();
    first.stop();
    const e = env(kv, { search: '?sample=300' });
    const sample = await createApp(e);
    expect(sample.store.getState().datasetId).toBe('sample');
    await sample.openDataset('line-yahoo');
    expect(names(sample.store.getState().doc)).toContain('My entity');
    expect(e.searchCleared).toBe(1);
    expect(sample.store.getState().message?.text).toMatch(/Opened your saved work on LY Corporation/);
    // A reload (no ?sample) opens the same work.
    const reload = await createApp(env(kv));
    expect(names(reload.store.getState().doc)).toContain('My entity');
    sample.stop();
    reload.stop();
  });

  it('each dataset keeps its own work: switching to NTT Docomo and back loses nothing', async () => {
    const kv = memoryKv();
    const app = await createApp(env(kv));
    app.store.getState().addEntity({ name: 'LY edit', position: { x: 0, y: 0 } });
    await app.openDataset('ntt-docomo');
    app.store.getState().addEntity({ name: 'NTT edit', position: { x: 0, y: 0 } });
    await app.openDataset('line-yahoo');
    expect(names(app.store.getState().doc)).toContain('LY edit');
    await app.openDataset('ntt-docomo');
    expect(names(app.store.getState().doc)).toContain('NTT edit');
    // The next start opens the dataset chosen last, edited or not.
    await app.openDataset('line-yahoo');
    const next = await createApp(env(kv));
    expect(next.store.getState().datasetId).toBe('line-yahoo');
    app.stop();
    next.stop();
  });
});

describe('a full browser', () => {
  it('says how big the graph is and offers to save it as a file; says so again when saving works', async () => {
    const kv = memoryKv({}, 50_000);
    const e = env(kv);
    const app = await createApp(e);
    app.store.getState().addEntity({ name: 'New', position: { x: 0, y: 0 } });
    await app.autosave.saveNow();
    const msg = app.store.getState().message!;
    expect(msg.text).toMatch(/^The browser's storage is full: this graph \(\d+ KB\) could not be autosaved\. Save it as a file to keep your changes\.$/);
    msg.actions!.find((x) => x.label === 'Save as file')!.run();
    expect(e.downloads[0].name).toMatch(/\.ownership\.json$/);
    expect(e.downloads[0].text).toBe(serializeDoc(app.store.getState().doc));
    app.stop();
  });
});

describe('saved view values', () => {
  it.each([
    [{ rule: 'bogus', threshold: 500, date: '2024-02-30', layers: { holdings: 'yes' } }, {}],
    [{ rule: 'votes', threshold: 30, date: '2024-02-29', layers: { holdings: false, agreements: true } }, { rule: 'votes', threshold: 30, date: '2024-02-29', layers: { holdings: false, agreements: true } }],
    [{ threshold: Number.NaN, date: 5, rule: null }, {}],
    ['nonsense', {}],
  ])('%j is read as %j', (raw, expected) => expect(savedView(raw)).toEqual(expected));

  it('saved work naming an unknown dataset opens as the dataset of its slot, with the default view', async () => {
    const kv = memoryKv({ current: 'line-yahoo', 'work:line-yahoo': { doc: LY(), datasetId: '__proto__', view: { rule: 'nope' } } });
    const app = await createApp(env(kv));
    expect(app.store.getState().datasetId).toBe('line-yahoo');
    expect(app.store.getState().view.rule).toBe('legal');
    app.stop();
  });
});

describe('backups', () => {
  it(`keeps the newest ${BACKUPS_KEPT} of each kind: older ones go, other kinds and older-style keys are counted apart`, async () => {
    const kv = memoryKv();
    const p = createPersistence(kv);
    const doc = (n: number): OwnershipDoc => ({ format: 'ownership-graph', version: 1, title: `v${n}`, entities: [], holdings: [] }) as unknown as OwnershipDoc;
    // Older-style keys (before kinds) count as their own kind.
    for (let i = 0; i < 3; i++) await kv.setMany([[`backup:2020-01-0${i + 1}T00:00:00.000Z:old${i}`, 'x']]);
    const keys: string[] = [];
    for (let n = 0; n < BACKUPS_KEPT + 3; n++) {
      await p.write({ doc: doc(n), datasetId: 'imported' }, n);
      keys.push((await p.backup('imported'))!);
      await new Promise((r) => setTimeout(r, 2)); // distinct times
    }
    await p.write({ doc: doc(99), datasetId: 'line-yahoo' }, 0);
    const other = (await p.backup('line-yahoo'))!;
    const left = (await kv.keys()).filter((k) => k.startsWith('backup:'));
    expect(left.filter((k) => k.startsWith('backup:imported:')).sort()).toEqual(keys.slice(3).sort()); // the newest kept
    expect(JSON.parse((await p.backupText(keys.at(-1)!))!).doc.title).toBe(`v${BACKUPS_KEPT + 2}`);
    expect(await p.backupText(keys[0])).toBeNull();
    expect(left).toContain(other);
    expect(left.filter((k) => /^backup:\d/.test(k))).toHaveLength(3);
  });
});
