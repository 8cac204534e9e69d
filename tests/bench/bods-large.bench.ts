// Large BODS files against the same graph as a native document, on the command line (issue 20 §4: the 100k sample
// exported to BODS is 351 MB; target: read within 3× the native file's time, with bounded memory). Each file — the
// native document, the BODS JSON array the exporter writes, and the same statements as JSON lines — is read by a
// whole process (`readInput`, as every command does) under /usr/bin/time -v; prints wall time, CPU time (user +
// system: what the read costs, less bent by a loaded machine than wall time), peak RSS and the ratios to native.
// Never fails on speed.
// Run: npx tsx tests/bench/bods-large.bench.ts [entities…]   (default 20000 100000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from '../../src/model';
import { exportBods, exportBodsJson, serializeDoc } from '../../src/io';

const wanted = process.argv.slice(2).map(Number).filter((n) => n > 10);
const SIZES = wanted.length ? wanted : [20_000, 100_000];
const dir = mkdtempSync(join(tmpdir(), 'bods-large-'));
const root = process.cwd();

/** Wall and CPU seconds and peak RSS (MB) of a fresh process reading `file` as the command line does. */
function timed(file: string): { wall: number; cpu: number; rss: number; entities: number } {
  const code = `import { readInput } from ${JSON.stringify(join(root, 'src/cli/input.ts'))};
    const r = readInput(${JSON.stringify(file)}); console.log(r.doc.entities.length);`;
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const wallText = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const wall = Number(wallText[1] ?? 0) * 3600 + Number(wallText[2]) * 60 + Number(wallText[3]);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]) / 1024;
  const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]);
  return { wall, cpu, rss, entities: Number(r.stdout.trim()) };
}

console.log('Reading the same graph as a native document, as BODS JSON and as BODS JSON lines (whole processes, /usr/bin/time -v; includes Node start-up)');
console.log('entities   file            MB   wall s   CPU s   × native (wall)   × native (CPU)   peak RSS MB');
for (const n of SIZES) {
  const doc = generateGraph({ entities: n, seed: 1 });
  const files = { native: join(dir, `g${n}.ownership.json`), 'BODS JSON': join(dir, `g${n}.bods.json`), 'BODS lines': join(dir, `g${n}.bods.jsonl`) };
  writeFileSync(files.native, serializeDoc(doc));
  writeFileSync(files['BODS JSON'], exportBodsJson(doc));
  writeFileSync(files['BODS lines'], `${exportBods(doc).map((s) => JSON.stringify(s)).join('\n')}\n`);
  let native: ReturnType<typeof timed> | undefined;
  for (const [label, file] of Object.entries(files)) {
    const t = timed(file);
    native ??= t;
    if (t.entities !== native.entities) throw new Error(`${label}: read ${t.entities} entities, the native file ${native.entities}`);
    const mb = (statSync(file).size / 1024 / 1024).toFixed(0);
    console.log(`${String(n).padStart(8)}   ${label.padEnd(12)} ${mb.padStart(5)}   ${t.wall.toFixed(1).padStart(6)}   ${t.cpu.toFixed(1).padStart(5)}   ${(t.wall / native.wall).toFixed(1).padStart(15)}   ${(t.cpu / native.cpu).toFixed(1).padStart(14)}   ${t.rss.toFixed(0).padStart(11)}`);
  }
}
rmSync(dir, { recursive: true, force: true });
