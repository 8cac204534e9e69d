// Scenario buttons for the current dataset (bundled, and saved with the document): apply one, read its description
// and sources, see the control diff in words, go back to base, and save the current edits as a scenario.
import { useStoreApi, useStore } from '../../store';
import { applyScenario, backToBase, removeScenario } from '../../store/scenario';
import { scenariosFor, type ScenarioEntry } from '../../store/scenarios';
import { baseOf } from '../../store/simState';
import { useSimViewApi } from '../../store/simView';
import { DiffView } from './DiffView';
import { SaveScenario } from './SaveScenario';
import { webLink } from '../links';

function Sources({ s }: { s: ScenarioEntry }) {
  if (!s.sources.length) return null;
  return (
    <ul className="scenario-sources">
      {s.sources.map((src, i) => (
        <li key={i}>
          {webLink(src.url) ? <a href={webLink(src.url)!} target="_blank" rel="noopener noreferrer">{src.title ?? src.url}</a> : (src.title ?? src.url)}
          {src.date && <span className="muted"> ({src.date})</span>}
        </li>
      ))}
    </ul>
  );
}

/** Returns to the base (and its date); it sits right after the scenario shown, so one Tab from applying it reaches it. */
function BackToBase() {
  const simView = useSimViewApi();
  const appStore = useStoreApi();
  return <button type="button" onClick={() => { simView.getState().set({ showBase: false }); backToBase(appStore); }}>Back to base</button>;
}

function ScenarioItem({ s, active }: { s: ScenarioEntry; active: boolean }) {
  const simView = useSimViewApi();
  const appStore = useStoreApi();
  const apply = () => {
    simView.getState().set({ showBase: false, draft: null });
    if (applyScenario(appStore, s).ok) appStore.getState().notify(`Applied "${s.title}". Undo or "Back to base" returns to the document before it.`);
  };
  return (
    <li className={`scenario${active ? ' active' : ''}`}>
      <div className="scenario-row">
        <button type="button" className="scenario-apply" aria-pressed={active} onClick={apply} title={s.description || s.title} aria-describedby={`sd-${s.id}`}>
          {s.title}
        </button>
        {active && <BackToBase />}
        {s.source === 'document' && (
          <button type="button" className="small" aria-label={`Remove the scenario ${s.title}`} onClick={() => removeScenario(appStore, s.id)}>Remove</button>
        )}
      </div>
      <details>
        <summary>Details{s.date ? ` · seen on ${s.date}` : ''}{s.source === 'document' ? ' · yours' : ''}</summary>
        <p id={`sd-${s.id}`} className="scenario-description">{s.description || 'No description.'}</p>
        <p className="muted small-text">{s.ops.length} operation{s.ops.length === 1 ? '' : 's'}.</p>
        <Sources s={s} />
      </details>
    </li>
  );
}

export function ScenariosTab() {
  const doc = useStore((s) => s.doc);
  const datasetId = useStore((s) => s.datasetId);
  const sim = useStore((s) => s.sim);
  const list = scenariosFor(datasetId, doc);
  const base = baseOf(sim, doc);
  const active = sim.scenario;
  const listed = !!active && list.some((s) => s.id === active.id);
  return (
    <div className="sim-tab">
      {active ? (
        <div className="active-scenario" role="status" data-testid="active-scenario">
          <span>Showing <strong>{active.title}</strong></span>
          {!listed && <BackToBase />}
        </div>
      ) : (
        <p className="muted small-text">Each scenario applies its operations to the current document as one undo step.</p>
      )}
      {list.length ? (
        <ul className="scenario-list" aria-label="Scenarios">
          {list.map((s) => <ScenarioItem key={`${s.source}:${s.id}`} s={s} active={active?.id === s.id} />)}
        </ul>
      ) : (
        <p className="muted">No bundled scenarios for this graph. Make a transfer and save it as your own.</p>
      )}
      {base && <DiffView before={base} after={doc} label={active ? `Changes made by ${active.title}` : 'Changes since the document was loaded'} />}
      <SaveScenario />
    </div>
  );
}
