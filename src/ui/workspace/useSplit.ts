// Whether the split view (before | after, or two dates, side by side) is on and has two sides to draw.
import { MAX_SWAP_ENTITIES } from '../../canvas/useShown';
import { useStore } from '../../store';
import { baseOf } from '../../store/simState';
import { useSimView } from '../../store/simView';
import { useWorkspace } from './workspaceState';

/** Whether the split view is on and has two sides to draw (two dates, a base or a preview, on a graph small enough). */
export function useSplit(): boolean {
  const split = useWorkspace((s) => s.split);
  const doc = useStore((s) => s.doc);
  const sim = useStore((s) => s.sim);
  const draft = useSimView((s) => s.draft);
  const compareDate = useWorkspace((s) => s.compareDate);
  return split && doc.entities.length <= MAX_SWAP_ENTITIES && (!!compareDate || !!draft || !!baseOf(sim, doc));
}

