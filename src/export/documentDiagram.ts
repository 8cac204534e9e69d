// The diagram of a document as the app and the command line hand it to other editors (draw.io, yEd): drawn from the
// elements, positions and legend the SVG export uses (saved positions kept, the rest laid out), with the caption's
// title and subtitle and the lit path, if any. Runs in Node and in browsers.
import { analyze, type AnalysisView, type Rule } from '../analysis';
import type { LitPath } from '../analysis/litPath';
import { legendModel } from '../canvas/legend';
import { toElements, type ElementDef } from '../canvas/toElements';
import type { OwnershipDoc } from '../model';
import { buildDiagram, type Diagram } from './diagram';
import { drawElements } from './drawElements';
import { captionContent, type CaptionContent } from './exportCaption';
import { approxMetrics } from './exportSvgLabel';
import { positionsFor } from './layoutDoc';

/** The diagram of `elements` (what is drawn of `doc`), under `caption`, with `lit` marked. */
export async function diagramOfElements(doc: OwnershipDoc, elements: ElementDef[], caption: CaptionContent, lit: LitPath | null = null): Promise<Diagram> {
  const positions = await positionsFor(doc, elements);
  return buildDiagram(elements, drawElements(elements, positions, approxMetrics), caption, lit);
}

/** The diagram of `doc` as the app would draw it under the view options (every layer shown). */
export async function documentDiagram(doc: OwnershipDoc, opts: { date?: string; rule?: Rule; threshold?: number; lit?: LitPath | null } = {}): Promise<Diagram> {
  if (!doc.entities.length) throw new Error('export/documentDiagram: the graph is empty — add an entity first');
  const analysis: AnalysisView = analyze(doc, { date: opts.date, rule: opts.rule, threshold: opts.threshold });
  const layers = { holdings: true, agreements: true, dependencies: true };
  const elements = toElements(doc, analysis, { layers });
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const legend = legendModel(elements, analysis, (id) => names.get(id) ?? id);
  const { date, rule, threshold } = analysis.options;
  return diagramOfElements(doc, elements, captionContent(doc, { date, rule, threshold, layers }, legend), opts.lit ?? null);
}
