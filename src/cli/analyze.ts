// The `analyze` command (FORMAT.md): the readable table, one JSON object or JSON Lines, written as a stream of
// text chunks so that memory does not grow with the output. Look-through and ultimate-owner maps list owners at or
// above --min-stake (the rest summed in "others"); --entity gives full detail; power where the game is small.
import type { OwnershipDoc } from '../model';
import { analyze, controlCertainty, ruleLabel, type Analysis, type AnalysisOptions } from '../analysis';
import { UsageError } from './args';
import { ByteOut } from './byteOut';
import { EntityWriter } from './entityJson';

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
 * The stream `analyze` prints (without the final newline): text chunks for the table, UTF-8 byte chunks for JSON.
 * Errors are thrown before the first chunk.
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

const WIDTH = 48;
const BREAKS = /[\t\n\r]/;

/**
 * Names as the table prints them, one row per entity: a line break inside a name becomes " / " and a tab a space
 * (they would start a new row or shift the columns). The same array when no name has either (the usual case).
 */
function oneLineNames(names: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < names.length; i++) {
    if (!BREAKS.test(names[i])) continue;
    out ??= names.slice();
    out[i] = names[i].replace(/\r\n|\r|\n/g, ' / ').replace(/\t/g, ' ');
  }
  return out ?? names;
}

/** The readable table, one row per entity, streamed; names are looked up by index (no scan per row). */
function* tableChunks(a: Analysis): Generator<string> {
  const { snap, doc, options } = a;
  const sn = oneLineNames(snap.names);
  const name = (id: string) => {
    const v = snap.index.get(id);
    return v === undefined ? id : sn[v];
  };
  // Rows read the analysis by entity index: no map of per-entity results is built for millions of rows, and a row
  // makes no array (the widths pass measures the cells without making them).
  const names = (vs: readonly number[]) => (vs.length === 0 ? '—' : vs.length === 1 ? sn[vs[0]] : vs.map((v) => sn[v]).join(' + '));
  const length = (vs: readonly number[]) => {
    if (vs.length < 2) return vs.length === 0 ? 1 : sn[vs[0]].length;
    let l = 3 * (vs.length - 1);
    for (const v of vs) l += sn[v].length;
    return l;
  };
  const head = ['Entity', 'Status', 'Parent', 'Ultimate controller(s)'];
  const widths = head.map((h) => h.length);
  // First pass: column widths (capped), without keeping the rows.
  for (let i = 0; i < snap.n; i++) {
    const l0 = sn[i].length, l1 = a.statusAt(i).length, l2 = length(a.parentsAt(i)), l3 = length(a.ultimatesAt(i));
    if (l0 > widths[0]) widths[0] = Math.min(WIDTH, l0);
    if (l1 > widths[1]) widths[1] = Math.min(WIDTH, l1);
    if (l2 > widths[2]) widths[2] = Math.min(WIDTH, l2);
    if (l3 > widths[3]) widths[3] = Math.min(WIDTH, l3);
  }
  const [w0, w1, w2, w3] = widths;
  const cell = (c: string, w: number) => (c.length > w ? `${c.slice(0, w - 1)}…` : c.padEnd(w));
  // A row's cells padded to their widths, two spaces between, trailing whitespace trimmed.
  const fmt = (c0: string, c1: string, c2: string, c3: string) => `${cell(c0, w0)}  ${cell(c1, w1)}  ${cell(c2, w2)}  ${cell(c3, w3)}`.trimEnd();
  yield `Control under ${ruleLabel(options.rule, options.threshold)} (--rule ${options.rule}) on ${options.date}\n\n`;
  yield `${fmt(head[0], head[1], head[2], head[3])}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`;
  // Rows gathered into chunks of about 64k characters: one yield per row costs more than the row.
  let chunk = '';
  for (let i = 0; i < snap.n; i++) {
    chunk += `\n${fmt(sn[i], a.statusAt(i), names(a.parentsAt(i)), names(a.ultimatesAt(i)))}`;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
  if (a.loops.length) yield `\n\nClosed ownership loops: ${a.loops.map((l) => l.map(name).join(' ↔ ')).join('; ')}`;
  const certainty = controlCertainty(doc, a);
  if (certainty.size) {
    yield '\n\nWithin published bands (figures given as ranges)';
    for (const [id, c] of certainty) yield `\n  ${name(id)}: control ${c.control === 'certain' ? 'certain' : 'only possible'} — ${c.note}`;
  }
  const deps = Object.entries(a.dependencies());
  if (deps.length) {
    const byId = new Map((doc.dependencies ?? []).map((d) => [d.id, d]));
    yield '\n\nDependencies';
    for (const [id, e] of deps) {
      const d = byId.get(id)!;
      yield `\n  ${name(d.provider)} → ${name(d.client)} (${d.kind}): ${e.exposure}${e.crossBorder ? ', cross-border' : ''}`;
    }
  }
}
