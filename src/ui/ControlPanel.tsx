// Control of the selected entity, live: status, parent, ultimate controllers, the worded explanation, look-through
// and ultimate owners (bar charts), and the voting game on it (Banzhaf, Shapley–Shubik, veto players).
import { POWER_NOTE } from './powerWords';
import type { AnalysisView } from '../analysis';
import { ruleLabel } from '../analysis';
import { lazy, Suspense } from 'react';
import { useSimViewApi } from '../store/simView';
import { controlChain } from '../analysis/litPath';
import { BarChart } from './BarChart';
import { listNames, sentence } from './names';

/** The paths behind a figure (graphology) load with the first entity shown. */
const WhyFigures = lazy(() => import('./WhyFigures').then((m) => ({ default: m.WhyFigures })));

const STATUS_TEXT = { independent: 'Independent', controlled: 'Controlled', joint: 'Jointly controlled', circular: 'Circular control' } as const;

/** Controllers of `entity`: clicking one lights the chain of control from it down to the entity. */
function ControllerLinks({ entity, ids, analysis, nameOf }: { entity: string; ids: string[]; analysis: AnalysisView; nameOf: (id: string) => string }) {
  const simView = useSimViewApi();
  if (!ids.length) return <span className="muted">none</span>;
  const light = (id: string) => {
    const chain = controlChain(analysis.control, entity, id) ?? [id, entity];
    simView.getState().set({ lit: { paths: [chain], label: chain.map(nameOf).join(' → ') } });
  };
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && (i === ids.length - 1 ? ' and ' : ', ')}
          <button type="button" className="link" title="Light the chain of control on the graph (Esc clears)" onClick={() => light(id)}>{nameOf(id)}</button>
        </span>
      ))}
    </>
  );
}

/** A bar's label, saying when (part of) its figure comes from a declared indirect interest (CONTROL-MODEL). */
function declaredLabel(name: string, declared: number | undefined, value: number): string {
  if (!declared) return name;
  return Math.abs(declared - value) < 0.005 ? `${name} (declared indirect)` : `${name} (${declared.toFixed(2)}% declared indirect)`;
}

export function ControlPanel({ id, analysis, nameOf }: { id: string; analysis: AnalysisView; nameOf: (id: string) => string }) {
  const simView = useSimViewApi();
  const c = analysis.control.get(id);
  if (!c) return null;
  const lt = analysis.lookThrough(id);
  const power = analysis.power(id);
  const veto = power.filter((p) => p.veto).map((p) => nameOf(p.id));
  // An ultimate owner's paths (paths.ts loads graphology, so it comes on first use); a remainder has none.
  const lightStake = async (owner: string) => {
    if (owner.startsWith('float:')) return;
    const { explainStake } = await import('../analysis/paths');
    const x = explainStake(analysis, owner, id);
    if (x.paths.length) simView.getState().set({ lit: { paths: x.paths.map((p) => p.ids), label: `${nameOf(owner)} in ${nameOf(id)}: ${x.total.toFixed(2)}%` } });
  };
  return (
    <section className="panel-section control" aria-labelledby="control-h">
      <h3 id="control-h">Control <span className="muted small-text">({ruleLabel(analysis.options.rule, analysis.options.threshold)}, on {analysis.options.date})</span></h3>
      <dl className="facts" data-testid="control-facts">
        <dt>Status</dt>
        <dd><span className={`badge s-${c.status}`} data-testid="status">{STATUS_TEXT[c.status]}</span></dd>
        <dt>{c.status === 'joint' ? 'Joint controllers' : 'Parent'}</dt>
        <dd data-testid="parent"><ControllerLinks entity={id} ids={c.parent} analysis={analysis} nameOf={nameOf} /></dd>
        <dt>Ultimately controlled by</dt>
        <dd data-testid="ultimate">
          <ControllerLinks entity={id} ids={c.ultimate} analysis={analysis} nameOf={nameOf} />
          {c.ultimateDeclared && <span className="muted small-text" data-testid="ultimate-declared"> (by a declared indirect interest)</span>}
        </dd>
      </dl>
      <h4>Why</h4>
      <ol className="explain" data-testid="explain">
        {analysis.explain(id).map((line, i) => <li key={i}>{line}</li>)}
      </ol>
      <h4>Look-through owners</h4>
      {'loop' in lt ? (
        <p className="warning">Unavailable: {listNames(lt.loop.map(nameOf))} own 100% of each other (a closed ownership loop).</p>
      ) : (
        <>
          <BarChart label="Look-through stakes" rows={Object.entries(lt.lookThrough).map(([k, v]) => ({ key: k, label: declaredLabel(nameOf(k), lt.declared?.[k], v), value: v }))} />
          <Suspense fallback={null}>
            <WhyFigures id={id} analysis={analysis} lookThrough={lt} nameOf={nameOf} />
          </Suspense>
          <h4>Ultimate owners</h4>
          <BarChart
            label="Ultimate owners" rows={Object.entries(lt.ultimateOwners).map(([k, v]) => ({ key: k, label: declaredLabel(nameOf(k), lt.declared?.[k], v), value: v }))}
            pickTitle="Light the paths that make this stake on the graph (Esc clears)"
            onPick={(owner) => void lightStake(owner)}
          />
        </>
      )}
      {power.length > 0 && (
        <>
          <h4>Voting power in {nameOf(id)}</h4>
          <table className="power" aria-label={`Voting power of the blocks in ${nameOf(id)}`}>
            <thead>
              <tr><th scope="col">Block</th><th scope="col">Votes</th><th scope="col" title="Share of winning coalitions the block turns into losing ones by leaving">Banzhaf</th><th scope="col" title="Share of joining orders in which the block's votes make the majority">Shapley–Shubik</th><th scope="col">Veto</th></tr>
            </thead>
            <tbody>
              {power.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{nameOf(p.id)}</th>
                  <td>{p.weight.toFixed(2)}%</td>
                  <td>{p.banzhaf.toFixed(3)}</td>
                  <td>{p.shapleyShubik === null ? '—' : p.shapleyShubik.toFixed(3)}</td>
                  <td>{p.veto ? 'yes' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small-text">{veto.length ? sentence(`Veto players: ${listNames(veto)}`) : 'No block can veto alone.'}</p>
          <p className="small-text muted" data-testid="power-note">{POWER_NOTE}</p>
        </>
      )}
    </section>
  );
}
