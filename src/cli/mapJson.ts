// The look-through and ultimate-owner maps of `analyze --json` / `--jsonl` (FORMAT.md) written as UTF-8 bytes, and the
// entity keys they and the rest of an entity's fields are written with. At 100k entities the maps hold millions of
// entries, so they are gathered in typed scratch arrays, keys are encoded once (or written from their running
// numbers) and figures are integer micro-points (roundPct × 10⁶) written digit by digit: no string per entry.
// A register's maps (every entity, cut at --min-stake) need only the shareholding arrays of the snapshot (`MapSource`),
// so they can be made apart from the control analysis (cli/mapWorker.ts).
import { FLOAT_PREFIX } from '../model';
import type { Snapshot } from '../analysis/snapshot';
import { LookThroughPass } from '../analysis/lookThroughPass';
import { loopAbove, shareStructure } from '../analysis/shareStructure';
import { sortSmall } from '../analysis/sortSmall';
import { utf8, utf8Length, type ByteOut } from './byteOut';

/** What a register's maps are made from: the snapshot's ids and shareholding arrays. */
export type MapSource = Pick<Snapshot, 'n' | 'ids' | 'inStart' | 'inHolder' | 'inShares' | 'outStart' | 'outSubject' | 'holderCount' | 'heldShares'>;

/**
 * Per entity, the part of its figure its ultimate owners take from it: 2 for an entity nobody holds (all of it, as a
 * terminal holder), its unattributed remainder when above 10⁻⁹, else 0.
 */
function remainders(s: MapSource): Float64Array {
  const out = new Float64Array(s.n);
  for (let v = 0; v < s.n; v++) {
    const rest = 1 - s.heldShares[v];
    out[v] = s.holderCount[v] === 0 ? 2 : rest > 1e-9 ? rest : 0;
  }
  return out;
}

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

/** Writes keys and maps; `minStake` in percentage points (owners below it are summed in "others"). */
export class MapWriter {
  /** Every key's JSON text, encoded once: entity v at keyStart[v], the remainder of v at keyStart[n + v]. */
  private keyBytes: Uint8Array;
  private keyStart: Int32Array;
  private upKey = new Int32Array(1024);
  private upVal = new Float64Array(1024);
  private ownKey = new Int32Array(1024); // entity index; −1 − v for the unattributed remainder of v
  private ownVal = new Float64Array(1024);
  private ids: readonly string[];
  /** Owners below this (micro-points) are left out. */
  readonly min: number;
  /** The maps of every entity, made in one pass over the condensation as they are written. */
  private pass?: LookThroughPass;
  private rem?: Float64Array;

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
    } else {
      const text = this.ids.map((id) => JSON.stringify(id)).join('') + this.ids.map((id) => JSON.stringify(FLOAT_PREFIX + id)).join('');
      this.keyBytes = utf8(text);
      this.keyStart = new Int32Array(2 * n + 1);
      let at = 0;
      for (let i = 0; i < 2 * n; i++) {
        this.keyStart[i] = at;
        at += utf8Length(JSON.stringify(i < n ? this.ids[i] : FLOAT_PREFIX + this.ids[i - n]));
      }
      this.keyStart[2 * n] = at;
    }
    this.min = Math.round(minStake * 1e6 - 1e-6); // micro-points
    this.min = Math.round(minStake * 1e6 - 1e-6);
  }

  /** Writes the JSON text of a key: entity v (k = v), or the remainder `float:<id of v>` (k = n + v). */
  key(o: ByteOut, k: number): void {
    if (!this.prefix) {
      o.bytes(this.keyBytes, this.keyStart[k], this.keyStart[k + 1]);
      return;
    }
    o.room(this.floatPrefix!.length + 12);
    o.pos = this.numbered(o.buf, o.pos, k);
  }

  /** With running ids: the opening quote and prefix (of an entity; of a remainder), written before the number. */
  /** With running ids: the opening quote and prefix (of an entity; of a remainder), written before the number. */
  private prefix?: Uint8Array;
  private floatPrefix?: Uint8Array;
  /** Running ids behind a prefix with a letter in it: no key reads as an array index. */
  letterPrefix = false;

  /** Writes key k at buf[p] (room made by the caller: 12 bytes and the prefix) with running ids; returns the end. */
  private numbered(buf: Uint8Array, p: number, k: number): number {
    const n = this.ids.length;
    const head = k < n ? this.prefix! : this.floatPrefix!;
    for (let j = 0; j < head.length; j++) buf[p++] = head[j];
    let x = k < n ? k : k - n;
    let digits = 1;
    for (let y = x; y >= 10; y = (y / 10) | 0) digits++;
    p += digits;
    for (let j = p - 1; j >= p - digits; j--) {
      const q = (x / 10) | 0;
      buf[j] = 48 + x - q * 10;
      x = q;
    }
    buf[p++] = 34;
    return p;
  }

  private tieBuf = new Float64Array(1024);

  /**
   * Puts sorted[from..to), entries of one figure (`base` + the key's number), in the order of their keys' strings.
   * A few are compared as strings; many (a widely held company's thousands of 0.01% holders) are sorted as numbers
   * by their keys' ranks in string order (the ranks are built the first time).
   */
  private sortTies(sorted: Float64Array, from: number, to: number, base: number): void {
    const count = to - from, ids = this.ids, n = ids.length;
    if (count <= 8) {
      // By insertion, in place: keys of one kind compare as their ids (the remainders' share one prefix).
      const before = (x: number, y: number) => (x < n) === (y < n) ? ids[x < n ? x : x - n] < ids[y < n ? y : y - n] : (x < n ? ids[x] : FLOAT_PREFIX + ids[x - n]) < (y < n ? ids[y] : FLOAT_PREFIX + ids[y - n]);
      for (let i = from + 1; i < to; i++) {
        const c = sorted[i], k = c - base;
        let j = i - 1;
        while (j >= from && before(k, sorted[j] - base)) {
          sorted[j + 1] = sorted[j];
          j--;
        }
        sorted[j + 1] = c;
      }
      return;
    }
    const rank = this.ranks(), byRank = this.byRank!;
    if (this.tieBuf.length < count) this.tieBuf = new Float64Array(Math.max(count, this.tieBuf.length * 2));
    const tie = this.tieBuf.subarray(0, count);
    for (let q = 0; q < count; q++) tie[q] = rank[sorted[from + q] - base];
    tie.sort();
    for (let q = 0; q < count; q++) sorted[from + q] = base + byRank[tie[q]];
  }

  /** Position of every key in string order: entity v at v, the remainder of v at n + v (built on first use). */
  private rankOf?: Int32Array;
  private byRank?: Int32Array;
  private sortBuf = new Float64Array(1024);
  /** A power of two above every key's rank (2n keys): the sort key's radix. */
  private get shift(): number {
    return 2 ** Math.max(22, Math.ceil(Math.log2(2 * this.ids.length + 1)));
  }

  private ranks(): Int32Array {
    if (this.rankOf) return this.rankOf;
    // The ids sorted once, natively (code-unit order, as `<` compares); the remainders' keys, which all start with
    // FLOAT_PREFIX, come in the same order, and the two lists are merged.
    const n = this.ids.length, index = (this.index ??= new Map(this.ids.map((id, i) => [id, i])));
    const sorted = this.ids.slice().sort();
    const byRank = new Int32Array(2 * n), rankOf = new Int32Array(2 * n);
    for (let i = 0, j = 0, r = 0; r < 2 * n; r++) {
      const float = i === n || (j < n && FLOAT_PREFIX + sorted[j] < sorted[i]);
      const k = float ? n + index.get(sorted[j++])! : index.get(sorted[i++])!;
      byRank[r] = k;
      rankOf[k] = r;
    }
    this.byRank = byRank;
    return (this.rankOf = rankOf);
  }


  /** Entity index by id, for `ranks` (built on first use: only ties among many equal figures need it). */
  private index?: Map<string, number>;

  /**
   * Writes `"lookThrough":{…},"ultimateOwners":{…}` of entity v of a register from the pass over the condensation
   * (analysis/lookThroughPass.ts), or null maps where a closed ownership loop lies upstream. Figures a cut upstream
   * may lack are at most the pass's bound, so "others" is printed whenever the pass cut anything. Entities are best
   * asked for in index order (maps are let go once every entity below has been written).
   */
  bulk(o: ByteOut, v: number): void {
    // The pass and the condensation read only the fields of a MapSource.
    const s = this.s as Snapshot;
    // Below this figure (a fraction) neither a stake nor an owner's part rounds to the cut.
    const pass = (this.pass ??= new LookThroughPass(s, Math.max(0, (this.min - 0.5) / 1e8)));
    if (!pass.mapOf(v)) {
      const above = loopAbove(s, shareStructure(s))[v];
      const loop = shareStructure(s).members.get(above)!.map((x) => s.ids[x]).sort();
      o.str(`"lookThrough":null,"ultimateOwners":null,"unavailable":${JSON.stringify(`closed ownership loop: ${loop.join(', ')}`)}`);
    } else {
      const { buf, from, to, end } = pass;
      const size = (to - from) >> 1;
      if (this.upKey.length < size) {
        const grown = Math.max(size, this.upKey.length * 2);
        this.upKey = new Int32Array(grown);
        this.upVal = new Float64Array(grown);
        this.ownKey = new Int32Array(grown);
        this.ownVal = new Float64Array(grown);
      }
      const { upKey, upVal, ownKey, ownVal, min } = this;
      const rem = (this.rem ??= remainders(s));
      let ups = 0, owns = 0, listed = 0, cut = pass.bound(v) > 0;
      // Entries below `end` can print; any other owner's part is left out (then "others" is printed).
      for (let i = end; i < to && !cut; i += 2) if (buf[i + 1] > 1e-12 && rem[buf[i]] > 0) cut = true;
      for (let i = from; i < end; i += 2) {
        const u = buf[i], mu = buf[i + 1];
        if (!(mu > 1e-12)) continue;
        if (u !== v) {
          const k = Math.round(mu * 100 * 1e6);
          if (k >= min && k > 0) {
            upKey[ups] = u;
            upVal[ups++] = k;
          }
        }
        const r = rem[u];
        if (r === 0) continue;
        // Someone nobody holds owns its whole figure (the target itself: 1); any other entity its unattributed part.
        const x = r === 2 ? (u === v ? 1 : mu) : r * mu;
        const k = Math.round(x * 100 * 1e6);
        if (k >= min && k > 0) {
          ownKey[owns] = r === 2 ? u : -1 - u;
          ownVal[owns++] = k;
          listed += k;
        } else cut = true;
      }
      pass.release(v);
      o.str('"lookThrough":');
      this.map(o, upKey, upVal, ups, 0);
      o.str(',"ultimateOwners":');
      this.map(o, ownKey, ownVal, owns, cut ? Math.max(0, 100e6 - listed) : 0);
    }
  }

  /**
   * A map, largest figure first, ties by key; then "others" when `others` > 0. Sorted natively as one number per
   * entry: (top − figure) · 2^b + the key's number, where 2^b covers every key's number (2n keys); exact while
   * top · 2^b < 2⁵³ (figures to 512% at 8M entities: a look-through stake in a cycle may pass 100%). Past that, entries
   * are sorted by a comparison (slower, same order).
   */
  map(o: ByteOut, keys: Int32Array, vals: Float64Array, count: number, others: number) {
    const n = this.ids.length;
    const shift = this.shift, unit = 1 / shift; // a power of two: c · unit is exact
    if (this.sortBuf.length < count) this.sortBuf = new Float64Array(Math.max(count, this.sortBuf.length * 2));
    const sorted = this.sortBuf;
    let top = 0;
    for (let i = 0; i < count; i++) if (vals[i] > top) top = vals[i];
    o.char(123);
    if ((top + 1) * shift < 2 ** 53) {
      // Sorted by figure with the key's own number below it; entries with equal figures are then put in key order.
      for (let i = 0; i < count; i++) {
        const k = keys[i];
        sorted[i] = (top - vals[i]) * shift + (k >= 0 ? k : n - 1 - k);
      }
      sortSmall(sorted, count);
      for (let i = 1; i < count; ) {
        // Entries further apart than a whole unit of figure cannot share one (the key part is below `shift`).
        if (sorted[i] - sorted[i - 1] >= shift) {
          i++;
          continue;
        }
        const high = Math.floor(sorted[i - 1] * unit);
        if (Math.floor(sorted[i] * unit) !== high) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < count && Math.floor(sorted[j] * unit) === high) j++;
        this.sortTies(sorted, i - 1, j, high * shift);
        i = j + 1;
      }
      // Keys copied straight into the output buffer.
      const { keyBytes, keyStart } = this;
      if (this.floatPrefix) {
        for (let i = 0; i < count; i++) {
          const c = sorted[i];
          const high = Math.floor(c * unit);
          o.room(this.floatPrefix.length + 14);
          const buf = o.buf;
          let p = o.pos;
          if (i) buf[p++] = 44;
          p = this.numbered(buf, p, (c - high * shift) | 0);
          buf[p++] = 58;
          o.pos = p;
          o.micro(top - high);
        }
      } else for (let i = 0; i < count; i++) {
        const c = sorted[i];
        const high = Math.floor(c * unit);
        const k = (c - high * shift) | 0;
        const from = keyStart[k], to = keyStart[k + 1];
        o.room(to - from + 2);
        const buf = o.buf;
        let p = o.pos;
        if (i) buf[p++] = 44;
        for (let j = from; j < to; j++) buf[p++] = keyBytes[j];
        buf[p++] = 58;
        o.pos = p;
        o.micro(top - high);
      }
    } else {
      const rank = this.ranks();
      const rankOf = (k: number) => rank[k >= 0 ? k : n - 1 - k];
      const order = Array.from({ length: count }, (_, i) => i).sort((x, y) => vals[y] - vals[x] || rankOf(keys[x]) - rankOf(keys[y]));
      order.forEach((i, j) => {
        if (j) o.char(44);
        this.key(o, this.byRank![rankOf(keys[i])]);
        o.char(58);
        o.micro(vals[i]);
      });
    }
    if (others > 0) {
      if (count) o.char(44);
      o.str('"others":');
      o.micro(others);
    }
    o.char(125);
  }
}

