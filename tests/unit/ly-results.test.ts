// Pins the bundled datasets' key results: who controls LY Corporation under each rule, look-through stakes,
// dependency exposure under the scenarios, and what it would take (DATASET-FACTS.md, CONTROL-MODEL.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc, parseScenario, type OwnershipDoc } from '../../src/model';
import { analyze, diffAnalyses, whatWouldItTake } from '../../src/analysis';

const read = (rel: string) => readFileSync(new URL(`../../data/${rel}`, import.meta.url), 'utf8');
const ly = parseDoc(read('line-yahoo.ownership.json'));
const ntt = parseDoc(read('ntt-docomo.ownership.json'));
const scenario = (id: string) => parseScenario(JSON.parse(read(`scenarios/${id}.json`)), id);
const applyScenario = (doc: OwnershipDoc, id: string) => apply(doc, { type: 'batch', ops: scenario(id).ops });

describe('LY Corporation', () => {
  it('under legal control SoftBank Group ultimately controls LY Corporation, through A Holdings', () => {
    const c = analyze(ly, { rule: 'legal' }).entity('ly');
    expect(c).toMatchObject({ status: 'controlled', parent: ['ahd'], ultimate: ['sbg'] });
    expect(analyze(ly).explain('ly')[0]).toBe("A Holdings Corporation holds 62.50% of LY Corporation's votes (> 50%).");
  });

  it('under votes only A Holdings and LY are jointly controlled by NAVER and SoftBank Corp.', () => {
    const a = analyze(ly, { rule: 'votes' });
    expect(a.entity('ahd')).toMatchObject({ status: 'joint', parent: ['naver', 'sbkk'], ultimate: ['naver', 'sbkk'] });
    expect(a.entity('ly')).toMatchObject({ status: 'controlled', parent: ['ahd'], ultimate: ['naver', 'sbkk'] });
    const power = a.power('ahd');
    expect(power.map((p) => [p.id, p.banzhaf, p.shapleyShubik, p.veto])).toEqual([['naver', 0.5, 0.5, true], ['sbkk', 0.5, 0.5, true]]);
  });

  it('NAVER’s look-through stake in LY is 31.25% (50% × 62.50%)', () => {
    const r = analyze(ly).lookThrough('ly');
    if ('loop' in r) throw new Error('loop');
    expect(r.lookThrough.naver).toBeCloseTo(31.25, 9);
    expect(r.lookThrough.sbkk).toBeCloseTo(31.25, 9);
    expect(Object.values(r.ultimateOwners).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
  });

  it('time travel: A Holdings held 65.25% of LY in 2021 and 62.50% in late 2024', () => {
    const at = (date: string) => {
      const r = analyze(ly, { date }).lookThrough('ly');
      return 'loop' in r ? NaN : r.lookThrough.ahd;
    };
    expect(at('2021-06-30')).toBeCloseTo(65.25, 9);
    expect(at('2024-08-01')).toBeCloseTo(64.42, 9);
    expect(at('2024-12-31')).toBeCloseTo(62.5, 9);
  });

  it('"SoftBank acquires majority" moves A Holdings and LY to SoftBank Corp. under votes only', () => {
    const after = applyScenario(ly, 'softbank-majority');
    const d = diffAnalyses(analyze(ly, { rule: 'votes' }), analyze(after, { rule: 'votes' }));
    const ahd = d.changes.find((c) => c.entity === 'ahd')!;
    expect(ahd.before).toEqual({ status: 'joint', parent: ['naver', 'sbkk'], ultimate: ['naver', 'sbkk'] });
    expect(ahd.after).toEqual({ status: 'controlled', parent: ['sbkk'], ultimate: ['sbkk'] });
    expect(d.changes.find((c) => c.entity === 'ly')!.after).toEqual({ status: 'controlled', parent: ['ahd'], ultimate: ['sbkk'] });
  });

  it('what would it take for SoftBank Corp. to control LY under votes only: 0.01 points of A Holdings from NAVER', () => {
    expect(whatWouldItTake(ly, 'sbkk', 'ly', { rule: 'votes' })[0]).toEqual({ company: 'ahd', seller: 'naver', points: 0.01 });
    expect(whatWouldItTake(ly, 'sbg', 'ly', { rule: 'legal' })).toEqual([]); // it already does
  });

  it('NAVER Cloud → LY is co-owner and cross-border; third-party after the buy-out; gone after separation', () => {
    const exposure = (doc: OwnershipDoc) => analyze(doc).dependencies()['d-navercloud-ly-itops'];
    expect(exposure(ly)).toEqual({ exposure: 'co-owner', crossBorder: true });
    expect(exposure(applyScenario(ly, 'softbank-buys-out'))).toEqual({ exposure: 'third-party', crossBorder: true });
    expect(exposure(applyScenario(ly, 'system-separation'))).toBeUndefined();
    const d = diffAnalyses(analyze(ly), analyze(applyScenario(ly, 'softbank-buys-out')));
    expect(d.dependencies).toContainEqual({ id: 'd-navercloud-ly-itops', before: { exposure: 'co-owner', crossBorder: true }, after: { exposure: 'third-party', crossBorder: true } });
  });

  it.each(['legal', 'votes', 'defacto'] as const)('LY’s own subsidiary LINE Plus → LY is intra-group under %s (never a co-owner)', (rule) => {
    expect(analyze(ly, { rule }).dependencies()['d-lineplus-ly-dev']).toEqual({ exposure: 'intra-group', crossBorder: false });
    // NAVER Cloud, NAVER's alone, stays a co-owner of the jointly controlled LY.
    expect(analyze(ly, { rule: 'votes' }).dependencies()['d-navercloud-ly-itops'].exposure).toBe('co-owner');
  });

  it('NAVER Cloud’s dependencies end on their separation dates', () => {
    expect(Object.keys(analyze(ly, { date: '2025-03-30' }).dependencies())).toContain('d-navercloud-ly-auth');
    expect(Object.keys(analyze(ly, { date: '2025-03-31' }).dependencies())).not.toContain('d-navercloud-ly-auth');
  });

  it('the full analysis has no closed loops and explains every entity', () => {
    const a = analyze(ly, { rule: 'defacto' });
    expect(a.loops).toEqual([]);
    for (const e of ly.entities) expect(a.explain(e.id).length).toBeGreaterThan(0);
  });
});

describe('NTT Docomo', () => {
  it('the Minister of Finance holds over a third of NTT, not control; NTT controls DOCOMO', () => {
    const a = analyze(ntt);
    expect(a.entity('ntt').status).toBe('independent');
    expect(a.entity('docomo')).toMatchObject({ status: 'controlled', parent: ['ntt'], ultimate: ['ntt'] });
    expect(analyze(ntt, { rule: 'defacto' }).entity('docomo').ultimate).toEqual(['mof']);
  });
});

describe('diff options', () => {
  it('can skip the look-through stakes and keep control and exposure changes', () => {
    const after = apply(ly, { type: 'batch', ops: parseScenario(JSON.parse(read('scenarios/softbank-buys-out.json'))).ops });
    const full = diffAnalyses(analyze(ly), analyze(after));
    const quick = diffAnalyses(analyze(ly), analyze(after), { lookThrough: false });
    expect(full.lookThrough.length).toBeGreaterThan(0);
    expect(quick).toEqual({ ...full, lookThrough: [] });
  });
});
