// Large BODS files against the same graph as a native document, on the command line (issue 20 §4: the 100k sample
// exported to BODS is 351 MB; target: read within 3× the native file's time, with bounded memory). Each file is read
// by a whole process (`readInput`, as every command does) under /usr/bin/time -v; prints wall time, peak RSS and the
// ratio. Never fails on speed.
// Run: npx tsx tests/bench/bods-large.bench.ts [entities…]   (default 20000 100000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateGraph } from '../../src/model';
import { exportBodsJson, serializeDoc } from '../../src/io';

const wanted = process.argv.slice(2).map(Number).filter((n) => n > 10);
const SIZES = wanted.length ? wanted : [20_000, 100_000];
const dir = mkdtempSync(join(tmpdir(), 'bods-large-'));
const root = process.cwd();

/** Wall seconds and peak RSS (MB) of a fresh process reading `file` as the command line does. */
function timed(file: string): { wall: number; rss: number; entities: number } {
  const code = `import { readInput } from ${JSON.stringify(join(root, 'src/cli/input.ts'))};
    const r = readInput(${JSON.stringify(file)}); console.log(r.doc.entities.length);`;
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const wallText = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const wall = Number(wallText[1] ?? 0) * 3600 + Number(wallText[2]) * 60 + Number(wallText[3]);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]) / 1024;
  return { wall, rss, entities: Number(r.stdout.trim()) };
}

console.log('Reading the same graph as a native document and as BODS (whole processes, /usr/bin/time -v; includes Node start-up)');
console.log('entities   native MB   BODS MB   native wall s   BODS wall s   ratio   native RSS MB   BODS RSS MB');
for (const n of SIZES) {
  const doc = generateGraph({ entities: n, seed: 1 });
  const native = join(dir, `g${n}.ownership.json`), bods = join(dir, `g${n}.bods.json`);
  writeFileSync(native, serializeDoc(doc));
  writeFileSync(bods, exportBodsJson(doc));
  const a = timed(native), b = timed(bods);
  const mb = (f: string) => (statSync(f).size / 1024 / 1024).toFixed(0);
  console.log(`${String(n).padStart(8)}   ${mb(native).padStart(9)}   ${mb(bods).padStart(7)}   ${a.wall.toFixed(1).padStart(13)}   ${b.wall.toFixed(1).padStart(11)}   ${(b.wall / a.wall).toFixed(1).padStart(5)}   ${a.rss.toFixed(0).padStart(13)}   ${b.rss.toFixed(0).padStart(11)}`);
}
rmSync(dir, { recursive: true, force: true });
