// Large BODS files against the same graph as a native document, as a user runs them (issue 20 §4: the 100k-entity sample
// exported to BODS is 351 MB; target: read within 3× the native file's time, with bounded memory). Each file — the
// native document, the BODS JSON array the exporter writes, and the same statements as JSON lines — is analysed by a
// whole process of the bundled command line (`node scripts/cli.mjs analyze FILE --entity ID`, as `npm run -s cli`
// runs it) under /usr/bin/time -v: the way it takes (the columnar readers, cli/columnarRead.ts and cli/bodsColumns.ts),
// and for comparison the general reader (OWNERSHIP_CLI_COLUMNAR=0). Prints wall time, CPU time (user + system: what the
// run costs, less bent by a loaded machine than wall time), the CPU ratio to the native file read its own way, peak
// RSS, and the load average when the run started. Checks that both ways print the same; never fails on speed.
// Run: npx tsx tests/bench/bods-large.bench.ts [entities…]   (default 20000 100000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from '../../src/model';
import { exportBods, exportBodsJson, serializeDoc } from '../../src/io';

const wanted = process.argv.slice(2).map(Number).filter((n) => n > 10);
const SIZES = wanted.length ? wanted : [20_000, 100_000];
const dir = mkdtempSync(join(tmpdir(), 'bods-large-'));
const root = process.cwd();
const cli = join(root, 'scripts/cli.mjs');

interface Run {
  wall: number;
  cpu: number;
  rss: number;
  load: number;
  out: string;
}

/** One whole process of the bundled command line analysing `file`, under /usr/bin/time -v. */
function timed(file: string, general: boolean): Run {
  const load = loadavg()[0];
  const env = { ...process.env, OWNERSHIP_CLI_COLUMNAR: general ? '0' : '1' };
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, 'analyze', file, '--entity', 'e5'], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(r.stderr);
  const wallText = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const wall = Number(wallText[1] ?? 0) * 3600 + Number(wallText[2]) * 60 + Number(wallText[3]);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]) / 1024;
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]);
  // What the command printed on stderr besides /usr/bin/time's report (warnings) belongs to its output too.
  const warned = r.stderr.slice(0, r.stderr.indexOf('\tCommand being timed'));
  return { wall, cpu, rss, load, out: r.stdout + warned };
}

// The bundle is built on the first run when a source is newer: once here, outside the timed runs.
spawnSync(process.execPath, [cli, 'help'], { cwd: root });
console.log('The same graph as a native document, BODS JSON and BODS JSON lines, analysed by the bundled command line');
console.log('(`analyze FILE --entity e5`, whole processes under /usr/bin/time -v, Node start-up included; × native compares');
console.log('CPU time with the native file read the default way; load is the 1-minute load average at the start of the run)');
console.log('entities   file          reader        MB   wall s   CPU s   × native   peak RSS MB   load');
for (const n of SIZES) {
  const doc = generateGraph({ entities: n, seed: 1 });
  const files = { native: join(dir, `g${n}.ownership.json`), 'BODS JSON': join(dir, `g${n}.bods.json`), 'BODS lines': join(dir, `g${n}.bods.jsonl`) };
  writeFileSync(files.native, serializeDoc(doc));
  writeFileSync(files['BODS JSON'], exportBodsJson(doc));
  writeFileSync(files['BODS lines'], `${exportBods(doc).map((s) => JSON.stringify(s)).join('\n')}\n`);
  let native: Run | undefined;
  for (const [label, file] of Object.entries(files)) {
    const mb = (statSync(file).size / 1024 / 1024).toFixed(0);
    const fast = timed(file, false);
    const general = timed(file, true);
    native ??= fast;
    if (fast.out !== general.out) throw new Error(`${label}: the columnar and the general reader printed different things`);
    for (const [reader, t] of [['columnar', fast], ['general', general]] as const) {
      console.log(`${String(n).padStart(8)}   ${label.padEnd(12)}  ${reader.padEnd(9)} ${mb.padStart(5)}   ${t.wall.toFixed(1).padStart(6)}   ${t.cpu.toFixed(1).padStart(5)}   ${(t.cpu / native.cpu).toFixed(1).padStart(8)}   ${t.rss.toFixed(0).padStart(11)}   ${t.load.toFixed(1).padStart(4)}`);
    }
  }
}
rmSync(dir, { recursive: true, force: true });
