// Test helpers: tiny documents from compact edge lists, so each case reads like its hand-drawn graph.
import { parseDoc, type Agreement, type Entity, type OwnershipDoc } from '../../src/model';
import type { Snapshot } from '../../src/analysis/snapshot';

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

/** (I − W)⁻¹ by Gauss–Jordan (dense; W[h][s] = fraction h holds in s): column t holds every figure of target t. */
export function denseInverse(s: Snapshot): Float64Array[] | null {
  const n = s.n;
  const a = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(2 * n);
    row[i] = 1;
    row[n + i] = 1;
    for (let e = s.outStart[i]; e < s.outStart[i + 1]; e++) row[s.outSubject[e]] -= s.outShares[e];
    return row;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-12) return null;
    [a[c], a[p]] = [a[p], a[c]];
    const pivot = a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c || a[r][c] === 0) continue;
      const f = a[r][c];
      for (let k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((row) => row.subarray(n));
}
