// The canvas draws Japanese, Korean and Chinese names with the shipped fonts (canvas/cjkFontsBrowser.ts), not empty
// boxes on a machine without a CJK system font: when the drawn names need subsets not loaded yet, those are loaded
// and the names are drawn again with them. Latin-only documents load nothing.
import { useEffect } from 'react';
import type { Core, NodeCollection } from 'cytoscape';
import { FONT_FAMILY } from '../draw/styles';
import { isCjk, needsCjk } from '../export/cjkFonts';
import type { ElementDef } from '../draw/toElements';

/** CJK characters whose subsets this page has loaded (the browser keeps a loaded face for the page's life). */
const loaded = new Set<string>();

/**
 * The same font list spelt differently (a generic family again at its end changes nothing drawn). Cytoscape keeps each
 * label's measurements and drawn texture under a key of its text and font: a loaded web font changes neither, so
 * `cy.style().update()` would redraw the old boxes. Switching a name between the two spellings makes a new key.
 */
const RESPELT = `${FONT_FAMILY}, sans-serif`;

/** Draws the names of `nodes` again: measured and rasterised anew, with the fonts loaded now. */
export function redrawNames(cy: Core, nodes: NodeCollection): void {
  cy.batch(() => nodes.forEach((n) => void n.style('font-family', n.style('font-family') === RESPELT ? FONT_FAMILY : RESPELT)));
}

/** The CJK characters of `labels` not loaded yet. */
function missing(labels: string[]): string[] {
  const out = new Set<string>();
  for (const l of labels) for (const ch of l) if (isCjk(ch.codePointAt(0)!) && !loaded.has(ch)) out.add(ch);
  return [...out];
}

/** Loads the CJK subsets the node names of `elements` need, then draws `cy`'s CJK names again (once per new need). */
export function useCjkFonts(cy: Core | null, elements: ElementDef[]): void {
  useEffect(() => {
    if (!cy) return;
    const labels = elements.flatMap((e) => (e.group === 'nodes' && needsCjk(e.data.label) ? [e.data.label] : []));
    const chars = missing(labels);
    if (!chars.length) return;
    let live = true;
    void import('./cjkFontsBrowser')
      .then((m) => m.ensureCjkFonts(labels))
      .then(() => {
        for (const ch of chars) loaded.add(ch);
        if (!live || cy.destroyed()) return;
        redrawNames(cy, cy.nodes().filter((n) => needsCjk(String(n.data('label') ?? ''))));
      })
      .catch(() => {}); // a font that fails to load leaves the system's fallback, as before
    return () => {
      live = false;
    };
  }, [cy, elements]);
}
