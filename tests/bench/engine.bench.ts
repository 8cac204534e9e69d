// Engine benchmark (issue targets: 100k entities fully analysed < 1 s, one target's look-through < 50 ms,
// the LY dataset < 2 ms). Prints figures; never fails on speed. Each size runs in its own child process so
// that its peak memory (max RSS above the post-generation baseline) belongs to the analysis alone.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateGraph, parseDoc, type OwnershipDoc } from '../../src/model';
import { Analysis } from '../../src/analysis';
import { lookThroughOf } from '../../src/analysis/lookThrough';

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => void, runs: number) => median(Array.from({ length: runs }, () => { const t = performance.now(); f(); return performance.now() - t; }));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function measure(n: number) {
  const doc = generateGraph({ entities: n, seed: 42 });
  const fresh = (): OwnershipDoc => ({ ...doc }); // a new object: no memoised analysis or snapshot
  const base = process.resourceUsage().maxRSS;
  let a = new Analysis(fresh(), { rule: 'legal' });
  const peak = process.resourceUsage().maxRSS - base;
  const runs = n >= 100_000 ? 5 : 15;
  const full = time(() => { a = new Analysis(fresh(), { rule: 'legal' }); }, runs);
  const defacto = time(() => void new Analysis(fresh(), { rule: 'defacto' }), runs);
  // One target's look-through and ultimate owners: the 20 targets with the most ancestors' worth of holders.
  const targets = doc.entities.map((_e, i) => [i, a.snap.holderCount[i]] as const).filter(([, c]) => c > 0).slice(-20).map(([i]) => i);
  const lt = median(targets.map((t) => time(() => void lookThroughOf({ ...a.snap }, t), 3)));
  // Power indices of the company with the most holders.
  let widest = 0;
  for (let i = 0; i < a.snap.n; i++) if (a.snap.holderCount[i] > a.snap.holderCount[widest]) widest = i;
  const blocks = new Analysis(fresh(), { rule: 'votes' });
  let players = 0;
  const power = time(() => { players = new Analysis(blocks.doc, { rule: 'votes' }).power(doc.entities[widest].id).length; }, 3);
  return { n, holdings: doc.holdings.length, full, defacto, peak, lt, power, holders: a.snap.holderCount[widest], players };
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(measure(Number(process.argv[3]))));
} else {
  console.log('Engine benchmark (Node', process.version, `, ${(await import('node:os')).cpus().length} cores)`);
  const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
  for (let i = 0; i < 200; i++) new Analysis({ ...ly }); // warm up
  const lyFull = time(() => void new Analysis({ ...ly }, { rule: 'legal' }), 500);
  console.log(`LY dataset (${ly.entities.length} entities, ${ly.holdings.length} holdings): full analysis ${lyFull.toFixed(3)} ms (target < 2 ms)`);
  console.log('');
  console.log('entities  holdings  full analysis (legal)  (de facto)  peak memory  one target look-through  power: widest company');
  const self = fileURLToPath(import.meta.url);
  for (const n of [1_000, 10_000, 100_000]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as ReturnType<typeof measure>;
    console.log(
      `${String(r.n).padStart(8)}  ${String(r.holdings).padStart(8)}  ${r.full.toFixed(1).padStart(18)} ms  ${r.defacto.toFixed(1).padStart(7)} ms  ${mb(r.peak).padStart(11)}  ${r.lt.toFixed(2).padStart(20)} ms  ${r.power.toFixed(1)} ms (${r.holders} holders, ${r.players} blocks)`,
    );
  }
  console.log('\nTargets on a 2-core machine: 100k full analysis < 1 s; one target look-through < 50 ms; LY < 2 ms.');
}
