// `generate` (issue 21): the shapes registers have — a strongly connected core of a given fraction, chains of a given
// length, widely held companies — the size limit, and a closed pipe (`generate … | head`) ending the command quietly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { generateGraph } from '../../src/model';
import { shareStructure } from '../../src/analysis/shareStructure';
import { snapshot } from '../../src/analysis/snapshot';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('generate shapes', () => {
  it('writes exactly JSON.stringify(generateGraph(…)) with --core, --depth and --wide', () => {
    const out = run(['generate', '--entities', '500', '--seed', '9', '--core', '0.3', '--depth', '12', '--wide', '2']);
    expect(out).toBe(JSON.stringify(generateGraph({ entities: 500, seed: 9, core: 0.3, depth: 12, wide: 2 })));
  });

  it('--core F makes one strongly connected core of about F of the companies', () => {
    for (const core of [0.1, 0.4]) {
      const doc = generateGraph({ entities: 20_000, seed: 4, core, depth: 50 });
      const companies = doc.entities.filter((e) => e.kind === 'company').length;
      const st = shareStructure(snapshot(doc, '2025-01-01'));
      const largest = Math.max(...[...st.members.values()].map((m) => m.length));
      expect(largest / companies).toBeGreaterThan(core * 0.95);
      expect(largest / companies).toBeLessThan(core * 1.1);
    }
  });

  it('--depth D gives chains of D companies, each held by the one before', () => {
    const doc = generateGraph({ entities: 3000, seed: 2, depth: 25, wide: 0, holdingsPerEntity: 1 });
    const companies = doc.entities.filter((e) => e.kind === 'company').map((e) => e.id);
    const held = new Set(doc.holdings.map((h) => `${h.holder}>${h.subject}`));
    // Within a chain, each company holds the next (a joint venture may replace a link with two 50% holders).
    let links = 0;
    for (let k = 1; k < companies.length; k++) if (k % 25 !== 0 && held.has(`${companies[k - 1]}>${companies[k]}`)) links++;
    expect(links / (companies.length - companies.length / 25)).toBeGreaterThan(0.9);
  });

  it('--wide K gives K widely held companies (hundreds of holders each), 0 gives none', () => {
    const holders = (wide: number) => {
      const count = new Map<string, number>();
      for (const h of generateGraph({ entities: 8000, seed: 1, wide }).holdings) count.set(h.subject, (count.get(h.subject) ?? 0) + 1);
      return [...count.values()].filter((c) => c >= 200).length;
    };
    expect(holders(0)).toBe(0);
    expect(holders(3)).toBe(3);
  });

  it('refuses sizes past 10 million and shapes out of range', () => {
    expect(() => run(['generate', '--entities', '10000001'])).toThrow(/from 2 to 10,000,000/);
    expect(() => run(['generate', '--entities', '100', '--core', '1.5'])).toThrow(/--core must be a fraction/);
    expect(() => run(['generate', '--entities', '100', '--depth', '0'])).toThrow(/--depth must be a chain length/);
    expect(() => run(['generate', '--entities', '100', '--wide', '-1'])).toThrow(/--wide must be/);
  });

  it('ends quietly when the reader closes the pipe (generate … | head)', () => {
    const r = spawnSync('bash', ['-c', 'node scripts/cli.mjs generate --entities 300000 | head -c 100'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toHaveLength(100);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const status = spawnSync('bash', ['-c', 'set -o pipefail; node scripts/cli.mjs generate --entities 300000 | head -c 10 >/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(status.stderr).toBe('');
    expect(status.status).toBe(0);
  }, 60_000);
});
