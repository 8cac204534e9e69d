// The Tarjan walk (analysis/scc.ts) must not fall into a deoptimisation loop (docs/SCALE.md, *Any shape*): V8 compiles
// its loop while a long call runs and keeps that code for later calls, and code after the loop that had never run
// threw it away on every one of them (the ultimate controllers call it once per group: hundreds of bailouts per table
// run). A child runs one long call and then 200 short ones under --trace-deopt, compiling on its own thread (no timing
// involved); the walk's bailouts stay a handful (the loop as it was: 58).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'scc-deopt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stronglyConnected called many times', () => {
  it('keeps its compiled loop: a handful of bailouts, not one per call', () => {
    const script = join(dir, 'calls.ts');
    writeFileSync(
      script,
      `import { stronglyConnected } from ${JSON.stringify(pathToFileURL(join(root, 'src/analysis/scc.ts')).href)};
function ring(n: number) {
  const start = new Int32Array(n + 1), target = new Int32Array(n);
  for (let i = 0; i < n; i++) { start[i + 1] = i + 1; target[i] = (i + 1) % n; }
  return { start, target };
}
const big = ring(300_000);
let count = stronglyConnected(300_000, big.start, big.target).count;
const small = ring(50);
for (let k = 0; k < 200; k++) count += stronglyConnected(50, small.start, small.target).count;
console.log('components', count);
`,
    );
    const r = spawnSync(process.execPath, ['--no-concurrent-osr', '--no-concurrent-recompilation', '--trace-deopt', '--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('components 201');
    const bailouts = r.stdout.split('\n').filter((l) => l.startsWith('[bailout (kind') && /<JSFunction (stronglyConnected|tarjan) /.test(l));
    expect(bailouts.length).toBeLessThan(12);
  });
});
