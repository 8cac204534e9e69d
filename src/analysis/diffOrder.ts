// Pure: the order a control diff is read in (the Simulate panel and the report alike): look-through stakes nearest the
// change first (a buyout moves dozens of downstream stakes by the same few points), larger moves first.
import { inForce, type OwnershipDoc } from '../model';
import type { ControlDiff } from './diff';

/** Entity ids by distance (in holdings in force on `date`) from the subjects whose holdings differ between two documents. */
export function distanceFromChange(before: OwnershipDoc, after: OwnershipDoc, date: string): Map<string, number> {
  const key = (doc: OwnershipDoc) => {
    const m = new Map<string, string>();
    for (const h of doc.holdings) if (inForce(h, date)) m.set(h.subject, `${m.get(h.subject) ?? ''}|${h.holder}:${h.shares}:${h.votes ?? ''}`);
    return m;
  };
  const a = key(before), b = key(after);
  const seeds = [...new Set([...a.keys(), ...b.keys()])].filter((s) => a.get(s) !== b.get(s));
  const down = new Map<string, string[]>();
  for (const h of after.holdings) if (inForce(h, date)) (down.get(h.holder) ?? down.set(h.holder, []).get(h.holder)!).push(h.subject);
  const dist = new Map(seeds.map((s) => [s, 0]));
  const queue = [...seeds];
  for (let i = 0; i < queue.length; i++) {
    for (const next of down.get(queue[i]) ?? []) {
      if (dist.has(next)) continue;
      dist.set(next, dist.get(queue[i])! + 1);
      queue.push(next);
    }
  }
  return dist;
}

/** `d` with its look-through stakes nearest the change first, then larger moves first. */
export function orderedDiff(d: ControlDiff, before: OwnershipDoc, after: OwnershipDoc, date: string): ControlDiff {
  const dist = distanceFromChange(before, after, date);
  const far = (id: string) => dist.get(id) ?? Infinity;
  const lookThrough = [...d.lookThrough].sort((x, y) => far(x.entity) - far(y.entity) || Math.abs(y.after - y.before) - Math.abs(x.after - x.before));
  return { ...d, lookThrough };
}
