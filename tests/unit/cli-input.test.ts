// The command line reads FILE as the app does (cli/input.ts): every format the app opens, detected by the same code,
// gives the same analysis; devices, pipes and directories are refused at once; what it prints is sanitised.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorLine, run } from '../../src/cli/main';
import { oneLine, printable } from '../../src/cli/sanitize';
import { embedDoc, exportBods, exportBodsJson, exportCsv } from '../../src/io';
import { parseDoc } from '../../src/model';
import { encodePng } from '../png';
import { company, person, rel, shares } from '../fixtures/io/bodsBuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lyPath = `${root}data/line-yahoo.ownership.json`;
const dir = mkdtempSync(join(tmpdir(), 'cli-input-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const ly = parseDoc(execFileSync('cat', [lyPath], { encoding: 'utf8' }));
const control = (file: string) => {
  const out = JSON.parse(run(['analyze', file, '--json', '--date', '2024-09-30'])) as { entities: Record<string, { status: string; ultimate: string[] }> };
  return Object.fromEntries(Object.entries(out.entities).map(([id, e]) => [id, `${e.status} ${e.ultimate.join(',')}`]));
};

describe('cli: every format the app opens', () => {
  const reference = control(lyPath);

  it.each([
    ['BODS 0.4 JSON', () => write('ly.bods.json', exportBodsJson(ly, { date: '2024-09-30' }))],
    ['BODS JSON Lines', () => write('ly.jsonl', exportBods(ly, { date: '2024-09-30' }).map((s) => JSON.stringify(s)).join('\n'))],
    ['a PNG carrying the document', () => write('ly.png', embedDoc(encodePng(2, 2, new Uint8Array(16)), ly))],
    ['native JSON with a BOM', () => write('ly-bom.json', `\uFEFF${JSON.stringify(ly)}`)],
  ])('%s gives the same control as the native file', (_name, make) => {
    expect(control(make())).toEqual(reference);
  });

  it('reads a CSV edge list (names become entities)', () => {
    const csv = write('edges.csv', exportCsv(ly));
    const out = JSON.parse(run(['analyze', csv, '--json'])) as { entities: Record<string, unknown> };
    expect(Object.keys(out.entities).length).toBeGreaterThan(5);
  });

  it.each([
    ['a UTF-8 error', () => write('bad.csv', new Uint8Array([...new TextEncoder().encode('holder,subject,shares\nA,'), 0xff, 0xfe, ...new TextEncoder().encode(',5\n')])), /io\/csv: bad\.csv: the text is not valid UTF-8/],
    ['an impossible date in a document', () => write('date.json', JSON.stringify({ ...ly, asOf: '2024-02-30' })), /asOf.*not a real calendar date/],
    ['a format it does not read', () => write('notes.txt', 'hello'), /io\/import: notes\.txt: not a format this app reads/],
    ['a directory', () => dir, /it is a directory/],
    ['a device', () => '/dev/zero', /it is a device, not a regular file/],
    ['a missing file', () => join(dir, 'nope.json'), /no such file/],
  ])('refuses %s', (_name, make, message) => {
    expect(() => run(['analyze', make()])).toThrow(message);
  });

  it('refuses a pipe at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(() => run(['analyze', fifo])).toThrow(/it is a pipe, not a regular file/);
  });
});

describe('README "Bring your own data"', () => {
  it('every example file opens and gives Jo Bloggs control of Acme Ltd', () => {
    const md = execFileSync('cat', [`${root}README.md`], { encoding: 'utf8' });
    const section = md.slice(md.indexOf('## Bring your own data'), md.indexOf('## Simulate'));
    const blocks = [...section.matchAll(/```(json|csv)\n([\s\S]*?)```/g)].map((m) => m[2]);
    expect(blocks).toHaveLength(4);
    for (const [i, name] of ['acme.ownership.json', 'acme.csv', 'acme.bods.json', 'acme.ftm.jsonl'].entries()) {
      const out = JSON.parse(run(['analyze', write(name, blocks[i]), '--json'])) as { entities: Record<string, { ultimate: string[] }> };
      const acme = Object.entries(out.entities).find(([id]) => /acme(?!-trading)|01234567/.test(id))!;
      expect(acme[1].ultimate).toEqual([expect.stringMatching(/jo/)]);
    }
  });
});

describe('cli: published bands', () => {
  it('says in the table and the JSON whether control is certain or only possible', () => {
    const file = write('bands.bods.json', JSON.stringify([company('c', 'Banded Co'), person('x', 'X Person'), person('y', 'Y Person'),
      rel('r1', 'c', 'x', [shares({ minimum: 30, maximum: 80 })]), rel('r2', 'c', 'y', [shares({ minimum: 10, maximum: 20 })])]));
    expect(run(['analyze', file])).toMatch(/Within published bands .*\n {2}Banded Co: control only possible — X Person controls Banded Co at the analysed point but not at every point of the bands \(30% of the votes at the lower bounds\)/);
    const json = JSON.parse(run(['analyze', file, '--json'])) as { entities: Record<string, { certainty?: unknown }> };
    expect(json.entities.c.certainty).toMatchObject({ control: 'possible', controllers: ['x'] });
    expect(json.entities.x.certainty).toBeUndefined();
  });
});

describe('cli: what it prints', () => {
  it('replaces control characters in tables and messages, and never cuts a message at a newline', () => {
    expect(printable('a\u001b[31mred\u0007\r')).toBe('a\uFFFD[31mred\uFFFD\uFFFD');
    expect(oneLine('first line\nsecond\u001b[2J line\n')).toBe('first line / second\uFFFD[2J line');
    const evil = write('evil.json', JSON.stringify({ ...ly, entities: ly.entities.map((e) => (e.id === 'ly' ? { ...e, name: 'LY\u001b[2J\u001b[31m Corp' } : e)) }));
    const table = run(['analyze', evil]);
    expect(table).toContain('LY\uFFFD[2J\uFFFD[31m Corp');
    expect(table.includes('\u001b')).toBe(false);
  });

  it('prints a multi-line error as one whole stderr line (the spawned CLI is checked in cli.test.ts)', () => {
    let err: unknown;
    try {
      run(['frobnicate']);
    } catch (e) {
      err = e;
    }
    const line = errorLine(err);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(line).toMatch(/^ownership-cli: unknown command "frobnicate" \/ usage: .* \/ +analyze FILE .* \/ +generate/);
    expect(errorLine(new Error('a\u001b[2Jb\r\nc'))).toBe('ownership-cli: a\uFFFD[2Jb / c\n');
  });
});
