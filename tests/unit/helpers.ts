// Test helpers: tiny documents from compact edge lists, so each case reads like its hand-drawn graph.
import { parseDoc, type Agreement, type Entity, type OwnershipDoc } from '../../src/model';

export type EdgeSpec = [holder: string, subject: string, shares: number, extra?: { votes?: number; boardSeats?: number; since?: string; until?: string }];

/** Builds a validated document: entities are created for every id mentioned (kind from `kinds`, else company). */
export function graph(edges: EdgeSpec[], more: { kinds?: Record<string, Entity['kind']>; entities?: Partial<Entity>[]; agreements?: Omit<Agreement, 'id'>[]; asOf?: string } = {}): OwnershipDoc {
  const ids = new Set<string>();
  for (const [h, s] of edges) ids.add(h).add(s);
  for (const e of more.entities ?? []) ids.add(e.id!);
  for (const a of more.agreements ?? []) { a.parties.forEach((p) => ids.add(p)); ids.add(a.subject); }
  const extra = new Map((more.entities ?? []).map((e) => [e.id!, e]));
  return parseDoc({
    format: 'ownership-graph',
    version: 1,
    asOf: more.asOf ?? '2024-01-01',
    entities: [...ids].map((id) => ({ id, name: id.toUpperCase(), kind: more.kinds?.[id] ?? 'company', ...extra.get(id) })),
    holdings: edges.map(([holder, subject, shares, x], i) => ({ id: `h${i}`, holder, subject, shares, ...x })),
    agreements: (more.agreements ?? []).map((a, i) => ({ id: `a${i}`, ...a })),
  });
}
