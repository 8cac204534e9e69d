// The command-line entry (FORMAT.md): `analyze`, `simulate`, `whatif` over the same engine as the app.
// Bad input exits with status 2 and one line on stderr, and nothing on stdout.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, type OwnershipDoc, type Scenario } from '../model';
import { RULES, type AnalysisOptions, type Rule } from '../analysis';
import { decimal, flag, isoDateArg, parseArgs, UsageError, type ParsedArgs } from './args';
import { readInput } from './input';
import { columnarInput } from './columnarInput';
import { oneLine, printable } from './sanitize';
import { reportWarnings, type WarningSink } from './warnings';
import { analyzeChunks, analyzeChunksAsync, type AnalyzeOutput } from './analyze';
import { earlyMapFeed } from './mapFeed';
import { writeGenerated } from './generate';
import { OutputClosed, writeStdout } from './stdout';
import { MAX_GENERATED, type GenerateOptions } from '../model/generate';
import { diffText, parseTransfer, scenarioOps, simulate, whatIfText, whatWouldItTake } from './commands';

const USAGE = `usage: npm run -s cli -- <command> [options]
  analyze FILE [--rule votes|legal|defacto] [--threshold 25] [--date YYYY-MM-DD] [--json | --jsonl] [--min-stake 0.01] [--entity ID …]
  simulate FILE (--transfer SELLER:BUYER:SUBJECT:POINTS … | --scenario ID) [--rule …] [--date …] [--json]
  whatif FILE --buyer ID --target ID [--rule …] [--date …] [--json]
  export FILE --to OUT.(ownership.json|bods.json|ftm.jsonl|csv|svg|png|drawio|graphml) [--date …] [--rule …] [--history]
  report FILE [--scenario NAME] [--date …] [--rule …] [--threshold …] --to OUT.html   (the report page the app writes)
  generate --entities N [--seed 1] [--core F] [--depth D] [--wide K]   (a synthetic ownership document on stdout)
  Warnings from reading FILE go to stderr after a count line; --quiet silences them.`;

/** What a command is run with besides its arguments: where import warnings go (the program passes its stderr; absent, nowhere). */
export interface CliContext {
  warn?: WarningSink;
}

/** FILE (the first positional argument) read as the app reads it (cli/input.ts); its warnings go to ctx.warn unless --quiet. */
function readDoc(args: ParsedArgs, ctx: CliContext, date?: string): OwnershipDoc {
  const file = args.positional[0];
  const r = readInput(file, { date });
  reportWarnings(file ?? '', r.warnings, args.switches.has('quiet'), ctx.warn);
  return r.doc;
}

function viewOptions(args: ParsedArgs): Partial<AnalysisOptions> {
  const rule = flag(args, 'rule');
  if (rule !== undefined && !RULES.includes(rule as Rule)) throw new UsageError(`--rule must be one of ${RULES.join(', ')}, got "${rule}"`);
  const t = flag(args, 'threshold');
  const threshold = t === undefined ? undefined : decimal(t, '--threshold');
  if (threshold !== undefined && (!Number.isFinite(threshold) || threshold <= 0 || threshold > 100)) throw new UsageError(`--threshold must be a percentage above 0 and at most 100, got "${t}"`);
  const d = flag(args, 'date');
  const date = d === undefined ? undefined : isoDateArg(d, '--date');
  return { rule: rule as Rule | undefined, threshold, date };
}

function loadScenarios(): Scenario[] {
  const dir = fileURLToPath(new URL('../../data/scenarios/', import.meta.url));
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => parseScenario(JSON.parse(readFileSync(dir + f, 'utf8')), f));
}

/** Runs `export` (async: the layout and the PNG encoder); resolves to '' (nothing on stdout). */
export async function runExport(argv: string[], ctx: CliContext = {}): Promise<string> {
  const args = parseArgs(argv, ['rule', 'threshold', 'date', 'to']);
  const out = flag(args, 'to');
  if (!out) throw new UsageError('export needs --to OUT (.ownership.json, .bods.json, .csv, .svg, .png, .drawio or .graphml)');
  // Loaded only for export: the drawing stack (layout, SVG, the PNG encoder) costs a second of start-up to the other commands.
  const { exportFile, outFormat } = await import('./exportFile');
  outFormat(out);
  const opts = viewOptions(args);
  const doc = readDoc(args, ctx, opts.date);
  await exportFile(doc, out, { ...opts, history: args.switches.has('history') });
  return '';
}

/** Runs `report` (async, like export: the layout); resolves to '' (nothing on stdout). */
export async function runReport(argv: string[], ctx: CliContext = {}): Promise<string> {
  const args = parseArgs(argv, ['rule', 'threshold', 'date', 'to', 'scenario']);
  const out = flag(args, 'to');
  if (!out) throw new UsageError('report needs --to OUT.html');
  const { writeReport } = await import('./report');
  const opts = viewOptions(args);
  const doc = readDoc(args, ctx, opts.date);
  await writeReport(doc, loadScenarios(), out, { ...opts, scenario: flag(args, 'scenario'), today: new Date().toISOString().slice(0, 10) });
  return '';
}

const common = ['rule', 'threshold', 'date'];

/** What `analyze` prints, from its flags (FORMAT.md). */
function analyzeOutput(args: ParsedArgs): AnalyzeOutput {
  if (args.switches.has('json') && args.switches.has('jsonl')) throw new UsageError('give either --json or --jsonl, not both');
  const m = flag(args, 'min-stake');
  const minStake = m === undefined ? 0.01 : decimal(m, '--min-stake');
  if (!Number.isFinite(minStake) || minStake < 0 || minStake > 100) throw new UsageError(`--min-stake must be percentage points from 0 to 100, got "${m}"`);
  const entities = args.flags.get('entity');
  return { format: args.switches.has('json') ? 'json' : args.switches.has('jsonl') ? 'jsonl' : 'table', minStake, entities };
}

/** The shape `generate` makes, from its flags. */
function generateOptions(args: ParsedArgs): GenerateOptions {
  const n = decimal(flag(args, 'entities') ?? '', '--entities', { integer: true });
  const seed = decimal(flag(args, 'seed') ?? '1', '--seed', { integer: true });
  if (!Number.isInteger(n) || n < 2 || n > MAX_GENERATED) throw new UsageError(`--entities must be a whole number from 2 to ${MAX_GENERATED.toLocaleString('en')}`);
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  const opts: GenerateOptions = { entities: n, seed };
  const core = flag(args, 'core');
  if (core !== undefined) {
    opts.core = decimal(core, '--core');
    if (!(opts.core >= 0 && opts.core <= 1)) throw new UsageError(`--core must be a fraction of companies from 0 to 1, such as 0.3, got "${core}"`);
  }
  const depth = flag(args, 'depth');
  if (depth !== undefined) {
    opts.depth = decimal(depth, '--depth', { integer: true });
    if (opts.depth < 1) throw new UsageError(`--depth must be a chain length of at least 1, got "${depth}"`);
  }
  const wide = flag(args, 'wide');
  if (wide !== undefined) {
    opts.wide = decimal(wide, '--wide', { integer: true });
    if (opts.wide < 0) throw new UsageError(`--wide must be a number of widely held companies, 0 or more, got "${wide}"`);
  }
  return opts;
}

/** What `analyze` reads and prints, from its arguments (FILE read as `runTo` says). */
function analyzeInput(rest: string[], ctx: CliContext): { doc: OwnershipDoc; opts: Partial<AnalysisOptions>; out: AnalyzeOutput } {
  const { args, out, opts } = analyzeArgs(rest);
  return { doc: analyzedDoc(args, ctx, opts), opts, out };
}

/** The arguments of `analyze`: what to print, and the view. */
function analyzeArgs(rest: string[]) {
  const args = parseArgs(rest, [...common, 'min-stake', 'entity']);
  return { args, out: analyzeOutput(args), opts: viewOptions(args) };
}

/**
 * The document `analyze` reads: a plain register column by column (no object per record), for the table and the
 * JSON outputs alike; anything else the general way.
 */
function analyzedDoc(args: ParsedArgs, ctx: CliContext, opts: Partial<AnalysisOptions>): OwnershipDoc {
  return columnarInput(args.positional[0], opts) || readDoc(args, ctx, opts.date);
}

/** The table shows names from the file: control characters are replaced (JSON escapes them itself). */
const shown = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? printable(chunk) : chunk);

/**
 * Runs one command, handing its stdout to `write` in chunks as it is made (analyze and generate stream; the
 * others write one string). Bad input throws UsageError (or ModelError) before anything is written.
 */
export function runTo(argv: string[], write: (chunk: string | Uint8Array) => void, ctx: CliContext = {}): void {
  const [command, ...rest] = argv;
  if (command === 'analyze') {
    const { doc, opts, out } = analyzeInput(rest, ctx);
    for (const chunk of analyzeChunks(doc, opts, out)) write(shown(chunk));
  } else if (command === 'generate') writeGenerated(generateOptions(parseArgs(rest, ['entities', 'seed', 'core', 'depth', 'wide'])), write);
  else write(run(argv, ctx));
}

/** As `runTo`, with a register's maps for `analyze --json` / `--jsonl` written by a worker thread (cli/analyze.ts). */
export async function runToAsync(argv: string[], write: (chunk: string | Uint8Array) => void, ctx: CliContext = {}): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'analyze') return runTo(argv, write, ctx);
  const { args, out, opts } = analyzeArgs(rest);
  // The map worker starts while the document is read (let go if the register turns out not to want it).
  const feed = earlyMapFeed(out, args.positional[0]);
  try {
    const doc = analyzedDoc(args, ctx, opts);
    for await (const chunk of analyzeChunksAsync(doc, opts, out, feed)) write(shown(chunk));
  } finally {
    feed?.close();
  }
}

/** Runs one command; returns the text for stdout. Throws UsageError (or ModelError) on bad input. */
export function run(argv: string[], ctx: CliContext = {}): string {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze':
    case 'generate': {
      const chunks: string[] = [];
      const decoder = new TextDecoder();
      runTo(argv, (c) => chunks.push(typeof c === 'string' ? c : decoder.decode(c, { stream: true })), ctx);
      return chunks.join('') + decoder.decode();
    }
    case 'simulate': {
      const args = parseArgs(rest, [...common, 'transfer', 'scenario']);
      const opts = viewOptions(args);
      const doc = readDoc(args, ctx, opts.date);
      const transfers = args.flags.get('transfer') ?? [];
      const scenarioId = flag(args, 'scenario');
      if (!transfers.length && !scenarioId) throw new UsageError('simulate needs --transfer SELLER:BUYER:SUBJECT:POINTS or --scenario ID');
      if (transfers.length && scenarioId) throw new UsageError('give either --transfer or --scenario, not both');
      let ops = transfers.map(parseTransfer);
      if (scenarioId) {
        const s = scenarioOps(loadScenarios(), scenarioId);
        ops = s.ops;
        opts.date ??= s.date;
      }
      const { diff, after } = simulate(doc, ops, opts);
      return args.switches.has('json') ? JSON.stringify(diff, null, 2) : printable(diffText(doc, after, diff));
    }
    case 'whatif': {
      const args = parseArgs(rest, [...common, 'buyer', 'target']);
      const doc = readDoc(args, ctx, viewOptions(args).date);
      const buyer = flag(args, 'buyer'), target = flag(args, 'target');
      if (!buyer || !target) throw new UsageError('whatif needs --buyer ID and --target ID');
      for (const id of [buyer, target]) if (!doc.entities.some((e) => e.id === id)) throw new UsageError(`no entity "${id}" in ${args.positional[0]} — use an entity id`);
      const list = whatWouldItTake(doc, buyer, target, viewOptions(args));
      return args.switches.has('json') ? JSON.stringify(list, null, 2) : printable(whatIfText(doc, buyer, target, list));
    }
    case 'export':
      throw new UsageError('export is asynchronous — call runExport (the command line does)');
    case 'report':
      throw new UsageError('report is asynchronous — call runReport (the command line does)');
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

/** The one stderr line for a failure: every line of the message kept, joined, control characters replaced. */
export function errorLine(e: unknown): string {
  return `ownership-cli: ${oneLine(e instanceof Error ? e.message : String(e))}\n`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const ctx: CliContext = { warn: (text) => void process.stderr.write(text) };
  const fail = (e: unknown) => {
    process.stderr.write(errorLine(e));
    process.exitCode = 2;
  };
  const argv = process.argv.slice(2);
  if (argv[0] === 'export') runExport(argv.slice(1), ctx).catch(fail);
  else if (argv[0] === 'report') runReport(argv.slice(1), ctx).catch(fail);
  else {
    // Text chunks are gathered into writes of about 1 MB; byte chunks come that size already. Writing to a file or
    // a pipe is synchronous on Linux, so memory stays flat however long the output.
    let buf = '';
    const write = (chunk: string | Uint8Array) => {
      if (typeof chunk !== 'string') {
        if (buf) writeStdout(buf);
        buf = '';
        writeStdout(chunk);
        return;
      }
      buf += chunk;
      if (buf.length >= 1 << 20) {
        writeStdout(buf);
        buf = '';
      }
    };
    void (async () => {
      try {
        await runToAsync(argv, write, ctx);
        writeStdout(`${buf}\n`);
      } catch (e) {
        // A reader that stopped reading (`… | head`) is not a failure: the command just ends.
        if (!(e instanceof OutputClosed)) fail(e);
      }
    })();
  }
}
