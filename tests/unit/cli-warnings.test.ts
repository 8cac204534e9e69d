// Import warnings reach people on the command line: stderr gets a count line and one line per warning, stdout stays
// the command's output, and --quiet silences them (issue 20).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { warningText } from '../../src/cli/warnings';
import { run } from '../../src/cli/main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const history = `${root}tests/fixtures/io/bods-history.json`;
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', `${root}src/cli/main.ts`, ...args], { encoding: 'utf8', cwd: root });

describe('cli warnings', () => {
  it.each([
    [['io/bods: x.json: one'], 'ownership-cli: 1 warning reading x.json (--quiet hides them):\n  io/bods: x.json: one\n'],
    [['a\nb', 'c\u001b[31m'], 'ownership-cli: 2 warnings reading x.json (--quiet hides them):\n  a / b\n  c\uFFFD[31m\n'],
  ])('warningText(%j)', (warnings, text) => {
    expect(warningText('x.json', warnings)).toBe(text);
  });

  it('analyze prints the import warnings on stderr after a count line, and --quiet silences them', () => {
    const loud = cli('analyze', history, '--date', '2010-01-01', '--json');
    expect(loud.status).toBe(0);
    expect(JSON.parse(loud.stdout).entities.tela.parent).toEqual(['marta']);
    const lines = loud.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`ownership-cli: 3 warnings reading ${history} (--quiet hides them):`);
    expect(lines.slice(1)).toHaveLength(3);
    expect(lines[2]).toMatch(/^ {2}io\/bods: bods-history\.json: .* read as ended on 2023-03-01$/);
    const quiet = cli('analyze', history, '--date', '2010-01-01', '--json', '--quiet');
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  }, 60_000);

  it('in process, warnings go to the sink the command is given, and nowhere without one', () => {
    const got: string[] = [];
    const out = run(['analyze', history, '--date', '2010-01-01', '--json'], { warn: (t) => got.push(t) });
    expect(JSON.parse(out).entities.tela.parent).toEqual(['marta']);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^ownership-cli: 3 warnings reading /);
    // Two runs side by side keep their own sinks (nothing process-wide): the second, without one, prints nothing.
    expect(run(['analyze', history, '--date', '2010-01-01', '--json'])).toBe(out);
    expect(got).toHaveLength(1);
  });

  it('a document without warnings prints nothing on stderr', () => {
    const r = cli('whatif', `${root}data/line-yahoo.ownership.json`, '--buyer', 'sbkk', '--target', 'ly', '--rule', 'votes');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  }, 60_000);
});
