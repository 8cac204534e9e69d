// Positions for a document's entities without the mounted canvas: saved positions kept, the rest laid out as the app
// lays them out — ELK (elkjs, the engine cytoscape-elk runs in the app, same options) for the linked entities, the
// loose ones (regulators) beside what they act on (canvas/beside.ts), node heights fitted to their names — or, past
// ELK_LIMIT, by the fast layered placement the app uses for big graphs. Runs in Node and in browsers.
import ELK from 'elkjs/lib/elk.bundled.js';
import { ELK_LIMIT, layeredPositions } from '../analysis/placement';
import { elkOptions } from '../canvas/layout';
import { anchorsOf, placeBeside } from '../canvas/beside';
import { NODE_H, NODE_W } from '../canvas/stylesheet';
import type { ElementDef } from '../canvas/toElements';
import { heightOf } from './drawElements';
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
  // Like the app's layout: the entities linked by holdings and agreements laid out by ELK, saved positions not moved;
  // the loose ones then go beside the entity they act on.
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = elements.filter((e) => e.group === 'edges' && /\b(holding|agreement|relation)\b/.test(e.classes) && ids.has(String(e.data.source)) && ids.has(String(e.data.target)));
  const linkedIds = new Set(edges.flatMap((e) => [String(e.data.source), String(e.data.target)]));
  const linked = nodes.filter((n) => linkedIds.has(n.data.id));
  const laid = new Map<string, Pt>();
  if (linked.length) {
    const elk = new ELK();
    const graph = await elk.layout({
      id: 'root',
      layoutOptions: Object.fromEntries(Object.entries(elkOptions('DOWN', linked.length)).map(([k, v]) => [k === 'algorithm' ? 'elk.algorithm' : k, String(v)])),
      children: linked.map((n) => ({ id: n.data.id, width: NODE_W, height: heightOf(n) })),
      edges: edges.map((e) => ({ id: e.data.id, sources: [String(e.data.source)], targets: [String(e.data.target)] })),
    });
    const refOf = new Map(linked.map((n) => [n.data.id, String(n.data.ref)]));
    for (const c of graph.children ?? []) laid.set(refOf.get(c.id)!, { x: Math.round((c.x ?? 0) + NODE_W / 2), y: Math.round((c.y ?? 0) + (c.height ?? NODE_H) / 2) });
  }
  for (const [ref, p] of laid) if (!out.has(ref)) out.set(ref, p);
  const loose = new Set(nodes.filter((n) => !linkedIds.has(n.data.id) && !out.has(String(n.data.ref))).map((n) => String(n.data.ref)));
  if (loose.size) {
    const anchors = anchorsOf(doc, loose, (id) => out.has(id));
    for (const [id, p] of placeBeside(out, anchors, NODE_W, NODE_H, 12)) out.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
  }
  return out;
}
