// Actions declare their history (store/actions.ts): every action in the table is performed on a store with one step
// behind and one ahead, and must leave the history as its policy says — one undo step, no step (history kept), or a
// fresh history. The call sites that perform them (edits, layout, scenarios, a dataset, a file) are checked to name theirs.
import { describe, expect, it } from 'vitest';
import { emptyDoc, parseDoc, type Op, type OwnershipDoc } from '../../src/model';
import { ACTIONS, type ActionType, type LoadAction, type OpAction } from '../../src/store/actions';
import { createApp } from '../../src/store/app';
import { openFile } from '../../src/store/files';
import { memoryKv } from '../../src/store/kv';
import { applyScenario } from '../../src/store/scenario';
import { createExplorerStore } from '../../src/store/store';

const doc = (): OwnershipDoc => parseDoc({
  format: 'ownership-graph', version: 1, asOf: '2024-09-30',
  entities: [{ id: 'a', name: 'Alpha', position: { x: 0, y: 0 } }, { id: 'b', name: 'Beta', position: { x: 100, y: 0 } }, { id: 'y', name: 'Why', position: { x: 50, y: 100 } }],
  holdings: [{ id: 'h1', holder: 'a', subject: 'y', shares: 30 }],
});
const other = (): OwnershipDoc => ({ ...emptyDoc('Other'), entities: [{ id: 'o', name: 'O' }] });

/** A store with one step behind it and one ahead of it. */
function storeWithHistory() {
  const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
  s.getState().commit({ type: 'updateHolding', id: 'h1', changes: { shares: 40 } });
  s.getState().commit({ type: 'updateHolding', id: 'h1', changes: { shares: 45 } });
  s.getState().undo();
  return s;
}

const OP: Op = { type: 'moveEntity', id: 'b', position: { x: 7, y: 7 } };

describe('each action enters the history as it declares', () => {
  const actions = Object.keys(ACTIONS) as ActionType[];

  it.each(actions)('%s', (action) => {
    const s = storeWithHistory();
    const before = s.getState().doc;
    const [behind, ahead] = [s.getState().past.slice(), s.getState().future.slice()];
    const spec = ACTIONS[action];
    if (spec.change === 'load') s.getState().loadDoc(other(), 'imported', action as LoadAction);
    else expect(s.getState().dispatch(OP, { action: action as OpAction })).toEqual({ ok: true });
    const st = s.getState();
    expect(st.doc).not.toBe(before);
    switch (spec.history) {
      case 'step':
        expect(st.past.slice(0, -1)).toEqual(behind);
        expect(st.past.at(-1)!.action).toBe(action);
        expect(st.future).toEqual([]);
        st.undo();
        expect(s.getState().doc).toStrictEqual(before);
        break;
      case 'none':
        expect(st.past).toEqual(behind);
        expect(st.future).toEqual(ahead);
        break;
      case 'restart':
        expect(st.past).toEqual([]);
        expect(st.future).toEqual([]);
        break;
      default: {
        const never: never = spec;
        throw new Error(`unknown policy ${String(never)}`);
      }
    }
  });

  it('refuses an action given the wrong kind of change, changing nothing', () => {
    const s = storeWithHistory();
    const before = s.getState();
    const r = s.getState().dispatch(OP, { action: 'import' as unknown as OpAction });
    expect(r.ok).toBe(false);
    expect(s.getState().doc).toBe(before.doc);
    expect(s.getState().past).toBe(before.past);
  });
});

describe('call sites name their action', () => {
  it('an edit, the automatic layout and a scenario', () => {
    const s = storeWithHistory();
    s.getState().commit({ type: 'updateHolding', id: 'h1', changes: { shares: 20 } });
    expect(s.getState().past.at(-1)!.action).toBe('edit');
    const steps = s.getState().past.length;
    s.getState().place({ a: { x: 3, y: 3 } });
    expect(s.getState().past).toHaveLength(steps);
    expect(applyScenario(s, { id: 'sc', title: 'Sc', source: 'document', ops: [{ type: 'transfer', seller: 'a', buyer: 'b', subject: 'y', points: 5 }] })).toMatchObject({ ok: true });
    expect(s.getState().past.at(-1)!.action).toBe('scenario');
  });

  it('a file opened, and a bundled dataset opened', async () => {
    const s = storeWithHistory();
    const text = JSON.stringify(other());
    await openFile(s, { name: 'o.ownership.json', size: text.length, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });
    expect(s.getState().past.at(-1)!.action).toBe('import');
    const app = await createApp({ search: '', hash: '', kv: memoryKv(), workers: false, clearHash() {}, clearSearch() {}, download() {} });
    await app.openDataset('ntt-docomo');
    expect(app.store.getState().past.at(-1)!.action).toBe('openDataset');
    app.stop();
  });
});
