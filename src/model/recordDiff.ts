// Which records of a list an edit changed, found by identity: documents are immutable and an edit replaces only
// the records it touches, so a two-pointer walk over the old and new lists finds runs kept, records removed and
// records added (a replaced record counts as both). Pure.

/** Runs kept as [old index, new index, length]; old indices removed; new indices added; how many changed. */
export interface RecordDiff {
  same: [number, number, number][];
  removed: number[];
  added: number[];
  changed: number;
}

/** The difference between two versions of a record list. */
export function diffRecords<T>(a: readonly T[], b: readonly T[]): RecordDiff {
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
