// Naming helpers shared by panels: entity ids to names, float ids to "unattributed remainder of …".
import { isFloatId, type OwnershipDoc } from '../model';

// Keyed by the entity list, which most edits keep: a stake edit on a huge graph does not re-read every name.
const memo = new WeakMap<object, Map<string, string>>();

/** A function naming entity ids (and `float:<id>` remainders) in `doc`. */
export function namer(doc: OwnershipDoc): (id: string) => string {
  let names = memo.get(doc.entities);
  if (!names) memo.set(doc.entities, (names = new Map(doc.entities.map((e) => [e.id, e.name]))));
  const n = names;
  return (id) => (isFloatId(id) ? `Unattributed: ${n.get(id.slice(6)) ?? id.slice(6)}` : (n.get(id) ?? id));
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `text` ended as a sentence: a full stop added unless it already ends with one ("… SoftBank Corp." stays as it is). */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
