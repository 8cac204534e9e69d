// Small drawings skip Cytoscape's layered texture cache. That cache paints the whole graph into layer bitmaps of up
// to 4000 × 4000 px at each zoom level, which pays on graphs of thousands of elements but on a graph of a hundred
// costs far more than it saves: making one layer (allocating and clearing the bitmap) took 100–300 ms of one frame
// during a transition on LY in Chromium. Without it, each frame draws every element from its own cached texture
// (Cytoscape's element texture cache), a few ms for such graphs.
import type { Core } from 'cytoscape';

type WithLayers = { renderer?(): { data?: { lyrTxrCache?: { getLayers(...args: unknown[]): unknown } } } | undefined };

/** Makes `cy` draw its elements directly from their textures, never through layer bitmaps (canvas renderer only). */
export function drawWithoutLayers(cy: Core): void {
  const cache = (cy as unknown as WithLayers).renderer?.()?.data?.lyrTxrCache;
  // getLayers returning null is Cytoscape's own fallback path ("no layers: draw the cached elements").
  if (cache) cache.getLayers = () => null;
}
