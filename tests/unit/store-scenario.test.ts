// Store scenario actions and the operation log: applying a scenario is one undo step on its base, "back to base"
// returns exactly, saved scenarios travel with the document and replay, and undo/redo keep the log consistent.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { Op } from '../../src/model';
import { datasetById } from '../../src/store/datasets';
import { applyScenario, backToBase, removeScenario, saveScenario } from '../../src/store/scenario';
import { BUNDLED_SCENARIOS, scenariosFor } from '../../src/store/scenarios';
import { editsSinceBase, isTracked } from '../../src/store/simState';
import { createExplorerStore } from '../../src/store/store';

const ly = () => createExplorerStore({ doc: datasetById('line-yahoo')!.load(), datasetId: 'line-yahoo', view: { rule: 'votes' } });
const bundled = (id: string) => scenariosFor('line-yahoo', { format: 'ownership-graph', version: 1, entities: [], holdings: [] }).find((s) => s.id === id)!;
const stake = (doc: { holdings: { holder: string; subject: string; shares: number; until?: string | null }[] }, holder: string, subject: string) =>
  doc.holdings.find((h) => h.holder === holder && h.subject === subject && !h.until)?.shares;
const transfer: Op = { type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 10 };

describe('bundled scenarios', () => {
  it('are bundled at build time and offered per dataset', () => {
    expect(BUNDLED_SCENARIOS.length).toBeGreaterThanOrEqual(7);
    const lyIds = scenariosFor('line-yahoo', datasetById('line-yahoo')!.load()).map((s) => s.id);
    expect(lyIds).toEqual(expect.arrayContaining(['softbank-majority', 'naver-sells-25', 'softbank-buys-out', 'system-separation']));
    expect(lyIds).not.toContain('ntt-government-sells');
    expect(scenariosFor('ntt-docomo', datasetById('ntt-docomo')!.load()).map((s) => s.id)).toEqual(['ntt-government-sells']);
  });
});

describe('the operation log', () => {
  it('records committed changes, not layout moves, and undo/redo keep it in step with the document', () => {
    const s = ly();
    s.getState().commit({ type: 'moveEntity', id: 'ly', position: { x: 1, y: 2 } });
    expect(s.getState().sim.log).toEqual([]);
    s.getState().commit(transfer);
    expect(s.getState().sim.log).toEqual([transfer]);
    s.getState().undo();
    expect(s.getState().sim.log).toEqual([]);
    s.getState().redo();
    expect(s.getState().sim.log).toEqual([transfer]);
    s.getState().place({ ly: { x: 9, y: 9 } });
    expect(s.getState().sim.log).toEqual([transfer]);
  });

  it('strips moves out of batches and resets when a document is loaded', () => {
    expect(isTracked({ type: 'batch', ops: [{ type: 'moveEntity', id: 'a', position: { x: 0, y: 0 } }] })).toBe(false);
    const s = ly();
    s.getState().commit({ type: 'batch', ops: [transfer, { type: 'moveEntity', id: 'ly', position: { x: 1, y: 1 } }] });
    expect(s.getState().sim.log).toEqual([{ type: 'batch', ops: [transfer] }]);
    s.getState().loadDoc(datasetById('ntt-docomo')!.load(), 'ntt-docomo', 'openDataset');
    expect(s.getState().sim.log).toEqual([]);
    s.getState().undo();
    expect(s.getState().sim.log).toHaveLength(1);
  });
});

describe('applying a scenario and going back to base', () => {
  it('"SoftBank acquires majority" is one undo step; A Holdings moves from joint control to SoftBank Corp. under votes only', () => {
    const s = ly();
    const before = s.getState().doc;
    expect(applyScenario(s, bundled('softbank-majority'))).toEqual({ ok: true });
    const st = s.getState();
    expect(st.past).toHaveLength(1);
    expect(st.sim.scenario).toMatchObject({ id: 'softbank-majority', base: before, baseLog: 0 });
    expect(editsSinceBase(st.sim)).toHaveLength(1);
    expect(analyze(before, { rule: 'votes' }).entity('ahd').status).toBe('joint');
    expect(analyze(st.doc, { rule: 'votes' }).entity('ahd').parent).toEqual(['sbkk']);
    s.getState().undo();
    expect(s.getState().doc).toStrictEqual(before);
    expect(s.getState().sim.scenario).toBeNull();
  });

  it('back to base restores the document exactly, and the view date a dated scenario moved', () => {
    const s = ly();
    s.getState().setView({ date: '2024-09-30' });
    const before = JSON.stringify(s.getState().doc);
    applyScenario(s, bundled('ly-buyback-2024'));
    expect(s.getState().view.date).toBe('2024-08-01');
    s.getState().commit({ type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 1 });
    backToBase(s);
    expect(JSON.stringify(s.getState().doc)).toBe(before);
    expect(s.getState().view.date).toBe('2024-09-30');
    expect(s.getState().sim.log).toEqual([]);
    expect(s.getState().sim.scenario).toBeNull();
  });

  it('a dated scenario moves the document and the view date in one undo step; undo and redo move both', () => {
    const s = ly();
    s.getState().setView({ date: '2024-09-30' });
    const before = s.getState().doc;
    applyScenario(s, bundled('ly-buyback-2024'));
    const after = s.getState().doc;
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().view.date).toBe('2024-09-30');
    expect(s.getState().doc).toStrictEqual(before);
    s.getState().redo();
    expect(s.getState().view.date).toBe('2024-08-01');
    expect(s.getState().doc).toStrictEqual(after);
    backToBase(s);
    expect(s.getState().view.date).toBe('2024-09-30');
    s.getState().undo();
    expect(s.getState().view.date).toBe('2024-08-01');
    expect(s.getState().sim.scenario?.id).toBe('ly-buyback-2024');
  });

  it('a scenario without a date shows the base\'s date, not the one the previous scenario moved the view to', () => {
    const s = ly();
    applyScenario(s, bundled('ly-buyback-2024'));
    expect(s.getState().view.date).toBe('2024-08-01');
    applyScenario(s, bundled('softbank-majority'));
    expect(s.getState().view.date).toBeNull();
    s.getState().setView({ date: '2023-01-01' });
    backToBase(s);
    s.getState().setView({ date: '2024-09-30' });
    applyScenario(s, bundled('ly-buyback-2024'));
    applyScenario(s, bundled('naver-sells-25'));
    expect(s.getState().view.date).toBe('2024-09-30');
  });

  it('a second scenario replaces the first on the same base, rather than stacking', () => {
    const s = ly();
    const before = s.getState().doc;
    applyScenario(s, bundled('naver-sells-25'));
    applyScenario(s, bundled('softbank-buys-out'));
    expect(s.getState().sim.scenario?.base).toBe(before);
    expect(stake(s.getState().doc, 'sbkk', 'ahd')).toBe(100);
    backToBase(s);
    expect(s.getState().doc).toStrictEqual(before);
  });

  it('a scenario whose operations do not fit the document is refused and changes nothing', () => {
    const s = ly();
    const before = s.getState().doc;
    const r = applyScenario(s, { id: 'x', title: 'X', source: 'document', ops: [{ type: 'transfer', seller: 'naver', buyer: 'nobody', subject: 'ahd', points: 1 }] });
    expect(r.ok).toBe(false);
    expect(s.getState().doc).toBe(before);
    expect(s.getState().message?.kind).toBe('error');
    expect(s.getState().past).toHaveLength(0);
  });
});

describe('scenarios of the user', () => {
  it('saves the edits since loading, keeps them with the document and its base, and replays them', () => {
    const s = ly();
    const loaded = s.getState().doc;
    s.getState().commit(transfer);
    const edited = s.getState().doc;
    const r = saveScenario(s, { title: 'NAVER sells 10', description: 'a test' });
    expect(r.ok).toBe(true);
    const saved = s.getState().doc.scenarios!;
    expect(saved).toEqual([{ id: 'my-naver-sells-10', title: 'NAVER sells 10', description: 'a test', ops: [transfer] }]);
    expect(s.getState().sim.scenario).toMatchObject({ id: 'my-naver-sells-10', source: 'document' });
    backToBase(s);
    expect(stake(s.getState().doc, 'naver', 'ahd')).toBe(50);
    expect(s.getState().doc.scenarios).toEqual(saved);
    expect({ ...s.getState().doc, scenarios: undefined }).toEqual({ ...loaded, scenarios: undefined });
    const entry = scenariosFor('line-yahoo', s.getState().doc).find((x) => x.id === 'my-naver-sells-10')!;
    expect(entry.source).toBe('document');
    applyScenario(s, entry);
    expect(s.getState().doc.holdings).toEqual(edited.holdings);
  });

  it('after a bundled scenario, saves that scenario and the edits made on top of it', () => {
    const s = ly();
    applyScenario(s, bundled('naver-sells-25'));
    s.getState().commit({ type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 5 });
    saveScenario(s, { title: 'Thirty' });
    const mine = s.getState().doc.scenarios![0];
    expect(mine.ops).toHaveLength(2);
    backToBase(s);
    applyScenario(s, { ...mine, source: 'document' });
    expect(stake(s.getState().doc, 'naver', 'ahd')).toBe(20);
  });

  it('refuses to save when nothing was edited; removing a saved scenario is one undo step', () => {
    const s = ly();
    expect(saveScenario(s, { title: 'Nothing' }).ok).toBe(false);
    s.getState().commit(transfer);
    saveScenario(s, { title: 'Ten' });
    const id = s.getState().doc.scenarios![0].id;
    removeScenario(s, id);
    expect(s.getState().doc.scenarios).toEqual([]);
    expect(s.getState().sim.scenario?.base.scenarios).toEqual([]);
    s.getState().undo();
    expect(s.getState().doc.scenarios).toHaveLength(1);
  });
});
