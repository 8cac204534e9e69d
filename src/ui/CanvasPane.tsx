// The centre pane: a header strip (compare / focus controls, view controls), the graph, and the legend strip under
// it. Nothing but transient progress ("Laying out…") is ever drawn over the graph.
import { GraphCanvas, isBigDrawing } from '../canvas/GraphCanvas';
import { legendModel, splitLegend } from '../draw/legend';
import { useShown } from '../canvas/useShown';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { edgeLayerModule, loadEdgeLayer } from '../canvas/edgeLayerModule';
import { CalloutsPart, MirrorCanvasPart } from './parts';
import { SimCanvasBar } from './simulate/SimCanvasBar';
import { useCanvas, useRemote, useStore, type Layers } from '../store';
import { useSimView } from '../store/simView';
import { useSplit } from './workspace/useSplit';
import { drawingSize, stackSides, type Size } from './workspace/splitStack';
import { useWorkspace, useWorkspaceApi } from './workspace/workspaceState';
import { isPlaceholder } from '../store/sample';
import { useFocus } from '../canvas/useElements';
import { Legend } from './Legend';
import { namer } from './names';

/** The focus bar loads when a huge graph is drawn in focus mode. */
const FocusBar = lazy(() => import('./FocusBar').then((m) => ({ default: m.FocusBar })));
/** The worker's progress loads when the worker first reports (large graphs). */
const AnalysisStatus = lazy(() => import('./AnalysisStatus').then((m) => ({ default: m.AnalysisStatus })));
/** The split view's left side (fetched after the first drawing, ui/parts.ts). */
const MirrorCanvas = MirrorCanvasPart.Part;
const Callouts = CalloutsPart.Part;

/** The stake thresholds offered (0 = every holding). */
const MIN_STAKES = [0, 1, 3, 5, 10, 25];

const LAYER_LABELS: Record<keyof Layers, string> = { holdings: 'Holdings', agreements: 'Agreements', dependencies: 'Dependencies' };

/** Which edge layers are drawn, and the table under the graph. */
function LayerControls() {
  const layers = useStore((s) => s.view.layers);
  const tableOpen = useStore((s) => s.view.tableOpen);
  const minStake = useStore((s) => s.view.minStake);
  const setView = useStore((s) => s.setView);
  return (
    <div className="view-controls" role="group" aria-label="Layers">
      <label className="min-stake" title="Large groups: hide holdings below this stake; each company whose smaller holders are hidden says how many">
        <select value={minStake} onChange={(e) => setView({ minStake: Number(e.target.value) })} aria-label="Show holdings from" data-testid="min-stake">
          {MIN_STAKES.map((x) => <option key={x} value={x}>{x ? `Holdings ≥ ${x}%` : 'All holdings'}</option>)}
        </select>
      </label>
      {(Object.keys(LAYER_LABELS) as (keyof Layers)[]).map((k) => (
        <button key={k} type="button" className="toggle" aria-pressed={layers[k]} onClick={() => setView({ layers: { ...layers, [k]: !layers[k] } })}>
          {LAYER_LABELS[k]}
        </button>
      ))}
      <button type="button" aria-pressed={tableOpen} onClick={() => setView({ tableOpen: !tableOpen })}>Table</button>
    </div>
  );
}

function ViewControls() {
  const busy = useStore((s) => s.busy);
  const canvasApi = useCanvas().current;
  return (
    <div className="view-controls" role="group" aria-label="View">
      <button type="button" onClick={() => canvasApi()?.fit()} aria-label="Fit the graph to the view" title="Fit">Fit</button>
      <button type="button" onClick={() => canvasApi()?.zoom(1.25)} aria-label="Zoom in" title="Zoom in">+</button>
      <button type="button" onClick={() => canvasApi()?.zoom(0.8)} aria-label="Zoom out" title="Zoom out">−</button>
      <button type="button" onClick={() => void canvasApi()?.relayout()} disabled={!!busy} title="Lay the graph out again (one undo step)">Re-layout</button>
    </div>
  );
}

/** Whether a big drawing can be mounted: its edge layer's module has loaded (started here when one is needed). */
function useEdgeLayer(big: boolean): boolean {
  const [ready, setReady] = useState(() => edgeLayerModule() !== null);
  useEffect(() => {
    if (!big || ready) return;
    let live = true;
    void loadEdgeLayer().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [big, ready]);
  return ready || !big;
}

/** The size of the element `ref` holds, followed as it changes (null until first measured). */
function useSize(ref: RefObject<HTMLElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize((s) => (s && s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

export function CanvasPane() {
  const split = useSplit();
  const sim = useStore((s) => s.sim);
  const draft = useSimView((s) => s.draft);
  const focused = useFocus() !== null;
  const working = useRemote((r) => r.progress !== null || r.error !== null);
  const busy = useStore((s) => s.busy);
  const busyCancel = useStore((s) => s.busyCancel);
  const linkMode = useStore((s) => s.view.linkMode);
  const empty = useStore((s) => s.doc.entities.length === 0);
  // A sample being generated in the worker: nothing to draw until it arrives.
  const waiting = useStore((s) => isPlaceholder(s.doc));
  const { analysis, elements, mode } = useShown(split ? 'after' : 'auto');
  const big = isBigDrawing(elements);
  const layerReady = useEdgeLayer(big);
  const left = useShown('before');
  const right = legendModel(elements, analysis, namer(analysis.doc));
  // The split view's legend explains both sides' colours, and the outline that marks what changed between them.
  const model = split ? splitLegend(legendModel(left.elements, left.analysis, namer(left.analysis.doc)), right) : right;
  const compareDate = useWorkspace((s) => s.compareDate);
  // A click on a side of the split view makes the inspector describe that side.
  const workspace = useWorkspaceApi();
  const tapBefore = useCallback(() => workspace.getState().set({ splitSide: 'before' }), [workspace]);
  const tapAfter = useCallback(() => workspace.getState().set({ splitSide: 'after' }), [workspace]);
  const body = useRef<HTMLDivElement>(null);
  const bodySize = useSize(body);
  // A wide graph in a pane the side panels narrow is drawn bigger with one side above the other.
  const stacked = split && !!bodySize && stackSides(bodySize, drawingSize(elements));
  const [first, second] = stacked ? ['Top', 'bottom'] : ['Left', 'right'];
  const dates = split && !!compareDate;
  const beforeName = dates ? `On ${compareDate}` : draft ? 'Before the transfer' : sim.scenario ? 'Base' : 'As loaded';
  const afterName = dates ? `On ${analysis.options.date}` : draft ? 'Preview — not applied' : sim.scenario ? `Scenario: ${sim.scenario.title}` : 'Edited';
  // Only the first letter is lowered: a scenario's title keeps its names ("scenario: SoftBank buys NAVER out").
  const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const side = dates
    ? `${first}: ${compareDate} · ${second}: ${analysis.options.date}`
    : split
    ? `${first}: ${lowerFirst(beforeName)} · ${second}: ${lowerFirst(afterName)} · ${analysis.options.date}`
    : `${mode === 'base' ? 'Base' : mode === 'preview' ? 'Preview' : 'Shown'}: ${analysis.options.date}`;
  return (
    <div className="canvas-pane">
      <div className="canvas-head">
        <Suspense fallback={null}>{focused && <FocusBar />}</Suspense>
        <SimCanvasBar />
        <Suspense fallback={null}>{working && <AnalysisStatus />}</Suspense>
        <span className="grow" />
        <LayerControls />
        <ViewControls />
      </div>
      <div ref={body} className={`canvas-body${split ? ' split' : ''}${stacked ? ' stacked' : ''}`}>
        {/* The right (or only) side keeps its canvas when the split view opens or closes: only the left side is made. */}
        {split && (
          <div className="graph-side" data-side="before">
            <Suspense fallback={null}>
              <MirrorCanvas onTap={tapBefore} />
            </Suspense>
            <span className="side-label">{beforeName}</span>
          </div>
        )}
        <div className="graph-side" data-side={split ? 'after' : 'only'}>
          {!waiting && layerReady && <GraphCanvas key={big && !split ? 'big' : 'standard'} big={big && !split} side={split ? 'after' : 'auto'} Callouts={Callouts} onTap={split ? tapAfter : undefined} />}
          {split && <span className="side-label">{afterName}</span>}
        </div>
        {busy && <div className="busy" role="status">{busy}{busyCancel && <button type="button" className="busy-cancel" onClick={busyCancel}>Cancel</button>}</div>}
        {linkMode && <div className="canvas-hint" role="status">Add holding: drag from the holder to the entity it holds. Esc to stop.</div>}
        {empty && !busy && <div className="empty-hint">This graph is empty. Add an entity from the inspector.</div>}
      </div>
      <Legend model={model} side={side} split={split} />
    </div>
  );
}
