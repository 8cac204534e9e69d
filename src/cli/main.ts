// The command-line entry (FORMAT.md): `analyze`, `simulate`, `whatif` over the same engine as the app.
// Bad input exits with status 2 and one line on stderr, and nothing on stdout.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDoc, parseScenario, type OwnershipDoc, type Scenario } from '../model';
import { RULES, type AnalysisOptions, type Rule } from '../analysis';
import { flag, parseArgs, UsageError, type ParsedArgs } from './args';
import { analyzeChunks, type AnalyzeOutput } from './analyze';
import { writeGenerated } from './generate';
import { diffText, parseTransfer, scenarioOps, simulate, whatIfText, whatWouldItTake } from './commands';

const USAGE = `usage: npm run -s cli -- <command> [options]
  analyze FILE [--rule votes|legal|defacto] [--threshold 25] [--date YYYY-MM-DD] [--json | --jsonl] [--min-stake 0.01] [--entity ID …]
  simulate FILE (--transfer SELLER:BUYER:SUBJECT:POINTS … | --scenario ID) [--rule …] [--date …] [--json]
  whatif FILE --buyer ID --target ID [--rule …] [--date …] [--json]
  generate --entities N [--seed 1]   (a synthetic ownership document on stdout)`;

const MAX_BYTES = 1024 * 1024 * 1024;

function readDoc(file: string | undefined): OwnershipDoc {
  if (!file) throw new UsageError('missing FILE (an *.ownership.json document)');
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES) throw new UsageError(`${file}: larger than 1 GB — split the graph`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`cannot read ${file}: ${why} — give the path of an *.ownership.json document`);
  }
  try {
    return parseDoc(text);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
}

function viewOptions(args: ParsedArgs): Partial<AnalysisOptions> {
  const rule = flag(args, 'rule');
  if (rule !== undefined && !RULES.includes(rule as Rule)) throw new UsageError(`--rule must be one of ${RULES.join(', ')}, got "${rule}"`);
  const t = flag(args, 'threshold');
  const threshold = t === undefined ? undefined : Number(t);
  if (threshold !== undefined && (!Number.isFinite(threshold) || threshold <= 0 || threshold > 100)) throw new UsageError(`--threshold must be a percentage above 0 and at most 100, got "${t}"`);
  const date = flag(args, 'date');
  if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
  return { rule: rule as Rule | undefined, threshold, date };
}

function loadScenarios(): Scenario[] {
  const dir = fileURLToPath(new URL('../../data/scenarios/', import.meta.url));
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => parseScenario(JSON.parse(readFileSync(dir + f, 'utf8')), f));
}

const common = ['rule', 'threshold', 'date'];

/** What `analyze` prints, from its flags (FORMAT.md). */
function analyzeOutput(args: ParsedArgs): AnalyzeOutput {
  if (args.switches.has('json') && args.switches.has('jsonl')) throw new UsageError('give either --json or --jsonl, not both');
  const m = flag(args, 'min-stake');
  const minStake = m === undefined ? 0.01 : Number(m);
  if (m !== undefined && (m.trim() === '' || !Number.isFinite(minStake) || minStake < 0 || minStake > 100)) throw new UsageError(`--min-stake must be percentage points from 0 to 100, got "${m}"`);
  const entities = args.flags.get('entity');
  return { format: args.switches.has('json') ? 'json' : args.switches.has('jsonl') ? 'jsonl' : 'table', minStake, entities };
}

/**
 * Runs one command, handing its stdout to `write` in chunks as it is made (analyze and generate stream; the
 * others write one string). Bad input throws UsageError (or ModelError) before anything is written.
 */
export function runTo(argv: string[], write: (chunk: string | Uint8Array) => void): void {
  const [command, ...rest] = argv;
  if (command === 'analyze') {
    const args = parseArgs(rest, [...common, 'min-stake', 'entity']);
    const out = analyzeOutput(args);
    const opts = viewOptions(args);
    const doc = readDoc(args.positional[0]);
    for (const chunk of analyzeChunks(doc, opts, out)) write(chunk);
  } else if (command === 'generate') {
    const args = parseArgs(rest, ['entities', 'seed']);
    const n = Number(flag(args, 'entities'));
    const seed = Number(flag(args, 'seed') ?? 1);
    if (!Number.isInteger(n) || n < 2 || n > 1_000_000) throw new UsageError('--entities must be a whole number from 2 to 1,000,000');
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    writeGenerated({ entities: n, seed }, write);
  } else write(run(argv));
}

/** Runs one command; returns the text for stdout. Throws UsageError (or ModelError) on bad input. */
export function run(argv: string[]): string {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze':
    case 'generate': {
      const chunks: string[] = [];
      const decoder = new TextDecoder();
      runTo(argv, (c) => chunks.push(typeof c === 'string' ? c : decoder.decode(c, { stream: true })));
      return chunks.join('') + decoder.decode();
    }
    case 'simulate': {
      const args = parseArgs(rest, [...common, 'transfer', 'scenario']);
      const doc = readDoc(args.positional[0]);
      const opts = viewOptions(args);
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
      return args.switches.has('json') ? JSON.stringify(diff, null, 2) : diffText(doc, after, diff);
    }
    case 'whatif': {
      const args = parseArgs(rest, [...common, 'buyer', 'target']);
      const doc = readDoc(args.positional[0]);
      const buyer = flag(args, 'buyer'), target = flag(args, 'target');
      if (!buyer || !target) throw new UsageError('whatif needs --buyer ID and --target ID');
      for (const id of [buyer, target]) if (!doc.entities.some((e) => e.id === id)) throw new UsageError(`no entity "${id}" in ${args.positional[0]} — use an entity id`);
      const list = whatWouldItTake(doc, buyer, target, viewOptions(args));
      return args.switches.has('json') ? JSON.stringify(list, null, 2) : whatIfText(doc, buyer, target, list);
    }
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  try {
    // Text chunks are gathered into writes of about 1 MB; byte chunks come that size already. Writing to a file or a
    // pipe is synchronous on Linux, so memory stays flat however long the output.
    let buf = '';
    runTo(process.argv.slice(2), (chunk) => {
      if (typeof chunk !== 'string') {
        if (buf) process.stdout.write(buf);
        buf = '';
        process.stdout.write(chunk);
        return;
      }
      buf += chunk;
      if (buf.length >= 1 << 20) {
        process.stdout.write(buf);
        buf = '';
      }
    });
    process.stdout.write(`${buf}\n`);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    process.stderr.write(`ownership-cli: ${msg}\n`);
    process.exitCode = 2;
  }
}
