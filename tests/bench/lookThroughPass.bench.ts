// The look-through pass alone (issue 21 §1; analysis/lookThroughPass.ts): a native register read as the command line
// reads it, its snapshot built, then `new LookThroughPass` and mapOf + release over every entity in index order, as the
// JSON writer calls them. Prints, per run, the constructor's wall time, the maps' wall and CPU time, the maps' entries in all (a
// checksum of their figures beside it, to see that a change kept them), and the heap; never fails on speed.
//   npx tsx tests/bench/lookThroughPass.bench.ts FILE [runs] [show]
// A register of a million needs a larger heap: node --max-old-space-size=8000 --import tsx tests/bench/… FILE
import { columnarInput } from '../../src/cli/columnarInput';
import { readInput } from '../../src/cli/input';
import { Analysis } from '../../src/analysis';
import { LookThroughPass } from '../../src/analysis/lookThroughPass';

const [file, runsArg, showArg] = process.argv.slice(2);
if (!file) throw new Error('lookThroughPass.bench: give a native register file (node scripts/cli.mjs generate --entities 100000 > FILE)');
const runs = Math.max(1, Number(runsArg ?? 3));
// As `analyze` calls it with its default listing threshold (0.01 point): figures below this are not read.
const show = Number(showArg ?? (1e6 - 0.5) / 1e8);

// The columnar reader, or (a register it declines: ids such as __proto__) the general one, as `analyze` reads them.
const doc = columnarInput(file, {}) || readInput(file).doc;
const s = new Analysis(doc, {}).snap;
console.log(`${file}: ${s.n} entities, ${s.inHolder.length} holdings`);
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  const pass = new LookThroughPass(s, show);
  const made = performance.now() - t;
  t = performance.now();
  const c = process.cpuUsage();
  let entries = 0, sum = 0, bounds = 0, none = 0;
  for (let v = 0; v < s.n; v++) {
    if (!pass.mapOf(v)) {
      none++;
      continue;
    }
    const { buf, from, to } = pass;
    entries += (to - from) >> 1;
    for (let i = from; i < to; i += 2) sum += buf[i + 1] * ((buf[i] % 7) + 1);
    bounds += pass.bound(v);
    pass.release(v);
  }
  const maps = performance.now() - t, used = process.cpuUsage(c);
  const mem = process.memoryUsage();
  console.log(
    `run ${r + 1}: constructor ${made.toFixed(0)} ms, maps ${maps.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU; ${entries} entries, checksum ${sum.toPrecision(17)}, bounds ${bounds.toPrecision(17)}, ${none} without; heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`,
  );
}
