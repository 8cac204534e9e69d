// Node only: SVG → PNG with resvg (@resvg/resvg-js, a prebuilt Rust renderer from the npm registry; no browser, no
// download at install). The CLI's PNG export; the app rasterises with its own canvas (canvas/exportImage.ts).
import { Resvg } from '@resvg/resvg-js';
import { cjkFontFiles, svgTexts } from './cjkFontsNode';

/**
 * The PNG of an SVG document at `scale` (1–4), with the system's fonts (sans-serif text falls back to DejaVu Sans)
 * plus the shipped CJK font subsets its Japanese, Korean or Chinese text needs (none for Latin-only text).
 */
export function svgToPng(svg: string, scale = 1): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, fontFiles: cjkFontFiles(svgTexts(svg)), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
  });
  return new Uint8Array(r.render().asPng());
}
