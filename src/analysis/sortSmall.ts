// Sorts a typed array (or its first entries) in place, ascending: by insertion when short, where the native sort's
// call costs more than the sort.

/** Sorts the first `count` entries of `a` in place (all by default) and returns `a`; the rest is left as it is. */
export function sortSmall<T extends Int32Array | Float64Array>(a: T, count = a.length): T {
  if (count > 32) {
    (count === a.length ? a : a.subarray(0, count)).sort();
    return a;
  }
  for (let i = 1; i < count; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}
