// The unload journal: when the page is closed or reloaded while autosave still has a write to make, the work is
// written synchronously (localStorage) under its slot, with the revision it was based on; the next start folds it
// into the saved work (persistence.ts), so an edit made just before a reload or close is never lost.
import type { OwnershipDoc } from '../model';
import type { DatasetId, View } from './types';

/** What the journal holds for a slot: the work not yet saved, the revision it was based on, the tab that made it. */
export interface JournalEntry {
  slot: DatasetId;
  doc: OwnershipDoc;
  view?: Partial<View>;
  /** The scenario shown over `doc` (persistence.ts SavedScenario), so a quick reload keeps it marked. */
  scenario?: unknown;
  tab: string;
  /** The slot's revision this tab last saw (null: the tab never saw it; the work then takes the slot over). */
  baseRev: number | null;
  /** When it was written (ms since 1970): the newest entry is the work that was on screen last. */
  at: number;
}

/** A synchronous store of one entry per slot. */
export interface Journal {
  /** Writes `entry` at once; false when the storage refuses it (full, blocked). */
  write(entry: JournalEntry): boolean;
  /** The entry for `slot`, or null; a damaged entry comes back as its text (to be kept as a backup). */
  read(slot: DatasetId): JournalEntry | { unreadable: string } | null;
  clear(slot: DatasetId): void;
}

/** A journal that holds nothing (no synchronous storage): autosave then warns before a page with unsaved work closes. */
export const noJournal: Journal = { write: () => false, read: () => null, clear() {} };

const PREFIX = 'ownership-explorer:journal:';

/** A journal in `ls` (localStorage), one key per slot. */
export function storageJournal(ls: Storage): Journal {
  return {
    write(entry) {
      try {
        ls.setItem(PREFIX + entry.slot, JSON.stringify(entry));
        return true;
      } catch {
        return false;
      }
    },
    read(slot) {
      let text: string | null;
      try {
        text = ls.getItem(PREFIX + slot);
      } catch {
        return null;
      }
      if (text === null) return null;
      try {
        const e = JSON.parse(text) as Partial<JournalEntry>;
        if (e && typeof e === 'object' && e.slot === slot && e.doc && typeof e.tab === 'string' && (e.baseRev === null || typeof e.baseRev === 'number') && typeof e.at === 'number') return e as JournalEntry;
      } catch {
        // kept as text below
      }
      return { unreadable: text };
    },
    clear(slot) {
      try {
        ls.removeItem(PREFIX + slot);
      } catch {
        // nothing to clear in a blocked storage
      }
    },
  };
}
