// Callouts carry the main changes of a diff to the canvas, at the entities they concern.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc, parseScenario } from '../../src/model';
import { analyze, diffAnalyses } from '../../src/analysis';
import { callouts } from '../../src/draw/callouts';

const read = (rel: string) => readFileSync(new URL(`../../data/${rel}`, import.meta.url), 'utf8');
const ly = parseDoc(read('line-yahoo.ownership.json'));
const names = new Map(ly.entities.map((e) => [e.id, e.name]));

describe('callouts', () => {
  it('SoftBank acquires majority (Legal): at A Holdings, the joint game and NAVER’s veto end, SoftBank Corp.’s power goes to 100%', () => {
    const after = apply(ly, { type: 'batch', ops: parseScenario(JSON.parse(read('scenarios/softbank-majority.json')), 'x').ops });
    const c = callouts(diffAnalyses(analyze(ly), analyze(after), { lookThrough: false }), (id) => names.get(id) ?? id);
    expect(c).toEqual([
      {
        entity: 'ahd',
        title: 'A Holdings Corporation',
        lines: ['Joint control (votes) ends', 'NAVER Corporation: veto ends', 'SoftBank Corp.: power 50% → 100%', 'NAVER Corporation: power 50% → 0%'],
      },
    ]);
  });
  it('under Votes only the control change comes first', () => {
    const after = apply(ly, { type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 25 });
    const c = callouts(diffAnalyses(analyze(ly, { rule: 'votes' }), analyze(after, { rule: 'votes' }), { lookThrough: false }), (id) => names.get(id) ?? id);
    expect(c[0]).toMatchObject({ entity: 'ahd', lines: ['Now controlled by SoftBank Corp.', 'Joint control (votes) ends', 'NAVER Corporation: veto ends', 'SoftBank Corp.: power 50% → 100%'] });
    expect(c.length).toBeLessThanOrEqual(5);
  });
});
