// The analysis phase of `analyze` on a register (issue 21 §2): a native register read column by column as the command
// line reads it (cli/columnarInput.ts), then `new Analysis` (control, its components, the ultimate controllers) timed
// alone. Prints CPU time (user + system), wall time, the garbage collections it saw by kind and the heap after.
// Prints figures; never fails on speed. A register of millions needs a larger heap, as scripts/cli.mjs gives it:
//   node --max-old-space-size=18000 --max-semi-space-size=64 --import tsx tests/bench/analysis.bench.ts FILE [runs]
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { columnarInput } from '../../src/cli/columnarInput';
import { Analysis } from '../../src/analysis';

const [file, runsArg] = process.argv.slice(2);
if (!file) throw new Error('analysis.bench: give a native register file (node scripts/cli.mjs generate --entities 1000000 > FILE)');
const runs = Math.max(1, Number(runsArg ?? 1));

const KINDS: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'full', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak' };
let gc: Record<string, { count: number; ms: number }> = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = KINDS[((e as unknown as { detail: { kind: number } }).detail).kind] ?? 'other';
    const g = (gc[kind] ??= { count: 0, ms: 0 });
    g.count++;
    g.ms += e.duration;
  }
}).observe({ entryTypes: ['gc'] });

const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
let t = performance.now(), c = process.cpuUsage();
const doc = columnarInput(file, {});
if (!doc) throw new Error(`analysis.bench: ${file} is not a plain native register (the columnar reader declined it)`);
console.log(`read: ${cpu(process.cpuUsage(c)).toFixed(1)} s CPU, ${((performance.now() - t) / 1000).toFixed(1)} s wall, ${doc.entities.length} entities`);
/** Lets the observer's queued entries arrive. */
const settle = () => new Promise((r) => setTimeout(r, 50));
await settle();
for (let r = 0; r < runs; r++) {
  gc = {};
  t = performance.now();
  c = process.cpuUsage();
  const a = new Analysis(doc, {});
  const used = process.cpuUsage(c), wall = performance.now() - t;
  await settle();
  const gcs = Object.entries(gc).map(([k, g]) => `${k} ${g.count} (${(g.ms / 1000).toFixed(1)} s)`).join(', ');
  console.log(`analysis: ${cpu(used).toFixed(2)} s CPU (${(used.user / 1e6).toFixed(2)} user), ${(wall / 1000).toFixed(2)} s wall; gc: ${gcs}; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; ${a.statusAt(0)}`);
}
