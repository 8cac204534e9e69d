// The diff says how control moves under every rule: the voting game (joint control, veto players, board majority,
// voting power ≥ 1 point), control under the other rules, and tiny look-through moves grouped into one line.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc, parseScenario, type OwnershipDoc } from '../../src/model';
import { analyze, diffAnalyses, diffText, diffWords } from '../../src/analysis';
import { boardMajority, gameJoint } from '../../src/analysis/diffGame';

const read = (rel: string) => readFileSync(new URL(`../../data/${rel}`, import.meta.url), 'utf8');
const ly = parseDoc(read('line-yahoo.ownership.json'));
const scenario = (id: string) => parseScenario(JSON.parse(read(`scenarios/${id}.json`)), id);
const names = new Map(ly.entities.map((e) => [e.id, e.name]));
const name = (id: string) => names.get(id) ?? id;

const graph = (edges: [string, string, number, number?][], extra: Partial<OwnershipDoc> = {}): OwnershipDoc => ({
  format: 'ownership-graph', version: 1, title: 't', asOf: '2024-01-01',
  entities: [...new Set(edges.flatMap(([a, b]) => [a, b]))].map((id) => ({ id, name: id.toUpperCase(), ...(id === 'y' && extra.entities ? {} : {}) })),
  holdings: edges.map(([h, s, shares, seats], i) => ({ id: `h${i}`, holder: h, subject: s, shares, ...(seats !== undefined ? { boardSeats: seats } : {}) })),
  ...extra,
});

describe('SoftBank acquires majority, under Legal control', () => {
  const after = apply(ly, { type: 'batch', ops: scenario('softbank-majority').ops });
  const d = diffAnalyses(analyze(ly), analyze(after));
  const w = diffWords(d, name);

  it('changes no sole control, and says under which rule control does move', () => {
    expect(w.control).toEqual([]);
    expect(d.otherRules.map((r) => r.rule)).toEqual(['votes']);
    expect(w.otherRules.map((l) => l.text)).toContain('Under Votes only: A Holdings Corporation: jointly controlled by NAVER Corporation and SoftBank Corp. → controlled by SoftBank Corp.');
  });

  it("says in words that NAVER's veto over A Holdings ends and SoftBank Corp.'s power goes to 100%", () => {
    const text = w.game.map((l) => l.text);
    expect(text).toContain("NAVER Corporation's veto over A Holdings Corporation ends");
    expect(text).toContain("SoftBank Corp.'s voting power in A Holdings Corporation: 50% → 100% (Banzhaf and Shapley–Shubik)");
    expect(text).toContain("NAVER Corporation's voting power in A Holdings Corporation: 50% → 0% (Banzhaf and Shapley–Shubik)");
    expect(text).toContain('The joint control of A Holdings Corporation by NAVER Corporation and SoftBank Corp. in its voting game ends');
  });

  it('groups the ±0.01-point look-through moves into one line', () => {
    expect(w.lookThrough).toEqual([]);
    expect(w.tinyLookThrough.length).toBeGreaterThan(5);
    expect(w.tinySummary!.text).toMatch(/^\d+ look-through stakes moved by less than 1 point \(at most 0\.01\)$/);
    expect(diffText(d, name)).toContain('Voting game');
  });
});

describe('voting game diffs on hand-built graphs', () => {
  it.each([
    // [before, after, joint before, joint after]
    [[['a', 'y', 50], ['b', 'y', 50]], [['a', 'y', 60], ['b', 'y', 40]], ['a', 'b'], null],
    [[['a', 'y', 40], ['b', 'y', 40], ['c', 'y', 20]], [['a', 'y', 40], ['b', 'y', 40], ['c', 'y', 20]], null, null],
    [[['a', 'y', 60], ['b', 'y', 40]], [['a', 'y', 50], ['b', 'y', 50]], null, ['a', 'b']],
  ] as [[string, string, number][], [string, string, number][], string[] | null, string[] | null][])('joint %j → %j', (x, y, jx, jy) => {
    const a = analyze(graph(x), { rule: 'votes' }), b = analyze(graph(y), { rule: 'votes' });
    expect(gameJoint(a, 'y')).toEqual(jx);
    expect(gameJoint(b, 'y')).toEqual(jy);
    const d = diffAnalyses(a, b);
    expect(d.game.joint.length).toBe(JSON.stringify(jx) === JSON.stringify(jy) ? 0 : 1);
  });

  it('reports a power move of one point or more, and none below', () => {
    // a 40 / b 30 / c 30 → a 41 / b 29 / c 30: Banzhaf stays 1/3 each (every pair wins), so nothing to report.
    const same = diffAnalyses(analyze(graph([['a', 'y', 40], ['b', 'y', 30], ['c', 'y', 30]])), analyze(graph([['a', 'y', 41], ['b', 'y', 29], ['c', 'y', 30]])));
    expect(same.game.power).toEqual([]);
    // a 40 / b 30 / c 30 → a 51 / b 19 / c 30: a becomes a dictator.
    const moved = diffAnalyses(analyze(graph([['a', 'y', 40], ['b', 'y', 30], ['c', 'y', 30]])), analyze(graph([['a', 'y', 51], ['b', 'y', 19], ['c', 'y', 30]])));
    expect(moved.game.power.find((p) => p.player === 'a')).toMatchObject({ before: { banzhaf: expect.closeTo(1 / 3, 9) }, after: { banzhaf: 1 } });
    expect(moved.game.veto).toContainEqual({ entity: 'y', player: 'a', gained: true });
  });

  it('finds the board majority and its change', () => {
    const base = graph([['a', 'y', 30, 3], ['b', 'y', 70, 2]]);
    base.entities = base.entities.map((e) => (e.id === 'y' ? { ...e, boardSize: 5 } : e));
    const next = { ...base, holdings: base.holdings.map((h) => (h.holder === 'a' ? { ...h, boardSeats: 2 } : { ...h, boardSeats: 3 })) };
    expect(boardMajority(analyze(base), 'y')).toBe('a');
    expect(boardMajority(analyze(next), 'y')).toBe('b');
    const w = diffWords(diffAnalyses(analyze(base), analyze(next)), (id) => id.toUpperCase());
    expect(w.game.map((l) => l.text)).toContain('Board majority of Y: A → B');
  });
});
