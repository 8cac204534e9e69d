// Key-value storage for autosave: IndexedDB in the browser (room for large graphs), localStorage where IndexedDB is
// missing, memory in tests. Values are plain data; a value that cannot be read comes back as its raw text.
import { createStore as idbStore, del as idbDel, get as idbGet, keys as idbKeys, setMany as idbSetMany, type UseStore } from 'idb-keyval';

/** A stored value that is not readable data (localStorage text that is not JSON): its text, for a backup. */
export class Unreadable {
  constructor(readonly text: string, readonly why: string) {}
}

/** The browser refused to store more (over quota). */
export class StorageFull extends Error {
  constructor(cause?: unknown) {
    super(`store/kv: the browser's storage is full${cause instanceof Error ? ` (${cause.message})` : ''}`);
    this.name = 'StorageFull';
  }
}

export interface KV {
  readonly kind: 'indexeddb' | 'localStorage' | 'memory';
  /** The value, undefined when absent, or Unreadable. */
  get(key: string): Promise<unknown>;
  /** Writes every entry or none; rejects with StorageFull when over quota. */
  setMany(entries: [string, unknown][]): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /**
   * Reads `key` and, in the same transaction, writes every entry of `entries(value)` — unless it returns null: then
   * nothing is written. Resolves to whether it wrote. Two tabs doing this at once are serialised by the storage (an
   * IndexedDB read-write transaction), so a check made on `key` still holds when the write lands.
   */
  swap(key: string, entries: (value: unknown) => [string, unknown][] | null): Promise<boolean>;
}

const isQuota = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22 || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** IndexedDB through idb-keyval: one database, one object store; values are stored as structured clones. */
export function indexedDbKv(db = 'ownership-explorer', store = 'kv'): KV {
  let s: UseStore | null = null;
  const st = () => (s ??= idbStore(db, store));
  return {
    kind: 'indexeddb',
    get: (key) => idbGet(key, st()),
    async setMany(entries) {
      try {
        await idbSetMany(entries, st());
      } catch (e) {
        throw isQuota(e) ? new StorageFull(e) : e;
      }
    },
    del: (key) => idbDel(key, st()),
    keys: async () => (await idbKeys(st())).map(String),
    async swap(key, entries) {
      try {
        return await st()('readwrite', (os) =>
          new Promise<boolean>((resolve, reject) => {
            let wrote = false;
            const read = os.get(key);
            read.onsuccess = () => {
              const list = entries(read.result);
              if (list) for (const [k, v] of list) os.put(v, k);
              wrote = !!list;
            };
            os.transaction.oncomplete = () => resolve(wrote);
            os.transaction.onabort = os.transaction.onerror = () => reject(os.transaction.error ?? read.error);
          }),
        );
      } catch (e) {
        throw isQuota(e) ? new StorageFull(e) : e;
      }
    },
  };
}

/** localStorage, values as JSON text under `prefix` + key. */
export function localStorageKv(ls: Storage, prefix = 'ownership-explorer:'): KV {
  const getNow = (key: string): unknown => {
    const text = ls.getItem(prefix + key);
    if (text === null) return undefined;
    try {
      return JSON.parse(text);
    } catch (e) {
      return new Unreadable(text, e instanceof Error ? e.message : String(e));
    }
  };
  const setNow = (entries: [string, unknown][]) => {
    const old = entries.map(([k]) => [k, ls.getItem(prefix + k)] as const);
    try {
      for (const [k, v] of entries) ls.setItem(prefix + k, JSON.stringify(v));
    } catch (e) {
      for (const [k, v] of old) if (v === null) ls.removeItem(prefix + k); else ls.setItem(prefix + k, v);
      throw isQuota(e) ? new StorageFull(e) : e;
    }
  };
  return {
    kind: 'localStorage',
    get: async (key) => getNow(key),
    setMany: async (entries) => setNow(entries),
    async del(key) {
      ls.removeItem(prefix + key);
    },
    async keys() {
      const out: string[] = [];
      for (let i = 0; i < ls.length; i++) {
        const k = ls.key(i);
        if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
      }
      return out;
    },
    // localStorage is synchronous: nothing runs between the read and the write.
    async swap(key, entries) {
      const list = entries(getNow(key));
      if (list) setNow(list);
      return !!list;
    },
  };
}

/** Memory, for tests: `data` is inspectable; `quota` (characters of JSON) makes writes fail like a full browser. */
export function memoryKv(initial: Record<string, unknown> = {}, quota = Infinity): KV & { data: Map<string, unknown>; writes: number } {
  const data = new Map<string, unknown>(Object.entries(initial));
  const kv = {
    kind: 'memory' as const,
    data,
    writes: 0,
    get: async (key: string) => (data.has(key) ? structuredClone(data.get(key)) : undefined),
    async setMany(entries: [string, unknown][]) {
      const size = entries.reduce((n, [, v]) => n + JSON.stringify(v).length, 0);
      if (size > quota) throw new StorageFull();
      kv.writes++;
      for (const [k, v] of entries) data.set(k, structuredClone(v));
    },
    del: async (key: string) => void data.delete(key),
    keys: async () => [...data.keys()],
    async swap(key: string, entries: (value: unknown) => [string, unknown][] | null) {
      const list = entries(data.has(key) ? structuredClone(data.get(key)) : undefined);
      if (!list) return false;
      await kv.setMany(list);
      return true;
    },
  };
  return kv;
}

/** How long IndexedDB may take to answer its first read before the app starts without it. */
export const IDB_TIMEOUT_MS = 1500;

/** The storage autosave uses, and, when it is not IndexedDB, what to tell the user. */
export interface KvChoice {
  kv: KV;
  notice?: string;
}

export interface KvSources {
  /** IndexedDB (absent: the browser has none). */
  idb?: (() => KV) | null;
  /** localStorage (absent: blocked or missing). */
  ls?: Storage | null;
  timeoutMs?: number;
}

const TIMED_OUT = Symbol('timed out');

/** Resolves to `p`'s value, or rejects with TIMED_OUT after `ms` (the timer is cleared either way). */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(TIMED_OUT), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

/**
 * IndexedDB when it answers a first read within `timeoutMs` (private modes refuse it; a blocked or broken database
 * never answers, and start-up must not wait for it), else localStorage, else memory — saying what that costs.
 */
export async function chooseKv({ idb = null, ls = null, timeoutMs = IDB_TIMEOUT_MS }: KvSources): Promise<KvChoice> {
  let why = 'this browser has no IndexedDB';
  if (idb) {
    const kv = idb();
    try {
      await within(kv.get('current'), timeoutMs);
      return { kv };
    } catch (e) {
      why = e === TIMED_OUT ? `this browser's IndexedDB did not answer within ${(timeoutMs / 1000).toLocaleString('en')} s` : "this browser's IndexedDB refused to open";
    }
  }
  if (ls) {
    return { kv: localStorageKv(ls), notice: `Autosave works in a fallback only: ${why}, so your work is saved in localStorage, which holds small graphs only (a few MB). Use File → Save to keep a large graph.` };
  }
  return { kv: memoryKv(), notice: `Autosave is off: ${why} and localStorage is blocked, so nothing is saved when this tab closes. Use File → Save to keep your work.` };
}

/** The browser's storage: IndexedDB when it has it and it answers, else localStorage, else memory. */
export function browserKv(ls: Storage | null): Promise<KvChoice> {
  return chooseKv({ idb: typeof indexedDB === 'undefined' ? null : () => indexedDbKv(), ls });
}
