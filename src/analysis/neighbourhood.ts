// Focus mode for huge graphs: an entity's owners up to k levels and its holdings down to k levels.
import type { Snapshot } from './snapshot';

/** Ids within `up` levels above and `down` levels below each of `ids` in the holding graph (the ids included). */
export function neighbourhood(s: Snapshot, ids: string[], up: number, down: number): Set<string> {
  const out = new Set<string>();
  const walk = (dir: 'up' | 'down', depth: number) => {
    let frontier = ids.map((id) => s.index.get(id)).filter((v): v is number => v !== undefined);
    const seen = new Set(frontier);
    for (let level = 0; level < depth && frontier.length; level++) {
      const next: number[] = [];
      for (const v of frontier) {
        const [a, b] = dir === 'up' ? [s.inStart[v], s.inStart[v + 1]] : [s.outStart[v], s.outStart[v + 1]];
        for (let e = a; e < b; e++) {
          const w = dir === 'up' ? s.inHolder[e] : s.outSubject[e];
          if (!seen.has(w)) {
            seen.add(w);
            next.push(w);
          }
        }
      }
      frontier = next;
    }
    for (const v of seen) out.add(s.ids[v]);
  };
  walk('up', up);
  walk('down', down);
  return out;
}
