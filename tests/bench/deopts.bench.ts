// Deoptimisations of the command line (issue 21 §1; docs/SCALE.md): `analyze` (table) and `analyze --json` run under
// V8's --trace-deopt, RUNS times each, with the bailouts counted per function. A function that bails out hundreds of
// times in one run is in a deopt loop: code compiled for a loop while it runs (on-stack replacement) is kept and
// entered again on each later call, and thrown away each time at code after the loop that had never run (the Tarjan
// walk and the maps' gather were; each had a function of its own made for its loop). A handful per function is the
// usual warming up. Prints figures; never fails (loops come and go with the timing of compilation on other threads).
// Run: npx tsx tests/bench/deopts.bench.ts [FILE…]   (default /tmp/lead-core.json: generate --entities 100000 --core 0.41 --depth 50)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = process.argv.slice(2);
const FILES = files.length ? files : ['/tmp/lead-core.json'];
const RUNS = Math.max(1, Number(process.env.RUNS) || 5);
/** Bailouts of one function in one run from which it is reported as a loop. */
const LOOP = 100;

/** Bailouts per function in one run of the command line (its trace goes to stdout, mixed with the output). */
function bailouts(args: string[]): Map<string, number> {
  const r = spawnSync(process.execPath, ['--trace-deopt', 'scripts/cli.mjs', ...args], { cwd: root, encoding: 'latin1', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`deopts.bench: cli ${args.join(' ')} failed: ${r.stderr.slice(0, 500)}`);
  const out = new Map<string, number>();
  for (const m of r.stdout.matchAll(/^\[bailout \(kind: [^)]*\)[^<]*<JSFunction ([^ >]*)/gm)) out.set(m[1] || '(anonymous)', (out.get(m[1] || '(anonymous)') ?? 0) + 1);
  return out;
}

for (const file of FILES) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (node scripts/cli.mjs generate --entities 100000 --core 0.41 --depth 50 > ${file})`);
    continue;
  }
  for (const mode of [[], ['--json']]) {
    const label = `${file} analyze${mode.length ? ` ${mode.join(' ')}` : ''}`;
    for (let run = 1; run <= RUNS; run++) {
      const counts = bailouts(['analyze', file, ...mode]);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
      const loops = top.filter(([, c]) => c >= LOOP).map(([f]) => f);
      console.log(`${label}, run ${run}: ${total} bailouts in ${counts.size} functions; most: ${top.map(([f, c]) => `${f} ${c}`).join(', ')}${loops.length ? `; LOOP in ${loops.join(', ')}` : ''}`);
    }
  }
}
