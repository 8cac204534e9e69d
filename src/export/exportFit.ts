// Pure: the largest export scale whose image fits the browsers' canvas limits, so an export is never silently blank.

/** Longest canvas side browsers draw (Chromium and Firefox: 32,767 px; larger canvases come out empty). */
export const MAX_CANVAS_SIDE = 32_767;
/** Most pixels a canvas may hold on the strictest devices (iOS Safari: 4096 × 4096 = 16.7 million). */
export const MAX_CANVAS_AREA = 16_777_216;
/** The scales offered for PNG export, and the default. */
export const EXPORT_SCALES = [1, 2, 3, 4] as const;
export const DEFAULT_EXPORT_SCALE = 2;
/** Below this scale an export is refused: the picture would be a grey smudge. */
export const MIN_EXPORT_SCALE = 0.02;

export interface CanvasLimits {
  side: number;
  area: number;
}

export const CANVAS_LIMITS: CanvasLimits = { side: MAX_CANVAS_SIDE, area: MAX_CANVAS_AREA };

export interface ScaleFit {
  /** The scale to use (≤ the requested one). */
  scale: number;
  width: number;
  height: number;
  /** Whether the requested scale had to be lowered to fit. */
  reduced: boolean;
}

/** Whether an image of `w` × `h` pixels (rounded up) fits `limits`. */
export function fitsCanvas(w: number, h: number, limits: CanvasLimits = CANVAS_LIMITS): boolean {
  const W = Math.ceil(w), H = Math.ceil(h);
  return W >= 1 && H >= 1 && W <= limits.side && H <= limits.side && W * H <= limits.area;
}

/**
 * The largest scale ≤ `requested` (to 1/100) at which `sizeAt(scale)` — the whole image in pixels, graph and caption —
 * fits `limits`; null when even MIN_EXPORT_SCALE does not fit. `sizeAt` must grow with the scale.
 */
export function fitScale(sizeAt: (scale: number) => { width: number; height: number }, requested: number, limits: CanvasLimits = CANVAS_LIMITS): ScaleFit | null {
  const at = (scale: number) => {
    const { width, height } = sizeAt(scale);
    return { scale, width: Math.ceil(width), height: Math.ceil(height) };
  };
  const full = at(requested);
  if (fitsCanvas(full.width, full.height, limits)) return { ...full, reduced: false };
  // Binary search over hundredths of a unit of scale: fits(lo) holds, fits(hi) does not.
  let lo = Math.round(MIN_EXPORT_SCALE * 100), hi = Math.floor(requested * 100);
  const fits = (n: number) => {
    const r = at(n / 100);
    return fitsCanvas(r.width, r.height, limits);
  };
  if (!fits(lo)) return null;
  if (fits(hi)) return { ...at(hi / 100), reduced: true }; // requested was not a whole hundredth
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return { ...at(lo / 100), reduced: true };
}

/** "2×", "1.37×". */
export function scaleLabel(scale: number): string {
  return `${Number(scale.toFixed(2))}×`;
}
