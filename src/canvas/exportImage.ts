// Image export as a function of the Cytoscape instance and the document (ARCHITECTURE.md, like excalidraw's
// exportToCanvas): the whole graph as a PNG carrying the document, or as an SVG, each with its caption.
import type { Collection, Core } from 'cytoscape';
import { embedDoc } from '../io';
import type { OwnershipDoc } from '../model';
import type { CaptionContent } from '../export/exportCaption';
import { canvasMeasure, drawItems } from './exportDraw';
import { fitScale, scaleLabel } from '../export/exportFit';
import { layoutExport, type ExportLayout } from '../export/exportLayout';
import { composeSvg } from '../export/exportSvg';
import { graphSvg } from '../export/exportSvgGraph';
import { canvasMetrics, readGraph } from './exportSvgRead';

export type Background = 'white' | 'transparent';

export interface ImageOptions {
  /** Requested scale (1–4); lowered when the image would exceed the canvas limits. */
  scale: number;
  background: Background;
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

/**
 * Runs `fn` with the canvas as an export should show it: no selection outline, no hover, and every label drawn whatever
 * the current zoom (Cytoscape skips text below `min-zoomed-font-size` at the viewport's zoom, even when exporting).
 * Everything is restored before the next frame, so the screen never shows the change.
 */
function asExported<T>(cy: Core, fn: () => T): T {
  const selected = cy.$(':selected');
  // A label shown because its edge is hovered (edgeLabels.ts) is not part of the picture.
  const peeking = cy.edges('.label-peek').removeClass('label-peek');
  const renderer = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
  // Without transitions while unselected: a transition would hold the outline at its selected width (a style bypass)
  // for the SVG renderer to read, and would replay the outline's appearance on screen afterwards.
  selected.style('transition-duration', 0);
  selected.unselect();
  renderer.eleTextBiggerThanMin = () => true;
  try {
    return fn();
  } finally {
    delete renderer.eleTextBiggerThanMin;
    selected.select();
    selected.removeStyle('transition-duration');
    peeking.addClass('label-peek');
  }
}

/** The graph's drawn box at scale 1 (labels included): its top left corner and size; refuses an empty graph. */
function graphBounds(cy: Core): { x: number; y: number; w: number; h: number } {
  if (cy.nodes('.entity').empty()) throw new ExportError('There is nothing to export: the graph is empty. Add an entity first.');
  // The same elements and box that cy.png({ full: true }) measures, so the layout matches the picture it makes.
  const bb = (cy as Core & { mutableElements(): Collection }).mutableElements().boundingBox();
  return { x: bb.x1, y: bb.y1, w: Math.max(1, Math.ceil(bb.w)), h: Math.max(1, Math.ceil(bb.h)) };
}

/** The page at `scale`: the graph picture as Cytoscape will make it (its canvas truncates to whole pixels) and the caption. */
function layoutAt(bounds: { w: number; h: number }, content: CaptionContent, scale: number): ExportLayout {
  return layoutExport(content, { width: Math.max(1, Math.floor(bounds.w * scale)), height: Math.max(1, Math.floor(bounds.h * scale)) }, scale, canvasMeasure);
}

/** The largest scale up to `requested` whose whole image fits the canvas limits. */
function fittedLayout(bounds: { w: number; h: number }, content: CaptionContent, requested: number) {
  const fit = fitScale((s) => layoutAt(bounds, content, s), requested);
  if (!fit) {
    throw new ExportError(`This graph is too large to draw as one image (${bounds.w.toLocaleString('en')} × ${bounds.h.toLocaleString('en')} px at 1×). Export it as SVG, or save the file instead.`);
  }
  return { fit, layout: layoutAt(bounds, content, fit.scale) };
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b && b.size > 0 ? resolve(b) : reject(new ExportError('The browser could not encode the image (it may be out of memory). Try a smaller scale.'))), 'image/png'),
  );
}

/**
 * Exports the whole graph (not just the viewport) as a PNG at the largest scale up to `opts.scale` that fits the canvas
 * limits, with the caption below it and `doc` embedded (open or drop the file to edit the graph again).
 * Cytoscape renders through `blob-promise`, so the page keeps responding while the image is encoded.
 */
export async function exportPng(cy: Core, doc: OwnershipDoc, content: CaptionContent, opts: ImageOptions): Promise<PngExport> {
  const bounds = graphBounds(cy);
  const { fit, layout } = fittedLayout(bounds, content, opts.scale);
  const bg = opts.background === 'white' ? WHITE : undefined;
  const graphPng = await asExported(cy, () =>
    cy.png({ output: 'blob-promise', full: true, scale: fit.scale, maxWidth: layout.graph.width, maxHeight: layout.graph.height, ...(bg ? { bg } : {}) }),
  );
  const picture = await createImageBitmap(graphPng);
  try {
    const canvas = document.createElement('canvas');
    canvas.width = layout.width;
    canvas.height = layout.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ExportError(`The browser refused a ${layout.width} × ${layout.height} px canvas. Try a smaller scale.`);
    if (bg) {
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, layout.width, layout.height);
    }
    ctx.drawImage(picture, layout.graph.x, layout.graph.y);
    drawItems(ctx, layout.items, layout.unit);
    const png = new Uint8Array(await (await toBlob(canvas)).arrayBuffer());
    canvas.width = canvas.height = 0; // frees the pixels now rather than at the next collection
    return { bytes: embedDoc(png, doc), width: layout.width, height: layout.height, scale: fit.scale, reduced: fit.reduced };
  } finally {
    picture.close();
  }
}

/**
 * Exports the whole graph as an SVG document with the same caption as the PNG: the graph drawn by our own renderer
 * from what Cytoscape shows (exportSvgRead → exportSvgGraph), every text XML-escaped.
 */
export async function exportSvg(cy: Core, content: CaptionContent, opts: ImageOptions): Promise<string> {
  const bounds = graphBounds(cy);
  const layout = layoutAt(bounds, content, 1);
  const view = { x: bounds.x, y: bounds.y, width: layout.graph.width, height: layout.graph.height };
  const graph = asExported(cy, () => graphSvg(readGraph(cy, canvasMetrics), view, canvasMetrics));
  return composeSvg(layout, graph, { background: opts.background === 'white' ? WHITE : null, title: content.title, scale: opts.scale });
}

/** "Exported at 2×." or, when lowered, why. */
export function scaleNotice(requested: number, r: { scale: number; reduced: boolean; width: number; height: number }): string {
  const size = `${r.width.toLocaleString('en')} × ${r.height.toLocaleString('en')} px`;
  return r.reduced
    ? `The image was exported at ${scaleLabel(r.scale)} instead of ${scaleLabel(requested)} (${size}): larger images exceed what browsers can draw.`
    : `Exported at ${scaleLabel(r.scale)} (${size}).`;
}
