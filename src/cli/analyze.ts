// The `analyze` command (FORMAT.md): the readable table, one JSON object or JSON Lines, written as a stream of
// text chunks so that memory does not grow with the output. Look-through and ultimate-owner maps list owners at or
// above --min-stake (the rest summed in "others"); --entity gives full detail; power where the game is small.
import type { OwnershipDoc } from '../model';
import { analyze, type AnalysisOptions } from '../analysis';
import { UsageError } from './args';
import { ByteOut } from './byteOut';
import { EntityWriter } from './entityJson';
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
 * are). The table's chunks are valid until the next is asked for (cli/tableOut.ts). Errors are thrown before the first chunk.
 */
export function* analyzeChunks(doc: OwnershipDoc, opts: Partial<AnalysisOptions>, out: AnalyzeOutput): Generator<string | Uint8Array> {
  const a = analyze(doc, opts);
  const named = out.entities;
  if (named) for (const id of named) if (!a.snap.index.has(id)) throw new UsageError(`--entity "${id}" is not an entity of this document — give an entity id`);
  if (out.format === 'table') return yield* tableChunks(a);
  const indices = named ? [...new Set(named)].map((id) => a.snap.index.get(id)!) : null;
  const count = indices ? indices.length : a.snap.n;
  const minStake = named ? 0 : out.minStake;
  const w = new EntityWriter(a, minStake, !!named);
  const o = new ByteOut();
  const jsonl = out.format === 'jsonl';
  o.str(jsonl
    ? JSON.stringify({ rule: a.options.rule, date: a.options.date, loops: a.loops, dependencies: a.dependencies() })
    : `{"rule":${JSON.stringify(a.options.rule)},"date":${JSON.stringify(a.options.date)},"entities":{`);
  for (let k = 0; k < count; k++) {
    const v = indices ? indices[k] : k;
    if (jsonl) {
      o.str('\n{"id":');
      w.key(o, v);
      o.char(44);
    } else {
      o.str(k ? ',\n' : '\n');
      w.key(o, v);
      o.str(':{');
    }
    w.fields(o, v);
    o.char(125);
    if (o.pos >= CHUNK) yield o.take();
  }
  if (!jsonl) o.str(`\n},"loops":${JSON.stringify(a.loops)},"dependencies":${JSON.stringify(a.dependencies())}}`);
  yield o.take();
}
