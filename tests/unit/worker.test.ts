// The analysis worker's handler, driven directly: it keeps its document in step by operations and returns
// summaries equal to the main-thread analysis.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc } from '../../src/model';
import { analyze, diffAnalyses, viewOfSummary } from '../../src/analysis';
import { createHandler } from '../../src/worker/handler';
import type { Response } from '../../src/worker/protocol';

const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));

describe('analysis worker handler', () => {
  it('analyses, applies operations, and answers entity details', () => {
    const out: Response[] = [];
    const handle = createHandler((r) => out.push(r));
    handle({ type: 'analyze', seq: 1, options: {} });
    expect(out.pop()).toMatchObject({ type: 'error', seq: 1, message: expect.stringMatching(/no document loaded/) });
    handle({ type: 'load', seq: 2, doc: ly });
    handle({ type: 'apply', seq: 3, op: { type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 0.01 } });
    handle({ type: 'analyze', seq: 4, options: { rule: 'votes' } });
    const r = out.find((x) => x.type === 'analysis')!;
    if (r.type !== 'analysis') throw new Error();
    const view = viewOfSummary(r.summary, ly.entities.map((e) => e.id), ly.holdings.map((h) => h.id));
    expect(view.control.get('ahd')).toEqual({ status: 'controlled', parent: ['sbkk'], ultimate: ['sbkk'] });
    expect(out.some((x) => x.type === 'progress' && x.seq === 4)).toBe(true);
    handle({ type: 'entity', seq: 5, id: 'ly', options: {} });
    expect(out.at(-1)).toMatchObject({ type: 'entity', detail: { id: 'ly', explanation: expect.arrayContaining([expect.stringContaining('62.50%')]) } });
    handle({ type: 'apply', seq: 6, op: { type: 'removeHolding', id: 'nope' } });
    expect(out.at(-1)).toMatchObject({ type: 'error', seq: 6 });
  });

  it('a summary view matches the live analysis', () => {
    const a = analyze(ly, { rule: 'legal' });
    const out: Response[] = [];
    const handle = createHandler((x) => out.push(x));
    handle({ type: 'load', seq: 1, doc: ly });
    handle({ type: 'analyze', seq: 2, options: { rule: 'legal' } });
    const r = out.find((x) => x.type === 'analysis');
    if (r?.type !== 'analysis') throw new Error();
    const v = viewOfSummary(structuredClone(r.summary), ly.entities.map((e) => e.id), ly.holdings.map((h) => h.id));
    for (const [id, c] of a.control) expect(v.control.get(id)).toEqual({ status: c.status, parent: c.parent, ultimate: c.ultimate });
    for (const e of ly.entities) expect(v.groupSize(e.id)).toBe(a.groupSize(e.id));
    expect(v.groupSize('not-in-the-summary')).toBe(1);
    expect(new Set(v.conferring())).toEqual(a.conferring());
    // Read by id, as the drawing reads it: the same answer as the full analysis for every holding, and none for others.
    for (const h of ly.holdings) expect(v.conferring().has(h.id)).toBe(a.conferring().has(h.id));
    expect(v.conferring().has('not-a-holding')).toBe(false);
    expect(v.conferring().size).toBe(a.conferring().size);
    expect(v.dependencies()).toEqual(a.dependencies());
  });

  it('imports files off the main thread as they stream, refusing bad ones with the importer’s reason', async () => {
    const out: Response[] = [];
    const handle = createHandler((x) => out.push(x));
    const answer = async (seq: number) => {
      for (let i = 0; i < 400 && !out.some((r) => r.seq === seq && r.type === 'imported'); i++) await new Promise((r) => setTimeout(r, 5));
      return out.find((r) => r.seq === seq && r.type === 'imported');
    };
    const csv = new Blob(['holder,subject,shares\nAlpha,Beta,60\nGamma,Beta,40\n']);
    handle({ type: 'importFile', seq: 1, file: csv, fileName: 'edges.csv' });
    const r = await answer(1);
    if (r?.type !== 'imported' || !r.decision.ok) throw new Error(JSON.stringify(r));
    expect(r.decision.doc.holdings).toHaveLength(2);
    expect(r.decision.format).toBe('csv');
    handle({ type: 'importFile', seq: 2, file: new Blob(['{"format":"ownership-graph","ver']), fileName: 'cut.json' });
    expect(await answer(2)).toMatchObject({ type: 'imported', decision: { ok: false, error: expect.stringContaining('"cut.json" was not opened') } });
    expect(out.filter((x) => x.seq === 1 && x.type === 'progress').map((x) => x.type === 'progress' && x.phase)).toEqual(['reading 0%', 'building the graph', 'sending']);
  });

  it('works out the diff of two documents it is sent, equal to the page’s, and keeps its own document', () => {
    const out: Response[] = [];
    const handle = createHandler((x) => out.push(x));
    handle({ type: 'load', seq: 1, doc: ly });
    const after = apply(ly, { type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 0.01 });
    handle({ type: 'diff', seq: 2, before: ly, after, options: { rule: 'legal' } });
    const r = out.at(-1);
    if (r?.type !== 'diff') throw new Error(JSON.stringify(r));
    expect(structuredClone(r.diff)).toEqual(diffAnalyses(analyze(ly, { rule: 'legal' }), analyze(after, { rule: 'legal' })));
    // Under Legal no sole control moves, but NAVER's veto over A Holdings ends and Votes only sees a change.
    expect(r.diff.changes).toEqual([]);
    expect(r.diff.game.veto).toContainEqual({ entity: 'ahd', player: 'naver', gained: false });
    expect(r.diff.otherRules.map((o) => o.rule)).toContain('votes');
    // The worker's own document is still the one loaded: an analysis of it shows A Holdings jointly controlled.
    handle({ type: 'analyze', seq: 3, options: { rule: 'votes' } });
    const a = out.find((x) => x.type === 'analysis');
    if (a?.type !== 'analysis') throw new Error();
    expect(viewOfSummary(a.summary, ly.entities.map((e) => e.id), ly.holdings.map((h) => h.id)).control.get('ahd')?.status).toBe('joint');
  });
});
