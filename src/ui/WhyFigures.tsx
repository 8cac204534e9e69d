// "Why this figure": each of the largest look-through stakes in the selected entity as the paths that make it
// (NAVER → A Holdings 50% × A Holdings → LY Corporation 62.50% = 31.25%), strongest first, with loops noted.
// Stakes held only directly explain themselves and are left out. Clicking a line lights its path on the canvas.
import type { AnalysisView, LookThrough } from '../analysis';
import { explainStake } from '../analysis/paths';
import { useSimViewApi } from '../store/simView';

/** 50 → "50%", 62.5 → "62.50%". */
const fmt = (x: number) => (Math.abs(x - Math.round(x)) < 1e-9 ? `${Math.round(x)}%` : `${x.toFixed(2)}%`);

/** How many owners are explained (the first few; explaining one costs a walk of the region between the two). */
const OWNERS = 3;

export function WhyFigures({ id, analysis, lookThrough, nameOf }: { id: string; analysis: AnalysisView; lookThrough: LookThrough; nameOf: (id: string) => string }) {
  const simView = useSimViewApi();
  const light = (paths: string[][], label: string) => simView.getState().set({ lit: { paths, label } });
  // The largest stakes held through others (a direct holding explains itself), ties by id.
  const explained = Object.entries(lookThrough.lookThrough)
    .filter(([owner]) => owner !== id && !owner.startsWith('float:'))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([owner]) => explainStake(analysis, owner, id))
    .filter((x) => x.loops.length || x.paths.some((p) => p.ids.length > 2))
    .slice(0, OWNERS);
  if (!explained.length) return null;
  return (
    <>
      <h4>Why these figures</h4>
      <ul className="why" data-testid="why-figures">
        {explained.map((x) => {
          return (
            <li key={x.owner}>
              <button type="button" className="link why-owner" title="Light these paths on the graph (Esc clears)" onClick={() => light(x.paths.map((p) => p.ids), `${nameOf(x.owner)} in ${nameOf(id)}: ${fmt(x.total)}`)}>
                <strong>{nameOf(x.owner)}: {fmt(x.total)}</strong>
              </button>
              <ul>
                {x.paths.map((p) => {
                  const text = `${p.stakes.map((s, i) => `${nameOf(p.ids[i])} → ${nameOf(p.ids[i + 1])} ${fmt(s)}`).join(' × ')} = ${fmt(p.product)}`;
                  return (
                    <li key={p.ids.join('>')}>
                      <button type="button" className="link why-path" title="Light this path on the graph (Esc clears)" onClick={() => light([p.ids], text)}>{text}</button>
                    </li>
                  );
                })}
                {x.count > x.paths.length && <li className="muted">and {x.count - x.paths.length} weaker paths</li>}
                {x.loops.map((l) => (
                  <li key={l.join('>')} className="muted">
                    Loop on the way: {l.map(nameOf).join(' → ')} (it adds {fmt(Math.max(0, x.total - x.pathSum))} beyond the paths above)
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </>
  );
}
