// Exact power indices of a weighted voting game (CONTROL-MODEL §3): normalised Banzhaf and Shapley–Shubik by
// dynamic programming over integer weights, with one "removal" (deconvolution) per distinct weight instead of
// enumerating 2ⁿ coalitions. Weights are integers (e.g. basis points); a coalition wins at weight ≥ quota.
// Games of at most ENUMERATE_MAX players (nearly every company) enumerate their 2ⁿ coalitions instead: with quotas
// in the thousands of units that is far cheaper than the tables, and the result is the same.

export interface PowerIndices {
  banzhaf: number[];
  /** null when the exact computation would be too large (over 1,000 players, 16M cells or 3·10⁸ steps). */
  shapleyShubik: number[] | null;
}

const SS_MAX_PLAYERS = 1000;
const SS_MAX_CELLS = 16_000_000;
const SS_MAX_STEPS = 300_000_000;
// n·2ⁿ steps against the tables' n²·q/2 and more: with quotas of thousands of units (5,001 for a majority in 0.01%
// units) enumeration stays cheaper up to about 16 players; at 11–13 it is 40 times cheaper (a register has many such).
const ENUMERATE_MAX = 14;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Power of each player; weights and quota are non-negative integers. `method` is for tests (auto: enumerate small
 * games; coalitions: enumerate without the shortcuts of games nobody or one block decides).
 */
export function powerIndices(weights: number[], quota: number, method: 'auto' | 'tables' | 'enumerate' | 'coalitions' = 'auto'): PowerIndices {
  const n = weights.length;
  if (n === 0) return { banzhaf: [], shapleyShubik: [] };
  if (method === 'coalitions') return coalitions(weights, quota);
  if (method === 'enumerate' || (method === 'auto' && n <= ENUMERATE_MAX)) return enumerate(weights, quota);
  let g = 0;
  for (const w of weights) g = gcd(g, w);
  if (g > 1) {
    weights = weights.map((w) => w / g);
    quota = Math.ceil(quota / g);
  }
  return { banzhaf: banzhaf(weights, quota), shapleyShubik: shapleyShubik(weights, quota) };
}

/** Normalised Banzhaf: swings of each player over the total, computed with inclusion probabilities ½ (no overflow). */
function banzhaf(w: number[], q: number): number[] {
  if (q <= 0) return w.map(() => 0);
  // f[x] = P(weight of a random coalition = x), for x < q only: larger weights never matter.
  const f = new Float64Array(q);
  f[0] = 1;
  for (const wi of w) {
    if (wi === 0) continue;
    for (let x = q - 1; x >= wi; x--) f[x] = (f[x] + f[x - wi]) / 2;
    for (let x = Math.min(wi, q) - 1; x >= 0; x--) f[x] /= 2;
  }
  const byWeight = new Map<number, number>();
  const swings = w.map((wi) => {
    if (wi === 0) return 0;
    const cached = byWeight.get(wi);
    if (cached !== undefined) return cached;
    // g = f with this player removed: f[x] = (g[x] + g[x − wi]) / 2.
    const gq = new Float64Array(q);
    for (let x = 0; x < q; x++) gq[x] = Math.max(0, 2 * f[x] - (x >= wi ? gq[x - wi] : 0));
    let s = 0;
    for (let x = Math.max(0, q - wi); x < q; x++) s += gq[x];
    byWeight.set(wi, s);
    return s;
  });
  const total = swings.reduce((a, b) => a + b, 0);
  return total > 0 ? swings.map((s) => s / total) : swings.map(() => 0);
}

/** Shapley–Shubik: Σ over pivotal positions k!(n−k−1)!/n!, with coalitions counted by size and weight. */
function shapleyShubik(w: number[], q: number): number[] | null {
  const n = w.length;
  if (q <= 0) return w.map(() => 0);
  const total = w.reduce((a, b) => a + b, 0);
  if (total < q) return w.map(() => 0); // nobody can ever win
  const distinct = new Set(w).size;
  // Building the table costs n²q/2 steps and each distinct weight's removal nq more.
  if (n > SS_MAX_PLAYERS || (n + 1) * q > SS_MAX_CELLS || (n / 2 + distinct) * n * q > SS_MAX_STEPS) return null;
  // c[k*q + x] = number of coalitions of size k and weight x (x < q).
  const c = new Float64Array((n + 1) * q);
  c[0] = 1;
  let size = 0;
  for (const wi of w) {
    size++;
    for (let k = size; k >= 1; k--) {
      const row = k * q, prev = (k - 1) * q;
      for (let x = q - 1; x >= wi; x--) c[row + x] += c[prev + x - wi];
    }
  }
  const coef = coefficients(n);
  const byWeight = new Map<number, number>();
  return w.map((wi) => {
    if (wi === 0) return 0;
    const cached = byWeight.get(wi);
    if (cached !== undefined) return cached;
    // g[k][x] = coalitions of the others: c[k][x] = g[k][x] + g[k−1][x−wi].
    let prev = new Float64Array(q), cur = new Float64Array(q);
    let phi = 0;
    for (let k = 0; k < n; k++) {
      for (let x = 0; x < q; x++) cur[x] = Math.max(0, c[k * q + x] - (k > 0 && x >= wi ? prev[x - wi] : 0));
      let s = 0;
      for (let x = Math.max(0, q - wi); x < q; x++) s += cur[x];
      phi += coef[k] * s;
      [prev, cur] = [cur, prev];
    }
    byWeight.set(wi, phi);
    return phi;
  });
}

/**
 * Both indices by enumerating every coalition (n ≤ ~20): O(n·2ⁿ) at worst. A losing coalition is looked at only when
 * the largest player could make it win, and its players are tried largest first, stopping at the first that cannot:
 * most coalitions of a register's games are far from the quota and cost one comparison.
 */
function enumerate(w: number[], q: number): PowerIndices {
  const n = w.length;
  if (n === 1) {
    // A sole block (a third of a register's games): it has all the power when it alone wins, else none.
    const all = q > 0 && w[0] >= q ? 1 : 0;
    return { banzhaf: [all], shapleyShubik: [all] };
  }
  // A block that wins alone while all the others together lose (most controlled companies): it is pivotal for every
  // coalition of the others and nobody else ever is. Its Banzhaf index is then 2ⁿ⁻¹/2ⁿ⁻¹ = 1 exactly; its
  // Shapley–Shubik index is added up as `coalitions` adds it (in mask order, so the same to the last bit: not always 1).
  let d = 0, total = 0;
  for (let i = 0; i < n; i++) {
    total += w[i];
    if (w[i] > w[d]) d = i;
  }
  // Nobody can win (a company whose largest holders together fall short): nobody is ever pivotal.
  if (q <= 0 || total < q) return { banzhaf: new Array<number>(n).fill(0), shapleyShubik: new Array<number>(n).fill(0) };
  if (w[d] >= q && total - w[d] < q) {
    const banzhaf = new Array<number>(n).fill(0), ss = new Array<number>(n).fill(0);
    banzhaf[d] = 1;
    const coef = coefficients(n), bit = 1 << d;
    let phi = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      if (mask & bit) continue;
      let size = 0;
      for (let m = mask; m; m &= m - 1) size++;
      phi += coef[size];
    }
    ss[d] = phi;
    return { banzhaf, shapleyShubik: ss };
  }
  return coalitions(w, q);
}

/** `enumerate` without its shortcuts: every coalition near the quota looked at. */
function coalitions(w: number[], q: number): PowerIndices {
  const n = w.length;
  const full = 1 << n;
  const sum = new Float64Array(full);
  const size = new Uint8Array(full);
  for (let mask = 1; mask < full; mask++) {
    const low = mask & -mask;
    const i = 31 - Math.clz32(low);
    sum[mask] = sum[mask ^ low] + w[i];
    size[mask] = size[mask ^ low] + 1;
  }
  const coef = coefficients(n);
  const swings = new Array<number>(n).fill(0);
  const ss = new Array<number>(n).fill(0);
  if (q <= 0) return { banzhaf: swings, shapleyShubik: ss };
  // Players by weight, largest first; the coalitions stay in mask order, so each player's sum is added up in the
  // same order as by a plain loop over every player (the same bits).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => w[b] - w[a]);
  const largest = w[order[0]];
  // Each coalition S without i where i is pivotal: S loses, S ∪ {i} wins.
  for (let mask = 0; mask < full; mask++) {
    const s = sum[mask];
    if (s >= q || s + largest < q) continue;
    const c = coef[size[mask]];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (s + w[i] < q) break;
      if (mask & (1 << i)) continue;
      swings[i]++;
      ss[i] += c;
    }
  }
  const total = swings.reduce((a, b) => a + b, 0);
  return { banzhaf: total > 0 ? swings.map((x) => x / total) : swings, shapleyShubik: ss };
}

/** k!(n−1−k)!/n! for k = 0 … n − 1: the share of orders in which a coalition of k comes just before a player. */
function coefficients(n: number): Float64Array {
  const coef = new Float64Array(n);
  coef[0] = 1 / n;
  for (let k = 0; k + 1 < n; k++) coef[k + 1] = (coef[k] * (k + 1)) / (n - 1 - k);
  return coef;
}
