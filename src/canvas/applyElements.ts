// Applies element definitions to a Cytoscape instance as a diff by id: add new, remove gone, patch changed.
import type { Core, ElementDefinition } from 'cytoscape';
import type { ElementDef } from '../draw/toElements';

export type Drawn = Map<string, ElementDef>;

function sameData(a: ElementDef['data'], b: ElementDef['data']): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

/** Brings `cy` from `prev` to `next` inside one batch; returns the new map of drawn definitions and counts. */
export function applyElements(cy: Core, prev: Drawn, next: ElementDef[]): { drawn: Drawn; added: number; removed: number; patched: number } {
  const drawn: Drawn = new Map();
  for (const d of next) drawn.set(d.data.id, d);
  const toAdd: ElementDefinition[] = [];
  let removed = 0, patched = 0;
  cy.batch(() => {
    const gone = cy.elements().filter((el) => !drawn.has(el.id()) && !el.hasClass('ghost'));
    removed = gone.length;
    if (removed) cy.remove(gone);
    for (const d of next) {
      const old = prev.get(d.data.id);
      const el = old ? cy.getElementById(d.data.id) : null;
      if (!el || el.empty() || (d.group === 'edges' && (old!.data.source !== d.data.source || old!.data.target !== d.data.target))) {
        if (el && !el.empty()) cy.remove(el);
        toAdd.push(d as ElementDefinition);
        continue;
      }
      let changed = false;
      if (!sameData(old!.data, d.data)) { el.data(d.data); changed = true; }
      if (old!.classes !== d.classes) { el.classes(d.classes); changed = true; }
      if (d.position && !el.grabbed()) {
        const p = el.position();
        if (p.x !== d.position.x || p.y !== d.position.y) { el.position({ ...d.position }); changed = true; }
      }
      if (changed) patched++;
    }
    if (toAdd.length) {
      // Nodes first so that edges find their ends.
      cy.add(toAdd.filter((d) => d.group === 'nodes').map((d) => ({ ...d, position: d.position ? { ...d.position } : { x: 0, y: 0 } })));
      cy.add(toAdd.filter((d) => d.group === 'edges'));
    }
  });
  return { drawn, added: toAdd.length, removed, patched };
}
