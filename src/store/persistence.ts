// The user's saved work: one slot per dataset (its last document, view and revision), the slot to open next, and
// backups of anything that could not be read — kept, never overwritten, until the user has it. Over a KV (kv.ts).
import { RULES, type Rule } from '../analysis';
import { isoDate } from '../model/schema';
import { parseDoc, type OwnershipDoc } from '../model';
import { readableError } from './messages';
import { Unreadable, type KV } from './kv';
import type { Journal, JournalEntry } from './journal';
import type { DatasetId, Layers, View } from './types';

/** Datasets whose work is saved (generated samples are made again from their address). */
export const SAVED_SLOTS: readonly DatasetId[] = ['line-yahoo', 'ntt-docomo', 'blank', 'imported'];
const isSlot = (x: unknown): x is DatasetId => typeof x === 'string' && (SAVED_SLOTS as readonly string[]).includes(x);

/** A scenario shown when the work was saved: its base and the date to go back to, so a reload still offers Back to base. */
export interface SavedScenario {
  id: string;
  title: string;
  source: 'bundled' | 'document';
  base: OwnershipDoc;
  baseDate: string | null;
}

/** What autosave writes for a slot. */
export interface Saved {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  view?: Partial<View>;
  /** The scenario being shown over `doc`, if any. */
  scenario?: SavedScenario;
  /** Increments with every write; a tab writes only over the revision it last saw (two tabs never overwrite silently). */
  rev: number;
  /** The tab that wrote it. */
  tab?: string;
}

/** A slot as read: saved work, nothing, or a value that could not be read (now kept under `backup`). */
export type SlotRead =
  | { state: 'none' }
  | { state: 'ok'; saved: Saved; /** Said at start: work recovered from the unload journal, or kept aside from it. */ note?: string }
  | { state: 'unreadable'; why: string; text: string; backup: string | null };

export type WriteResult = { ok: true; rev: number } | { ok: false; conflict: { rev: number; tab?: string } };

export interface Persistence {
  readonly kind: KV['kind'];
  /** The slot to open at start and what it holds (older versions of the app saved one slot, "working"). */
  open(): Promise<{ slot: DatasetId | null; read: SlotRead }>;
  read(slot: DatasetId): Promise<SlotRead>;
  /** The slot's current revision (0 when never saved) and the tab that wrote it. */
  rev(slot: DatasetId): Promise<{ rev: number; tab?: string }>;
  /** Writes over revision `expect` only (or over anything when `force`); throws StorageFull when the browser is full. */
  write(saved: Omit<Saved, 'rev'>, expect: number, force?: boolean): Promise<WriteResult>;
  /** Makes `slot` the one opened at the next start. */
  setCurrent(slot: DatasetId): Promise<void>;
  /** The text of a backup. */
  backupText(key: string): Promise<string | null>;
  /** Copies the slot's saved work to a new backup key (before something replaces it); null when it holds none. */
  backup(slot: DatasetId): Promise<string | null>;
  clear(slot: DatasetId): Promise<void>;
  /** Journals work not yet saved, synchronously, as the page closes (journal.ts); false when it could not. */
  unload(entry: JournalEntry): boolean;
  /** Drops `tab`'s journal entry for `slot`: the tab lived on and saved (a page kept in the back-forward cache). */
  settled(slot: DatasetId, tab: string): void;
}

const LEGACY_KEY = 'working';
const work = (slot: DatasetId) => `work:${slot}`;
const revKey = (slot: DatasetId) => `rev:${slot}`;

/** The view fields of a saved value that are valid; anything else is dropped (a damaged or hand-edited save). */
export function savedView(raw: unknown): Partial<View> {
  if (!raw || typeof raw !== 'object') return {};
  const v = raw as Record<string, unknown>;
  const out: Partial<View> = {};
  if (RULES.includes(v.rule as Rule)) out.rule = v.rule as Rule;
  if (typeof v.threshold === 'number' && Number.isFinite(v.threshold) && v.threshold >= 0 && v.threshold <= 100) out.threshold = v.threshold;
  if (v.date === null || (typeof v.date === 'string' && isoDate.safeParse(v.date).success)) out.date = v.date as string | null;
  if (v.layers && typeof v.layers === 'object') {
    const l = v.layers as Record<string, unknown>;
    const layers: Partial<Layers> = {};
    for (const k of ['holdings', 'agreements', 'dependencies'] as const) if (typeof l[k] === 'boolean') layers[k] = l[k] as boolean;
    if (Object.keys(layers).length) out.layers = layers as Layers;
  }
  return out;
}

/**
 * The scenario of a saved value, when it is whole; otherwise null (the work then opens as it was drawn, which is
 * what an older version saved).
 */
export function savedScenario(raw: unknown): SavedScenario | null {
  if (!raw || typeof raw !== 'object') return null;
  const v = raw as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.title !== 'string' || (v.source !== 'bundled' && v.source !== 'document')) return null;
  if (!(v.baseDate === null || (typeof v.baseDate === 'string' && isoDate.safeParse(v.baseDate).success))) return null;
  try {
    return { id: v.id, title: v.title, source: v.source, base: parseDoc(v.base), baseDate: v.baseDate as string | null };
  } catch {
    return null;
  }
}

/**
 * Persistence over `kv`; `legacy` is where older versions kept the single slot "working" (localStorage); `journal` is
 * where work not yet saved when the page closed waits (journal.ts), folded into its slot when the slot is next read.
 */
export function createPersistence(kv: KV, legacy: KV | null = null, journal: Journal | null = null): Persistence {
  /**
   * Writes `text` as a new backup of `kind` (a graph's slot, 'unreadable' or 'journal'), then drops the oldest of that
   * kind past BACKUPS_KEPT; its key, or null when there was no room for it.
   */
  const writeBackup = async (kind: string, text: string): Promise<string | null> => {
    const key = `${BACKUP_PREFIX}${kind}:${new Date().toISOString()}:${Math.random().toString(36).slice(2, 8)}`;
    try {
      await kv.setMany([[key, text]]);
    } catch {
      return null;
    }
    await pruneBackups(kv, kind).catch(() => {});
    return key;
  };
  /** Keeps an unreadable value as text under a new backup key, then clears it from `key` so it is backed up once. */
  const keep = async (from: KV, key: string, value: unknown, why: string): Promise<SlotRead> => {
    const text = value instanceof Unreadable ? value.text : safeJson(value);
    const backup = await writeBackup('unreadable', text);
    if (!backup) return { state: 'unreadable', why, text, backup: null }; // no room for a copy: the value stays where it was
    try {
      await from.del(key);
    } catch {
      // kept twice: the copy and the value where it was
    }
    return { state: 'unreadable', why, text, backup };
  };
  const readValue = async (from: KV, key: string, slot: DatasetId | null): Promise<SlotRead> => {
    let value: unknown;
    try {
      value = await from.get(key);
    } catch (e) {
      return { state: 'unreadable', why: readableError(e), text: '', backup: null };
    }
    if (value === undefined || value === null) return { state: 'none' };
    if (value instanceof Unreadable) return keep(from, key, value, 'it is not valid JSON; it may have been cut short');
    const v = value as Partial<Saved>;
    if (typeof v !== 'object' || !v.doc) return keep(from, key, value, 'it holds no graph');
    try {
      const doc = parseDoc(v.doc);
      const datasetId = isSlot(v.datasetId) ? v.datasetId : (slot ?? 'imported');
      const scenario = savedScenario(v.scenario);
      return { state: 'ok', saved: { doc, datasetId, view: savedView(v.view), rev: typeof v.rev === 'number' ? v.rev : 0, tab: typeof v.tab === 'string' ? v.tab : undefined, ...(scenario ? { scenario } : {}) } };
    } catch (e) {
      return keep(from, key, value, readableError(e));
    }
  };
  const readSlot = async (slot: DatasetId): Promise<SlotRead> => {
    const read = await readValue(kv, work(slot), slot);
    if (read.state !== 'none' || !legacy) return read;
    // Work saved by an older version, in its one slot, counts as this dataset's if it was this dataset.
    const old = await readValue(legacy, LEGACY_KEY, null);
    return old.state === 'ok' && old.saved.datasetId === slot ? old : read;
  };
  const backupText = (text: string) => writeBackup('journal', text);
  /**
   * The slot as read, with the journal's work for it saved on top when it is newer: written over the revision it was
   * based on (or over this same tab's later writes, which are older states of it). When another tab saved the slot
   * since, the journaled work is kept as a backup instead, and said so.
   */
  const foldJournal = async (slot: DatasetId, read: SlotRead, j: Journal): Promise<SlotRead> => {
    const entry = j.read(slot);
    if (!entry) return read;
    const aside = async (text: string, why: string): Promise<SlotRead> => {
      const key = await backupText(text);
      j.clear(slot);
      if (read.state !== 'ok') return read;
      return { ...read, note: `Changes made just before a tab closed ${why}; ${key ? 'they are kept in this browser as a backup' : 'they could not be kept'}.` };
    };
    if ('unreadable' in entry) return aside(entry.unreadable, 'could not be read back');
    const now = await p.rev(slot);
    const ours = entry.baseRev === null || now.rev === entry.baseRev || (now.tab === entry.tab && now.rev > entry.baseRev);
    if (!ours) return aside(safeJson(entry), 'were made over a version another tab has since replaced');
    let doc: OwnershipDoc;
    try {
      doc = parseDoc(entry.doc);
    } catch (e) {
      return aside(safeJson(entry), `could not be read back (${readableError(e)})`);
    }
    // A tab that never saw the slot took it over (a file just opened): what it held is kept first, as autosave does.
    if (entry.baseRev === null && now.tab !== entry.tab) await p.backup(slot).catch(() => null);
    const view = savedView(entry.view);
    const scenario = savedScenario(entry.scenario) ?? undefined;
    const w = await p.write({ doc, datasetId: slot, view, tab: entry.tab, ...(scenario ? { scenario } : {}) }, now.rev).catch(() => null);
    if (!w?.ok) return aside(safeJson(entry), 'could not be saved');
    j.clear(slot);
    return { state: 'ok', saved: { doc, datasetId: slot, view, rev: w.rev, tab: entry.tab, ...(scenario ? { scenario } : {}) }, note: 'Your last changes, made just before the page closed, were recovered.' };
  };
  const p: Persistence = {
    kind: kv.kind,
    async open() {
      // Work journaled as the page closed was on screen last: its slot opens.
      const journaled = journal && newestJournal(journal);
      if (journaled) return { slot: journaled, read: await p.read(journaled) };
      const current = await kv.get('current').catch(() => undefined);
      if (isSlot(current)) return { slot: current, read: await p.read(current) };
      if (legacy) {
        const read = await readValue(legacy, LEGACY_KEY, null);
        if (read.state !== 'none') return { slot: read.state === 'ok' ? read.saved.datasetId : null, read };
      }
      return { slot: null, read: { state: 'none' } };
    },
    async read(slot) {
      const read = await readSlot(slot);
      return journal ? foldJournal(slot, read, journal) : read;
    },
    async rev(slot) {
      return revOf(await kv.get(revKey(slot)).catch(() => undefined));
    },
    async write(saved, expect, force = false) {
      const slot = saved.datasetId;
      let conflict = { rev: 0 } as { rev: number; tab?: string };
      let rev = 0;
      // The revision is checked and the work written in one transaction: two tabs saving in the same instant cannot
      // both pass the check (the second finds the first's revision and is told of the conflict).
      const wrote = await kv.swap(revKey(slot), (raw) => {
        const now = revOf(raw);
        if (!force && now.rev !== expect) {
          conflict = now;
          return null;
        }
        rev = now.rev + 1;
        return [[work(slot), { ...saved, rev }], [revKey(slot), { rev, tab: saved.tab }], ['current', slot]];
      });
      if (!wrote) return { ok: false, conflict };
      if (legacy) await legacy.del(LEGACY_KEY).catch(() => {});
      return { ok: true, rev };
    },
    async setCurrent(slot) {
      await kv.setMany([['current', slot]]);
    },
    async backupText(key) {
      const v = await kv.get(key);
      return typeof v === 'string' ? v : null;
    },
    async backup(slot) {
      const v = await kv.get(work(slot));
      if (v === undefined || v instanceof Unreadable) return null;
      const key = await writeBackup(slot, safeJson(v));
      if (!key) throw new Error(`persistence: no room to keep the previous "${slot}" graph as a backup — save it as a file first`);
      return key;
    },
    unload(entry) {
      return !!journal?.write(entry);
    },
    settled(slot, tab) {
      const entry = journal?.read(slot);
      if (entry && !('unreadable' in entry) && entry.tab === tab) journal!.clear(slot);
    },
    async clear(slot) {
      await kv.del(work(slot));
    },
  };
  return p;
}

/** Backups kept of each kind (a graph's slot, unreadable values, recovered changes): older ones are removed. */
export const BACKUPS_KEPT = 10;
const BACKUP_PREFIX = 'backup:';

/** The kind of a backup key: `backup:<kind>:<time>:<tag>`, or 'older' for keys from before kinds (`backup:<time>:<tag>`). */
const kindOf = (key: string) => {
  const part = key.slice(BACKUP_PREFIX.length).split(':')[0];
  return /^\d/.test(part) ? 'older' : part;
};

/** Removes the backups of `kind` past the newest BACKUPS_KEPT (keys sort by the time in them), older keys alike. */
export async function pruneBackups(kv: KV, kind: string): Promise<string[]> {
  const keys = (await kv.keys()).filter((k) => k.startsWith(BACKUP_PREFIX));
  const gone: string[] = [];
  for (const k of [kind, 'older']) {
    const mine = keys.filter((key) => kindOf(key) === k).sort((a, b) => stamp(a).localeCompare(stamp(b)));
    gone.push(...mine.slice(0, Math.max(0, mine.length - BACKUPS_KEPT)));
  }
  for (const key of gone) await kv.del(key);
  return gone;
}

/** The time part of a backup key (ISO 8601, so it sorts as text). */
const stamp = (key: string) => (kindOf(key) === 'older' ? key.slice(BACKUP_PREFIX.length) : key.slice(BACKUP_PREFIX.length).split(':').slice(1).join(':'));

/** The slot of the newest journal entry, if any. */
function newestJournal(j: Journal): DatasetId | null {
  let best: { slot: DatasetId; at: number } | null = null;
  for (const slot of SAVED_SLOTS) {
    const e = j.read(slot);
    const at = e && !('unreadable' in e) ? e.at : e ? 0 : -1;
    if (at >= 0 && (!best || at > best.at)) best = { slot, at };
  }
  return best?.slot ?? null;
}

/** A stored revision record read defensively: its number (0 when absent or damaged) and the tab that wrote it. */
function revOf(raw: unknown): { rev: number; tab?: string } {
  const r = raw as { rev?: unknown; tab?: unknown } | undefined;
  return { rev: typeof r?.rev === 'number' ? r.rev : 0, ...(typeof r?.tab === 'string' ? { tab: r.tab } : {}) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
