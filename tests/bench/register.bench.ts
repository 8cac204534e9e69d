// Register-scale benchmark (issue 12): whole processes of the command line, as a user runs them, at 10k, 100k and
// 1M generated entities — generate (streamed), analyze (table), analyze --json, analyze --jsonl — with wall time,
// CPU time and peak memory (max RSS) from /usr/bin/time; the peer figure for reference; then the live (incremental)
// edit figures at 20k and 100k (live.bench.ts). Prints figures; never fails on speed. A shared machine shows its
// load: the load average is printed, and CPU time is the steadier figure.
// Whole processes are run as `npm run -s cli` runs them (node scripts/cli.mjs: the bundled command line), three times
// each below 1M (the median by wall time is printed; RUNS=n changes it), once at 1M (about 2 GB for a while).
// Run: npx tsx tests/bench/register.bench.ts [sizes…]   (default 10000 100000 1000000)
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const SIZES = sizes.length ? sizes : [10_000, 100_000, 1_000_000];
const dir = mkdtempSync(join(tmpdir(), 'register-bench-'));

interface Run { wall: number; cpu: number; rssMB: number; outMB: number }

/** Runs the CLI as `npm run -s cli` does (node scripts/cli.mjs), stdout to a file; wall, user+system CPU and max RSS. */
function cliOnce(args: string[], out: string): Run {
  const fd = openSync(out, 'w');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, 'scripts/cli.mjs', ...args], { cwd: root, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  closeSync(fd);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, user, sys, rss] = last.split(' ').map(Number);
  if (r.status !== 0 || !Number.isFinite(wall)) throw new Error(`bench: cli ${args.join(' ')} failed: ${r.stderr.slice(0, 500)}`);
  return { wall, cpu: user + sys, rssMB: rss / 1024, outMB: statSync(out).size / 1e6 };
}

const RUNS = Math.max(1, Number(process.env.RUNS) || 3);

/** The run of median wall time out of `runs` (the machine is shared: one run says little). */
function cli(args: string[], out: string, runs = RUNS): Run {
  const all = Array.from({ length: runs }, () => cliOnce(args, out));
  return all.sort((a, b) => a.wall - b.wall)[Math.floor(all.length / 2)];
}

const cell = (r: Run | null) => (r ? `${r.wall.toFixed(1)} s (cpu ${r.cpu.toFixed(1)}) ${r.rssMB.toFixed(0)} MB` : '—');
const load = () => loadavg()[0].toFixed(1);

try {
  cliOnce(['generate', '--entities', '2'], join(dir, 'warm.json')); // builds the bundle if a source changed, untimed
  console.log(`Register-scale command line (Node ${process.version}, whole processes as npm run -s cli runs them; load average at start ${load()})`);
  console.log(`Each cell: wall time (CPU time) peak memory (max RSS); median of ${RUNS} runs below 1M, one run at 1M.\n`);
  const rows: string[][] = [];
  for (const n of SIZES) {
    const file = join(dir, `g${n}.ownership.json`);
    const big = n >= 1_000_000;
    const gen = cli(['generate', '--entities', String(n), '--seed', '42'], file, big ? 1 : RUNS);
    const table = cli(['analyze', file], join(dir, 'table.txt'), big ? 1 : RUNS);
    const json = n <= 100_000 ? cli(['analyze', file, '--json'], join(dir, 'out.json')) : null;
    const jsonl = n <= 100_000 ? cli(['analyze', file, '--jsonl'], join(dir, 'out.jsonl')) : null;
    rows.push([n.toLocaleString('en'), `${cell(gen)}, ${gen.outMB.toFixed(0)} MB`, cell(table), json ? `${cell(json)}, ${json.outMB.toFixed(0)} MB` : '—', cell(jsonl), load()]);
    rmSync(file, { force: true });
  }
  const head = ['entities', 'generate (file size)', 'analyze (table)', 'analyze --json (output)', 'analyze --jsonl', 'load after'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  console.log('\nPeer (numpy/scipy, majority-chain control of all 100k entities plus one look-through, JSON load included): 3.6 s whole process at 100k.');
  console.log('Targets (2 cores): table 100k ≤ 3 s, 1M ≤ 30 s and ≤ 3 GB; --json 100k ≤ 6 s and ≤ 1 GB; --jsonl flat memory; generate 1M in seconds.\n');
  console.log(execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/live.bench.ts', '20000', '100000'], { cwd: root, encoding: 'utf8' }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
