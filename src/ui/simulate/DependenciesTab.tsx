// The dependency lens (CONTROL-MODEL §5): holdings fade and the provider → client service edges come forward with
// their exposure class (intra-group, co-owner, third party; cross-border); the list gives each one, and what a
// scenario or edit changed against the base.
import { useMemo } from 'react';
import { analyze, describeExposure } from '../../analysis';
import { EXPOSURE_STYLES } from '../../draw/styles';
import { kindLabel } from '../../draw/labels';
import { MAX_SWAP_ENTITIES } from '../../canvas/useShown';
import { useStoreApi, useAnalysis, useStore } from '../../store';
import { baseOf } from '../../store/simState';
import { useSimViewApi, useSimView } from '../../store/simView';
import { namer } from '../names';
import { viewOptions } from './words';

export function DependenciesTab() {
  const simView = useSimViewApi();
  const appStore = useStoreApi();
  const doc = useStore((s) => s.doc);
  const sim = useStore((s) => s.sim);
  const view = useStore((s) => s.view);
  const lens = useSimView((s) => s.lens);
  const analysis = useAnalysis();
  const name = namer(doc);
  const exposure = analysis.dependencies();
  const base = baseOf(sim, doc);
  // Huge graphs are analysed in a worker; the base's exposure would need a second full analysis here.
  const small = doc.entities.length <= MAX_SWAP_ENTITIES;
  const before = useMemo(() => (base && small ? analyze(base, viewOptions(view)).dependencies() : null), [base, view, small]);
  const deps = doc.dependencies ?? [];
  const live = deps.filter((d) => exposure[d.id]);
  const ended = deps.filter((d) => !exposure[d.id]);
  const gone = before ? Object.keys(before).filter((id) => !deps.some((d) => d.id === id)) : [];
  const baseName = base ? namer(base) : name;
  const toggle = () => {
    if (!lens && !view.layers.dependencies) appStore.getState().setView({ layers: { ...view.layers, dependencies: true } });
    simView.getState().set({ lens: !lens });
  };
  return (
    <div className="sim-tab">
      <button type="button" className="toggle lens-toggle" aria-pressed={lens} onClick={toggle}>Dependency lens</button>
      <p className="muted small-text">Holdings fade and each service dependency shows its exposure class. Never part of the control math.</p>
      <ul className="exposure-key" aria-label="Exposure classes">
        {Object.entries(EXPOSURE_STYLES).map(([k, s]) => (
          <li key={k}><span className="key-line" style={{ borderColor: s.color }} /> {k}</li>
        ))}
        <li><span className="key-line dashed" /> cross-border (dashed under the lens)</li>
      </ul>
      <h3>In force on {analysis.options.date}</h3>
      {live.length ? (
        <table className="deps" data-testid="dependency-list">
          <thead><tr><th scope="col">Provider → client</th><th scope="col">Exposure</th></tr></thead>
          <tbody>
            {live.map((d) => {
              const was = before?.[d.id];
              const now = exposure[d.id];
              const changed = before && describeExposure(was ?? null) !== describeExposure(now);
              return (
                <tr key={d.id} className={changed ? 'changed' : ''} data-testid={`dep-${d.id}`}>
                  <td>
                    <button type="button" className="link" onClick={() => appStore.getState().select({ kind: 'dependency', id: d.id })}>{name(d.provider)} → {name(d.client)}</button>
                    <div className="muted small-text">{kindLabel(d.kind)}{d.since ? ` · since ${d.since}` : ''}{d.until ? ` · until ${d.until}` : ''}</div>
                  </td>
                  <td>
                    <span className={`exposure x-${now.exposure}`}>{now.exposure}</span>{now.crossBorder && <span className="exposure cb">cross-border</span>}
                    {changed && <div className="small-text">was {describeExposure(was ?? null)}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted">No dependencies in force on this date.</p>
      )}
      {gone.length > 0 && (
        <>
          <h4>Gone against the base</h4>
          <ul className="small-text" data-testid="dependencies-gone">
            {gone.map((id) => {
              const d = base!.dependencies!.find((x) => x.id === id)!;
              return <li key={id}>{baseName(d.provider)} → {baseName(d.client)} ({kindLabel(d.kind)}): was {describeExposure(before![id])}</li>;
            })}
          </ul>
        </>
      )}
      {ended.length > 0 && (
        <>
          <h4>Not in force on this date</h4>
          <ul className="small-text muted">
            {ended.map((d) => <li key={d.id}>{name(d.provider)} → {name(d.client)} ({kindLabel(d.kind)}{d.since ? `, from ${d.since}` : ''}{d.until ? `, until ${d.until}` : ''})</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
