// On narrow windows one dock at a time: opening the Simulate panel or the inspector below ONE_DOCK_BELOW collapses
// the other to its rail (its state kept: tab, preview, widths), so the graph keeps most of the width.
import type { SimViewStore } from '../../store/simView';
import type { WorkspaceStore } from '../../store/workspace';

/** Below this window width (CSS px) only one dock is open at a time. */
export const ONE_DOCK_BELOW = 1280;

/** Called when dock `id` opens: on a narrow window, the other docks collapse (the explorer's Simulate and workspace state). */
export function dockOpened(id: string, windowWidth: number, simView: SimViewStore, workspace: WorkspaceStore): void {
  if (windowWidth >= ONE_DOCK_BELOW) return;
  const collapse: Record<string, () => void> = {
    simulate: () => simView.getState().open && simView.getState().set({ open: false }),
    inspector: () => workspace.getState().inspectorOpen && workspace.getState().set({ inspectorOpen: false }),
  };
  for (const [other, close] of Object.entries(collapse)) if (other !== id) close();
}
