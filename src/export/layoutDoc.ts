// Positions for a document's entities without the mounted canvas: saved positions kept, the rest laid out by ELK
// (elkjs, the engine cytoscape-elk runs in the app, with the same options) or, past ELK_LIMIT, by the fast layered
// placement the app uses for big graphs. Runs in Node and in browsers.
import ELK from 'elkjs/lib/elk.bundled.js';
import { ELK_LIMIT, layeredPositions } from '../analysis/placement';
import { elkOptions } from '../canvas/layout';
import { NODE_H, NODE_W } from '../canvas/stylesheet';
import type { ElementDef } from '../canvas/toElements';
import type { OwnershipDoc } from '../model';

type Pt = { x: number; y: number };

/** Entity id → position for every entity drawn in `elements`: saved ones as saved, the others laid out. */
export async function positionsFor(doc: OwnershipDoc, elements: ElementDef[]): Promise<Map<string, Pt>> {
  const out = new Map<string, Pt>();
  const nodes = elements.filter((e) => e.group === 'nodes');
  for (const n of nodes) if (n.position) out.set(String(n.data.ref), n.position);
  if (out.size === nodes.length) return out;
  if (nodes.length > ELK_LIMIT) {
    const placed = layeredPositions(doc);
    for (const n of nodes) {
      const ref = String(n.data.ref);
      if (!out.has(ref) && placed[ref]) out.set(ref, placed[ref]);
    }
    return out;
  }
  // Like the app's layout: every entity and the holding and agreement edges; saved positions are not moved.
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = elements.filter((e) => e.group === 'edges' && /\b(holding|agreement|relation)\b/.test(e.classes) && ids.has(String(e.data.source)) && ids.has(String(e.data.target)));
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: Object.fromEntries(Object.entries(elkOptions('DOWN')).map(([k, v]) => [k === 'algorithm' ? 'elk.algorithm' : k, String(v)])),
    children: nodes.map((n) => ({ id: n.data.id, width: NODE_W, height: Number(n.data.h) || NODE_H })),
    edges: edges.map((e) => ({ id: e.data.id, sources: [String(e.data.source)], targets: [String(e.data.target)] })),
  });
  for (const c of graph.children ?? []) {
    const ref = String(nodes.find((n) => n.data.id === c.id)?.data.ref);
    if (!out.has(ref)) out.set(ref, { x: Math.round((c.x ?? 0) + NODE_W / 2), y: Math.round((c.y ?? 0) + (c.height ?? NODE_H) / 2) });
  }
  return out;
}
