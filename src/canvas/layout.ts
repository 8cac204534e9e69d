// The layered layout: ELK 'layered' (owners above what they own, or left of it when the canvas is wide and the
// graph deep), compact, loaded lazily so that it stays out of the first-load bundle; entities with no holdings or
// agreements go beside what they act on (beside.ts). Large graphs use the fast placement in analysis/placement.ts.
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { ELK_LIMIT, layeredPositions } from '../analysis/placement';
import type { OwnershipDoc } from '../model';
import { anchorsOf, placeBeside } from './beside';
import { NODE_H, NODE_W } from './stylesheet';
import { elkInputKey, presetPositions, type PositionMap } from './layoutPresets';

let elkReady: Promise<void> | null = null;

/** Loads cytoscape-elk (and elkjs) once, on first use. */
export function loadElk(): Promise<void> {
  return (elkReady ??= import('cytoscape-elk').then((m) => {
    cytoscape.use((m as { default: cytoscape.Ext }).default);
  }));
}

export type Positions = Record<string, { x: number; y: number }>;
export type Direction = 'DOWN' | 'RIGHT';

/**
 * Graphs of up to this many linked entities get ELK's most compact placement; it costs time that grows steeply with
 * size (generated graphs, one direction, Node: 0.3 s at 50 entities, 2 s at 100, 50 s at 300), so larger graphs get
 * the quick one (0.2 s at 100, 1 s at 300; tests/bench/layout.bench.ts).
 */
export const COMPACT_MAX = 60;

/** ELK options for `nodes` linked entities: layered, with room for stake labels between layers; compact when small. */
export function elkOptions(direction: Direction, nodes = 0) {
  const compact = nodes <= COMPACT_MAX;
  return {
    algorithm: 'layered',
    'elk.direction': direction,
    'elk.layered.spacing.nodeNodeBetweenLayers': direction === 'DOWN' ? 30 : 50,
    'elk.spacing.nodeNode': 12,
    'elk.spacing.componentComponent': 30,
    // Network simplex packs the layers narrower than Brandes–Köpf on ownership charts (measured on LY: 1105 vs 1151),
    // and keeping the document's order keeps a hand-made chart's order; both are what makes large graphs slow.
    'elk.layered.nodePlacement.strategy': compact ? 'NETWORK_SIMPLEX' : 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.favorStraightEdges': false,
    'elk.layered.considerModelOrder.strategy': compact ? 'NODES_AND_EDGES' : 'NONE',
    'elk.separateConnectedComponents': true,
  };
}
/** Graphs up to this size are laid out both ways and the one drawn larger on this canvas wins. */
const TRY_BOTH = 120;

/** ELK's positions for `eles` (entity id → position): a preset made for this exact input, else a run of ELK. */
async function elkPositions(cy: Core, eles: cytoscape.Collection, direction: Direction): Promise<PositionMap> {
  const options = elkOptions(direction, eles.nodes().length);
  const key = elkInputKey(cy, eles, options);
  const preset = presetPositions(key);
  if (preset) return preset;
  await loadElk();
  if (cy.destroyed()) return new Map();
  const pos = await runElk(cy, eles, options);
  // Test builds keep what ELK computed, for the preset generator (scripts/layout-presets.ts).
  if (import.meta.env.MODE === 'test') ((globalThis as { __elkRuns?: unknown[] }).__elkRuns ??= []).push({ key, positions: Object.fromEntries([...pos].map(([id, p]) => [id, [p.x, p.y]])) });
  return pos;
}

function runElk(cy: Core, eles: cytoscape.Collection, options: ReturnType<typeof elkOptions>): Promise<PositionMap> {
  return new Promise((resolve) => {
    const layout = eles.layout({ name: 'elk', fit: false, animate: false, nodeDimensionsIncludeLabels: false, elk: options } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      const out: PositionMap = new Map();
      if (!cy.destroyed()) eles.nodes().forEach((n: NodeSingular) => void out.set(n.data('ref'), { ...n.position() }));
      resolve(out);
    });
    layout.run();
  });
}

/** The zoom at which `pos` fits a `w`×`h` canvas (node size included, 30 px margins). */
export function fitZoom(pos: Iterable<{ x: number; y: number }>, w: number, h: number): number {
  let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
  for (const p of pos) { x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y); }
  if (x1 === Infinity) return 1;
  return Math.min((w - 60) / (x2 - x1 + NODE_W), (h - 60) / (y2 - y1 + NODE_H));
}

/** Lays out every entity node of `cy` (ownership and agreement edges) to suit its canvas; returns entity id → position. */
export async function layoutPositions(cy: Core, doc: OwnershipDoc): Promise<Positions> {
  const nodes = cy.nodes('.entity');
  if (nodes.length > ELK_LIMIT) return layeredPositions(doc);
  const edges = cy.edges('.holding, .agreement');
  const linked = nodes.filter((n) => n.connectedEdges('.holding, .agreement').nonempty());
  const loose = new Set<string>(nodes.difference(linked).map((n) => n.data('ref') as string));
  const eles = linked.union(edges);
  const tries: Direction[] = linked.length <= TRY_BOTH ? ['DOWN', 'RIGHT'] : ['DOWN'];
  let best: { zoom: number; pos: Map<string, { x: number; y: number }> } | null = null;
  for (const direction of tries) {
    const pos = linked.nonempty() ? await elkPositions(cy, eles, direction) : new Map<string, { x: number; y: number }>();
    if (cy.destroyed()) return {};
    const anchors = anchorsOf(doc, loose, (id) => pos.has(id));
    for (const [id, p] of placeBeside(pos, anchors, NODE_W, NODE_H, 12)) pos.set(id, p);
    // A small preference for top-down, the way ownership charts are read.
    const zoom = fitZoom(pos.values(), cy.width(), cy.height()) * (direction === 'DOWN' ? 1.08 : 1);
    if (!best || zoom > best.zoom) best = { zoom, pos };
  }
  const out: Positions = Object.create(null); // keyed by entity id (any string)
  for (const [id, p] of best!.pos) out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return out;
}
