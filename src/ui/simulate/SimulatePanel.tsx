// The Simulate panel on the left: tabs for scenarios, stake transfers, what would it take, the timeline, the
// dependency lens and the case comparison; collapsible; tabs follow the WAI-ARIA pattern (arrow keys move).
import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { SIM_TAB_LABELS, SIM_TABS, useSimViewApi, useSimView, type SimTab } from '../../store/simView';
import { CasesTab } from './CasesTab';
import { DependenciesTab } from './DependenciesTab';
import { ScenariosTab } from './ScenariosTab';
import { TimelineTab } from './TimelineTab';
import { TransferTab } from './TransferTab';
import { WhatIfTab } from './WhatIfTab';
import { Dock } from '../workspace/Dock';
import { useReport } from '../useReport';
import './simulate.css';

const PANELS: Record<SimTab, () => React.ReactNode> = {
  scenarios: () => <ScenariosTab />,
  transfer: () => <TransferTab />,
  whatif: () => <WhatIfTab />,
  timeline: () => <TimelineTab />,
  dependencies: () => <DependenciesTab />,
  cases: () => <CasesTab />,
};

export function SimulatePanel() {
  const simView = useSimViewApi();
  const open = useSimView((s) => s.open);
  const tab = useSimView((s) => s.tab);
  const loads = useStore((s) => s.loads);
  const tabs = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A new document: nothing previewed, compared or highlighted from the old one survives.
    simView.getState().set({ draft: null, showBase: false, focus: [], event: null });
  }, [loads, simView]);
  const select = (t: SimTab, focus = false) => {
    simView.getState().set({ tab: t, draft: null, ...(t === 'timeline' ? {} : { focus: [], event: null }) });
    if (focus) tabs.current?.querySelector<HTMLButtonElement>(`#sim-tab-${t}`)?.focus();
  };
  const onKey = (e: React.KeyboardEvent) => {
    const focused = SIM_TABS.findIndex((t) => (e.target as HTMLElement).id === `sim-tab-${t}`);
    const i = focused >= 0 ? focused : SIM_TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? SIM_TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    select(SIM_TABS[(next + SIM_TABS.length) % SIM_TABS.length], true);
  };
  return (
    <SimDock open={open}>
    <aside className="sim-panel" aria-label="Simulate">
      <header className="sim-head">
        <h2>Simulate</h2>
        <button type="button" onClick={() => simView.getState().set({ open: false, draft: null })} aria-label="Close the Simulate panel" title="Collapse">◂</button>
      </header>
      <div className="sim-tabs" role="tablist" aria-label="Simulate" ref={tabs} onKeyDown={onKey}>
        {SIM_TABS.map((t) => (
          <button key={t} id={`sim-tab-${t}`} type="button" role="tab" aria-selected={tab === t} aria-controls="sim-tabpanel" tabIndex={tab === t ? 0 : -1} onClick={() => select(t)}>
            {SIM_TAB_LABELS[t]}
          </button>
        ))}
      </div>
      {/* Keyed by tab: a tab opens at its top, not at the scroll position the previous tab was left at. */}
      <div key={tab} id="sim-tabpanel" className="sim-body" role="tabpanel" aria-labelledby={`sim-tab-${tab}`} tabIndex={0}>
        {PANELS[tab]()}
      </div>
      <ReportButton />
    </aside>
    </SimDock>
  );
}

/** Writes the report of the scenario, preview or two dates shown (hidden when nothing is being compared). */
function ReportButton() {
  const report = useReport();
  if (report.what === 'the graph') return null;
  return (
    <footer className="sim-foot">
      <button type="button" className="small" onClick={report.run} data-testid="sim-report" title="One HTML page: the drawings before and after, the changes in words, why, and the sources">
        Report of {report.what} (HTML)
      </button>
    </footer>
  );
}

/** The Simulate panel's dock on the left (also the placeholder while the panel's code loads). */
export function SimDock({ open, children }: { open: boolean; children?: React.ReactNode }) {
  const simView = useSimViewApi();
  return (
    <Dock id="simulate" side="left" label="Simulate" open={open} onOpen={() => simView.getState().set({ open: true })} defaultWidth={290} min={250} max={560}>
      {children}
    </Dock>
  );
}
