// Pure export of a document as an SVG image — the graph drawn from the document, its analysis and positions, with the
// same caption as the app's export (title, date, rule, legend, sources) — with no browser and no mounted canvas.
// The CLI's `export --to x.svg | x.png` uses it (ARCHITECTURE.md: export is a function of data).
import { analyze, type Rule } from '../analysis';
import { legendModel } from '../canvas/legend';
import { toElements } from '../canvas/toElements';
import type { OwnershipDoc } from '../model';
import { drawBounds, drawElements } from './drawElements';
import { captionContent } from './exportCaption';
import { layoutExport } from './exportLayout';
import { composeSvg } from './exportSvg';
import { graphSvg } from './exportSvgGraph';
import { approxMetrics } from './exportSvgLabel';
import { approxMeasure } from './exportText';
import { positionsFor } from './layoutDoc';

/** What the picture shows: the view date, the control rule and τ, the background. */
export interface DocImageOptions {
  date?: string;
  rule?: Rule;
  threshold?: number;
  background?: 'white' | 'transparent';
}

/** The SVG document of `doc` as the app would export it under `opts`; refuses an empty graph. */
export async function documentSvg(doc: OwnershipDoc, opts: DocImageOptions = {}): Promise<string> {
  if (!doc.entities.length) throw new Error('export/documentSvg: the graph is empty — add an entity first');
  const analysis = analyze(doc, { date: opts.date, rule: opts.rule, threshold: opts.threshold });
  const layers = { holdings: true, agreements: true, dependencies: true };
  const elements = toElements(doc, analysis, { layers });
  const positions = await positionsFor(doc, elements);
  const draws = drawElements(elements, positions, approxMetrics);
  const view = drawBounds(draws, approxMetrics);
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const legend = legendModel(elements, analysis, (id) => names.get(id) ?? id);
  const { date, rule, threshold } = analysis.options;
  const content = captionContent(doc, { date, rule, threshold, layers }, legend);
  const layout = layoutExport(content, { width: view.width, height: view.height }, 1, approxMeasure);
  const graph = graphSvg(draws, view, approxMetrics);
  return composeSvg(layout, graph, { background: opts.background === 'transparent' ? null : '#ffffff', title: content.title });
}
