// On narrow windows one dock at a time: opening one collapses the other; wide windows keep both. The workspace state
// belongs to one explorer: made from the storage and width it is given, remembered there, shared with no other.
import { describe, expect, it } from 'vitest';
import { createSimView } from '../../src/store/simView';
import { createWorkspace, INSPECTOR_OPEN_FROM, WORKSPACE_KEY } from '../../src/store/workspace';
import { ONE_DOCK_BELOW, dockOpened } from '../../src/ui/workspace/narrowDocks';

describe('docks on a narrow window', () => {
  it.each([
    ['inspector', ONE_DOCK_BELOW - 1, { sim: false, inspector: true }],
    ['simulate', ONE_DOCK_BELOW - 1, { sim: true, inspector: false }],
    ['inspector', ONE_DOCK_BELOW, { sim: true, inspector: true }],
    ['simulate', 1920, { sim: true, inspector: true }],
  ])('opening %s at %i px', (id, width, want) => {
    const simView = createSimView();
    const workspace = createWorkspace();
    simView.getState().set({ open: true, tab: 'transfer' });
    workspace.getState().set({ inspectorOpen: true });
    dockOpened(id, width, simView, workspace);
    expect({ sim: simView.getState().open, inspector: workspace.getState().inspectorOpen }).toEqual(want);
    expect(simView.getState().tab).toBe('transfer'); // collapsing keeps the panel's state
  });
});

/** A Storage stand-in over a Map. */
function memory(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

describe('the workspace of one explorer', () => {
  it.each([
    ['a narrow window starts with the inspector as a rail', INSPECTOR_OPEN_FROM - 1, {}, false],
    ['a wide window starts with it open', INSPECTOR_OPEN_FROM, {}, true],
    ['what was remembered wins over the width', INSPECTOR_OPEN_FROM, { [WORKSPACE_KEY]: '{"inspectorOpen":false}' }, false],
    ['unreadable storage falls back to the width', 1920, { [WORKSPACE_KEY]: '{not json' }, true],
  ])('%s', (_, width, stored, open) => {
    expect(createWorkspace({ storage: memory(stored), width }).getState().inspectorOpen).toBe(open);
  });

  it('remembers changes in its own storage, and two explorers do not share state', () => {
    const a = memory(), b = memory();
    const wa = createWorkspace({ storage: a, width: 1920 }), wb = createWorkspace({ storage: b, width: 1920 });
    wa.getState().setWidth('inspector', 401.6);
    wa.getState().set({ legendOpen: true });
    expect(wb.getState().widths).toEqual({});
    expect(wb.getState().legendOpen).toBe(false);
    expect(JSON.parse(a.map.get(WORKSPACE_KEY)!)).toEqual({ inspectorOpen: true, widths: { inspector: 402 }, legendOpen: true });
    expect(b.map.has(WORKSPACE_KEY)).toBe(false);
    expect(createWorkspace({ storage: a, width: 800 }).getState()).toMatchObject({ inspectorOpen: true, widths: { inspector: 402 }, legendOpen: true });
  });
});
