// The `analyze` command (FORMAT.md): the readable table, one JSON object or JSON Lines, written as a stream of
// text chunks so that memory does not grow with the output. Look-through and ultimate-owner maps list owners at or
// above --min-stake (the rest summed in "others"); --entity gives full detail; power where the game is small.
// A register's maps may be written by a worker thread while this one writes the rest (cli/mapFeed.ts).
import type { OwnershipDoc } from '../model';
import { analyze, resolveOptions, type Analysis, type AnalysisOptions } from '../analysis';
import { prepareDeclared } from '../analysis/declared';
import { snapshot } from '../analysis/snapshot';
import { UsageError } from './args';
import { ByteOut } from './byteOut';
import { EntityWriter } from './entityJson';
import { MapFeed, mapWorkerWanted } from './mapFeed';
import { tableChunks } from './tableOut';

/** What `analyze` prints and how much of it. */
export interface AnalyzeOutput {
  format: 'table' | 'json' | 'jsonl';
  /** Owners below this stake (percentage points) are left out of the maps; 0 lists every owner. */
  minStake: number;
  /** When given, only these entities, each with every owner and its power indices. */
  entities?: string[];
}

/** Bytes gathered before a chunk is handed out. */
const CHUNK = 1 << 20;

/**
 * The stream `analyze` prints (without the final newline) as UTF-8 byte chunks (text chunks are printed as they
 * are). A chunk is valid until the next is asked for (its buffer is written again). Errors are thrown before the
 * first chunk.
 */
export function* analyzeChunks(doc: OwnershipDoc, opts: Partial<AnalysisOptions>, out: AnalyzeOutput): Generator<string | Uint8Array> {
  const a = analyze(doc, opts);
  if (out.format === 'table') {
    named(a, out);
    return yield* tableChunks(a);
  }
  const j = new JsonStream(a, out);
  for (let k = 0; k < j.count; k++) {
    j.entity(k);
    if (j.o.pos >= CHUNK) yield j.chunk();
  }
  yield j.end();
}

/**
 * The same stream, with a register's look-through and ultimate-owner maps made by a worker thread (cli/mapWorker.ts)
 * from the start, while this thread analyses control and writes every other field; as `analyzeChunks` where the
 * worker does not pay (a table, named entities, declared indirect interests, a small register, the sources run directly).
 * `started`: the worker, started while the document was read (`earlyMapFeed`); closed here whatever happens.
 */
export async function* analyzeChunksAsync(doc: OwnershipDoc, opts: Partial<AnalysisOptions>, out: AnalyzeOutput, started?: MapFeed): AsyncGenerator<string | Uint8Array> {
  const s = out.format === 'table' || out.entities ? null : snapshot(doc, resolveOptions(doc, opts).date);
  if (!s || !mapWorkerWanted(s.n) || prepareDeclared(s).length) {
    started?.close();
    return yield* analyzeChunks(doc, opts, out);
  }
  const feed = started ?? new MapFeed();
  try {
    feed.begin(s, out.minStake);
    const j = new JsonStream(analyze(doc, opts), out);
    const maps = (o: ByteOut, v: number) => feed.write(o, v, j.maps);
    for (let k = 0; k < j.count; k++) {
      if (!feed.has(k)) {
        await feed.arrival();
        feed.next();
      }
      j.entity(k, maps);
      if (j.o.pos >= CHUNK) yield j.chunk();
    }
    yield j.end();
  } finally {
    feed.close();
  }
}

/** Throws when an entity named with --entity is not in the document. */
function named(a: Analysis, out: AnalyzeOutput): void {
  for (const id of out.entities ?? []) if (!a.snap.index.has(id)) throw new UsageError(`--entity "${id}" is not an entity of this document — give an entity id`);
}

/** The JSON and JSON Lines outputs, written entity by entity into one buffer (`o`), taken in chunks by the caller. */
class JsonStream {
  readonly o = new ByteOut();
  readonly count: number;
  private indices: number[] | null;
  private w: EntityWriter;
  private jsonl: boolean;
  /** The writer of keys and maps. */
  get maps() {
    return this.w.maps;
  }

  constructor(private a: Analysis, out: AnalyzeOutput) {
    named(a, out);
    this.indices = out.entities ? [...new Set(out.entities)].map((id) => a.snap.index.get(id)!) : null;
    this.count = this.indices ? this.indices.length : a.snap.n;
    this.w = new EntityWriter(a, out.entities ? 0 : out.minStake, !!out.entities);
    this.jsonl = out.format === 'jsonl';
    this.o.str(this.jsonl
      ? JSON.stringify({ rule: a.options.rule, date: a.options.date, loops: a.loops, dependencies: a.dependencies() })
      : `{"rule":${JSON.stringify(a.options.rule)},"date":${JSON.stringify(a.options.date)},"entities":{`);
  }

  /** What was written since the last chunk, as a view of the buffer (written again once the caller asks for more). */
  chunk(): Uint8Array {
    const out = this.o.buf.subarray(0, this.o.pos);
    this.o.pos = 0;
    return out;
  }

  /** Writes the k-th entity listed; its maps from `maps` when given (entity k of a register), else made here. */
  entity(k: number, maps?: (o: ByteOut, v: number) => void): void {
    const { o, w } = this;
    const v = this.indices ? this.indices[k] : k;
    if (this.jsonl) {
      o.str('\n{"id":');
      w.key(o, v);
      o.char(44);
    } else {
      o.str(k ? ',\n' : '\n');
      w.key(o, v);
      o.str(':{');
    }
    if (maps) {
      w.head(o, v);
      maps(o, v);
      w.rest(o, v);
    } else w.fields(o, v);
    o.char(125);
  }

  /** What follows the last entity, and everything not yet taken. */
  end(): Uint8Array {
    const a = this.a;
    if (!this.jsonl) this.o.str(`\n},"loops":${JSON.stringify(a.loops)},"dependencies":${JSON.stringify(a.dependencies())}}`);
    return this.chunk();
  }
}
