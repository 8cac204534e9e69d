// Drawing timings of one app's canvas (createApp() makes them; the canvas writes them), read by the interface's lazy
// loading (ui/lazyPart.ts waits for the first drawing), the benchmark and the e2e tests through window.__explorer.
export interface DrawStats {
  /** performance.now() when the document that was last drawn was committed to the store. */
  lastChangeAt: number;
  /** Start and end of the last element diff applied to Cytoscape. */
  lastApplyStart: number;
  lastApplyEnd: number;
  /** The last frame Cytoscape painted. */
  lastRenderAt: number;
  /** The first frame painted with every entity placed (null until then). */
  firstDrawnAt: number | null;
  /** Whether every entity of the drawn document has a position. */
  placed: boolean;
  nodes: number;
  /** Edges drawn, and of those the ones Cytoscape holds as elements (on big graphs the rest are lines, edgeLayer.ts). */
  edges: number;
  liveEdges: number;
  /** Ids of the elements Cytoscape shows selected. */
  selected: string[];
  applies: number;
  /** Set by a benchmark: then each step on an edit's way to the canvas is recorded in `trace` with its time (see `mark`). */
  tracing: boolean;
  trace: [step: string, at: number][];
}

/** Fresh figures: nothing drawn yet. */
export function createDrawStats(): DrawStats {
  return { lastChangeAt: 0, lastApplyStart: 0, lastApplyEnd: 0, lastRenderAt: 0, firstDrawnAt: null, placed: false, nodes: 0, edges: 0, liveEdges: 0, selected: [], applies: 0, tracing: false, trace: [] };
}

/** Records in `stats` that `step` happened now, when a benchmark traces (a no-op otherwise). */
export function mark(stats: DrawStats, step: string): void {
  if (stats.tracing) stats.trace.push([step, performance.now()]);
}
