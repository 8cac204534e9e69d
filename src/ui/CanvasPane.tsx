// The centre pane: the graph, its legend, an overlay while a layout runs, and a hint in "add holding" mode.
import { GraphCanvas, isBigDrawing } from '../canvas/GraphCanvas';
import { legendModel } from '../canvas/legend';
import { useShown } from '../canvas/useShown';
import { useStore } from '../store';
import { isPlaceholder } from '../store/sample';
import { AnalysisStatus } from './AnalysisStatus';
import { FocusBar } from './FocusBar';
import { Legend } from './Legend';
import { namer } from './names';
import { SimCanvasBar } from './simulate/SimCanvasBar';

export function CanvasPane() {
  const busy = useStore((s) => s.busy);
  const linkMode = useStore((s) => s.view.linkMode);
  const empty = useStore((s) => s.doc.entities.length === 0);
  // A sample being generated in the worker: nothing to draw until it arrives.
  const waiting = useStore((s) => isPlaceholder(s.doc));
  const { analysis, elements } = useShown();
  const big = isBigDrawing(elements);
  const model = legendModel(elements, analysis, namer(analysis.doc));
  return (
    <div className="canvas-pane">
      {!waiting && <GraphCanvas key={big ? 'big' : 'standard'} big={big} />}
      <Legend model={model} />
      <FocusBar />
      <SimCanvasBar />
      <AnalysisStatus />
      {busy && <div className="busy" role="status">{busy}</div>}
      {linkMode && <div className="canvas-hint" role="status">Add holding: drag from the holder to the entity it holds. Esc to stop.</div>}
      {empty && !busy && <div className="empty-hint">This graph is empty. Add an entity from the panel on the right.</div>}
    </div>
  );
}
