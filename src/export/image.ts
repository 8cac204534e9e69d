// The image writers' stable entry point, for the app, the command line and every later writer: document + analysis +
// view (+ positions) → the SVG document (graph drawn from the kernel's picture, draw/picture.ts, with its caption:
// title, date, rule, legend, sources), or the PNG bytes of it at a scale fitted to the canvas limits, the document
// embedded. Rasterising is the caller's (resvg in Node: rasterize.ts; a canvas in the browser: browserImage.ts).
//
// API: imageSvg(req) → Promise<string>; imagePng(req, { scale, rasterize }) → Promise<PngExport>;
//      imagePage(req) → the page (picture, caption layout, graph SVG) both are made of; ExportError; scaleNotice.
import type { AnalysisView } from '../analysis';
import { embedDoc } from '../io/pngChunk';
import type { OwnershipDoc } from '../model';
import { positionsFor } from '../draw/layout';
import { picture, type Picture, type PictureView, type PositionsIn } from '../draw/picture';
import { approxMetrics, type TextMetrics } from '../draw/text';
import { toElements } from '../draw/toElements';
import { captionContent, type CaptionContent } from './exportCaption';
import { fitScale, scaleLabel } from './exportFit';
import { layoutExport, type ExportLayout } from './exportLayout';
import { composeSvg } from './exportSvg';
import { graphSvg } from './exportSvgGraph';
import { approxMeasure, type Measure } from './exportText';

export type Background = 'white' | 'transparent';

/** What an image shows and how it is measured. */
export interface ImageRequest {
  doc: OwnershipDoc;
  analysis: AnalysisView;
  /** Entity positions; when left out, the document's own, the rest laid out as the app lays them out (draw/layout.ts). */
  positions?: PositionsIn;
  view: PictureView & {
    background?: Background;
    /** What else the reader must know ("Preview of a transfer, not applied"). */
    notes?: string[];
    /** The caption, when the caller has made it (the app's, from its on-screen legend); else made from the picture. */
    caption?: CaptionContent;
  };
  /** Text measurement: a canvas in the browser; the approximation (DejaVu-like widths) in Node. */
  metrics?: TextMetrics;
  measure?: Measure;
  /**
   * Makes the SVG document carry the fonts its text needs (the app: the shipped CJK subsets, cjkFontEmbed.ts), before
   * it is returned or rasterised; left out, the document names its fonts only (the command line hands resvg the files).
   */
  embedFonts?: (svg: string) => Promise<string>;
}

export interface PngExport {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The scale actually used, and whether it is lower than the one asked for. */
  scale: number;
  reduced: boolean;
}

/** A refused export, with a sentence for the user. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

const WHITE = '#ffffff';

/** The page an image is made of: the kernel's picture, its caption laid out at scale 1, and the graph as SVG. */
export interface ImagePage {
  picture: Picture;
  caption: CaptionContent;
  layout: ExportLayout;
  graph: string;
  measure: Measure;
}

/** The picture, caption and page of `req`; an ExportError when there is nothing to draw. */
export async function imagePage(req: ImageRequest): Promise<ImagePage> {
  const { doc, analysis, view } = req;
  const metrics = req.metrics ?? approxMetrics, measure = req.measure ?? approxMeasure;
  const elements = view.elements ?? toElements(doc, analysis, { layers: view.layers });
  if (!elements.some((e) => e.group === 'nodes')) throw new ExportError('There is nothing to export: the graph is empty. Add an entity first.');
  const positions = req.positions ?? (await positionsFor(doc, elements));
  const pic = picture(doc, analysis, positions, { ...view, elements }, metrics);
  const { date, rule, threshold } = analysis.options;
  const caption = view.caption ?? captionContent(doc, { date, rule, threshold, layers: view.layers, notes: view.notes }, pic.legend);
  const { bounds } = pic;
  const layout = layoutExport(caption, { width: bounds.width, height: bounds.height }, 1, measure);
  return { picture: pic, caption, layout, graph: graphSvg(pic.elements, bounds, metrics), measure };
}

/** The SVG document of `req` (vector; `scale` sets its displayed size). */
export async function imageSvg(req: ImageRequest, scale = 1): Promise<string> {
  const page = await imagePage(req);
  const svg = composeSvg(page.layout, page.graph, { background: req.view.background === 'transparent' ? null : WHITE, title: page.caption.title, scale });
  return req.embedFonts ? req.embedFonts(svg) : svg;
}

/** Rasterises an SVG document to PNG bytes of `width` × `height` pixels. */
export type Rasterize = (svg: string, width: number, height: number) => Promise<Uint8Array>;

/**
 * The PNG of `req` at the largest scale up to `scale` whose whole image fits the canvas limits, with `req.doc` embedded
 * (open or drop the file to edit the graph again). The page is the SVG's, drawn `scale` times larger.
 */
export async function imagePng(req: ImageRequest, opts: { scale: number; rasterize: Rasterize }): Promise<PngExport> {
  const page = await imagePage(req);
  const { width: gw, height: gh } = page.picture.bounds;
  const at = (s: number) => layoutExport(page.caption, { width: Math.max(1, Math.floor(gw * s)), height: Math.max(1, Math.floor(gh * s)) }, s, page.measure);
  const fit = fitScale(at, opts.scale);
  if (!fit) throw new ExportError(`This graph is too large to draw as one image (${gw.toLocaleString('en')} × ${gh.toLocaleString('en')} px at 1×). Export it as SVG, or save the file instead.`);
  const width = Math.max(1, Math.round(page.layout.width * fit.scale)), height = Math.max(1, Math.round(page.layout.height * fit.scale));
  const svg = composeSvg(page.layout, page.graph, { background: req.view.background === 'transparent' ? null : WHITE, title: page.caption.title, scale: fit.scale });
  const png = await opts.rasterize(req.embedFonts ? await req.embedFonts(svg) : svg, width, height);
  return { bytes: embedDoc(png, req.doc), width, height, scale: fit.scale, reduced: fit.reduced };
}

/** "Exported at 2×." or, when lowered, why. */
export function scaleNotice(requested: number, r: { scale: number; reduced: boolean; width: number; height: number }): string {
  const size = `${r.width.toLocaleString('en')} × ${r.height.toLocaleString('en')} px`;
  return r.reduced
    ? `The image was exported at ${scaleLabel(r.scale)} instead of ${scaleLabel(requested)} (${size}): larger images exceed what browsers can draw.`
    : `Exported at ${scaleLabel(r.scale)} (${size}).`;
}
