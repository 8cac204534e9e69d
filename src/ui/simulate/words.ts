// Naming helpers for the Simulate panel: entities across two documents, dependencies as "provider → client (kind)".
import { kindLabel } from '../../canvas/labels';
import type { OwnershipDoc } from '../../model';
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

/** Entity ids by distance from the change (analysis/diffOrder.ts; the report orders its words the same way). */
export { distanceFromChange } from '../../analysis/diffOrder';
