// Collapse or expand a company's subsidiaries (the entities it controls, directly or through others): a collapsed
// company is drawn alone with their count under its name ("▸ 14 subsidiaries"). View state, not an edit.
import { useMemo } from 'react';
import type { AnalysisView } from '../analysis';
import { subsidiaries } from '../draw/prune';
import { useStore, useStoreApi } from '../store';

export function CollapseButton({ id, analysis }: { id: string; analysis: AnalysisView }) {
  const appStore = useStoreApi();
  const collapsed = useStore((s) => s.view.collapsed);
  const count = useMemo(() => subsidiaries(analysis.control, id).length, [analysis, id]);
  const on = collapsed.includes(id);
  if (!count && !on) return null;
  const toggle = () => appStore.getState().setView({ collapsed: on ? collapsed.filter((x) => x !== id) : [...collapsed, id] });
  return (
    <p className="collapse-subs">
      <button type="button" className="small" aria-pressed={on} onClick={toggle} data-testid="collapse-subsidiaries">
        {on ? `Expand ${count} subsidiar${count === 1 ? 'y' : 'ies'}` : `Collapse ${count} subsidiar${count === 1 ? 'y' : 'ies'}`}
      </button>
    </p>
  );
}
