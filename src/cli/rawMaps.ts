// Maps handed over between threads as sort keys (cli/mapWorker.ts makes them, cli/mapFeed.ts passes them on): the
// worker gathers an entity's entries as one number each (MapWriter.bulk), and the main thread's writer of the same ids
// sorts and writes them (MapWriter.rawMaps), so whichever thread has time does that part of the work.
import type { MapWriter } from './mapJson';

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
