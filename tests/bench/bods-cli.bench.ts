// BODS through the command line (issue target: a BODS file of 100,000 statements read by the CLI in ≤ 5 s on 2
// cores). Writes generated BODS files, then times in a fresh Node process each: reading FILE as the CLI does
// (cli/input.ts: the bytes, format detection, BODS import and validation) and a whole `analyze --json` run.
// Prints figures (time, statements, entities, peak memory); never fails on speed.
// Run: npx tsx tests/bench/bods-cli.bench.ts [statements…]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from '../../src/model';
import { exportBodsJson } from '../../src/io';

const wanted = process.argv.slice(2).map(Number).filter((n) => n > 10);
const TARGETS = wanted.length ? wanted : [10_000, 100_000];
const dir = mkdtempSync(join(tmpdir(), 'bods-bench-'));
const root = process.cwd();

/** Runs `code` (an ES module body) in a fresh Node with tsx; returns its last stdout line parsed. */
function node(code: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

console.log('BODS files read by the command line (fresh process each; time excludes Node start-up)');
console.log('(CPU time is what the read costs the process: wall-clock time grows with the machine\'s load, CPU time less so)');
console.log('statements    file MB   read wall (ms)   read CPU (ms)   entities   analyze --json (ms, ≤ 20k)   peak RSS (MB)');
for (const target of TARGETS) {
  // A generated graph has about 2.5 holdings per entity: one entity statement each plus one per holding.
  const doc = generateGraph({ entities: Math.round(target / 3.5), seed: 7 });
  const file = join(dir, `g${target}.bods.json`);
  writeFileSync(file, exportBodsJson(doc, { date: '2024-01-01' }));
  const statements = doc.entities.length + doc.holdings.length + (doc.agreements ?? []).reduce((s, a) => s + a.parties.length, 0);
  const read = node(`
    import { readInput } from ${JSON.stringify(join(root, 'src/cli/input.ts'))};
    const t = performance.now(), c = process.cpuUsage();
    const r = readInput(${JSON.stringify(file)});
    const cpu = process.cpuUsage(c);
    console.log(JSON.stringify({ ms: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000, entities: r.doc.entities.length, rss: process.memoryUsage().rss }));`);
  const full = statements > 20_000 ? { ms: NaN, rss: 0 } : node(`
    import { run } from ${JSON.stringify(join(root, 'src/cli/main.ts'))};
    const t = performance.now();
    const out = run(['analyze', ${JSON.stringify(file)}, '--json']);
    console.log(JSON.stringify({ ms: performance.now() - t, bytes: out.length, rss: process.memoryUsage().rss }));`);
  const mb = statSync(file).size / 1024 / 1024;
  const analyzeMs = Number.isNaN(full.ms) ? '—' : String(Math.round(full.ms));
  console.log(`${String(statements).padStart(10)}   ${mb.toFixed(1).padStart(7)}   ${Math.round(read.ms).toString().padStart(14)}   ${Math.round(read.cpu).toString().padStart(13)}   ${String(read.entities).padStart(8)}   ${analyzeMs.padStart(26)}   ${Math.round(Math.max(read.rss, full.rss) / 1e6).toString().padStart(12)}`);
}
rmSync(dir, { recursive: true, force: true });
