// The Simulate panel's view state: one per explorer, made by createApp(); the remembered open/closed choice is read
// when the app is made, never when the module is imported.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimView, initiallyOpen, OPEN_KEY } from '../../src/store/simView';
import { createApp, type AppEnv } from '../../src/store/app';
import { memoryKv } from '../../src/store/kv';

/** A Storage stand-in that counts reads and writes. */
function storage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const s = {
    reads: 0,
    writes: 0,
    getItem(k: string) {
      s.reads++;
      return data.get(k) ?? null;
    },
    setItem(k: string, v: string) {
      s.writes++;
      data.set(k, v);
    },
    data,
  };
  return s;
}

const env = (over: Partial<AppEnv> = {}): AppEnv => ({ search: '', hash: '', kv: memoryKv(), workers: false, clearHash() {}, clearSearch() {}, download() {}, ...over });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('Simulate view state', () => {
  it('importing the module reads no storage', async () => {
    const ls = storage({ [OPEN_KEY]: '1' });
    vi.stubGlobal('localStorage', ls);
    vi.stubGlobal('window', { innerWidth: 2000, localStorage: ls });
    vi.resetModules();
    const mod = await import('../../src/store/simView');
    expect(typeof mod.createSimView).toBe('function');
    expect(ls.reads).toBe(0);
    expect(ls.writes).toBe(0);
  });

  it('starts as the user left it, else open only where there is room (≥ 1700 px)', () => {
    expect(initiallyOpen({ storage: storage({ [OPEN_KEY]: '0' }), width: 2400 })).toBe(false);
    expect(initiallyOpen({ storage: storage({ [OPEN_KEY]: '1' }), width: 800 })).toBe(true);
    expect(initiallyOpen({ storage: storage(), width: 1700 })).toBe(true);
    expect(initiallyOpen({ storage: storage(), width: 1699 })).toBe(false);
    expect(initiallyOpen({ storage: null, width: 1280 })).toBe(false);
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); } };
    expect(initiallyOpen({ storage: blocked, width: 1800 })).toBe(true);
    expect(() => createSimView({ storage: blocked, width: 1800 }).getState().set({ open: false })).not.toThrow();
  });

  it('remembers the choice when it changes, and only then', () => {
    const ls = storage();
    const view = createSimView({ storage: ls, width: 1280 });
    expect(ls.writes).toBe(0);
    view.getState().set({ tab: 'timeline' });
    expect(ls.writes).toBe(0);
    view.getState().set({ open: true });
    expect(ls.data.get(OPEN_KEY)).toBe('1');
    view.getState().set({ open: false });
    expect(ls.data.get(OPEN_KEY)).toBe('0');
    expect(view.getState()).toMatchObject({ open: false, tab: 'timeline' });
  });

  it('createApp reads the remembered choice from its environment, and each explorer has its own state', async () => {
    const ls = storage({ [OPEN_KEY]: '1' });
    const a = await createApp(env({ simPrefs: { storage: ls, width: 800 } }));
    expect(ls.reads).toBe(2); // the Simulate panel's choice and the workspace's, each read once
    const b = await createApp(env({ simPrefs: { storage: storage(), width: 800 } }));
    expect(a.simView.getState().open).toBe(true);
    expect(b.simView.getState().open).toBe(false);
    a.simView.getState().set({ showBase: true, tab: 'cases' });
    expect(b.simView.getState()).toMatchObject({ showBase: false, tab: 'scenarios' });
    a.stop();
    b.stop();
  });
});
