// The layered layout: ELK 'layered', direction DOWN (owners above what they own), loaded lazily so that it stays
// out of the first-load bundle; large graphs fall back to the fast pure placement in analysis/placement.ts.
import cytoscape, { type Core } from 'cytoscape';
import { ELK_LIMIT, layeredPositions } from '../analysis/placement';
import type { OwnershipDoc } from '../model';

let elkReady: Promise<void> | null = null;

/** Loads cytoscape-elk (and elkjs) once, on first use. */
export function loadElk(): Promise<void> {
  return (elkReady ??= import('cytoscape-elk').then((m) => {
    cytoscape.use((m as { default: cytoscape.Ext }).default);
  }));
}

export type Positions = Record<string, { x: number; y: number }>;

/** ELK options: layered, top-down, with room for stake labels between layers. */
export const ELK_OPTIONS = {
  algorithm: 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': 70,
  'elk.spacing.nodeNode': 24,
  'elk.spacing.componentComponent': 40,
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': true,
};

/** Lays out every entity node of `cy` (ownership and agreement edges only) and returns entity id → position. */
export async function layoutPositions(cy: Core, doc: OwnershipDoc): Promise<Positions> {
  const nodes = cy.nodes('.entity');
  if (nodes.length > ELK_LIMIT) return layeredPositions(doc);
  await loadElk();
  if (cy.destroyed()) return {};
  const eles = nodes.union(cy.edges('.holding, .agreement'));
  await new Promise<void>((resolve) => {
    const layout = eles.layout({ name: 'elk', fit: false, animate: false, nodeDimensionsIncludeLabels: false, elk: ELK_OPTIONS } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
  const out: Positions = Object.create(null); // keyed by entity id (any string)
  if (cy.destroyed()) return out;
  nodes.forEach((n) => {
    const p = n.position();
    out[n.data('ref')] = { x: Math.round(p.x), y: Math.round(p.y) };
  });
  return out;
}
