// What the Simulate panel shows (its tab, the transfer being previewed, the base/scenario toggle, the dependency
// lens, the entities of a selected event): view state of its own, never part of the document or its history.
import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Op } from '../model';

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
  set(changes: Partial<Omit<SimViewState, 'set'>>): void;
}

const OPEN_KEY = 'ownership-explorer:simulate-open';

/** Whether the panel starts open: as the user last left it, else where there is room beside the graph. */
function initiallyOpen(): boolean {
  if (typeof window === 'undefined') return true;
  try {
    const saved = localStorage.getItem(OPEN_KEY);
    if (saved !== null) return saved === '1';
  } catch {
    // storage unavailable: fall through
  }
  return window.innerWidth >= 1700;
}

function rememberOpen(open: boolean) {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // storage unavailable or full: the panel simply starts by the width next time
  }
}

/** The Simulate panel's view state. */
export const simView = createStore<SimViewState>()((set) => ({
  // Open where there is room beside the graph and the inspector without shrinking the graph below legibility;
  // elsewhere it waits, one click away, on its rail. The user's choice is remembered.
  open: initiallyOpen(),
  tab: 'scenarios',
  draft: null,
  showBase: false,
  lens: false,
  focus: [],
  event: null,
  set: (changes) => {
    if (changes.open !== undefined) rememberOpen(changes.open);
    set(changes);
  },
}));

/** Selects from the Simulate view state. */
export function useSimView<T>(selector: (s: SimViewState) => T): T {
  return useZustand(simView, selector);
}
