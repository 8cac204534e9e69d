// The worker thread that writes a register's look-through and ultimate-owner maps for `analyze --json` / `--jsonl`
// (cli/mapFeed.ts starts it). The maps need only the shareholding arrays (cli/mapJson.ts), not the control analysis,
// so on a machine with two cores they are made while the main thread analyses control and writes every other field.
// Entities are written in index order, in batches of about 4 MB, each posted with where every entity's text
// ends; the worker stays at most AHEAD batches in front of what the main thread has taken. When the main thread has
// caught up, the worker hands it a batch's maps as sort keys, to sort and write itself (`rawWanted`): the pass is the
// worker's alone, and the rest of the work goes to whichever thread has time for it.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { ByteOut } from './byteOut';
import { MapWriter, type MapSource } from './mapJson';
import { RawMaps } from './rawMaps';

/** What the main thread gives the worker (cli/mapFeed.ts). */
export interface MapJob {
  /** The shareholding arrays; `ids` is absent when every id is `prefix` followed by its index. */
  source: Omit<MapSource, 'ids'> & { ids?: string[] };
  prefix: string | null;
  minStake: number;
  /** [0]: batches the main thread has taken (on a SharedArrayBuffer). */
  state: Int32Array;
  /** Where the main thread gives back the buffers of batches it has written out, to be filled again. */
  spare: MessagePort;
}

/**
 * A batch of entities' maps: entity `from + i`'s text ends at `ends[i]` of `bytes` (and starts where the one before
 * ends). In a batch with `raw`, an entity with `raw.raw[i]` set has no text: its maps are sort keys (`RawMaps`) for the
 * main thread to sort and write (MapWriter.rawMaps), its look-through map's from where the entity before's end to
 * `mid[i]`, its owners' from there to `keyEnds[i]`. `byRank` comes with the first such batch where ids are not
 * running numbers.
 */
export interface MapBatch {
  from: number;
  ends: Int32Array;
  bytes: Uint8Array;
  raw?: { keys: Float64Array; raw: Uint8Array; mid: Int32Array; keyEnds: Int32Array; others: Float64Array; byRank?: Int32Array };
}

/**
 * Batches the worker may post before the main thread has taken them: while the main thread analyses control, the
 * worker gets this far ahead, which carries the main thread through the pass's longer steps (a large component).
 */
export const AHEAD = 8;
/**
 * Bytes gathered before a batch is posted (each message costs about a millisecond, whatever its size); a sort key
 * counts as the text it becomes (about 24 bytes), so batches hold about as many entities either way.
 */
const BATCH = 4 << 20;
const KEY_TEXT = 24;
/**
 * Whether the main thread is handed a batch's maps to sort and write (`MapBatch.raw`): when it has taken every batch
 * but the one just posted (it is waiting for that one, or soon will be). So the threads share the work whichever of
 * them a register's shape loads more. OWNERSHIP_MAP_RAW=0 or 1 fixes it at never or always (the tests compare both).
 */
function rawWanted(lag: number): boolean {
  const env = process.env.OWNERSHIP_MAP_RAW;
  if (env === '0' || env === '1') return env === '1';
  return lag <= 1;
}

/**
 * A buffer of at least `size` bytes to write a batch's text or sort keys into, then hand over whole: one the main
 * thread gave back, or a new one. Used again, buffers are neither zeroed by the system nor counted as new external
 * memory (which makes both threads collect garbage).
 */
function buffer(spare: MessagePort, pool: ArrayBuffer[], size: number): ArrayBuffer {
  for (let m = receiveMessageOnPort(spare); m; m = receiveMessageOnPort(spare)) pool.push(m.message as ArrayBuffer);
  const i = pool.findIndex((b) => b.byteLength >= size);
  return i >= 0 ? pool.splice(i, 1)[0] : new ArrayBuffer(Math.max(size, BATCH + (BATCH >> 1)));
}

function run(job: MapJob): void {
  const { source, prefix, minStake, state, spare } = job;
  const pool: ArrayBuffer[] = [];
  const n = source.n;
  // Running ids are made again here rather than copied from the main thread (a register's millions of strings).
  const ids = source.ids ?? Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const w = new MapWriter({ ...source, ids }, minStake);
  // Maps are written straight into a buffer for a batch, which goes to the main thread whole (not copied).
  const o = new ByteOut(Buffer.from(buffer(spare, pool, 0)));
  const raw = new RawMaps();
  let ends = new Int32Array(4096), count = 0, from = 0, posted = 0, rankSent = false;
  let handed = rawWanted(0);
  for (let v = 0; v < n; v++) {
    w.bulk(o, v, handed ? raw : undefined);
    if (count === ends.length) {
      const grown = new Int32Array(2 * count);
      grown.set(ends);
      ends = grown;
    }
    ends[count++] = o.pos;
    if (o.pos + KEY_TEXT * raw.used < BATCH && v < n - 1) continue;
    // Waits while the main thread has AHEAD batches still to take.
    for (let taken = Atomics.load(state, 0); posted - taken >= AHEAD; taken = Atomics.load(state, 0)) Atomics.wait(state, 0, taken);
    const bytes = new Uint8Array(o.buf.buffer, o.buf.byteOffset, o.pos);
    o.buf = Buffer.from(buffer(spare, pool, 0));
    o.pos = 0;
    const batch: MapBatch = { from, ends: ends.slice(0, count), bytes };
    const transfer = [bytes.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer];
    if (handed) {
      const keys = new Float64Array(raw.sortKeys.buffer, raw.sortKeys.byteOffset, raw.used);
      raw.sortKeys = new Float64Array(buffer(spare, pool, 0));
      const r = (batch.raw = { keys, raw: raw.raw.slice(0, count), mid: raw.mid.slice(0, count), keyEnds: raw.ends.slice(0, count), others: raw.others.slice(0, count) } as NonNullable<MapBatch['raw']>);
      const byRank = rankSent ? undefined : w.keys.rankTable();
      if (byRank) r.byRank = byRank.slice();
      rankSent = true;
      transfer.push(keys.buffer as ArrayBuffer, r.raw.buffer as ArrayBuffer, r.mid.buffer as ArrayBuffer, r.keyEnds.buffer as ArrayBuffer, r.others.buffer as ArrayBuffer);
      raw.used = raw.count = 0;
    }
    parentPort!.postMessage(batch, transfer);
    posted++;
    from = v + 1;
    count = 0;
    handed = rawWanted(posted - Atomics.load(state, 0));
  }
}

/** The worker's `workerData`: it then waits for its job (a MapJob) as its first message. */
export const MAP_WORKER = 'ownership-map-worker';

// Runs only as the worker (imported elsewhere, as the tests import every module, it does nothing).
if (parentPort && workerData === MAP_WORKER) {
  const port = parentPort;
  port.once('message', (job: MapJob) => {
    try {
      run(job);
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
    // Nothing keeps the thread then: it ends, and lets its memory go, while the main thread writes the last batches
    // (the main thread receives every batch posted before the end). A process cannot end before its threads have.
    job.spare.close();
  });
}
