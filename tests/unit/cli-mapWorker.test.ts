// `analyze --json` / `--jsonl` with a register's maps written by the worker thread (cli/mapWorker.ts, started by
// cli/mapFeed.ts from the command line's bundle) prints the same bytes as on one thread, on shapes and ids we did not
// pick for it: the bundled dataset, a generated core with chains, hostile ids, a closed ownership loop, and the cuts.
// NODE_DEBUG=worker (Node's own debug log) shows whether a worker was started. The core's maps fill several of the
// worker's batches (so their buffers come back and are filled again).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { graph } from './helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'map-worker-'));

/** `raw`: how much of every batch the worker hands the main thread to sort and write (unset: as the threads' pace says). */
function cli(args: string[], worker: '0' | '1', raw = '') {
  const r = spawnSync('node', ['scripts/cli.mjs', ...args], {
    cwd: root,
    env: { ...process.env, OWNERSHIP_MAP_WORKER: worker, OWNERSHIP_MAP_RAW: raw, NODE_DEBUG: 'worker' },
    maxBuffer: 1 << 28,
  });
  return { out: r.stdout as Buffer, started: /create new worker/.test(String(r.stderr)), status: r.status, stderr: String(r.stderr) };
}

/** Runs `analyze` with and without the worker; both must exit 0, and only the first start a worker. */
function both(file: string, ...flags: string[]) {
  return withRaw('', file, ...flags);
}

/** `both`, with the worker handing the main thread none of its batches' maps to sort and write ('0') or all ('1'). */
function withRaw(raw: string, file: string, ...flags: string[]) {
  const on = cli(['analyze', file, ...flags], '1', raw), off = cli(['analyze', file, ...flags], '0');
  expect([on.status, off.status], on.stderr + off.stderr).toEqual([0, 0]);
  expect(on.started, 'the worker was started').toBe(true);
  expect(off.started).toBe(false);
  return { on: on.out, off: off.out };
}

const files: Record<string, string> = {};

beforeAll(() => {
  const core = spawnSync('node', ['scripts/cli.mjs', 'generate', '--entities', '8000', '--core', '0.3', '--depth', '20', '--seed', '5'], { cwd: root, maxBuffer: 1 << 28 });
  expect(core.status).toBe(0);
  files.core = join(dir, 'core.ownership.json');
  writeFileSync(files.core, core.stdout);
  // Ids that are object keys, array indices, need escapes, are not ASCII, or look like a remainder's key.
  const ids = ['__proto__', 'constructor', '0', '17', 'q"uote', 'back\\slash', '日本', 'float:a', 'é', 'a'];
  const edges: [string, string, number][] = [];
  for (let i = 0; i < ids.length; i++) for (const d of [1, 3]) edges.push([ids[i], ids[(i + d) % ids.length], 10 + ((i * 7 + d) % 30)]);
  edges.push(['loopA', 'loopB', 100], ['loopB', 'loopA', 100], ['loopA', 'below', 40], ['__proto__', 'below', 0.004]);
  // A ring that is nearly closed: look-through figures near 5,000%, too large to be sorted as one number with a rank.
  edges.push(['hiA', 'hiB', 99], ['hiB', 'hiA', 99], ['hiX', 'hiA', 1], ['hiX', 'hiB', 1], ['hiB', 'hiC', 60]);
  files.hostile = join(dir, 'hostile.ownership.json');
  writeFileSync(files.hostile, JSON.stringify(graph(edges)));
  files.sample = join(root, 'data/line-yahoo.ownership.json');
}, 120_000);

describe('analyze with the map worker', () => {
  it.each(['core', 'hostile', 'sample'])('--json and --jsonl on the %s document: the same bytes as on one thread', (name) => {
    for (const flags of [['--json'], ['--jsonl'], ['--jsonl', '--min-stake', '0'], ['--json', '--min-stake', '5']]) {
      const { on, off } = both(files[name], ...flags);
      expect(on.length).toBeGreaterThan(100);
      expect(on.equals(off), `${name} ${flags.join(' ')}`).toBe(true);
      if (flags[0] === '--json') JSON.parse(String(on));
    }
  }, 120_000);

  it.each(['core', 'hostile'])('the same bytes on the %s document whichever maps the worker hands the main thread to sort and write', (name) => {
    for (const raw of ['0', '1']) {
      for (const flags of [['--json'], ['--jsonl', '--min-stake', '0']]) {
        const { on, off } = withRaw(raw, files[name], ...flags);
        expect(on.equals(off), `${name} OWNERSHIP_MAP_RAW=${raw} ${flags.join(' ')}`).toBe(true);
      }
    }
  }, 120_000);

  it('the hostile document reaches the paths it was made for: a closed loop, cut owners, odd keys', () => {
    const doc = JSON.parse(String(both(files.hostile, '--json').on));
    expect(doc.entities.below).toMatchObject({ lookThrough: null, unavailable: 'closed ownership loop: loopA, loopB' });
    expect(Object.keys(doc.entities)).toEqual(expect.arrayContaining(['__proto__', '0', '17', 'q"uote', '日本', 'float:a']));
    expect(Object.keys(doc.entities['0'].lookThrough)).toContain('__proto__');
    expect(doc.entities.hiC.lookThrough.hiA).toBeGreaterThan(2147);
  }, 60_000);

  it('a register too small for the worker, read after the worker was started, is written on one thread and ends', () => {
    // 6,000 entities: a file over a megabyte (the worker is started while it is read) but under 20,000 entities.
    const small = spawnSync('node', ['scripts/cli.mjs', 'generate', '--entities', '6000', '--seed', '9'], { cwd: root, maxBuffer: 1 << 28 });
    const file = join(dir, 'small.ownership.json');
    writeFileSync(file, small.stdout);
    expect(small.stdout.length).toBeGreaterThan(1 << 20);
    const r = spawnSync('node', ['scripts/cli.mjs', 'analyze', file, '--json'], { cwd: root, env: { ...process.env, OWNERSHIP_MAP_WORKER: '', NODE_DEBUG: 'worker' }, maxBuffer: 1 << 28, timeout: 60_000 });
    expect(r.status, String(r.stderr)).toBe(0);
    expect(/create new worker/.test(String(r.stderr)), 'the worker was started early').toBe(true);
    expect((r.stdout as Buffer).equals(cli(['analyze', file, '--json'], '0').out)).toBe(true);
  }, 60_000);

  it('named entities and the table never start the worker', () => {
    expect(cli(['analyze', files.core, '--json', '--entity', 'e5'], '1').started).toBe(false);
    expect(cli(['analyze', files.core], '1').started).toBe(false);
  }, 60_000);

  it('ends quietly when the reader closes the pipe, with the worker still writing', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; OWNERSHIP_MAP_WORKER=1 node scripts/cli.mjs analyze ${files.core} --jsonl | head -c 100 >/dev/null`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
