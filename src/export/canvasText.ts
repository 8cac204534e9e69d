// Browser only: text measured with a canvas, in the fonts the page draws with — canvasMetrics for labels (as Cytoscape
// measures them; the canvas's edge-label layout and the app's image export use it) and canvasMeasure for captions.
import { labelFont, approxMetrics, type LabelFont, type TextMetrics } from '../draw/text';
import { cssFont, type Measure } from './exportText';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
let measuring: Ctx | null | undefined;

function context(): Ctx | null {
  if (measuring === undefined) measuring = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1).getContext('2d') : (globalThis.document?.createElement('canvas').getContext('2d') ?? null);
  return measuring;
}

const lifts = new Map<string, number>();

/** Text metrics from a canvas, as Cytoscape measures labels (calculateLabelDimensions) and places them (baseline "bottom"). */
export const canvasMetrics: TextMetrics = {
  width(text, font: LabelFont) {
    const ctx = context();
    if (!ctx) return approxMetrics.width(text, font);
    ctx.font = labelFont(font);
    return ctx.measureText(text).width;
  },
  baseline(font) {
    const key = labelFont(font), known = lifts.get(key);
    if (known !== undefined) return known;
    const ctx = context();
    if (!ctx) return approxMetrics.baseline(font);
    ctx.font = key;
    // How much the font's descent shrinks from the alphabetic baseline to the bottom one (browsers disagree on the
    // sign of TextMetrics.alphabeticBaseline, not on fontBoundingBoxDescent).
    ctx.textBaseline = 'alphabetic';
    const below = ctx.measureText('Hg').fontBoundingBoxDescent;
    ctx.textBaseline = 'bottom';
    const lift = below - ctx.measureText('Hg').fontBoundingBoxDescent;
    ctx.textBaseline = 'alphabetic';
    const out = Number.isFinite(lift) ? lift : approxMetrics.baseline(font);
    lifts.set(key, out);
    return out;
  },
};

/** A caption Measure backed by a canvas's measureText (the same fonts the export draws with). */
export const canvasMeasure: Measure = (text, font) => {
  const ctx = context();
  if (!ctx) return text.length * font.size * 0.56;
  ctx.font = cssFont(font);
  return ctx.measureText(text).width;
};
