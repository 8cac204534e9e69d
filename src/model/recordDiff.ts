// Which records of a list an edit changed, found by identity: documents are immutable and an edit replaces only
// the records it touches, so a two-pointer walk over the old and new lists finds runs kept, records removed and
// records added (a replaced record counts as both). An edit that makes a list from another says what it replaced
// (noteReplaced), and the difference between the two is then read from that, not from a walk over 250k records.

/** Runs kept as [old index, new index, length]; old indices removed; new indices added; how many changed. */
export interface RecordDiff {
  same: [number, number, number][];
  removed: number[];
  added: number[];
  changed: number;
}

/** Lists made by an edit from another list of the same length by replacing records at some places: those places. */
const replaced = new WeakMap<readonly unknown[], { from: readonly unknown[]; at: number[] }>();

/**
 * Says that `to` is `from` with the records at `at` replaced (same length, records elsewhere the same), so that their
 * difference costs what was replaced. Places whose record is in fact the same are allowed (they are no change).
 */
export function noteReplaced(from: readonly unknown[], to: readonly unknown[], at: number[]): void {
  if (from.length === to.length) replaced.set(to, { from, at });
}

/** The places where `b` was made from `a` by replacing records (noteReplaced; some may hold the same record), else undefined. */
export function replacedPlaces(a: readonly unknown[], b: readonly unknown[]): readonly number[] | undefined {
  const r = replaced.get(b);
  return r && r.from === a ? r.at : undefined;
}

/** The difference of two lists one of which was made from the other by replacing records (noteReplaced), else undefined. */
function knownDiff<T>(a: readonly T[], b: readonly T[]): RecordDiff | undefined {
  const r = replaced.get(b);
  if (!r || r.from !== a) return undefined;
  const at = [...new Set(r.at)].filter((k) => a[k] !== b[k]).sort((x, y) => x - y);
  const same: [number, number, number][] = [];
  let from = 0;
  for (const k of at) {
    if (k > from) same.push([from, from, k - from]);
    from = k + 1;
  }
  if (a.length > from) same.push([from, from, a.length - from]);
  return { same, removed: at, added: at.slice(), changed: 2 * at.length };
}

/** The difference between two versions of a record list. */
export function diffRecords<T>(a: readonly T[], b: readonly T[]): RecordDiff {
  const known = knownDiff(a, b);
  if (known) return known;
  const same: [number, number, number][] = [];
  const removed: number[] = [], added: number[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      const i0 = i, j0 = j;
      while (i < a.length && j < b.length && a[i] === b[j]) { i++; j++; }
      same.push([i0, j0, i - i0]);
    } else if (j + 1 < b.length && b[j + 1] === a[i]) added.push(j++);
    else if (i + 1 < a.length && a[i + 1] === b[j]) removed.push(i++);
    else {
      removed.push(i++);
      added.push(j++);
    }
  }
  while (i < a.length) removed.push(i++);
  while (j < b.length) added.push(j++);
  return { same, removed, added, changed: removed.length + added.length };
}
