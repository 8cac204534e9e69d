// The maps of `analyze --json` (cli/mapJson.ts, issue 21): MapWriter.bulk over every entity of a register, timed in
// process — the pass over the condensation alone (analysis/lookThroughPass.ts, the same cut), then bulk (the pass, the
// gather, the sorting and the writing), so that the writer's own part is the difference. Also prints the output's size
// and an md5 of it, to compare builds. Wall and CPU time (user + system of the process: steadier on a loaded machine);
// medians of RUNS. Prints figures; never fails on speed.
// Run: npx tsx tests/bench/mapJson.bench.ts [FILE…]   (default /tmp/lead-core.json /tmp/lead-100k.json; RUNS=n, MIN_STAKE=x)
import { createHash, type Hash } from 'node:crypto';
import { loadavg } from 'node:os';
import { analyze } from '../../src/analysis';
import { LookThroughPass } from '../../src/analysis/lookThroughPass';
import type { Snapshot } from '../../src/analysis/snapshot';
import { ByteOut } from '../../src/cli/byteOut';
import { readInput } from '../../src/cli/input';
import { MapWriter } from '../../src/cli/mapJson';

const files = process.argv.slice(2);
const FILES = files.length ? files : ['/tmp/lead-core.json', '/tmp/lead-100k.json'];
const RUNS = Math.max(1, Number(process.env.RUNS) || 3);
const MIN_STAKE = process.env.MIN_STAKE === undefined ? 0.01 : Number(process.env.MIN_STAKE);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

interface Time { ms: number; cpu: number }

/** Wall and CPU milliseconds since `start`. */
function since(start: { t: number; c: NodeJS.CpuUsage }): Time {
  const c = process.cpuUsage(start.c);
  return { ms: performance.now() - start.t, cpu: (c.user + c.system) / 1000 };
}
const now = () => ({ t: performance.now(), c: process.cpuUsage() });

/** The pass alone, as bulk drives it (every entity in index order, with the same cut). */
function passOnly(snap: Snapshot, min: number): Time {
  const t = now();
  const pass = new LookThroughPass(snap, Math.max(0, (min - 0.5) / 1e8));
  let sum = 0;
  for (let v = 0; v < snap.n; v++) {
    if (pass.mapOf(v)) {
      sum += pass.to - pass.from + pass.bound(v);
      pass.release(v);
    }
  }
  if (sum < 0) console.log(sum);
  return since(t);
}

/** bulk over every entity, the output handed on per MB as analyze does; the time and the bytes written (md5 with `hash`). */
function bulkAll(snap: Snapshot, hash?: Hash): Time & { bytes: number } {
  const t = now();
  const w = new MapWriter(snap, MIN_STAKE);
  const o = new ByteOut();
  let bytes = 0;
  for (let v = 0; v < snap.n; v++) {
    w.bulk(o, v);
    if (o.pos >= 1 << 20) {
      bytes += o.pos;
      hash?.update(o.buf.subarray(0, o.pos));
      o.pos = 0;
    }
  }
  bytes += o.pos;
  hash?.update(o.buf.subarray(0, o.pos));
  return { ...since(t), bytes };
}

const fmt = (x: Time) => `${x.ms.toFixed(0)} ms (CPU ${x.cpu.toFixed(0)})`;

for (const file of FILES) {
  const doc = readInput(file).doc;
  const snap = analyze(doc, {}).snap;
  const min = new MapWriter(snap, MIN_STAKE).min;
  console.log(`${file}: ${snap.n} entities, --min-stake ${MIN_STAKE} (load ${load()})`);
  const pass: Time[] = [], bulk: Time[] = [];
  for (let r = 0; r < RUNS; r++) {
    pass.push(passOnly(snap, min));
    bulk.push(bulkAll(snap));
    console.log(`  run ${r + 1}: pass ${fmt(pass[r])}, bulk ${fmt(bulk[r])} (load ${load()})`);
  }
  const hash = createHash('md5');
  const bytes = bulkAll(snap, hash).bytes;
  const med = (xs: Time[]) => ({ ms: median(xs.map((x) => x.ms)), cpu: median(xs.map((x) => x.cpu)) });
  const p = med(pass), b = med(bulk);
  console.log(`  median: pass ${fmt(p)}, bulk ${fmt(b)}, writer (bulk − pass) ${fmt({ ms: b.ms - p.ms, cpu: b.cpu - p.cpu })}`);
  console.log(`  output ${(bytes / 1e6).toFixed(1)} MB, md5 ${hash.digest('hex')}`);
}
