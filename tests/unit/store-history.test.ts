// Store actions and history: commits are undo steps, refusals change nothing, drags commit once, selection and
// view never enter history, loading a dataset and autosave behave.
import { describe, expect, it } from 'vitest';
import { parseDoc, type OwnershipDoc } from '../../src/model';
import { analysisOf } from '../../src/store/analysis';
import { createAutosave } from '../../src/store/autosave';
import { boot } from '../../src/store/boot';
import { DATASETS } from '../../src/store/datasets';
import { readableError } from '../../src/store/messages';
import { memoryKv } from '../../src/store/kv';
import { createPersistence } from '../../src/store/persistence';
import { createExplorerStore, HISTORY_LIMIT } from '../../src/store/store';

function jv(): OwnershipDoc {
  return parseDoc({
    format: 'ownership-graph', version: 1, asOf: '2024-09-30',
    entities: [
      { id: 'a', name: 'Alpha', position: { x: 0, y: 0 } },
      { id: 'b', name: 'Beta', position: { x: 200, y: 0 } },
      { id: 'jv', name: 'Joint Venture', position: { x: 100, y: 150 } },
      { id: 'op', name: 'Operating Co', position: { x: 100, y: 300 } },
    ],
    holdings: [
      { id: 'h-a-jv', holder: 'a', subject: 'jv', shares: 50 },
      { id: 'h-b-jv', holder: 'b', subject: 'jv', shares: 50 },
      { id: 'h-jv-op', holder: 'jv', subject: 'op', shares: 62.5 },
    ],
  });
}
const store = (doc = jv()) => createExplorerStore({ doc, datasetId: 'imported' });
const shares = (doc: OwnershipDoc, id: string) => doc.holdings.find((h) => h.id === id)!.shares;

describe('store: commit, undo, redo', () => {
  it('commits an operation as one undo step and redoes it', () => {
    const s = store();
    const before = s.getState().doc;
    expect(s.getState().commit({ type: 'setHolding', holding: { id: 'h-a-jv', holder: 'a', subject: 'jv', shares: 40 } })).toEqual({ ok: true });
    expect(shares(s.getState().doc, 'h-a-jv')).toBe(40);
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().doc).toStrictEqual(before);
    s.getState().redo();
    expect(shares(s.getState().doc, 'h-a-jv')).toBe(40);
    expect(s.getState().future).toHaveLength(0);
  });

  it('a new commit clears the redo stack', () => {
    const s = store();
    s.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 5, y: 5 } });
    s.getState().undo();
    expect(s.getState().future).toHaveLength(1);
    s.getState().commit({ type: 'moveEntity', id: 'b', position: { x: 5, y: 5 } });
    expect(s.getState().future).toHaveLength(0);
  });

  it.each([
    ['a stake that takes a company above 100%', { type: 'setHolding', holding: { id: 'h-a-jv', holder: 'a', subject: 'jv', shares: 80 } }, /sum to 130% of shares/],
    ['a negative stake', { type: 'setHolding', holding: { id: 'h-a-jv', holder: 'a', subject: 'jv', shares: -5 } }, /at least 0/],
    ['a non-numeric stake', { type: 'setHolding', holding: { id: 'h-a-jv', holder: 'a', subject: 'jv', shares: Number.NaN } }, /number/],
    ['an empty name', { type: 'updateEntity', id: 'a', changes: { name: '  ' } }, /must not be empty/],
    ['a date that is not a date', { type: 'setHolding', holding: { id: 'h-a-jv', holder: 'a', subject: 'jv', shares: 50, since: '2024-02-31' } }, /date/],
  ] as const)('refuses %s, leaves the document unchanged and says why', (_, op, why) => {
    const s = store();
    const before = s.getState().doc;
    const r = s.getState().commit(op as never);
    expect(r.ok).toBe(false);
    expect(s.getState().doc).toBe(before);
    expect(s.getState().past).toHaveLength(0);
    expect(s.getState().message?.kind).toBe('error');
    expect(s.getState().message?.text).toMatch(why);
    expect(s.getState().message?.text).not.toMatch(/^model\//);
  });

  it('caps history at HISTORY_LIMIT steps', () => {
    const s = store();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s.getState().commit({ type: 'moveEntity', id: 'a', position: { x: i + 1, y: 0 } });
    expect(s.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('keeps selection and view out of history', () => {
    const s = store();
    s.getState().select({ kind: 'entity', id: 'a' });
    s.getState().setView({ rule: 'votes', threshold: 30 });
    expect(s.getState().past).toHaveLength(0);
    s.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 9, y: 9 } });
    s.getState().undo();
    expect(s.getState().selection).toEqual({ kind: 'entity', id: 'a' });
    expect(s.getState().view.rule).toBe('votes');
  });

  it('drops a selection whose record an undo removes', () => {
    const s = store();
    s.getState().addEntity({ name: 'New Co', position: { x: 1, y: 1 } });
    expect(s.getState().selection).toEqual({ kind: 'entity', id: 'New-Co' });
    s.getState().undo();
    expect(s.getState().selection).toBeNull();
  });
});

describe('store: editing actions', () => {
  it('a multi-node drag is one moveEntities commit, one undo step', () => {
    const s = store();
    s.getState().commit({ type: 'moveEntities', positions: { a: { x: 10, y: 10 }, b: { x: 20, y: 20 } } });
    expect(s.getState().past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().doc.entities.find((e) => e.id === 'a')!.position).toEqual({ x: 0, y: 0 });
  });

  it('place() positions entities without an undo step', () => {
    const doc = parseDoc({ format: 'ownership-graph', version: 1, entities: [{ id: 'x', name: 'X' }], holdings: [] });
    const s = store(doc);
    s.getState().place({ x: { x: 3, y: 4 }, ghost: { x: 0, y: 0 } });
    expect(s.getState().doc.entities[0].position).toEqual({ x: 3, y: 4 });
    expect(s.getState().past).toHaveLength(0);
  });

  it('addHolding picks a stake that fits and refuses a subject already 100% held', () => {
    const s = store();
    const id = s.getState().addHolding('a', 'op');
    expect(id).toBe('h-a-op');
    expect(shares(s.getState().doc, 'h-a-op')).toBe(10);
    expect(s.getState().selection).toEqual({ kind: 'holding', id: 'h-a-op' });
    const before = s.getState().doc;
    expect(s.getState().addHolding('op', 'jv')).toBeNull();
    expect(s.getState().doc).toBe(before);
    expect(s.getState().message?.text).toMatch(/already 100% held/);
  });

  it('removeSelected deletes the selection as one undo step', () => {
    const s = store();
    s.getState().select({ kind: 'entity', id: 'jv' });
    expect(s.getState().removeSelected().ok).toBe(true);
    expect(s.getState().doc.holdings.map((h) => h.id)).toEqual([]);
    expect(s.getState().selection).toBeNull();
    s.getState().undo();
    expect(s.getState().doc.holdings).toHaveLength(3);
  });

  it('loadDoc replaces the document; undoable loads can be undone', () => {
    const s = store();
    const old = s.getState().doc;
    const ntt = DATASETS.find((d) => d.id === 'ntt-docomo')!;
    s.getState().loadDoc(ntt.load(), 'ntt-docomo', 'openDataset');
    expect(s.getState().datasetId).toBe('ntt-docomo');
    expect(s.getState().loads).toBe(1);
    s.getState().undo();
    expect(s.getState().doc).toBe(old);
    expect(s.getState().datasetId).toBe('imported');
    s.getState().redo();
    expect(s.getState().datasetId).toBe('ntt-docomo');
    s.getState().loadDoc(ntt.load(), 'ntt-docomo', 'sample');
    expect(s.getState().past).toHaveLength(0);
  });

  it('derives the analysis from doc and view (memoised), under each rule', () => {
    const s = createExplorerStore({ doc: DATASETS[0].load(), datasetId: 'line-yahoo' });
    const a = analysisOf(s.getState());
    expect(analysisOf(s.getState())).toBe(a);
    expect(a.entity('ly').ultimate).toEqual(['sbg']);
    s.getState().setView({ rule: 'votes' });
    expect(analysisOf(s.getState()).entity('ly').ultimate).toEqual(['naver', 'sbkk']);
  });
});

describe('store: boot and autosave', () => {
  it('boots the default dataset, then what autosave wrote, one write for several quick edits', async () => {
    const kv = memoryKv();
    const p = createPersistence(kv);
    const first = await boot(p);
    expect(first.datasetId).toBe('line-yahoo');
    const s = createExplorerStore(first);
    const auto = createAutosave({ store: s, persistence: p, tab: 't', saveFile() {}, delay: () => 20 });
    s.getState().commit({ type: 'moveEntity', id: 'ly', position: { x: 1, y: 2 } });
    s.getState().commit({ type: 'moveEntity', id: 'ly', position: { x: 3, y: 4 } });
    expect(kv.writes).toBe(0);
    await new Promise((r) => setTimeout(r, 60));
    await auto.idle();
    expect(kv.writes).toBe(1);
    const again = await boot(p);
    expect(again.doc).toEqual(s.getState().doc);
    expect(again.rev).toBe(1);
    auto.stop();
  });

  it('generates ?sample=N graphs, placed, and does not autosave them', async () => {
    const kv = memoryKv();
    const b = await boot(createPersistence(kv), '?sample=500');
    expect(b.doc.entities).toHaveLength(500);
    const s = createExplorerStore(b);
    expect(s.getState().doc.entities.every((e) => e.position)).toBe(true);
    const auto = createAutosave({ store: s, persistence: createPersistence(kv), tab: 't', saveFile() {}, delay: () => 1 });
    s.getState().commit({ type: 'moveEntity', id: s.getState().doc.entities[0].id, position: { x: 1, y: 1 } });
    await new Promise((r) => setTimeout(r, 20));
    await auto.idle();
    expect(kv.writes).toBe(0);
    auto.stop();
  });

  it('readableError drops the module prefix', () => {
    expect(readableError(new Error('model/apply: setHolding: holdings of "X" sum to 130%'))).toBe('Holdings of "X" sum to 130%');
  });
});

describe('store: one write path', () => {
  it('every change reaches the listeners as what it is: edits, placement, undo and redo as operations, loads as loads', () => {
    const s = store();
    const seen: string[] = [];
    s.onChange((from, to, change) => seen.push(`${change.type}:${from === to ? 'same' : 'new'}`));
    s.getState().commit({ type: 'updateHolding', id: 'h-a-jv', changes: { shares: 45 } });
    s.getState().place({ a: { x: 1, y: 1 } });
    s.getState().undo();
    s.getState().redo();
    s.getState().loadDoc(jv(), 'imported', 'import');
    s.getState().undo();
    expect(seen).toEqual(['updateHolding:new', 'moveEntities:new', 'patch:new', 'updateHolding:new', 'load:new', 'load:new']);
    expect(s.getState().past).toHaveLength(1);
    expect(s.getState().past[0].change).toEqual({ type: 'updateHolding', id: 'h-a-jv', changes: { shares: 45 } });
    expect(s.getState().past[0].inverse).toMatchObject({ type: 'patch' });
  });

  it('updateHolding merges the changes in the model; null clears a field, a refusal changes nothing', () => {
    const s = store();
    s.getState().commit({ type: 'updateHolding', id: 'h-a-jv', changes: { votes: 30, notes: 'n' } });
    expect(s.getState().doc.holdings[0]).toEqual({ id: 'h-a-jv', holder: 'a', subject: 'jv', shares: 50, votes: 30, notes: 'n' });
    s.getState().commit({ type: 'updateHolding', id: 'h-a-jv', changes: { votes: null } });
    expect(s.getState().doc.holdings[0]).toEqual({ id: 'h-a-jv', holder: 'a', subject: 'jv', shares: 50, notes: 'n' });
    const before = s.getState().doc;
    expect(s.getState().commit({ type: 'updateHolding', id: 'h-a-jv', changes: { shares: 60 } }).ok).toBe(false);
    expect(s.getState().doc).toBe(before);
  });

  it('two stores are two explorers: an edit in one never reaches the other', () => {
    const a = store(), b = store();
    const heard: string[] = [];
    b.onChange((_f, _t, c) => heard.push(c.type));
    a.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 3, y: 3 } });
    expect(heard).toEqual([]);
    expect(b.getState().doc.entities[0].position).toEqual({ x: 0, y: 0 });
  });
});
