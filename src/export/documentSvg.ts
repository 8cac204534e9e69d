// The command line's image export: a document as an SVG image — analysed under the view options, entities at their
// saved positions or laid out as the app lays them out (draw/layout.ts), drawn by the kernel with the same caption as
// the app's export (title, date, rule, legend, sources) — with no browser and no mounted canvas (image.ts).
import { analyze, type Rule } from '../analysis';
import type { OwnershipDoc } from '../model';
import { embedCjkFontsNode } from './cjkFontsNode';
import { imageSvg, type Background } from './image';

/** What the picture shows: the view date, the control rule and τ, the background. */
export interface DocImageOptions {
  date?: string;
  rule?: Rule;
  threshold?: number;
  background?: Background;
  /** Makes the SVG carry the CJK font subsets its names need (a file to open anywhere; not for resvg, which is handed the files). */
  embedFonts?: boolean;
}

/** The layers the command line draws: all of them, as the app's default view. */
export const ALL_LAYERS = { holdings: true, agreements: true, dependencies: true };

/** The SVG document of `doc` as the app would export it under `opts`; refuses an empty graph. */
export async function documentSvg(doc: OwnershipDoc, opts: DocImageOptions = {}): Promise<string> {
  if (!doc.entities.length) throw new Error('export/documentSvg: the graph is empty — add an entity first');
  const analysis = analyze(doc, { date: opts.date, rule: opts.rule, threshold: opts.threshold });
  return imageSvg({ doc, analysis, view: { layers: ALL_LAYERS, background: opts.background }, embedFonts: opts.embedFonts ? embedCjkFontsNode : undefined });
}
