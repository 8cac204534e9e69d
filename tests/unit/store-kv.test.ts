// Choosing autosave's storage at start: IndexedDB when it answers; a database that never answers (blocked, broken)
// holds start-up for 1.5 s at most, then the app starts on localStorage and says autosave works in that fallback only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseKv, IDB_TIMEOUT_MS, memoryKv, type KV } from '../../src/store/kv';
import { createApp, type AppEnv } from '../../src/store/app';
import { MemoryStorage } from './memoryStorage';

/** An IndexedDB stand-in whose reads never settle (a database blocked by another connection, or broken). */
const silentIdb = (): KV => ({ ...memoryKv(), kind: 'indexeddb', get: () => new Promise(() => {}) });

afterEach(() => {
  vi.useRealTimers();
});

describe('chooseKv', () => {
  it('uses IndexedDB when it answers, and says nothing', async () => {
    const idb: KV = { ...memoryKv(), kind: 'indexeddb' };
    const choice = await chooseKv({ idb: () => idb, ls: new MemoryStorage() });
    expect(choice.kv).toBe(idb);
    expect(choice.notice).toBeUndefined();
  });

  it('an IndexedDB that never answers: after 1.5 s, localStorage, and the user is told autosave works in the fallback only', async () => {
    vi.useFakeTimers();
    const ls = new MemoryStorage();
    let settled = false;
    const pending = chooseKv({ idb: silentIdb, ls }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(IDB_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const choice = await pending;
    expect(IDB_TIMEOUT_MS).toBe(1500);
    expect(choice.kv.kind).toBe('localStorage');
    expect(choice.notice).toMatch(/^Autosave works in a fallback only: this browser's IndexedDB did not answer within 1\.5 s, so your work is saved in localStorage/);
    // The fallback really saves.
    await choice.kv.setMany([['k', { a: 1 }]]);
    expect(ls.getItem('ownership-explorer:k')).toBe('{"a":1}');
  });

  it('an IndexedDB that refuses: localStorage at once, saying so; neither: memory, saying autosave is off', async () => {
    const refusing = (): KV => ({ ...memoryKv(), kind: 'indexeddb', get: () => Promise.reject(new DOMException('denied', 'InvalidStateError')) });
    const a = await chooseKv({ idb: refusing, ls: new MemoryStorage() });
    expect(a.kv.kind).toBe('localStorage');
    expect(a.notice).toMatch(/IndexedDB refused to open/);
    vi.useFakeTimers();
    const pending = chooseKv({ idb: silentIdb, ls: null });
    await vi.advanceTimersByTimeAsync(IDB_TIMEOUT_MS);
    const b = await pending;
    expect(b.kv.kind).toBe('memory');
    expect(b.notice).toMatch(/^Autosave is off: .*did not answer.* localStorage is blocked/);
    const none = await chooseKv({ idb: null, ls: null });
    expect(none.notice).toMatch(/this browser has no IndexedDB/);
  });

  it('the app started on the fallback shows the warning, and autosaves there', async () => {
    vi.useFakeTimers();
    const ls = new MemoryStorage();
    const pending = chooseKv({ idb: silentIdb, ls });
    await vi.advanceTimersByTimeAsync(IDB_TIMEOUT_MS);
    const { kv, notice } = await pending;
    vi.useRealTimers();
    const env: AppEnv = { search: '', hash: '', kv, storageNotice: notice, workers: false, clearHash() {}, clearSearch() {}, download() {} };
    const app = await createApp(env);
    expect(app.store.getState().message).toMatchObject({ kind: 'warning', text: notice });
    app.store.getState().addEntity({ name: 'Saved in the fallback', position: { x: 0, y: 0 } });
    await app.autosave.flush();
    expect(ls.getItem('ownership-explorer:work:line-yahoo')).toContain('Saved in the fallback');
    app.stop();
  });
});
