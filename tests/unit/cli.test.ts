// The command line (FORMAT.md): JSON shapes, the worked examples, and bad input → exit 2, one stderr line, no stdout.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main';
import { generateGraph } from '../../src/model';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ly = `${root}data/line-yahoo.ownership.json`;
const fixture = (f: string) => `${root}tests/fixtures/cli/${f}`;
const json = (args: string[]) => JSON.parse(run(args));

describe('cli run()', () => {
  it('analyze --json gives the FORMAT.md shape for the UBO example (A has 52% of C)', () => {
    const out = json(['analyze', fixture('ubo-example.ownership.json'), '--json']);
    expect(Object.keys(out)).toEqual(['rule', 'date', 'entities', 'loops', 'dependencies']);
    expect(out.rule).toBe('legal');
    expect(out.date).toBe('2024-01-01');
    expect(out.entities.c.lookThrough.a).toBe(52);
    expect(out.entities.c.ultimateOwners).toEqual({ 'float:c': 40, a: 52, 'float:b2': 8 });
    expect(out.entities.b1).toMatchObject({ status: 'controlled', parent: ['a'], ultimate: ['a'] });
    expect(Object.keys(out.entities.c)).toEqual(['status', 'parent', 'ultimate', 'lookThrough', 'ultimateOwners', 'power', 'explanation']);
  });

  it('analyze --json on the cross-holding example: outsiders own 2/3 and 1/3', () => {
    const out = json(['analyze', fixture('cross-held.ownership.json'), '--json']);
    expect(out.entities.f1.ultimateOwners.o1).toBeCloseTo(66.666667, 5);
    expect(out.entities.f2.ultimateOwners.o1).toBeCloseTo(33.333333, 5);
  });

  it('analyze LY under each rule', () => {
    expect(json(['analyze', ly, '--json']).entities.ly.ultimate).toEqual(['sbg']);
    const votes = json(['analyze', ly, '--json', '--rule', 'votes']);
    expect(votes.entities.ahd).toMatchObject({ status: 'joint', parent: ['naver', 'sbkk'] });
    expect(votes.entities.ahd.power).toEqual({ banzhaf: { naver: 0.5, sbkk: 0.5 }, shapleyShubik: { naver: 0.5, sbkk: 0.5 } });
    expect(votes.entities.ly.lookThrough.naver).toBe(31.25);
    expect(json(['analyze', ly, '--json', '--rule', 'defacto', '--threshold', '25']).entities.ly.ultimate).toEqual(['son']);
    expect(json(['analyze', ly, '--json', '--date', '2021-06-30']).entities.ly.lookThrough.ahd).toBe(65.25);
    expect(json(['analyze', ly, '--json']).dependencies['d-navercloud-ly-itops']).toEqual({ exposure: 'co-owner', crossBorder: true });
  });

  it('analyze prints a readable table without --json', () => {
    const out = run(['analyze', ly, '--rule', 'votes']);
    expect(out).toMatch(/A Holdings Corporation\s+joint\s+NAVER Corporation \+ SoftBank Corp\./);
  });

  it('simulate --transfer prints the diff', () => {
    const d = json(['simulate', ly, '--transfer', 'naver:sbkk:ahd:0.01', '--rule', 'votes', '--json']);
    expect(d.changes.find((c: { entity: string }) => c.entity === 'ahd')).toEqual({
      entity: 'ahd',
      before: { status: 'joint', parent: ['naver', 'sbkk'], ultimate: ['naver', 'sbkk'] },
      after: { status: 'controlled', parent: ['sbkk'], ultimate: ['sbkk'] },
    });
    expect(d.lookThrough).toContainEqual({ owner: 'naver', entity: 'ly', before: 31.25, after: expect.closeTo(31.24375, 6) });
  });

  it('simulate --scenario runs a bundled scenario (at its own date when it has one)', () => {
    const d = json(['simulate', ly, '--scenario', 'ly-buyback-2024', '--json']);
    expect(d.lookThrough).toContainEqual({ owner: 'ahd', entity: 'ly', before: expect.closeTo(64.42, 6), after: expect.closeTo(62.5, 6) });
    expect(run(['simulate', ly, '--scenario', 'softbank-majority', '--rule', 'votes'])).toContain(
      'A Holdings Corporation: jointly controlled by NAVER Corporation and SoftBank Corp. → controlled by SoftBank Corp.',
    );
  });

  it('whatif answers 0.01 points of A Holdings from NAVER', () => {
    expect(json(['whatif', ly, '--buyer', 'sbkk', '--target', 'ly', '--rule', 'votes', '--json'])[0]).toEqual({ company: 'ahd', seller: 'naver', points: 0.01 });
    expect(run(['whatif', ly, '--buyer', 'sbkk', '--target', 'ly', '--rule', 'votes'])).toContain('0.01 points of A Holdings Corporation from NAVER Corporation');
  });

  it('generate writes a valid seeded document', () => {
    const a = run(['generate', '--entities', '300', '--seed', '5']);
    expect(a).toBe(run(['generate', '--entities', '300', '--seed', '5']));
    // Streamed by template, it is exactly the generator's document as JSON.
    expect(a).toBe(JSON.stringify(generateGraph({ entities: 300, seed: 5 })));
    expect(JSON.parse(a).entities).toHaveLength(300);
  });

  it.each([
    [['generate', '--entities', 'many'], /--entities must be a whole number/],
    [['analyze'], /missing FILE/],
    [['analyze', 'nope.json'], /cannot read nope.json: no such file/],
    [['analyze', fixture('truncated.ownership.json')], /not valid JSON/],
    [['analyze', fixture('absurd.ownership.json')], /holdings\[0\] "h" field "shares": must be at most 100/],
    [['analyze', ly, '--rule', 'majority'], /--rule must be one of votes, legal, defacto/],
    [['analyze', ly, '--threshold', 'x'], /--threshold must be a decimal number/],
    [['analyze', ly, '--threshold', '0x19'], /--threshold must be a decimal number such as 25 or 0\.01, got "0x19"/],
    [['analyze', ly, '--threshold', '150'], /--threshold must be a percentage above 0 and at most 100/],
    [['analyze', ly, '--date', '2024-02-30'], /--date must be YYYY-MM-DD, a real calendar date, got "2024-02-30"/],
    [['simulate', ly, '--transfer', 'naver:sbkk:ahd:0x19'], /--transfer "naver:sbkk:ahd:0x19" must be SELLER:BUYER:SUBJECT:POINTS/],
    [['generate', '--entities', '0x10'], /--entities must be a whole number/],
    [['analyze', ly, '--date', '2024-13-45'], /--date must be YYYY-MM-DD/],
    [['analyze', ly, '--colour', 'red'], /unknown option --colour/],
    [['simulate', ly], /needs --transfer/],
    [['simulate', ly, '--transfer', 'naver:sbkk:ahd'], /must be SELLER:BUYER:SUBJECT:POINTS/],
    [['simulate', ly, '--transfer', 'naver:sbkk:ahd:60'], /"naver" holds 50% of "ahd", less than 60/],
    [['simulate', ly, '--scenario', 'nope'], /no scenario "nope"/],
    [['whatif', ly, '--buyer', 'sbkk'], /needs --buyer ID and --target ID/],
    [['whatif', ly, '--buyer', 'zz', '--target', 'ly'], /no entity "zz"/],
    [['frobnicate'], /unknown command/],
  ])('refuses %j', (args, message) => {
    expect(() => run(args as string[])).toThrow(message);
  });
});

// Whole processes (node starting tsx, then the CLI): about 0.6 s each idle, several seconds on a loaded machine.
describe('cli process', { timeout: 30_000 }, () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', `${root}src/cli/main.ts`, ...args], { encoding: 'utf8', cwd: root });

  it('prints exactly one JSON object on stdout and exits 0', () => {
    const r = cli('analyze', ly, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).entities.ly.status).toBe('controlled');
    expect(r.stderr).toBe('');
  });

  it('bad input: exit 2, one line on stderr, nothing on stdout', () => {
    const r = cli('analyze', fixture('truncated.ownership.json'), '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ownership-cli: io\/native: truncated\.ownership\.json: the file is not valid JSON/);
  });
});
