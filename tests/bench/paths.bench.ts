// Path explanation benchmark ("why this figure", analysis/paths.ts): graphology + graphology-simple-path on the region
// between owner and entity, against a plain depth-first search over the snapshot's flat arrays (the engine's own
// structures, today's code), on the LY dataset and a generated 100k graph. Prints figures; never fails on speed.
// Run: npx tsx tests/bench/paths.bench.ts
import { readFileSync } from 'node:fs';
import { generateGraph, parseDoc, type OwnershipDoc } from '../../src/model';
import { analyze, type Analysis } from '../../src/analysis';
import { explainStake } from '../../src/analysis/paths';
import { snapshot } from '../../src/analysis/snapshot';

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => void, runs: number) => median(Array.from({ length: runs }, () => { const t = performance.now(); f(); return performance.now() - t; }));

/** The same paths by a depth-first search from the entity upwards over the snapshot (no graph library). */
function pathsByDfs(a: Analysis, owner: string, entity: string): number {
  const s = snapshot(a.doc, a.options.date);
  const o = s.index.get(owner)!, t = s.index.get(entity)!;
  const on = new Uint8Array(s.n);
  let count = 0;
  const walk = (v: number, depth: number) => {
    if (v === o) { count++; return; }
    if (depth >= 16) return;
    on[v] = 1;
    for (let e = s.inStart[v]; e < s.inStart[v + 1]; e++) if (!on[s.inHolder[e]]) walk(s.inHolder[e], depth + 1);
    on[v] = 0;
  };
  walk(t, 0);
  return count;
}

function run(label: string, doc: OwnershipDoc, pairs: [string, string][]) {
  const a = analyze(doc);
  for (const [o, t] of pairs) a.stake(o, t); // look-through memoised first: only the paths are timed
  const g = median(pairs.map(([o, t]) => time(() => void explainStake(a, o, t), 5)));
  const d = median(pairs.map(([o, t]) => time(() => void pathsByDfs(a, o, t), 5)));
  const counts = pairs.map(([o, t]) => explainStake(a, o, t).count);
  console.log(`${label.padEnd(28)} ${String(pairs.length).padStart(5)} pairs  graphology ${g.toFixed(3).padStart(8)} ms  DFS on snapshot ${d.toFixed(3).padStart(8)} ms  (paths per pair: median ${median(counts)}, max ${Math.max(...counts)})`);
}

const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
console.log('Path explanation benchmark (Node', process.version, ')');
run('LY (owners of LY, PayPay)', ly, [['naver', 'ly'], ['sbkk', 'ly'], ['son', 'paypay'], ['sbg', 'paypay'], ['nps', 'ly']]);

const big = generateGraph({ entities: 100_000, seed: 42 });
const a = analyze(big);
// The 20 entities with the deepest upstream among those held, each explained for its largest look-through owner.
const held = big.entities.map((e, i) => [e.id, a.snap.holderCount[i]] as const).filter(([, c]) => c > 1).slice(-20);
const pairs: [string, string][] = [];
for (const [id] of held) {
  const lt = a.lookThrough(id);
  if ('loop' in lt) continue;
  const top = Object.entries(lt.lookThrough).sort((x, y) => y[1] - x[1])[0];
  if (top) pairs.push([top[0], id]);
}
run('generated 100k', big, pairs);
console.log('The inspector explains the 3 largest owners of the selected entity; target < 16 ms for all three.');
