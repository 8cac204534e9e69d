// The drawing kernel's front door: document + analysis + view + positions → the laid-out picture, with no Cytoscape,
// React or DOM. Everything that draws a graph outside the live canvas (SVG and PNG in the app and the CLI, and the
// report, draw.io and GraphML writers) starts here; the canvas feeds Cytoscape the same elements and styles.
//
// API (src/draw/):
//   picture(doc, analysis, positions, view, metrics) → Picture: { elements (ElementDraw[] in drawing order), nodes,
//     edges, bounds (model units, labels included), legend (LegendModel) }. A NodeDraw (drawing.ts) has its centre
//     x/y, box w/h, shape, fill, border, outline and label (font and wrapped lines); an EdgeDraw has its line
//     (geometry.pts, quadratic when geometry.curved), arrows, colour, width, dash and label (text lines at x/y; its box:
//     labelBox(label, metrics), text.ts).
//   toElements(doc, analysis, view) (toElements.ts) → ElementDef[], the element model Cytoscape is fed.
//   layoutPositions / positionsFor (layout.ts): the one ELK layout.
//   styles.ts: the style tables; text.ts: TextMetrics (approxMetrics in Node), wrapLabel; legend.ts: legendModel.
//   labelPlace.ts / edgeLabelLayout.ts: edge-label placement; callouts.ts: callout words; freeSpot.ts, beside.ts.
import type { AnalysisView } from '../analysis';
import { isFloatId, type OwnershipDoc } from '../model';
import type { EdgeDraw, ElementDraw, NodeDraw } from './drawing';
import type { Pt } from './edgeGeometry';
import { drawBounds, drawElements } from './geometry';
import { legendModel, type LegendModel } from './legend';
import type { TextMetrics } from './text';
import { toElements, type ElementDef, type Layers } from './toElements';

/** What the picture shows besides the analysis: the layers drawn, or the very elements (the canvas's, with its marks). */
export interface PictureView {
  layers: Layers;
  /** Elements already made (toElements, decorated by simMarks): drawn as given instead of made from the document. */
  elements?: ElementDef[];
}

export interface Picture {
  /** Edges then nodes, in the order the canvas draws them. */
  elements: ElementDraw[];
  nodes: NodeDraw[];
  edges: EdgeDraw[];
  /** The drawing's box in model units, labels included, with a margin. */
  bounds: { x: number; y: number; width: number; height: number };
  legend: LegendModel;
}

/** Entity id → position, from a map or a record. */
export type PositionsIn = ReadonlyMap<string, Pt> | Readonly<Record<string, Pt>>;

const asMap = (p: PositionsIn): Map<string, Pt> => (p instanceof Map ? (p as Map<string, Pt>) : new Map(Object.entries(p)));

/** The laid-out picture of `doc` under `analysis` and `view`, entities at `positions` (unplaced ones are left out). */
export function picture(doc: OwnershipDoc, analysis: AnalysisView, positions: PositionsIn, view: PictureView, metrics: TextMetrics): Picture {
  const elements = view.elements ?? toElements(doc, analysis, { layers: view.layers });
  const drawn = drawElements(elements, asMap(positions), metrics);
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => (isFloatId(id) ? `Unattributed: ${names.get(id.slice(6)) ?? id.slice(6)}` : (names.get(id) ?? id));
  return {
    elements: drawn,
    nodes: drawn.filter((d): d is NodeDraw => d.group === 'nodes'),
    edges: drawn.filter((d): d is EdgeDraw => d.group === 'edges'),
    bounds: drawBounds(drawn, metrics),
    legend: legendModel(elements, analysis, nameOf),
  };
}
