// The `analyze` command (FORMAT.md): the readable table, one JSON object or JSON Lines, written as a stream of
// text chunks so that memory does not grow with the output. Look-through and ultimate-owner maps list owners at or
// above --min-stake (the rest summed in "others"); --entity gives full detail; power where the game is small.
import type { OwnershipDoc } from '../model';
import { analyze, roundPct, type Analysis, type AnalysisOptions } from '../analysis';
import { lookThroughWalk, visitOwners } from '../analysis/lookThrough';
import { UsageError } from './args';

/** What `analyze` prints and how much of it. */
export interface AnalyzeOutput {
  format: 'table' | 'json' | 'jsonl';
  /** Owners below this stake (percentage points) are left out of the maps; 0 lists every owner. */
  minStake: number;
  /** When given, only these entities, each with every owner and its power indices. */
  entities?: string[];
}

/** Power indices are given for games of at most this many blocks (or for entities named with --entity). */
export const POWER_MAX_BLOCKS = 64;

/** The stream of text `analyze` prints (without the final newline). Errors are thrown before the first chunk. */
export function* analyzeChunks(doc: OwnershipDoc, opts: Partial<AnalysisOptions>, out: AnalyzeOutput): Generator<string> {
  const a = analyze(doc, opts);
  const named = out.entities;
  if (named) for (const id of named) if (!a.snap.index.has(id)) throw new UsageError(`--entity "${id}" is not an entity of this document — give an entity id`);
  if (out.format === 'table') return yield* tableChunks(a);
  const ids = named ? [...new Set(named)] : a.snap.ids;
  const minStake = named ? 0 : out.minStake;
  const full = !!named;
  if (out.format === 'jsonl') {
    yield JSON.stringify({ rule: a.options.rule, date: a.options.date, loops: a.loops, dependencies: a.dependencies() });
    for (const id of ids) yield `\n{"id":${JSON.stringify(id)},${entityFields(a, id, minStake, full)}}`;
    return;
  }
  yield `{"rule":${JSON.stringify(a.options.rule)},"date":${JSON.stringify(a.options.date)},"entities":{`;
  let first = true;
  for (const id of ids) {
    yield `${first ? '' : ','}\n${JSON.stringify(id)}:{${entityFields(a, id, minStake, full)}}`;
    first = false;
  }
  yield `\n},"loops":${JSON.stringify(a.loops)},"dependencies":${JSON.stringify(a.dependencies())}}`;
}

const round = (x: number, digits = 9) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One entity's fields as JSON text (without braces): status, parent, ultimate, the two maps, power, explanation. */
function entityFields(a: Analysis, id: string, minStake: number, full: boolean): string {
  const c = a.entity(id);
  const v = a.snap.index.get(id)!;
  let maps: string;
  const walk = lookThroughWalk(a.snap, v);
  if (!walk.ok) maps = `"lookThrough":null,"ultimateOwners":null,"unavailable":${JSON.stringify(`closed ownership loop: ${walk.loop.join(', ')}`)}`;
  else {
    const up: [string, number][] = [];
    const owners: [string, number][] = [];
    let listed = 0, cut = false;
    visitOwners(a.snap, v, walk, (u, x) => {
      const p = roundPct(x);
      if (p >= minStake && p > 0) up.push([a.snap.ids[u], p]);
    }, (key, x) => {
      const p = roundPct(x);
      if (p >= minStake && p > 0) {
        owners.push([key, p]);
        listed += p;
      } else cut = true;
    });
    const others = roundPct(Math.max(0, 100 - listed) / 100);
    if (cut && others > 0) owners.push(['others', others]);
    maps = `"lookThrough":${mapText(up)},"ultimateOwners":${mapText(owners)}`;
  }
  let power = 'null';
  if (full || a.blockCount(id) <= POWER_MAX_BLOCKS) {
    const p = a.power(id);
    power = `{"banzhaf":${JSON.stringify(Object.fromEntries(p.map((x) => [x.id, round(x.banzhaf)])))},"shapleyShubik":${JSON.stringify(Object.fromEntries(p.map((x) => [x.id, x.shapleyShubik === null ? null : round(x.shapleyShubik)])))}}`;
  }
  return `"status":"${c.status}","parent":${JSON.stringify(c.parent)},"ultimate":${JSON.stringify(c.ultimate)},${maps},"power":${power},"explanation":${JSON.stringify(a.explain(id))}`;
}

/** A map as JSON text, largest figure first ("others" last), ties by key. */
function mapText(entries: [string, number][]): string {
  entries.sort((x, y) => (x[0] === 'others' ? 1 : y[0] === 'others' ? -1 : y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)));
  let s = '{';
  for (let i = 0; i < entries.length; i++) s += `${i ? ',' : ''}${JSON.stringify(entries[i][0])}:${entries[i][1]}`;
  return `${s}}`;
}

const WIDTH = 48;

/** The readable table, one row per entity, streamed; names are looked up by index (no scan per row). */
function* tableChunks(a: Analysis): Generator<string> {
  const { snap, doc, options } = a;
  const name = (id: string) => {
    const v = snap.index.get(id);
    return v === undefined ? id : snap.names[v];
  };
  const names = (ids: string[]) => (ids.length ? ids.map(name).join(' + ') : '—');
  const head = ['Entity', 'Status', 'Parent', 'Ultimate controller(s)'];
  const widths = head.map((h) => h.length);
  const row = (i: number): string[] => {
    const c = a.entity(snap.ids[i]);
    return [snap.names[i], c.status, names(c.parent), names(c.ultimate)];
  };
  // First pass: column widths (capped), without keeping the rows.
  for (let i = 0; i < snap.n; i++) {
    const r = row(i);
    for (let k = 0; k < 4; k++) if (r[k].length > widths[k]) widths[k] = Math.min(WIDTH, r[k].length);
  }
  const fmt = (r: string[]) => r.map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]))).join('  ').trimEnd();
  yield `Control under the ${options.rule} rule on ${options.date}${options.rule === 'defacto' ? ` (τ = ${options.threshold}%)` : ''}\n\n`;
  yield `${fmt(head)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`;
  for (let i = 0; i < snap.n; i++) yield `\n${fmt(row(i))}`;
  if (a.loops.length) yield `\n\nClosed ownership loops: ${a.loops.map((l) => l.map(name).join(' ↔ ')).join('; ')}`;
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
