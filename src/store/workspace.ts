// The workspace's own view state (which docks are open, their widths, the legend, the split view): one per explorer,
// made by createApp() from the storage and window width it is given, remembered in that storage, never part of the
// document or its history. Importing this module reads no storage and no window.
import { createStore, type StoreApi } from 'zustand/vanilla';

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
  /** A dock the user just opened from its rail: focus moves into it once its contents are there (Dock.tsx). */
  focusDock: string | null;
  set(changes: Partial<Omit<WorkspaceState, 'set' | 'setWidth'>>): void;
  setWidth(dock: string, width: number): void;
}

/** The workspace state of one explorer. */
export type WorkspaceStore = StoreApi<WorkspaceState>;

/** Where the workspace is remembered (localStorage in the page) and the window's width when the explorer starts. */
export interface WorkspacePrefs {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  width: number;
}

export const WORKSPACE_KEY = 'ownership-explorer:workspace';

/** Below this window width the inspector starts as a rail, so the graph keeps the room (it opens on a selection). */
export const INSPECTOR_OPEN_FROM = 1600;

function saved(storage: WorkspacePrefs['storage']): Partial<WorkspaceState> {
  try {
    const v: unknown = JSON.parse(storage?.getItem(WORKSPACE_KEY) ?? '{}');
    return v && typeof v === 'object' ? (v as Partial<WorkspaceState>) : {};
  } catch {
    return {};
  }
}

/** Makes the workspace state: what was remembered, else the defaults for the window's width; remembers every change. */
export function createWorkspace(prefs: WorkspacePrefs = { storage: null, width: Infinity }): WorkspaceStore {
  const initial = saved(prefs.storage);
  const remember = (s: WorkspaceState) => {
    try {
      prefs.storage?.setItem(WORKSPACE_KEY, JSON.stringify({ inspectorOpen: s.inspectorOpen, widths: s.widths, legendOpen: s.legendOpen }));
    } catch {
      // storage unavailable or full: the workspace simply starts with its defaults next time
    }
  };
  return createStore<WorkspaceState>()((set, get) => ({
    inspectorOpen: initial.inspectorOpen ?? prefs.width >= INSPECTOR_OPEN_FROM,
    widths: initial.widths ?? {},
    legendOpen: initial.legendOpen ?? false,
    split: false,
    compareDate: null,
    splitSide: 'after',
    focusDock: null,
    set: (changes) => {
      set(changes);
      remember(get());
    },
    setWidth: (dock, width) => {
      set({ widths: { ...get().widths, [dock]: Math.round(width) } });
      remember(get());
    },
  }));
}
