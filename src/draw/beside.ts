// Pure placement of entities that hold nothing and are held by nobody (regulators, say): each goes beside the
// entity it acts on — the one it shares most events, dependencies or agreements with — in that entity's row,
// instead of a far row of its own. No React, no Cytoscape.
import type { OwnershipDoc } from '../model';

type Point = { x: number; y: number };

/** For each loose entity, the placed entity it is most often linked with (ties: document order); null if none. */
export function anchorsOf(doc: OwnershipDoc, loose: Set<string>, placed: (id: string) => boolean): Map<string, string | null> {
  const score = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number) => {
    if (!loose.has(a) || a === b || !placed(b)) return;
    let m = score.get(a);
    if (!m) score.set(a, (m = new Map()));
    m.set(b, (m.get(b) ?? 0) + w);
  };
  for (const ev of doc.events ?? []) {
    const ids = ev.entities ?? [];
    for (const a of ids) for (const b of ids) add(a, b, 1);
  }
  for (const d of doc.dependencies ?? []) {
    add(d.provider, d.client, 2);
    add(d.client, d.provider, 2);
  }
  for (const g of doc.agreements ?? []) for (const p of g.parties) {
    add(p, g.subject, 3);
    add(g.subject, p, 3);
  }
  const order = new Map(doc.entities.map((e, i) => [e.id, i]));
  const out = new Map<string, string | null>();
  for (const id of loose) {
    const m = score.get(id);
    const best = m ? [...m].sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0))[0] : undefined;
    out.set(id, best ? best[0] : null);
  }
  return out;
}

/**
 * Positions for the loose entities: in their anchor's row, right of everything already in that row (`w`, `h`: node
 * size; `gap`: spacing). Loose entities without an anchor go in a row under the graph.
 */
export function placeBeside(placed: Map<string, Point>, anchors: Map<string, string | null>, w: number, h: number, gap: number): Map<string, Point> {
  const all = new Map(placed);
  const out = new Map<string, Point>();
  let minX = Infinity, maxY = -Infinity;
  for (const p of placed.values()) { minX = Math.min(minX, p.x); maxY = Math.max(maxY, p.y); }
  if (!placed.size) { minX = 0; maxY = -h - gap; }
  let spareX = minX;
  for (const [id, anchor] of anchors) {
    const a = anchor ? all.get(anchor) : undefined;
    let p: Point;
    if (a) {
      let right = a.x;
      for (const q of all.values()) if (Math.abs(q.y - a.y) < h / 2 && q.x > right) right = q.x;
      p = { x: right + w + gap, y: a.y };
    } else {
      p = { x: spareX, y: maxY + h + 2 * gap };
      spareX += w + gap;
    }
    all.set(id, p);
    out.set(id, p);
  }
  return out;
}
