// The command line reads and writes FollowTheMoney JSON lines: `export … --to x.ftm.jsonl` and `analyze x.ftm.jsonl`
// give the same control as the native document; the format is found by content, whatever the file is called.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runExport } from '../../src/cli/main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ly = `${root}data/line-yahoo.ownership.json`;
const dir = mkdtempSync(join(tmpdir(), 'cli-ftm-'));

describe('cli and FollowTheMoney', () => {
  it('exports the LY dataset as FtM that analyze reads to the same control, names and identifiers included', async () => {
    const out = join(dir, 'ly.ftm.jsonl');
    expect(await runExport([ly, '--to', out])).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    const lyCorp = lines.find((e) => e.id === 'ly')!;
    expect(lyCorp.schema).toBe('Company');
    expect(lyCorp.properties.alias).toContain('LINEヤフー株式会社');
    expect(lyCorp.properties.previousName).toContain('Z Holdings Corporation');
    expect(lines.find((e) => e.schema === 'Identification' && e.properties.holder[0] === 'naver')!.properties).toMatchObject({ number: ['035420'], type: ['KRX'] });
    const doc = JSON.parse(readFileSync(ly, 'utf8')) as { holdings: unknown[] };
    expect(lines.filter((e) => e.schema === 'Ownership' && e.properties.ownershipType === undefined)).toHaveLength(doc.holdings.length);
    const renamed = join(dir, 'ly-export.txt');
    copyFileSync(out, renamed);
    const control = (file: string) => {
      const r = JSON.parse(run(['analyze', file, '--json', '--date', '2024-09-30'])) as { entities: Record<string, { status: string; ultimate: string[] }> };
      return Object.fromEntries(Object.entries(r.entities).map(([id, e]) => [id, [e.status, e.ultimate]]));
    };
    expect(control(renamed)).toEqual(control(ly));
  }, 30_000);
});
