// Sorts a typed array in place, ascending: by insertion when short, where the native sort's call costs more than the sort.

/** Sorts `a` in place and returns it. The look-through walk and the CLI's map writer sort many short arrays. */
export function sortSmall<T extends Int32Array | Float64Array>(a: T): T {
  if (a.length > 32) return a.sort() as T;
  for (let i = 1; i < a.length; i++) {
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
