// On narrow windows one dock at a time: opening one collapses the other; wide windows keep both.
import { describe, expect, it } from 'vitest';
import { createSimView } from '../../src/store/simView';
import { ONE_DOCK_BELOW, dockOpened } from '../../src/ui/workspace/narrowDocks';
import { workspace } from '../../src/ui/workspace/workspaceState';

describe('docks on a narrow window', () => {
  it.each([
    ['inspector', ONE_DOCK_BELOW - 1, { sim: false, inspector: true }],
    ['simulate', ONE_DOCK_BELOW - 1, { sim: true, inspector: false }],
    ['inspector', ONE_DOCK_BELOW, { sim: true, inspector: true }],
    ['simulate', 1920, { sim: true, inspector: true }],
  ])('opening %s at %i px', (id, width, want) => {
    const simView = createSimView();
    simView.getState().set({ open: true, tab: 'transfer' });
    workspace.getState().set({ inspectorOpen: true });
    dockOpened(id, width, simView);
    expect({ sim: simView.getState().open, inspector: workspace.getState().inspectorOpen }).toEqual(want);
    expect(simView.getState().tab).toBe('transfer'); // collapsing keeps the panel's state
  });
});
