// Naming helpers shared by panels: entity ids to names, float ids to "unattributed remainder of …".
import { isFloatId, type Entity, type OwnershipDoc } from '../model';

/** Names by id: a map of every entity, and the names of the few entities edits have changed since it was made. */
interface Names {
  base: Map<string, string>;
  over: Map<string, string> | null;
}

// Keyed by the entity list, which most edits keep: a stake edit on a huge graph does not re-read every name. A move or a
// rename makes a new list with the same ids in the same places: its few changed records go into an overlay.
const memo = new WeakMap<object, Names>();
let last: { entities: Entity[]; names: Names } | null = null;
const MAX_OVER = 1024;

function namesOf(entities: Entity[]): Names {
  const hit = memo.get(entities);
  if (hit) return hit;
  let names: Names | null = null;
  if (last && last.entities.length === entities.length) {
    const prev = last.entities, over = new Map(last.names.over ?? []);
    let ok = true;
    for (let i = 0; i < entities.length && ok; i++) {
      const e = entities[i];
      if (e === prev[i]) continue;
      if (e.id !== prev[i].id || over.size >= MAX_OVER) ok = false;
      else over.set(e.id, e.name);
    }
    if (ok) names = { base: last.names.base, over };
  }
  names ??= { base: new Map(entities.map((e) => [e.id, e.name])), over: null };
  memo.set(entities, names);
  last = { entities, names };
  return names;
}

/** A function naming entity ids (and `float:<id>` remainders) in `doc`. */
export function namer(doc: OwnershipDoc): (id: string) => string {
  const { base, over } = namesOf(doc.entities);
  const get = over?.size ? (id: string) => over.get(id) ?? base.get(id) : (id: string) => base.get(id);
  return (id) => (isFloatId(id) ? `Unattributed: ${get(id.slice(6)) ?? id.slice(6)}` : (get(id) ?? id));
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `text` ended as a sentence: a full stop added unless it already ends with one ("… SoftBank Corp." stays as it is). */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
