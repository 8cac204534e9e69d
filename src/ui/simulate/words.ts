// Naming helpers for the Simulate panel: entities across two documents, dependencies as "provider → client (kind)".
import { kindLabel } from '../../draw/labels';
import { inForce, type OwnershipDoc } from '../../model';
import { namer } from '../names';

/** Names ids from `after`, falling back to `before` (an entity may exist on one side only). */
export function pairNamer(before: OwnershipDoc, after: OwnershipDoc): (id: string) => string {
  const a = namer(after), b = namer(before);
  return (id) => {
    const n = a(id);
    return n === id ? b(id) : n;
  };
}

/** Names a dependency id as "NAVER Cloud Corp. → LY Corporation (IT operations)". */
export function dependencyNamer(before: OwnershipDoc, after: OwnershipDoc): (id: string) => string {
  const name = pairNamer(before, after);
  const deps = new Map([...(before.dependencies ?? []), ...(after.dependencies ?? [])].map((d) => [d.id, d]));
  return (id) => {
    const d = deps.get(id);
    return d ? `${name(d.provider)} → ${name(d.client)} (${kindLabel(d.kind)})` : id;
  };
}

/** The view's analysis options as the store holds them (null date: the document's asOf). */
export function viewOptions(view: { rule: 'votes' | 'legal' | 'defacto'; threshold: number; date: string | null }) {
  return { rule: view.rule, threshold: view.threshold, date: view.date ?? undefined };
}

/** 519506 → "519,506". */
export const count = (n: number) => n.toLocaleString('en');

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
