// The look-through and ultimate-owner maps of `analyze --json` / `--jsonl` (FORMAT.md) written as UTF-8 bytes, and the
// entity keys they and the rest of an entity's fields are written with. At 100k entities the maps hold millions of
// entries, so they are gathered in typed scratch arrays, keys are encoded once (or written from their running
// numbers) and figures are integer micro-points (roundPct × 10⁶) written digit by digit: no string per entry. A map is
// sorted as one number per entry, its figure and its key's rank in string order, so ties need no second pass.
// A register's maps (every entity, cut at --min-stake) need only the shareholding arrays of the snapshot (`MapSource`),
// so they can be made apart from the control analysis (cli/mapWorker.ts).
import { FLOAT_PREFIX } from '../model';
import type { Snapshot } from '../analysis/snapshot';
import { LookThroughPass } from '../analysis/lookThroughPass';
import { loopAbove, shareStructure } from '../analysis/shareStructure';
import { sortSmall } from '../analysis/sortSmall';
import { MICRO_BYTES, microAt, uintAt, utf8, utf8Length, type ByteOut } from './byteOut';

/** What a register's maps are made from: the snapshot's ids and shareholding arrays. */
export type MapSource = Pick<Snapshot, 'n' | 'ids' | 'inStart' | 'inHolder' | 'inShares' | 'outStart' | 'outSubject' | 'holderCount' | 'heldShares'>;

/**
 * The prefix P when every id is P followed by its own index written in decimal (e0, e1, …, as our generator and
 * exports number records) and P needs no escape in JSON; else null. Reads character codes only (no string per id).
 */
export function runningPrefix(ids: readonly string[]): string | null {
  if (!ids.length || !ids[0].endsWith('0')) return null;
  const prefix = ids[0].slice(0, -1);
  const plen = prefix.length;
  if (/[^\x20-\x7e]|["\\]/.test(prefix)) return null;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    let digits = 1;
    for (let y = i; y >= 10; y = (y / 10) | 0) digits++;
    if (id.length !== plen + digits) return null;
    for (let j = 0; j < plen; j++) if (id.charCodeAt(j) !== prefix.charCodeAt(j)) return null;
    for (let j = id.length - 1, x = i; j >= plen; j--, x = (x / 10) | 0) if (id.charCodeAt(j) !== 48 + (x % 10)) return null;
  }
  return prefix;
}

/**
 * The numbers 0 … n − 1 in the string order of their decimal forms (0, 1, 10, 100, …, 11, …, 2, …): the order of
 * running ids behind one prefix. Made in O(n) by walking the tree of decimal prefixes depth first.
 */
export function decimalOrder(n: number): Int32Array {
  const out = new Int32Array(n);
  if (!n) return out;
  // "0" is a prefix of no other number and comes first; then 1 … n − 1 (LeetCode 386's walk).
  const last = n - 1;
  for (let r = 1, x = 1; r < n; r++) {
    out[r] = x;
    if (x * 10 <= last) x *= 10;
    else {
      while (x % 10 === 9 || x + 1 > last) x = (x / 10) | 0;
      x++;
    }
  }
  return out;
}

/** Writes keys and maps; `minStake` in percentage points (owners below it are summed in "others"). */
export class MapWriter {
  /** Every key's JSON text, encoded once: entity v at keyStart[v], the remainder of v at keyStart[n + v]. */
  private keyBytes: Uint8Array;
  private keyStart: Int32Array;
  /** The longest key's JSON text in bytes. */
  private keyMax: number;
  private upKey = new Int32Array(1024);
  private upVal = new Float64Array(1024);
  private ownKey = new Int32Array(1024);
  private ownVal = new Float64Array(1024);
  private sortBuf = new Float64Array(1024);
  private rankBuf = new Int32Array(1024);
  private ids: readonly string[];
  /** Owners below this (micro-points) are left out. */
  readonly min: number;
  /** The maps of every entity, made in one pass over the condensation as they are written. */
  private pass?: LookThroughPass;
  private rem?: Float64Array;
  /** With running ids: the opening quote and prefix (of an entity; of a remainder), written before the number. */
  private prefix?: Uint8Array;
  private floatPrefix?: Uint8Array;
  /** Running ids behind a prefix with a letter in it: no key reads as an array index. */
  letterPrefix = false;
  /**
   * A map's entry is sorted as (big − figure) · shift + the rank of its key, where shift, a power of two, is above
   * every rank (2n keys) and big · shift + shift ≤ 2⁵³: exact in a double (figures to 2147% at 100k entities, 536% at
   * 8M; a look-through stake in a cycle may pass 100%, and a map with a larger figure is sorted by a comparison).
   */
  private shift: number;
  private big: number;

  constructor(private s: MapSource, minStake: number) {
    this.ids = s.ids;
    const n = this.ids.length;
    const prefix = runningPrefix(this.ids);
    if (prefix !== null) {
      // Ids are a running number behind one prefix: keys are written from their numbers, nothing is kept per key.
      this.prefix = utf8(`"${prefix}`);
      this.letterPrefix = /\D/.test(prefix);
      this.floatPrefix = utf8(`"${FLOAT_PREFIX}${prefix}`);
      this.keyBytes = new Uint8Array(0);
      this.keyStart = new Int32Array(0);
      this.keyMax = this.floatPrefix.length + String(Math.max(0, n - 1)).length + 1;
    } else {
      const text = this.ids.map((id) => JSON.stringify(id)).join('') + this.ids.map((id) => JSON.stringify(FLOAT_PREFIX + id)).join('');
      this.keyBytes = utf8(text);
      this.keyStart = new Int32Array(2 * n + 1);
      let at = 0, most = 0;
      for (let i = 0; i < 2 * n; i++) {
        this.keyStart[i] = at;
        const size = utf8Length(JSON.stringify(i < n ? this.ids[i] : FLOAT_PREFIX + this.ids[i - n]));
        at += size;
        if (size > most) most = size;
      }
      this.keyStart[2 * n] = at;
      this.keyMax = most;
    }
    this.min = Math.round(minStake * 1e6 - 1e-6); // micro-points
    this.shift = 2 ** Math.max(22, Math.ceil(Math.log2(2 * n + 1)));
    this.big = 2 ** 53 / this.shift - 1;
  }

  /** Writes the JSON text of a key: entity v (k = v), or the remainder `float:<id of v>` (k = n + v). */
  key(o: ByteOut, k: number): void {
    if (!this.prefix) {
      o.bytes(this.keyBytes, this.keyStart[k], this.keyStart[k + 1]);
      return;
    }
    o.room(this.keyMax);
    const n = this.ids.length;
    o.pos = this.numbered(o.buf, o.pos, k < n ? this.prefix : this.floatPrefix!, k < n ? k : k - n);
  }

  /** Writes a key with running ids at buf[p] (room made by the caller: keyMax): `head`, the number x, the quote. */
  private numbered(buf: Uint8Array, p: number, head: Uint8Array, x: number): number {
    for (let j = 0; j < head.length; j++) buf[p++] = head[j];
    p = uintAt(buf, p, x);
    buf[p++] = 34;
    return p;
  }

  /**
   * The rank of every key in string order (built on first use), as entity v at eRank[v] + eOff and the remainder of v
   * at fRank[v] + fOff; back from a rank by `byRank` (ids of other kinds) or `order` (running ids).
   */
  private eRank?: Int32Array;
  private fRank?: Int32Array;
  private eOff = 0;
  private fOff = 0;
  private byRank?: Int32Array;
  /** With running ids: the entities' numbers in string order; their keys come first when `entitiesFirst`. */
  private order?: Int32Array;
  private entitiesFirst = true;

  private ranks(): void {
    if (this.eRank) return;
    const n = this.ids.length;
    if (this.prefix) {
      // Running ids: entities' keys are P + the number, remainders' keys "float:" + P + the number, each kind in the
      // string order of the numbers. No entity's key starts with "float:" + P (that would need a digit where the
      // prefixes have a letter or a colon), so it is either below every remainder's key or above all of them, and the
      // same for every entity: whichever P + a digit is.
      const prefix = this.ids[0].slice(0, -1);
      const order = (this.order = decimalOrder(n)), rank = new Int32Array(n);
      for (let r = 0; r < n; r++) rank[order[r]] = r;
      this.entitiesFirst = `${prefix}0` < FLOAT_PREFIX + prefix;
      this.eRank = this.fRank = rank;
      this.eOff = this.entitiesFirst ? 0 : n;
      this.fOff = n - this.eOff;
      return;
    }
    // The ids sorted once, natively (code-unit order, as `<` compares); the remainders' keys, which all start with
    // FLOAT_PREFIX, come in the same order, and the two lists are merged.
    const index = new Map(this.ids.map((id, i) => [id, i]));
    const sorted = this.ids.slice().sort();
    const byRank = new Int32Array(2 * n), rankOf = new Int32Array(2 * n);
    for (let i = 0, j = 0, r = 0; r < 2 * n; r++) {
      const float = i === n || (j < n && FLOAT_PREFIX + sorted[j] < sorted[i]);
      const k = float ? n + index.get(sorted[j++])! : index.get(sorted[i++])!;
      byRank[r] = k;
      rankOf[k] = r;
    }
    this.byRank = byRank;
    this.eRank = rankOf.subarray(0, n);
    this.fRank = rankOf.subarray(n);
  }

  /** The key (entity v: v; the remainder of v: n + v) of rank r. */
  private keyOf(r: number): number {
    if (this.byRank) return this.byRank[r];
    const n = this.ids.length, high = r >= n;
    const x = this.order![high ? r - n : r];
    return high === this.entitiesFirst ? n + x : x;
  }

  /**
   * Writes `"lookThrough":{…},"ultimateOwners":{…}` of entity v of a register from the pass over the condensation
   * (analysis/lookThroughPass.ts), or null maps where a closed ownership loop lies upstream. Figures a cut upstream
   * may lack are at most the pass's bound, so "others" is printed whenever the pass cut anything. Entities are best
   * asked for in index order (maps are let go once every entity below has been written). With `raw`, both maps are
   * handed over as sort keys instead, where they can be (`RawMaps`: another thread's writer writes them, `rawMaps`).
   */
  bulk(o: ByteOut, v: number, raw?: RawMaps): void {
    const s = this.s as Snapshot;
    const pass = this.passOf();
    if (!pass.mapOf(v)) {
      const above = loopAbove(s, shareStructure(s))[v];
      const loop = shareStructure(s).members.get(above)!.map((x) => s.ids[x]).sort();
      o.str(`"lookThrough":null,"ultimateOwners":null,"unavailable":${JSON.stringify(`closed ownership loop: ${loop.join(', ')}`)}`);
      raw?.text();
      return;
    }
    const { from, to } = pass;
    this.grow((to - from) >> 1);
    this.ranks();
    // Keys are gathered as their ranks. An owner nobody holds other than v is in the look-through map with the same
    // figure (its whole stake), so it is not gathered again: the owners' map is merged from those entries and the rest
    // (`both`), which are remainders and v itself when nobody holds it.
    // When no figure of the map can pass `big` (its largest entry, and 1 for v itself), entries are gathered straight
    // as their sort keys (`sortKeys`'s numbers); else as ranks and figures, for `both` to sort by a comparison.
    const keyed = Math.round(Math.max(1, pass.largest(v)) * 100 * 1e6) <= this.big;
    const look = this.scratch(0, (to - from) >> 1), own = this.scratch(1, (to - from) >> 1);
    this.gather(v, pass, keyed, look, own);
    const { upKey, upVal, ownKey, ownVal, ups, owns, listed, cut } = this;
    pass.release(v);
    const others = cut ? Math.max(0, 100e6 - listed) : 0;
    if (keyed) {
      if (raw) raw.keys(look, ups, own, owns, others);
      else this.sortedBoth(o, look, ups, own, owns, others);
      return;
    }
    if (raw?.take(this, upKey, upVal, ups, ownKey, ownVal, owns, others)) return;
    raw?.text();
    this.both(o, upKey, upVal, ups, ownKey, ownVal, owns, others);
  }

  /** What `gather` found: entries of each map, the figures listed and whether anything was left out. */
  private ups = 0;
  private owns = 0;
  private listed = 0;
  private cut = false;

  /**
   * Gathers the entries of v's maps (ready in the pass) that print: as sort keys into look and own (`keyed`), else as
   * ranks and figures into the scratch. Its loops are apart from what `bulk` does next (hand them over, or sort and
   * write them, which changes from batch to batch): a loop is compiled while it runs, and code after it that has
   * never run would throw that code away on every call.
   */
  private gather(v: number, pass: LookThroughPass, keyed: boolean, look: Float64Array, own: Float64Array): void {
    const { buf, from, to, end } = pass;
    const { upKey, upVal, ownKey, ownVal, min, eOff, fOff, shift, big } = this, eRank = this.eRank!, fRank = this.fRank!;
    const rem = this.remainders();
    let ups = 0, owns = 0, listed = 0, cut = pass.bound(v) > 0;
    // Entries below `end` can print; any other owner's part is left out (then "others" is printed).
    for (let i = end; i < to && !cut; i += 2) if (buf[i + 1] > 1e-12 && rem[buf[i]] > 0) cut = true;
    for (let i = from; i < end; i += 2) {
      const u = buf[i], mu = buf[i + 1];
      if (!(mu > 1e-12)) continue;
      const r = rem[u];
      if (u !== v) {
        const k = Math.round(mu * 100 * 1e6);
        if (k >= min && k > 0) {
          if (keyed) look[ups++] = (big - k) * shift + eRank[u] + eOff;
          else {
            upKey[ups] = eRank[u] + eOff;
            upVal[ups++] = k;
          }
          if (r === 2) listed += k;
        } else if (r === 2) cut = true;
        if (r === 2) continue;
      }
      if (r === 0) continue;
      // v itself when nobody holds it (all of it), or any entity's unattributed part.
      const x = r === 2 ? 1 : r * mu;
      const k = Math.round(x * 100 * 1e6);
      if (k >= min && k > 0) {
        const rank = r === 2 ? eRank[u] + eOff : fRank[u] + fOff;
        if (keyed) own[owns++] = (big - k) * shift + rank;
        else {
          ownKey[owns] = rank;
          ownVal[owns++] = k;
        }
        listed += k;
      } else cut = true;
    }
    this.ups = ups;
    this.owns = owns;
    this.listed = listed;
    this.cut = cut;
  }

  /**
   * Per entity, the part of its figure its ultimate owners take from it: 2 for an entity nobody holds (all of it, as a
   * terminal holder), its unattributed remainder when above 10⁻⁹, else 0.
   */
  private remainders(): Float64Array {
    if (this.rem) return this.rem;
    const s = this.s, out = (this.rem = new Float64Array(s.n));
    for (let v = 0; v < s.n; v++) {
      const rest = 1 - s.heldShares[v];
      out[v] = s.holderCount[v] === 0 ? 2 : rest > 1e-9 ? rest : 0;
    }
    return out;
  }

  /**
   * Writes both maps of an entity: the look-through map from its entries (keys as ranks, figures in micro-points), the
   * ultimate owners' from the look-through entries of owners nobody holds and `own`'s entries (the rest of them).
   */
  both(o: ByteOut, upKey: Int32Array, upVal: Float64Array, ups: number, ownKey: Int32Array, ownVal: Float64Array, owns: number, others: number): void {
    const look = this.scratch(0, ups), own = this.scratch(1, owns);
    if (this.sortKeys(upKey, upVal, ups, look, 0) && this.sortKeys(ownKey, ownVal, owns, own, 0)) {
      this.sortedBoth(o, look, ups, own, owns, others);
      return;
    }
    // A figure too large to sort as one number with its key: each map sorted by a comparison.
    o.str('"lookThrough":');
    this.ranked(o, upKey, upVal, ups, 0);
    const rem = this.remainders();
    let count = owns;
    const allKey = new Int32Array(owns + ups), allVal = new Float64Array(owns + ups);
    allKey.set(ownKey.subarray(0, owns));
    allVal.set(ownVal.subarray(0, owns));
    for (let i = 0; i < ups; i++) {
      if (rem[this.keyOf(upKey[i])] !== 2) continue;
      allKey[count] = upKey[i];
      allVal[count++] = upVal[i];
    }
    o.str(',"ultimateOwners":');
    this.ranked(o, allKey, allVal, count, others);
  }

  /**
   * Both maps from their sort keys (`sortKeys`'s numbers, in any order): look[0, ups) and, for the owners, own[0,
   * owns) besides the look-through entries of owners nobody holds. The look-through map is sorted and written first;
   * the owners' is merged from the text of those entries (copied) and its own sorted entries (written).
   */
  private sortedBoth(o: ByteOut, look: Float64Array, ups: number, own: Float64Array, owns: number, others: number): void {
    sortSmall(look, ups);
    o.str('"lookThrough":{');
    const roots = this.write(o, look, 0, ups, true);
    this.others(o, ups, 0);
    sortSmall(own, owns);
    o.str(',"ultimateOwners":{');
    const { rootAt, rootKey } = this;
    let i = 0, j = 0, count = 0;
    while (i < roots || j < owns) {
      if (count++) o.char(44);
      if (j === owns || (i < roots && rootKey[i] < own[j])) {
        // The entry as the look-through map has it (written just above, in the same buffer).
        o.room(rootAt[2 * i + 1] - rootAt[2 * i]);
        o.buf.copyWithin(o.pos, rootAt[2 * i], rootAt[2 * i + 1]);
        o.pos += rootAt[2 * i + 1] - rootAt[2 * i];
        i++;
      } else {
        const start = j;
        while (j < owns && (i === roots || own[j] < rootKey[i])) j++;
        // A run of the owners' own entries, written as one: the comma before the first is written above.
        this.write(o, own, start, j, false);
        count += j - start - 1;
      }
    }
    this.others(o, count, others);
  }

  /** Writes maps handed over by another thread's `bulk` (`RawMaps`): keys[from, mid) look-through, keys[mid, to) owners'. */
  rawMaps(o: ByteOut, keys: Float64Array, from: number, mid: number, to: number, others: number): void {
    this.ranks();
    const look = this.scratch(0, mid - from), own = this.scratch(1, to - mid);
    look.set(keys.subarray(from, mid));
    own.set(keys.subarray(mid, to));
    this.sortedBoth(o, look, mid - from, own, to - mid, others);
  }

  /** By a key's rank: 1 for an entity nobody holds (an owner whose look-through entry the owners' map copies). */
  private rootsByRank(): Uint8Array {
    if (this.rootRank) return this.rootRank;
    this.ranks();
    const n = this.ids.length, out = (this.rootRank = new Uint8Array(2 * n)), eRank = this.eRank!;
    for (let v = 0; v < n; v++) if (this.s.holderCount[v] === 0) out[eRank[v] + this.eOff] = 1;
    return out;
  }

  private rootRank?: Uint8Array;

  /** Sort scratch k (0: look-through, 1: owners) of at least `size` numbers. */
  private scratch(k: 0 | 1, size: number): Float64Array {
    if (this.sortBufs[k].length < size) this.sortBufs[k] = new Float64Array(Math.max(size, this.sortBufs[k].length * 2));
    return this.sortBufs[k];
  }

  private sortBufs = [new Float64Array(1024), new Float64Array(1024)];
  /** Per look-through entry of an owner nobody holds, as `write` found them: where its text starts and ends, its sort key. */
  private rootAt = new Int32Array(2048);
  private rootKey = new Float64Array(1024);

  /** The pass over the condensation the maps come from. */
  private passOf(): LookThroughPass {
    // The pass and the condensation read only the fields of a MapSource. Below this figure (a fraction) neither a
    // stake nor an owner's part rounds to the cut.
    return (this.pass ??= new LookThroughPass(this.s as Snapshot, Math.max(0, (this.min - 0.5) / 1e8)));
  }

  /** Makes the scratch arrays hold at least `size` entries. */
  private grow(size: number): void {
    if (this.upKey.length >= size) return;
    const grown = Math.max(size, this.upKey.length * 2);
    this.upKey = new Int32Array(grown);
    this.upVal = new Float64Array(grown);
    this.ownKey = new Int32Array(grown);
    this.ownVal = new Float64Array(grown);
  }

  /**
   * A map, largest figure first, ties by key (in the order of the keys' strings); then "others" when `others` > 0.
   * keys: entity v as v, the unattributed remainder of v as −1 − v; vals: figures in micro-points (integers).
   */
  map(o: ByteOut, keys: Int32Array, vals: Float64Array, count: number, others: number) {
    this.ranked(o, this.toRanks(keys, count), vals, count, others);
  }

  /** The ranks of keys[0, count) (entity v as v, the remainder of v as −1 − v), in a scratch array. */
  toRanks(keys: Int32Array, count: number): Int32Array {
    this.ranks();
    const { eOff, fOff } = this, eRank = this.eRank!, fRank = this.fRank!;
    if (this.rankBuf.length < count) this.rankBuf = new Int32Array(Math.max(count, this.rankBuf.length * 2));
    const ranks = this.rankBuf;
    for (let i = 0; i < count; i++) {
      const k = keys[i];
      ranks[i] = k >= 0 ? eRank[k] + eOff : fRank[-1 - k] + fOff;
    }
    return ranks;
  }

  /**
   * Entries of a map (keys as ranks, figures in micro-points) as one sortable number each, (big − figure) · shift +
   * rank, into out[at, at + count); false when a figure is too large for that (such a map is sorted by a comparison).
   */
  sortKeys(ranks: Int32Array, vals: Float64Array, count: number, out: Float64Array, at: number): boolean {
    const { shift, big } = this;
    let top = 0;
    for (let i = 0; i < count; i++) if (vals[i] > top) top = vals[i];
    if (top > big) return false;
    for (let i = 0; i < count; i++) out[at + i] = (big - vals[i]) * shift + ranks[i];
    return true;
  }

  /** The rank tables `bulk` made, to be handed with a raw map to another thread's writer of the same ids (`adoptRanks`). */
  rankTable(): Int32Array | undefined {
    return this.byRank;
  }

  /** Takes the rank tables of another writer of the same ids (ids other than running numbers, which cost a sort to rank). */
  adoptRanks(byRank: Int32Array): void {
    if (this.eRank || this.prefix) return;
    const n = this.ids.length, rankOf = new Int32Array(2 * n);
    for (let r = 0; r < 2 * n; r++) rankOf[byRank[r]] = r;
    this.byRank = byRank;
    this.eRank = rankOf.subarray(0, n);
    this.fRank = rankOf.subarray(n);
  }

  /** `map` with keys given as their ranks. */
  private ranked(o: ByteOut, ranks: Int32Array, vals: Float64Array, count: number, others: number) {
    if (this.sortBuf.length < count) this.sortBuf = new Float64Array(Math.max(count, this.sortBuf.length * 2));
    const sorted = this.sortBuf;
    // One number per entry, sorted natively: the figure above, the key's rank below.
    if (this.sortKeys(ranks, vals, count, sorted, 0)) {
      sortSmall(sorted, count);
      this.entries(o, sorted, count, others);
    } else {
      o.char(123);
      const order = Array.from({ length: count }, (_, i) => i).sort((x, y) => vals[y] - vals[x] || ranks[x] - ranks[y]);
      for (let j = 0; j < count; j++) {
        if (j) o.char(44);
        this.key(o, this.keyOf(ranks[order[j]]));
        o.char(58);
        o.micro(vals[order[j]]);
      }
      this.others(o, count, others);
    }
  }

  /** A map from its sorted entries (`sortKeys`'s numbers, ascending): braces, entries, "others" when above 0. */
  private entries(o: ByteOut, sorted: Float64Array, count: number, others: number): void {
    o.char(123);
    this.write(o, sorted, 0, count, false);
    this.others(o, count, others);
  }

  /** "others" (when above 0) after `count` entries, and the closing brace. */
  private others(o: ByteOut, count: number, others: number): void {
    if (others > 0) {
      if (count) o.char(44);
      o.str('"others":');
      o.micro(others);
    }
    o.char(125);
  }

  /**
   * Writes the entries of sorted[from, to), (big − figure) · shift + rank each: key, colon, figure, commas between.
   * With `roots`, also notes where the text of each entry of an owner nobody holds starts and ends, and its number
   * (`rootAt`, `rootKey`: what the owners' map copies); returns how many.
   */
  private write(o: ByteOut, sorted: Float64Array, from: number, to: number, roots: boolean): number {
    const { shift, big } = this, unit = 1 / shift; // a power of two: c · unit is exact
    const rootRank = roots ? this.rootsByRank() : undefined;
    if (roots && this.rootKey.length < to - from) {
      this.rootKey = new Float64Array(to - from);
      this.rootAt = new Int32Array(2 * (to - from));
    }
    const { rootAt, rootKey } = this;
    let found = 0;
    o.room((to - from) * (this.keyMax + 2 + MICRO_BYTES));
    const buf = o.buf;
    let p = o.pos;
    if (this.prefix) {
      const n = this.ids.length, order = this.order!, first = this.entitiesFirst;
      const prefix = this.prefix, floatPrefix = this.floatPrefix!;
      for (let i = from; i < to; i++) {
        const c = sorted[i];
        const high = Math.floor(c * unit);
        const r = (c - high * shift) | 0;
        if (i > from) buf[p++] = 44;
        const start = p;
        // Ranks from n on are the remainders' when entities come first, else the entities'.
        const late = r >= n;
        const head = late === first ? floatPrefix : prefix;
        for (let j = 0; j < head.length; j++) buf[p++] = head[j];
        p = uintAt(buf, p, order[late ? r - n : r]);
        buf[p++] = 34;
        buf[p++] = 58;
        p = microAt(buf, p, big - high);
        if (roots && rootRank![r]) {
          rootAt[2 * found] = start;
          rootAt[2 * found + 1] = p;
          rootKey[found++] = c;
        }
      }
    } else {
      const { keyBytes, keyStart } = this, byRank = this.byRank!;
      for (let i = from; i < to; i++) {
        const c = sorted[i];
        const high = Math.floor(c * unit);
        const r = (c - high * shift) | 0, k = byRank[r];
        if (i > from) buf[p++] = 44;
        const start = p;
        for (let j = keyStart[k], end = keyStart[k + 1]; j < end; j++) buf[p++] = keyBytes[j];
        buf[p++] = 58;
        p = microAt(buf, p, big - high);
        if (roots && rootRank![r]) {
          rootAt[2 * found] = start;
          rootAt[2 * found + 1] = p;
          rootKey[found++] = c;
        }
      }
    }
    o.pos = p;
    return found;
  }
}

/**
 * Maps `MapWriter.bulk` hands over as sort keys, for another thread's writer of the same ids to sort and write
 * (`rawMaps`): every map's keys one after the other in `sortKeys`. Per entity (`count` so far): whether its maps are here
 * (`raw`: 1; 0 where they were written as text), where its look-through keys end (`mid`, from where the entity
 * before's end) and its owners' keys (`ends`), and its owners' "others".
 */
export class RawMaps {
  sortKeys = new Float64Array(1 << 16);
  used = 0;
  raw = new Uint8Array(1024);
  mid = new Int32Array(1024);
  ends = new Int32Array(1024);
  others = new Float64Array(1024);
  count = 0;

  /**
   * Adds an entity's maps (`bulk`'s gathered entries: keys as ranks, figures in micro-points), true; false when a figure
   * is too large to sort as one number with its key (the maps are then written as text, `text`).
   */
  take(w: MapWriter, upKey: Int32Array, upVal: Float64Array, ups: number, ownKey: Int32Array, ownVal: Float64Array, owns: number, others: number): boolean {
    this.room(ups + owns);
    if (!w.sortKeys(upKey, upVal, ups, this.sortKeys, this.used) || !w.sortKeys(ownKey, ownVal, owns, this.sortKeys, this.used + ups)) return false;
    this.entity(1, this.used + ups, this.used + ups + owns, others);
    return true;
  }

  /** Adds an entity's maps given as sort keys (look[0, ups), own[0, owns)). */
  keys(look: Float64Array, ups: number, own: Float64Array, owns: number, others: number): void {
    this.room(ups + owns);
    this.sortKeys.set(look.subarray(0, ups), this.used);
    this.sortKeys.set(own.subarray(0, owns), this.used + ups);
    this.entity(1, this.used + ups, this.used + ups + owns, others);
  }

  /** The entity's maps were written as text. */
  text(): void {
    this.entity(0, this.used, this.used, 0);
  }

  /** Room for `size` more keys. */
  private room(size: number): void {
    if (this.used + size <= this.sortKeys.length) return;
    const more = new Float64Array(Math.max(2 * this.sortKeys.length, this.used + size));
    more.set(this.sortKeys.subarray(0, this.used));
    this.sortKeys = more;
  }

  private entity(raw: number, mid: number, end: number, others: number): void {
    if (this.count === this.mid.length) {
      const size = 2 * this.count;
      this.raw = grown(this.raw, size);
      this.mid = grown(this.mid, size);
      this.ends = grown(this.ends, size);
      this.others = grown(this.others, size);
    }
    this.raw[this.count] = raw;
    this.mid[this.count] = mid;
    this.ends[this.count] = end;
    this.others[this.count++] = others;
    this.used = end;
  }
}

/** A copy of `a` in an array of `size`. */
function grown<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}
