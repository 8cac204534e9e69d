// Sorts a typed array (or its first entries) in place, ascending, without NaNs: by insertion when short, else by a
// quicksort in JavaScript, which on the short arrays of a register's maps (tens to thousands of numbers, a hundred
// thousand calls) beats the native sort, whose every call costs a view and a trip into the runtime. A range that
// splits badly too often (deliberately ordered input) is left to the native sort, so no input makes it quadratic.

/** Ranges at most this long are sorted by insertion. */
const SHORT = 24;

/** Sorts the first `count` entries of `a` in place (all by default) and returns `a`; the rest is left as it is. */
export function sortSmall<T extends Int32Array | Float64Array>(a: T, count = a.length): T {
  if (count > SHORT) quick(a, 0, count, 2 * Math.ceil(Math.log2(count)));
  else insertion(a, 0, count);
  return a;
}

function insertion(a: Int32Array | Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

/** Sorts a[lo, hi): Hoare partitions around the median of three, the smaller side first; `depth` splits left. */
function quick(a: Int32Array | Float64Array, lo: number, hi: number, depth: number): void {
  while (hi - lo > SHORT) {
    if (depth-- === 0) {
      a.subarray(lo, hi).sort();
      return;
    }
    const x = a[lo], y = a[(lo + hi) >> 1], z = a[hi - 1];
    const p = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo, j = hi - 1;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (j + 1 - lo < hi - i) {
      quick(a, lo, j + 1, depth);
      lo = i;
    } else {
      quick(a, i, hi, depth);
      hi = j + 1;
    }
  }
  insertion(a, lo, hi);
}
