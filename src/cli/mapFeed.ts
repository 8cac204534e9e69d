// The main thread's side of the map worker (cli/mapWorker.ts): starts it on a snapshot's shareholding arrays and hands
// out each entity's maps as the JSON stream reaches it (cli/analyze.ts). A worker that fails or stops early makes the
// command fail with a message; nothing is left running once the stream ends or stops.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Snapshot } from '../analysis/snapshot';
import type { ByteOut } from './byteOut';
import type { MapWriter } from './mapJson';
import { runningPrefix } from './mapKeys';
import { MAP_WORKER, type MapBatch, type MapJob } from './mapWorker';

/** The worker's module, beside the command line's bundle (absent when the sources run directly, as in the tests). */
const WORKER = new URL('./mapWorker.mjs', import.meta.url);

/** Registers with fewer entities are written on one thread: starting a worker and copying the arrays cost more. */
const MIN_ENTITIES = 20_000;

/**
 * Whether a register of n entities gets the worker: from the bundle only, and from MIN_ENTITIES on, unless the
 * environment says otherwise (OWNERSHIP_MAP_WORKER=0: never; 1: whatever the size; the tests compare both).
 */
export function mapWorkerWanted(n: number): boolean {
  const env = process.env.OWNERSHIP_MAP_WORKER;
  if (env === '0' || !existsSync(fileURLToPath(WORKER))) return false;
  return env === '1' || n >= MIN_ENTITIES;
}

/** Files smaller than this are not worth starting the worker for before they are read (fewer than MIN_ENTITIES). */
const MIN_BYTES = 1 << 20;

/**
 * The worker, started before `file` is read when its maps are likely to be wanted: JSON output of a whole register
 * (no named entity) in a file of a megabyte or more; analyzeChunksAsync lets it go if the register does not need it.
 */
export function earlyMapFeed(out: { format: string; entities?: string[] }, file: string | undefined): MapFeed | undefined {
  if (out.format === 'table' || out.entities || !file || !mapWorkerWanted(Infinity)) return undefined;
  try {
    if (statSync(file).size < MIN_BYTES && process.env.OWNERSHIP_MAP_WORKER !== '1') return undefined;
  } catch {
    return undefined; // reading the file reports what is wrong with it
  }
  return new MapFeed();
}

/**
 * Each entity's maps from the worker, asked for in index order. The worker is started first (`new MapFeed()`, while
 * the register is read: a thread takes a fifth of a second to start) and given its snapshot once there is one (`begin`).
 */
export class MapFeed {
  private worker: Worker;
  /** [0]: batches taken (the worker waits while it is AHEAD batches in front). */
  private state = new Int32Array(new SharedArrayBuffer(4));
  private queue: MapBatch[] = [];
  private batch: MapBatch = { from: 0, ends: new Int32Array(0), bytes: new Uint8Array(0) };
  private failure?: Error;
  private wake?: () => void;
  private done = false;
  /** Entities in the register (once begun). */
  private n = -1;
  /** Buffers of batches written out go back to the worker through this port. */
  private spare?: MessagePort;

  constructor() {
    this.worker = new Worker(WORKER, { workerData: MAP_WORKER });
    this.worker.on('message', (m: MapBatch | { error: string }) => {
      if ('error' in m) this.fail(new Error(`the look-through maps could not be written: ${m.error}`));
      else {
        this.queue.push(m);
        if (m.from + m.ends.length === this.n) this.done = true;
      }
      this.wake?.();
    });
    this.worker.on('error', (e) => this.fail(new Error(`the look-through maps could not be written: ${e.message}`)));
    this.worker.on('exit', (code) => {
      if (!this.done) this.fail(new Error(`the look-through maps' worker stopped (exit code ${code}) before every entity was written`));
    });
  }

  /** Gives the worker the register's shareholding arrays (copies): it starts writing maps. */
  begin(s: Snapshot, minStake: number): void {
    const prefix = runningPrefix(s.ids);
    const { port1, port2 } = new MessageChannel();
    this.spare = port1;
    this.n = s.n;
    const job: MapJob = {
      source: {
        n: s.n, inStart: s.inStart, inHolder: s.inHolder, inShares: s.inShares, outStart: s.outStart, outSubject: s.outSubject,
        holderCount: s.holderCount, heldShares: s.heldShares, ids: prefix === null ? s.ids : undefined,
      },
      prefix,
      minStake,
      state: this.state,
      spare: port2,
    };
    this.worker.postMessage(job, [port2]);
  }

  private fail(e: Error) {
    this.failure ??= e;
    this.wake?.();
  }

  /** Whether entity v's maps are at hand (else `next` first). */
  has(v: number): boolean {
    return v < this.batch.from + this.batch.ends.length;
  }

  /** Whether a batch has come that is not taken yet (`next`); throws if the worker failed. */
  queued(): boolean {
    if (this.failure) throw this.failure;
    return this.queue.length > 0;
  }

  /** Waits until a batch has come (or the worker failed: throws). */
  async arrival(): Promise<void> {
    while (!this.queued()) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  /** Takes the next batch (`queued`), giving the one before back to the worker. */
  next(): void {
    const old = this.batch.bytes.buffer as ArrayBuffer;
    if (old.byteLength) this.spare!.postMessage(old, [old]);
    const keys = this.batch.raw?.keys.buffer as ArrayBuffer | undefined;
    if (keys?.byteLength) this.spare!.postMessage(keys, [keys]);
    this.batch = this.queue.shift()!;
    Atomics.add(this.state, 0, 1);
    Atomics.notify(this.state, 0);
  }

  /**
   * Writes `"lookThrough":…,"ultimateOwners":…` of entity v (at hand: `has(v)`); `maps`, a writer of the same ids,
   * sorts and writes an ultimate-owner map the worker handed over unsorted.
   */
  write(o: ByteOut, v: number, maps: MapWriter): void {
    const { from, ends, bytes, raw } = this.batch;
    const i = v - from;
    if (!raw) {
      o.bytes(bytes, i ? ends[i - 1] : 0, ends[i]);
      return;
    }
    if (raw.byRank) {
      maps.keys.adoptRanks(raw.byRank);
      raw.byRank = undefined;
    }
    if (!raw.raw[i]) {
      o.bytes(bytes, i ? ends[i - 1] : 0, ends[i]);
      return;
    }
    maps.rawMaps(o, raw.keys, i ? raw.keyEnds[i - 1] : 0, raw.mid[i], raw.keyEnds[i], raw.others[i]);
  }

  /** Stops the worker (it may be waiting for the main thread to take its batches). */
  close(): void {
    this.done = true;
    Atomics.store(this.state, 0, 1 << 30);
    Atomics.notify(this.state, 0);
    this.spare?.close();
    void this.worker.terminate();
  }
}
