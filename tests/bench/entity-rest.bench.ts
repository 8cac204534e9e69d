// The fields of `analyze --json` written around the maps (issue 21 §1): per entity of a register, the head (status,
// parent, ultimate) and the rest (power indices, explanation, certainty), as cli/entityJson.ts writes them, without the
// look-through maps (which the command line may make apart: cli/mapWorker.ts). Each run takes a fresh analysis and
// writer, so nothing is memoised from the run before; the analysis itself is not timed. Prints CPU and wall time in
// all and per entity; never fails on speed. Files are native registers, as `generate` writes them:
//   node scripts/cli.mjs generate --entities 100000 --core 0.41 --depth 50 > /tmp/core.json
//   npx tsx tests/bench/entity-rest.bench.ts /tmp/core.json /tmp/100k.json [--runs 3]
import { Analysis } from '../../src/analysis';
import { ByteOut } from '../../src/cli/byteOut';
import { columnarInput } from '../../src/cli/columnarInput';
import { EntityWriter } from '../../src/cli/entityJson';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Math.max(1, Number(args[at + 1])) : 3;
const files = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
if (!files.length) throw new Error('entity-rest.bench: give native register files (node scripts/cli.mjs generate … > FILE)');

const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Times head(), then head() and rest(), over every entity; the output is dropped every megabyte. */
function time(a: Analysis, part: 'head' | 'head+rest') {
  const w = new EntityWriter(a, 0.01, false);
  const o = new ByteOut();
  let bytes = 0;
  const t = performance.now(), c = process.cpuUsage();
  for (let v = 0; v < a.snap.n; v++) {
    w.head(o, v);
    if (part === 'head+rest') w.rest(o, v);
    if (o.pos >= 1 << 20) {
      bytes += o.pos;
      o.pos = 0;
    }
  }
  return { wall: performance.now() - t, cpu: cpu(process.cpuUsage(c)), bytes: bytes + o.pos };
}

console.log('head and rest of analyze --json per entity (fresh analysis each run; ms, µs per entity; load average beside)');
for (const file of files) {
  const doc = columnarInput(file, {});
  if (!doc) throw new Error(`entity-rest.bench: ${file} is not a plain native register (the columnar reader declined it)`);
  const n = doc.entities.length;
  for (let r = 0; r < runs; r++) {
    for (const part of ['head', 'head+rest'] as const) {
      const { wall, cpu: used, bytes } = time(new Analysis(doc, {}), part);
      const load = (await import('node:os')).loadavg()[0].toFixed(2);
      console.log(`${file} run ${r + 1} ${part.padEnd(9)}: ${used.toFixed(0).padStart(5)} ms CPU (${((used / n) * 1000).toFixed(2)} µs/entity), ${wall.toFixed(0).padStart(5)} ms wall, ${(bytes / 2 ** 20).toFixed(1)} MB written, ${n} entities, load ${load}`);
    }
  }
}
