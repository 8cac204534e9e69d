// The workspace's own view state (which docks are open, their widths, the legend, the split view): remembered in
// localStorage, never part of the document or its history.
import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type DockId = 'inspector';

export interface WorkspaceState {
  /** The inspector dock on the right; collapsed to a rail when false. */
  inspectorOpen: boolean;
  /** Dock widths in CSS px, by dock. */
  widths: Record<string, number>;
  /** The legend strip under the canvas: one line (false) or every key (true). */
  legendOpen: boolean;
  /** Split view: base and scenario side by side. */
  split: boolean;
  /** Split view of two dates: the left side's date (the right side shows the view date); null compares base and scenario. */
  compareDate: string | null;
  /** In the split view, the side the inspector describes (the one last clicked). */
  splitSide: 'before' | 'after';
  set(changes: Partial<Omit<WorkspaceState, 'set' | 'setWidth'>>): void;
  setWidth(dock: string, width: number): void;
}

const KEY = 'ownership-explorer:workspace';

/** Below this window width the inspector starts as a rail, so the graph keeps the room (it opens on a selection). */
export const INSPECTOR_OPEN_FROM = 1600;

function saved(): Partial<WorkspaceState> {
  try {
    return typeof localStorage === 'undefined' ? {} : (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<WorkspaceState>);
  } catch {
    return {};
  }
}

function remember(s: WorkspaceState) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ inspectorOpen: s.inspectorOpen, widths: s.widths, legendOpen: s.legendOpen }));
  } catch {
    // storage unavailable or full: the workspace simply starts with its defaults next time
  }
}

const initial = saved();

/** The workspace's view state. */
export const workspace = createStore<WorkspaceState>()((set, get) => ({
  inspectorOpen: initial.inspectorOpen ?? (typeof window === 'undefined' || window.innerWidth >= INSPECTOR_OPEN_FROM),
  widths: initial.widths ?? {},
  legendOpen: initial.legendOpen ?? false,
  split: false,
  compareDate: null,
  splitSide: 'after',
  set: (changes) => {
    set(changes);
    remember(get());
  },
  setWidth: (dock, width) => {
    set({ widths: { ...get().widths, [dock]: Math.round(width) } });
    remember(get());
  },
}));

/** Selects from the workspace state. */
export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useZustand(workspace, selector);
}
