// Focus mode's controls over the canvas: what is shown around whom, more or fewer levels, and how to expand.
import { entityIndex } from '../analysis';
import { useAnalysis, useStore } from '../store';
import { useElements, useFocus } from '../canvas/useElements';

export function FocusBar() {
  const focus = useFocus();
  const analysis = useAnalysis();
  const elements = useElements();
  const setView = useStore((s) => s.setView);
  if (!focus) return null;
  const total = analysis.doc.entities.length;
  const shown = elements.filter((e) => e.group === 'nodes').length;
  // By index, not a scan of the document: this bar renders on every edit of a huge graph.
  const index = entityIndex(analysis.doc);
  const name = (id: string) => analysis.doc.entities[index.get(id) ?? -1]?.name ?? id;
  const around = focus.ids.slice(0, 3).map(name).join(', ') + (focus.ids.length > 3 ? ` and ${focus.ids.length - 3} more` : '');
  const depth = (d: number) => setView({ focus: { ...focus, depth: Math.max(1, Math.min(6, d)) } });
  return (
    <div className="focus-bar" role="status" aria-label="Focus mode">
      <span>
        Focus: <strong>{shown.toLocaleString('en')}</strong> of {total.toLocaleString('en')} entities, {focus.depth} level{focus.depth > 1 ? 's' : ''} around <strong>{around}</strong>. Click a node marked (+n) to expand it; search or the table reach the rest.
      </span>
      <button type="button" onClick={() => depth(focus.depth - 1)} disabled={focus.depth <= 1} aria-label="Fewer levels">−</button>
      <button type="button" onClick={() => depth(focus.depth + 1)} disabled={focus.depth >= 6} aria-label="More levels">+</button>
    </div>
  );
}
