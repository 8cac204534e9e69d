// The one layout, for the app and the command line alike: a pure function of the document, its drawn elements
// (toElements) and the canvas's shape → entity id → position. The entities linked by holdings and agreements (the
// edges laid out, decided here once) go to ELK 'layered' (elkjs, loaded on first use), owners above what they own or
// left of it — both directions are tried on graphs up to TRY_BOTH linked entities and the one drawn larger on the
// canvas wins, with a small preference for top-down; entities with neither (regulators, say) go beside what they act
// on (beside.ts). Graphs past ELK_LIMIT get the fast layered placement (analysis/placement.ts). A preset made for the
// exact same ELK input (layoutPresets.ts) stands in for running ELK. Node sizes are the drawn boxes, border included.
//
// API: layoutPositions(doc, elements, shape) → Positions (every drawn entity, laid out afresh);
//      positionsFor(doc, elements, shape) → what a drawing uses: saved positions, the rest placed near (placeNear)
//      when some are saved, else layoutPositions; elkOptions(direction, n); fitZoom(positions, w, h).
import { ELK_LIMIT, layeredPositions, placeNear } from '../analysis/placement';
import type { OwnershipDoc } from '../model';
import { anchorsOf, placeBeside } from './beside';
import { heightOf } from './geometry';
import { elkInputKey, presetPositions, type PositionMap } from './layoutPresets';
import { NODE_H, NODE_W, STATUS_STYLES } from './styles';
import type { ElementDef } from './toElements';
import type { Status } from '../analysis';

export type Positions = Record<string, { x: number; y: number }>;
export type Direction = 'DOWN' | 'RIGHT';
/** The canvas the drawing is fitted to, in CSS pixels (the command line passes a page's shape). */
export interface CanvasShape { width: number; height: number }

/** The shape the command line lays out for: a landscape page the size of a laptop's canvas. */
export const PAGE_SHAPE: CanvasShape = { width: 1280, height: 800 };

/**
 * Graphs of up to this many linked entities get ELK's most compact placement; it costs time that grows steeply with
 * size (generated graphs, one direction, Node: 0.3 s at 50 entities, 2 s at 100, 50 s at 300), so larger graphs get
 * the quick one (0.2 s at 100, 1 s at 300; tests/bench/layout.bench.ts).
 */
export const COMPACT_MAX = 60;

/** Graphs up to this size are laid out both ways and the one drawn larger on this canvas wins. */
const TRY_BOTH = 120;

/** The edges the layout follows: holdings and agreements (relations and dependencies are drawn, not laid out). */
const LAID_OUT = /\b(holding|agreement)\b/;

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

/** The zoom at which `pos` fits a `w`×`h` canvas (node size included, 30 px margins). */
export function fitZoom(pos: Iterable<{ x: number; y: number }>, w: number, h: number): number {
  let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
  for (const p of pos) { x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y); }
  if (x1 === Infinity) return 1;
  return Math.min((w - 60) / (x2 - x1 + NODE_W), (h - 60) / (y2 - y1 + NODE_H));
}

/** A node as ELK sees it: its element id, entity id, and drawn size (the border's full width added, as Cytoscape's layout dimensions). */
interface LayoutNode { id: string; ref: string; w: number; h: number }
interface LayoutEdge { id: string; source: string; target: string }

const statusOf = (el: ElementDef) => el.classes.split(' ').find((c) => c.startsWith('s-'))?.slice(2) as Status | undefined;

function layoutNode(el: ElementDef): LayoutNode {
  const border = STATUS_STYLES[statusOf(el) ?? 'independent']?.borderWidth ?? 0;
  return { id: el.data.id, ref: String(el.data.ref), w: NODE_W + border, h: heightOf(el) + border };
}

/** How many connected components `nodes` and `edges` make. */
function components(nodes: LayoutNode[], edges: LayoutEdge[]): number {
  const parent = new Map(nodes.map((n) => [n.id, n.id]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  let count = nodes.length;
  for (const e of edges) {
    const a = find(e.source), b = find(e.target);
    if (a !== b) {
      parent.set(a, b);
      count--;
    }
  }
  return count;
}

let elkModule: Promise<typeof import('elkjs/lib/elk.bundled.js')> | null = null;

/** ELK's positions (entity id → centre) for `nodes` linked by `edges`: a preset made for this exact input, else a run of ELK. */
async function elkPositions(nodes: LayoutNode[], edges: LayoutEdge[], direction: Direction, shape: CanvasShape): Promise<PositionMap> {
  const options = elkOptions(direction, nodes.length);
  const aspect = components(nodes, edges) > 1 ? shape.width / shape.height : null;
  const key = elkInputKey(nodes.map((n) => [n.id, n.w, n.h]), edges.map((e) => [e.id, e.source, e.target]), options, aspect);
  const preset = presetPositions(key);
  if (preset) return preset;
  const { default: ELK } = await (elkModule ??= import('elkjs/lib/elk.bundled.js'));
  // The input cytoscape-elk gave ELK when the app ran it through Cytoscape, so the presets and earlier layouts still hold.
  const graph = await new ELK().layout({
    id: 'root',
    layoutOptions: { aspectRatio: String(shape.width / shape.height), ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])) },
    children: nodes.map((n) => ({ id: n.id, x: -n.w / 2, y: -n.h / 2, width: n.w, height: n.h })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const refOf = new Map(nodes.map((n) => [n.id, n]));
  const out: PositionMap = new Map();
  for (const c of graph.children ?? []) {
    const n = refOf.get(c.id)!;
    out.set(n.ref, { x: (c.x ?? 0) + n.w / 2, y: (c.y ?? 0) + n.h / 2 });
  }
  // Test builds keep what ELK computed, for the preset generator (scripts/layout-presets.ts).
  if (import.meta.env?.MODE === 'test') ((globalThis as { __elkRuns?: unknown[] }).__elkRuns ??= []).push({ key, positions: Object.fromEntries([...out].map(([id, p]) => [id, [p.x, p.y]])) });
  return out;
}

/** Every drawn entity of `elements` laid out afresh to suit a canvas of `shape` (entity id → position, whole units). */
export async function layoutPositions(doc: OwnershipDoc, elements: readonly ElementDef[], shape: CanvasShape): Promise<Positions> {
  const entityNodes = elements.filter((e) => e.group === 'nodes' && e.data.kind === 'entity');
  if (entityNodes.length > ELK_LIMIT) return layeredPositions(doc);
  const ids = new Set(entityNodes.map((n) => n.data.id));
  const edges: LayoutEdge[] = elements
    .filter((e) => e.group === 'edges' && LAID_OUT.test(e.classes) && ids.has(String(e.data.source)) && ids.has(String(e.data.target)))
    .map((e) => ({ id: e.data.id, source: String(e.data.source), target: String(e.data.target) }));
  const linkedIds = new Set(edges.flatMap((e) => [e.source, e.target]));
  const linked = entityNodes.filter((n) => linkedIds.has(n.data.id)).map(layoutNode);
  const loose = new Set(entityNodes.filter((n) => !linkedIds.has(n.data.id)).map((n) => String(n.data.ref)));
  const tries: Direction[] = linked.length <= TRY_BOTH ? ['DOWN', 'RIGHT'] : ['DOWN'];
  let best: { zoom: number; pos: PositionMap } | null = null;
  for (const direction of tries) {
    const pos = linked.length ? await elkPositions(linked, edges, direction, shape) : new Map<string, { x: number; y: number }>();
    const anchors = anchorsOf(doc, loose, (id) => pos.has(id));
    for (const [id, p] of placeBeside(pos, anchors, NODE_W, NODE_H, 12)) pos.set(id, p);
    // A small preference for top-down, the way ownership charts are read.
    const zoom = fitZoom(pos.values(), shape.width, shape.height) * (direction === 'DOWN' ? 1.08 : 1);
    if (!best || zoom > best.zoom) best = { zoom, pos };
  }
  const out: Positions = Object.create(null); // keyed by entity id (any string)
  for (const [id, p] of best!.pos) out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return out;
}

/**
 * The positions a drawing of `doc` uses: every entity's saved one when all are saved; when only some are, the others
 * placed near what they are linked to (as the app places an entity added without one); when none are, the layout.
 */
export async function positionsFor(doc: OwnershipDoc, elements: readonly ElementDef[], shape: CanvasShape = PAGE_SHAPE): Promise<Map<string, { x: number; y: number }>> {
  const saved = doc.entities.filter((e) => e.position).length;
  const placed = saved === doc.entities.length ? {} : saved ? placeNear(doc) : await layoutPositions(doc, elements, shape);
  const out = new Map<string, { x: number; y: number }>();
  for (const e of doc.entities) {
    const p = e.position ?? placed[e.id];
    if (p) out.set(e.id, p);
  }
  return out;
}
