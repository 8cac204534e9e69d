// The ids of a record list in order, shared by every version of the list that has the same ids in the same places:
// an edit that replaces records (a stake, a move, a rename) makes a new list with the same ids, and caches keyed by
// the ids array (id → index maps, focus sets) then survive it instead of being rebuilt from 100k records. Pure.

const byList = new WeakMap<readonly { id: string }[], string[]>();
/** The last id array handed out per kind of list, the one a new version of that list is checked against. */
const last = new Map<string, string[]>();

/**
 * The ids of `list` in order (read-only: callers must not change it). `kind` names the lineage ('entities',
 * 'holdings'): the previous list of that kind (or `like`, when given) is the one compared with, one check per record.
 */
export function idList(list: readonly { id: string }[], kind: string, like?: string[]): string[] {
  let ids = byList.get(list);
  if (ids) return ids;
  const prev = like ?? last.get(kind);
  if (prev && prev.length === list.length && sameIds(prev, list)) ids = prev;
  else ids = list.map((r) => r.id);
  byList.set(list, ids);
  last.set(kind, ids);
  return ids;
}

function sameIds(ids: readonly string[], list: readonly { id: string }[]): boolean {
  for (let i = 0; i < ids.length; i++) if (list[i].id !== ids[i]) return false;
  return true;
}

const indexes = new WeakMap<readonly string[], Map<string, number>>();
/** id → position in an id array from idList (built once per array, so once per lineage). */
export function indexOfIds(ids: readonly string[]): Map<string, number> {
  let m = indexes.get(ids);
  if (!m) indexes.set(ids, (m = new Map(ids.map((x, i) => [x, i]))));
  return m;
}
