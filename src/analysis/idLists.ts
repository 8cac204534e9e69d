// The ids of a record list in order, shared by every version of the list that has the same ids in the same places:
// an edit that replaces records (a stake, a move, a rename) makes a new list with the same ids, and caches keyed by
// the ids array (id → index maps, focus sets) then survive it instead of being rebuilt from 100k records. A new
// version is compared with the last one by reference first, so only the records the edit replaced are read. Pure.
import { replacedPlaces } from '../model/recordDiff';

type Rec = { id: string };

const byList = new WeakMap<readonly Rec[], string[]>();
/** The last list handed out per kind of list, and its ids: the version a new one is compared with. */
const last = new Map<string, { list: readonly Rec[]; ids: string[] }>();

/**
 * The ids of `list` in order (read-only: callers must not change it). `kind` names the lineage ('entities',
 * 'holdings'): the previous list of that kind (or `like`, a list whose ids were asked for, when given) is the one
 * compared with.
 */
export function idList(list: readonly Rec[], kind: string, like?: readonly Rec[]): string[] {
  let ids = byList.get(list);
  if (ids) return ids;
  const likeIds = like && byList.get(like);
  const prev = like && likeIds ? { list: like, ids: likeIds } : last.get(kind);
  if (prev && prev.ids.length === list.length && sameIds(prev.list, prev.ids, list)) ids = prev.ids;
  else ids = list.map((r) => r.id);
  byList.set(list, ids);
  last.set(kind, { list, ids });
  return ids;
}

function sameIds(prev: readonly Rec[], ids: readonly string[], list: readonly Rec[]): boolean {
  // A list an edit made by replacing records says where (model/recordDiff.ts): only those places are read.
  const places = replacedPlaces(prev, list);
  if (places) return places.every((i) => list[i].id === ids[i]);
  for (let i = 0; i < ids.length; i++) if (list[i] !== prev[i] && list[i].id !== ids[i]) return false;
  return true;
}

const indexes = new WeakMap<readonly string[], Map<string, number>>();
/** id → position in an id array from idList (built once per array, so once per lineage). */
export function indexOfIds(ids: readonly string[]): Map<string, number> {
  let m = indexes.get(ids);
  if (!m) indexes.set(ids, (m = new Map(ids.map((x, i) => [x, i]))));
  return m;
}
