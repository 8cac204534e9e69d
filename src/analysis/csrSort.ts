// Rows sorted by an entity number, stably (rows of one entity keep their order), with their columns carried along:
// what a snapshot's CSR arrays are (analysis/snapshot.ts fromTable). A least-significant-digit radix sort: on a large
// graph each pass writes to at most 256 places at a time, which stay in the caches, where one counting sort by entity
// writes to millions (each write a cache and TLB miss: at 8 million entities that sort alone took 13 s).

/** Bits sorted in a pass on a large graph. */
const DIGIT = 8;
/** Up to this many entities, one pass by the whole number (its places fit in the caches). */
const ONE_PASS = 1 << 16;

/** Rows as columns: the key (an entity number below n) and what travels with it. */
export interface Rows {
  key: Int32Array;
  ints: Int32Array[];
  floats: Float64Array[];
}

/** Columns of the same shape as `r`, `m` rows long, carved from one buffer (one allocation: see snapshot.ts carve). */
export function rowsLike(r: { ints: unknown[]; floats: unknown[] }, m: number): Rows {
  const buf = new ArrayBuffer(m * (8 * r.floats.length + 4 * (1 + r.ints.length)));
  let at = 0;
  const floats = r.floats.map(() => new Float64Array(buf, (at += 8 * m) - 8 * m, m));
  const key = new Int32Array(buf, at, m);
  at += 4 * m;
  const ints = r.ints.map(() => new Int32Array(buf, (at += 4 * m) - 4 * m, m));
  return { key, ints, floats };
}

function scatterInts(from: Int32Array, to: Int32Array, place: Int32Array, m: number): void {
  for (let a = 0; a < m; a++) to[place[a]] = from[a];
}

function scatterFloats(from: Float64Array, to: Float64Array, place: Int32Array, m: number): void {
  for (let a = 0; a < m; a++) to[place[a]] = from[a];
}

/**
 * Sorts the first `m` rows of `rows` by key (below `n`), stably, into `out`; `spare` (same shape) is scratch. Either
 * of `rows` and `spare` may be overwritten. Returns `out`.
 */
export function sortRows(rows: Rows, spare: Rows, out: Rows, m: number, n: number): Rows {
  const bits = Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
  const passes = n <= ONE_PASS ? 1 : Math.ceil(bits / DIGIT);
  const digit = Math.ceil(bits / passes);
  const mask = (1 << digit) - 1;
  const count = new Int32Array(mask + 2);
  const place = new Int32Array(m);
  // Pass p reads `src` and writes `dst`; the last pass writes `out`.
  let src = rows;
  for (let p = 0; p < passes; p++) {
    const dst = p === passes - 1 ? out : src === spare ? rows : spare;
    const shift = p * digit, key = src.key;
    count.fill(0);
    for (let a = 0; a < m; a++) count[((key[a] >>> shift) & mask) + 1]++;
    for (let d = 0; d <= mask; d++) count[d + 1] += count[d];
    for (let a = 0; a < m; a++) place[a] = count[(key[a] >>> shift) & mask]++;
    scatterInts(key, dst.key, place, m);
    for (let c = 0; c < src.ints.length; c++) scatterInts(src.ints[c], dst.ints[c], place, m);
    for (let c = 0; c < src.floats.length; c++) scatterFloats(src.floats[c], dst.floats[c], place, m);
    src = dst;
  }
  return out;
}
