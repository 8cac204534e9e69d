// The keys of a register's maps (cli/mapJson.ts) and of an entity's other fields: each entity's id, and each
// remainder's (`float:` and the id), as JSON text, and their rank in string order, the order in which a map lists tied
// figures. Running ids (one prefix and the entity's index, as our generator and exports number records) are written
// from their numbers, nothing kept per key; other ids are encoded once.
import { FLOAT_PREFIX } from '../model';
import { uintAt, utf8, utf8Length, type ByteOut } from './byteOut';

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

/** The keys of a register's entities (k = v) and remainders (k = n + v): their JSON text and rank in string order. */
export class MapKeys {
  /** Every key's JSON text, encoded once: entity v at keyStart[v], the remainder of v at keyStart[n + v]. */
  readonly keyBytes: Uint8Array;
  readonly keyStart: Int32Array;
  /** The longest key's JSON text in bytes. */
  readonly keyMax: number;
  /** With running ids: the opening quote and prefix (of an entity; of a remainder), written before the number. */
  readonly prefix?: Uint8Array;
  readonly floatPrefix?: Uint8Array;
  /** Running ids behind a prefix with a letter in it: no key reads as an array index. */
  readonly letterPrefix: boolean = false;

  constructor(private ids: readonly string[]) {
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
  eRank?: Int32Array;
  fRank?: Int32Array;
  eOff = 0;
  fOff = 0;
  byRank?: Int32Array;
  /** With running ids: the entities' numbers in string order; their keys come first when `entitiesFirst`. */
  order?: Int32Array;
  entitiesFirst = true;

  /** Makes the rank tables (once). */
  ranks(): void {
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
  keyOf(r: number): number {
    if (this.byRank) return this.byRank[r];
    const n = this.ids.length, high = r >= n;
    const x = this.order![high ? r - n : r];
    return high === this.entitiesFirst ? n + x : x;
  }

  /** The rank tables made (`ranks`), to be handed with a raw map to another thread's writer of the same ids (`adoptRanks`). */
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
}
