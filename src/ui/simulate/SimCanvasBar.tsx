// Over the canvas while simulating: "Preview — not applied" during a transfer preview, and the compare toggle that
// draws the base or the scenario in the same layout (changed entities and edges outlined), the lens badge, and the lit
// path (what it shows, and a button that clears it, as Escape does).
import { useEffect } from 'react';
import { useStore } from '../../store';
import { baseOf } from '../../store/simState';
import { useSimViewApi, useSimView } from '../../store/simView';
import { SIM_COLOURS } from '../../canvas/simStyles';
import { MAX_SWAP_ENTITIES } from '../../canvas/useShown';
import { useWorkspace, useWorkspaceApi } from '../workspace/workspaceState';

export function SimCanvasBar() {
  const simView = useSimViewApi();
  const doc = useStore((s) => s.doc);
  const sim = useStore((s) => s.sim);
  const draft = useSimView((s) => s.draft);
  const showBase = useSimView((s) => s.showBase);
  const lens = useSimView((s) => s.lens);
  const lit = useSimView((s) => s.lit);
  const split = useWorkspace((s) => s.split);
  const workspace = useWorkspaceApi();
  const compareDate = useWorkspace((s) => s.compareDate);
  const viewDate = useStore((s) => s.view.date ?? s.doc.asOf ?? null);
  const small = doc.entities.length <= MAX_SWAP_ENTITIES;
  const base = baseOf(sim, doc);
  const scenarioId = sim.scenario?.id ?? null;
  useEffect(() => {
    simView.getState().set({ showBase: false });
  }, [scenarioId, base === null]);
  const dates = split && compareDate && small;
  if (!draft && !base && !lens && !lit && !dates) return null;
  const title = sim.scenario ? sim.scenario.title : 'Your edits';
  const splitButton = (draft || base) && small && (
    <button type="button" aria-pressed={split} onClick={() => workspace.getState().set({ split: !split, splitSide: 'after' })} title="Before and after side by side, pan and zoom together">
      Split view
    </button>
  );
  return (
    <div className="sim-bar" role="group" aria-label="Compare">
      {dates ? (
        <>
          <span className="sim-badge dates" data-testid="dates-badge">{compareDate} | {viewDate ?? 'document date'}</span>
          <span className="swatch-dot" style={{ borderColor: SIM_COLOURS.changed }} aria-hidden="true" />
          <span className="small-text">Outlined: changed</span>
          <button type="button" onClick={() => workspace.getState().set({ split: false, compareDate: null })}>Close split</button>
        </>
      ) : draft ? (
        <>
          <span className="sim-badge preview" role="status">Preview — not applied</span>
          {splitButton}
        </>
      ) : base && split && small ? (
        <>
          <span className="swatch-dot" style={{ borderColor: SIM_COLOURS.changed }} aria-hidden="true" />
          <span className="small-text">Outlined: changed</span>
          {splitButton}
        </>
      ) : base ? (
        <>
          <span className="swatch-dot" style={{ borderColor: SIM_COLOURS.changed }} aria-hidden="true" />
          <span className="small-text">Outlined: changed</span>
          <div className="segmented" role="group" aria-label="Show base or scenario">
            <button type="button" aria-pressed={showBase} onClick={() => simView.getState().set({ showBase: true })}>Base</button>
            <button type="button" aria-pressed={!showBase} onClick={() => simView.getState().set({ showBase: false })} title={title}>{sim.scenario ? 'Scenario' : 'Edited'}</button>
          </div>
          {splitButton}
        </>
      ) : null}
      {lens && <span className="sim-badge lens">Dependency lens</span>}
      {lit && (
        <span className="sim-badge lit" role="status" data-testid="lit-badge" title={lit.label}>
          Lit: {lit.label}
          <button type="button" className="link" aria-label="Clear the lit path (Esc)" onClick={() => simView.getState().set({ lit: null })}>×</button>
        </span>
      )}
    </div>
  );
}
