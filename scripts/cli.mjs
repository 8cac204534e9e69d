// The command line's entry for `npm run -s cli`: runs src/cli/main.ts from a bundle that esbuild rebuilds whenever a
// source file is newer, so a fresh clone works and start-up costs one module instead of compiling ~150 TypeScript
// files and the packages' modules on every run. The bundle lives in node_modules/.cli (built as cliBuild.mjs says; data/
// is found relative to it as from src/cli). Built in a folder of its own and swapped in whole, so parallel runs never
// read half a bundle.
import { spawnSync } from 'node:child_process';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBuildOptions } from './cliBuild.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cli');
const bundle = join(out, 'main.mjs');

/** The newest modification time under `dir` (source files only). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|tsx|json)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function built() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

if (built() < Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs)) {
  const { build } = await import('esbuild');
  // Built beside the final folder, then swapped in whole; the export command's chunk (layout, drawing) loads only when used.
  const tmp = `${out}.${process.pid}.tmp`;
  await build(cliBuildOptions(root, tmp));
  rmSync(out, { recursive: true, force: true });
  try {
    renameSync(tmp, out);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run swapped its own in first: same sources, same bundle
  }
}
// A national register is tens of millions of records: V8's default heap (about 4 GB) cannot hold them, while the
// machine can. A command given a file over 512 MB runs in a child whose heap may take three quarters of the memory,
// and whose young generation is larger (64 MB semi-spaces, V8's default most is 16 MB): the analysis makes an object
// per entity, and fewer scavenges copy them (at 2M entities, about 5% less CPU time).
const args = process.argv.slice(2);
const big = args.some((a) => {
  try {
    return statSync(a).isFile() && statSync(a).size > 512 * 1024 * 1024;
  } catch {
    return false;
  }
});
const heapMB = Math.floor((totalmem() / 2 ** 20) * 0.75);
if (big && !process.env.OWNERSHIP_CLI_HEAP && getHeapStatistics().heap_size_limit / 2 ** 20 < heapMB * 0.9) {
  const r = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMB}`, '--max-semi-space-size=64', fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, OWNERSHIP_CLI_HEAP: String(heapMB) },
  });
  if (r.error) throw r.error;
  process.exit(r.status ?? 1);
}
// main.ts runs when it is the process's script: make the bundle that script.
process.argv[1] = bundle;
await import(pathToFileURL(bundle).href);
