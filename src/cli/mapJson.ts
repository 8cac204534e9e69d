// The look-through and ultimate-owner maps of `analyze --json` / `--jsonl` (FORMAT.md) written as UTF-8 bytes. At 100k
// entities the maps hold millions of entries, so they are gathered in typed scratch arrays, keys are written from their
// encoded text or running numbers (cli/mapKeys.ts) and figures are integer micro-points (roundPct × 10⁶) written digit
// by digit: no string per entry. A map is sorted as one number per entry, its figure and its key's rank in string
// order, so ties need no second pass. A register's maps (every entity, cut at --min-stake) need only the shareholding
// arrays of the snapshot (`MapSource`), so they can be made apart from the control analysis (cli/mapWorker.ts), which
// may hand them back as sort keys (cli/rawMaps.ts).
import type { Snapshot } from '../analysis/snapshot';
import { LookThroughPass } from '../analysis/lookThroughPass';
import { loopAbove, shareStructure } from '../analysis/shareStructure';
import { sortSmall } from '../analysis/sortSmall';
import { MICRO_BYTES, microAt, uintAt, type ByteOut } from './byteOut';
import { MapKeys } from './mapKeys';
import type { RawMaps } from './rawMaps';

/** What a register's maps are made from: the snapshot's ids and shareholding arrays. */
export type MapSource = Pick<Snapshot, 'n' | 'ids' | 'inStart' | 'inHolder' | 'inShares' | 'outStart' | 'outSubject' | 'holderCount' | 'heldShares'>;

/** Writes maps; `minStake` in percentage points (owners below it are summed in "others"). */
export class MapWriter {
  /** The keys, as JSON text and ranked in string order. */
  readonly keys: MapKeys;
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
    this.keys = new MapKeys(this.ids);
    this.min = Math.round(minStake * 1e6 - 1e-6); // micro-points
    this.shift = 2 ** Math.max(22, Math.ceil(Math.log2(2 * n + 1)));
    this.big = 2 ** 53 / this.shift - 1;
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
    this.keys.ranks();
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
    const { upKey, upVal, ownKey, ownVal, min, shift, big } = this, { eOff, fOff } = this.keys, eRank = this.keys.eRank!, fRank = this.keys.fRank!;
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
      if (rem[this.keys.keyOf(upKey[i])] !== 2) continue;
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
    this.keys.ranks();
    const look = this.scratch(0, mid - from), own = this.scratch(1, to - mid);
    look.set(keys.subarray(from, mid));
    own.set(keys.subarray(mid, to));
    this.sortedBoth(o, look, mid - from, own, to - mid, others);
  }

  /** By a key's rank: 1 for an entity nobody holds (an owner whose look-through entry the owners' map copies). */
  private rootsByRank(): Uint8Array {
    if (this.rootRank) return this.rootRank;
    this.keys.ranks();
    const n = this.ids.length, out = (this.rootRank = new Uint8Array(2 * n)), eRank = this.keys.eRank!, eOff = this.keys.eOff;
    for (let v = 0; v < n; v++) if (this.s.holderCount[v] === 0) out[eRank[v] + eOff] = 1;
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
    this.keys.ranks();
    const { eOff, fOff } = this.keys, eRank = this.keys.eRank!, fRank = this.keys.fRank!;
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
        this.keys.key(o, this.keys.keyOf(ranks[order[j]]));
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
    o.room((to - from) * (this.keys.keyMax + 2 + MICRO_BYTES));
    const buf = o.buf;
    let p = o.pos;
    const keys = this.keys;
    if (keys.prefix) {
      const n = this.ids.length, order = keys.order!, first = keys.entitiesFirst;
      const prefix = keys.prefix, floatPrefix = keys.floatPrefix!;
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
      const { keyBytes, keyStart } = keys, byRank = keys.byRank!;
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
