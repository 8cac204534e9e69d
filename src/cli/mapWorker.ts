// The worker thread that writes a register's look-through and ultimate-owner maps for `analyze --json` / `--jsonl`
// (cli/mapFeed.ts starts it). The maps need only the shareholding arrays (cli/mapJson.ts), not the control analysis,
// so on a machine with two cores they are made while the main thread analyses control and writes every other field.
// Entities are written in index order, in batches of about 4 MB, each posted with where every entity's text
// ends; the worker stays at most AHEAD batches in front of what the main thread has taken.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { ByteOut } from './byteOut';
import { MapWriter, type MapSource } from './mapJson';

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

/** A batch of entities' maps: entity `from + i`'s text ends at `ends[i]` of `bytes` (and starts where the one before ends). */
export interface MapBatch {
  from: number;
  ends: Int32Array;
  bytes: Uint8Array;
}

/** Batches the worker may post before the main thread has taken them. */
export const AHEAD = 4;
/** Bytes gathered before a batch is posted (each message costs about a millisecond, whatever its size). */
const BATCH = 4 << 20;

/**
 * A buffer of at least `size` bytes for a batch: one the main thread gave back, or a new one. Used again, buffers
 * are neither zeroed by the system nor counted as new external memory (which makes both threads collect garbage).
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
  const o = new ByteOut();
  let ends = new Int32Array(4096), count = 0, from = 0, posted = 0;
  for (let v = 0; v < n; v++) {
    w.bulk(o, v);
    if (count === ends.length) {
      const grown = new Int32Array(2 * count);
      grown.set(ends);
      ends = grown;
    }
    ends[count++] = o.pos;
    if (o.pos < BATCH && v < n - 1) continue;
    // Waits while the main thread has AHEAD batches still to take.
    for (let taken = Atomics.load(state, 0); posted - taken >= AHEAD; taken = Atomics.load(state, 0)) Atomics.wait(state, 0, taken);
    const bytes = new Uint8Array(buffer(spare, pool, o.pos), 0, o.pos);
    bytes.set(o.buf.subarray(0, o.pos));
    o.pos = 0;
    const batch: MapBatch = { from, ends: ends.slice(0, count), bytes };
    parentPort!.postMessage(batch, [bytes.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer]);
    posted++;
    from = v + 1;
    count = 0;
  }
}

// Runs only as the worker (imported elsewhere, as the tests import every module, it does nothing).
if (parentPort && workerData) {
  try {
    run(workerData as MapJob);
  } catch (e) {
    parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}
