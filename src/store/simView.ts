// What the Simulate panel shows (its tab, the transfer being previewed, the base/scenario toggle, the dependency
// lens, the entities of a selected event): view state of its own, never part of the document or its history. One per
// explorer, made by createApp(); importing this module reads no storage.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Op } from '../model';
import type { LitPath } from '../analysis/litPath';

export const SIM_TABS = ['scenarios', 'transfer', 'whatif', 'timeline', 'dependencies', 'cases'] as const;
export type SimTab = (typeof SIM_TABS)[number];

export const SIM_TAB_LABELS: Record<SimTab, string> = {
  scenarios: 'Scenarios',
  transfer: 'Transfer',
  whatif: 'What would it take',
  timeline: 'Timeline',
  dependencies: 'Dependencies',
  cases: 'Compare cases',
};

export interface SimViewState {
  open: boolean;
  tab: SimTab;
  /** An operation being previewed on the graph, not committed. */
  draft: Op | null;
  /** Compare: draw the base instead of the current (scenario) document. */
  showBase: boolean;
  /** The dependency lens: holdings faded, dependencies and their exposure brought forward. */
  lens: boolean;
  /** Entities to highlight (those of the selected timeline event). */
  focus: string[];
  /** The id of the selected timeline event. */
  event: string | null;
  /** A path lit on the canvas (both sides of the split view) and in exports; Escape clears it. */
  lit: LitPath | null;
  set(changes: Partial<Omit<SimViewState, 'set'>>): void;
}

/** The Simulate view state of one explorer (createApp makes it). */
export type SimViewStore = StoreApi<SimViewState>;

/** Where the panel's open/closed choice is remembered (localStorage), and the window's width. */
export interface SimViewPrefs {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  width: number;
}

export const OPEN_KEY = 'ownership-explorer:simulate-open';

/** Whether the panel starts open: as the user last left it, else where there is room beside the graph. */
export function initiallyOpen({ storage, width }: SimViewPrefs): boolean {
  try {
    const saved = storage?.getItem(OPEN_KEY) ?? null;
    if (saved !== null) return saved === '1';
  } catch {
    // storage unavailable: fall through
  }
  // Open where there is room beside the graph and the inspector without shrinking the graph below legibility;
  // elsewhere it waits, one click away, on its rail.
  return width >= 1700;
}

/** Makes the Simulate view state; reads the remembered choice now (never on import) and remembers every change. */
export function createSimView(prefs: SimViewPrefs = { storage: null, width: Infinity }): SimViewStore {
  const remember = (open: boolean) => {
    try {
      prefs.storage?.setItem(OPEN_KEY, open ? '1' : '0');
    } catch {
      // storage unavailable or full: the panel simply starts by the width next time
    }
  };
  return createStore<SimViewState>()((set) => ({
    open: initiallyOpen(prefs),
    tab: 'scenarios',
    draft: null,
    showBase: false,
    lens: false,
    focus: [],
    event: null,
    lit: null,
    set: (changes) => {
      if (changes.open !== undefined) remember(changes.open);
      set(changes);
    },
  }));
}

// Components read it from the explorer they belong to (context.ts).
export { useSimView, useSimViewApi } from './context';
