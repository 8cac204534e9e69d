// The canvas draws Japanese, Korean and Chinese names with the shipped fonts (canvas/cjkFontsBrowser.ts), not empty
// boxes on a machine without a CJK system font: when the drawn labels need them, their subsets are loaded and
// Cytoscape redraws its labels with them. Latin-only documents load nothing.
import { useEffect } from 'react';
import type { Core } from 'cytoscape';
import { needsCjk } from '../export/cjkFonts';
import type { ElementDef } from '../draw/toElements';

/** Loads the CJK subsets the node labels of `elements` need, then redraws `cy`'s labels (once per new need). */
export function useCjkFonts(cy: Core | null, elements: ElementDef[]): void {
  useEffect(() => {
    if (!cy) return;
    const labels = elements.flatMap((e) => (e.group === 'nodes' && needsCjk(e.data.label) ? [e.data.label] : []));
    if (!labels.length) return;
    let live = true;
    void import('./cjkFontsBrowser')
      .then((m) => m.ensureCjkFonts(labels))
      // Cytoscape keeps labels drawn as textures: a style update redraws them in the fonts now loaded.
      .then(() => live && !cy.destroyed() && cy.style().update())
      .catch(() => {}); // a font that fails to load leaves the system's fallback, as before
    return () => {
      live = false;
    };
  }, [cy, elements]);
}
