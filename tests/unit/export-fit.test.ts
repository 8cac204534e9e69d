// Scale fitting against the browsers' canvas limits: the requested scale when it fits, else the largest that does.
import { describe, expect, it } from 'vitest';
import { CANVAS_LIMITS, fitScale, fitsCanvas, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, scaleLabel } from '../../src/export/exportFit';

/** A page of `w` × `h` at 1× plus a caption whose height does not scale below 1× (like layoutExport). */
const page = (w: number, h: number, caption = 200) => (s: number) => ({ width: w * s, height: h * s + caption * Math.max(s, 1) });

describe('fitsCanvas', () => {
  it.each([
    [100, 100, true],
    [MAX_CANVAS_SIDE, 100, true],
    [MAX_CANVAS_SIDE + 1, 100, false],
    [100, MAX_CANVAS_SIDE + 0.5, false],
    [4096, 4096, true],
    [4097, 4096, false],
    [0, 10, false],
  ])('%s × %s → %s', (w, h, ok) => expect(fitsCanvas(w, h)).toBe(ok));
});

describe('fitScale', () => {
  it('keeps the requested scale when the image fits', () => {
    expect(fitScale(page(1200, 800), 2)).toEqual({ scale: 2, width: 2400, height: 2000, reduced: false });
  });

  it.each([
    ['too many pixels', 3000, 2000, 4],
    ['too wide', 20_000, 100, 2],
    ['too tall', 200, 20_000, 3],
    ['both', 30_000, 30_000, 1],
  ])('%s: lowers the scale to the largest hundredth that fits', (_why, w, h, requested) => {
    const r = fitScale(page(w, h), requested)!;
    expect(r.reduced).toBe(true);
    expect(r.scale).toBeLessThan(requested);
    expect(fitsCanvas(r.width, r.height)).toBe(true);
    expect(r.width * r.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(Math.round(r.scale * 100)).toBe(r.scale * 100);
    const next = page(w, h)(r.scale + 0.01);
    expect(fitsCanvas(next.width, next.height)).toBe(false);
  });

  it('is null when even the smallest scale cannot fit', () => {
    expect(fitScale(page(10_000_000, 10_000_000), 2)).toBeNull();
  });

  it('honours other limits (a device with a smaller canvas)', () => {
    const r = fitScale(page(1000, 1000, 0), 4, { side: 2048, area: 2048 * 2048 })!;
    expect(r).toMatchObject({ scale: 2.04, width: 2040, height: 2040, reduced: true });
  });

  it('a requested scale between hundredths is kept when it fits', () => {
    const r = fitScale(page(1000, 1000, 0), 1.234, CANVAS_LIMITS)!;
    expect(r.scale).toBe(1.234);
    expect(r.reduced).toBe(false);
  });

  it('labels scales', () => {
    expect(scaleLabel(2)).toBe('2×');
    expect(scaleLabel(1.3700001)).toBe('1.37×');
  });
});
