// The selection is a set: a primary record (what the inspector describes) and other entities (store.ts `others`).
// Shift/Ctrl/Cmd+click toggles an entity (toggleSelect), a box adds entities (selectMore), a plain click selects one;
// edits keep what still exists, loads clear it, and it never enters the history.
import { describe, expect, it } from 'vitest';
import { parseDoc, type OwnershipDoc } from '../../src/model';
import { createExplorerStore } from '../../src/store/store';
import type { Selection } from '../../src/store/types';

const doc = (): OwnershipDoc => parseDoc({
  format: 'ownership-graph', version: 1, asOf: '2024-09-30',
  entities: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, name: id.toUpperCase(), position: { x: 100 * i, y: 0 } })),
  holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 30 }],
});
const e = (id: string): Selection => ({ kind: 'entity', id });
type Step = ['select', Selection | null] | ['toggle', Selection] | ['box', string[]];

/** The selection as [primary id or null, others]. */
const after = (steps: Step[]) => {
  const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
  for (const [what, arg] of steps) {
    if (what === 'select') s.getState().select(arg);
    else if (what === 'toggle') s.getState().toggleSelect(arg);
    else s.getState().selectMore(arg);
  }
  const { selection, others } = s.getState();
  return [selection ? `${selection.kind}:${selection.id}` : null, others];
};

describe('the selection is a set', () => {
  it.each<[string, Step[], ReturnType<typeof after>]>([
    ['a click selects one', [['select', e('a')]], ['entity:a', []]],
    ['Shift+click adds an entity, which becomes the primary', [['select', e('a')], ['toggle', e('b')]], ['entity:b', ['a']]],
    ['three in a row', [['select', e('a')], ['toggle', e('b')], ['toggle', e('c')]], ['entity:c', ['a', 'b']]],
    ['Shift+click on the primary leaves it out; the last other becomes the primary', [['select', e('a')], ['toggle', e('b')], ['toggle', e('c')], ['toggle', e('c')]], ['entity:b', ['a']]],
    ['Shift+click on another selected one leaves it out', [['select', e('a')], ['toggle', e('b')], ['toggle', e('c')], ['toggle', e('a')]], ['entity:c', ['b']]],
    ['Shift+click on the only one selected: nothing', [['select', e('a')], ['toggle', e('a')]], [null, []]],
    ['Shift+click with nothing selected selects it', [['toggle', e('d')]], ['entity:d', []]],
    ['a plain click after several selects one', [['select', e('a')], ['toggle', e('b')], ['select', e('c')]], ['entity:c', []]],
    ['Shift+click on a holding selects it alone', [['select', e('a')], ['toggle', e('b')], ['toggle', { kind: 'holding', id: 'h1' }]], ['holding:h1', []]],
    ['Shift+click on an entity while a holding is selected', [['select', { kind: 'holding', id: 'h1' }], ['toggle', e('a')]], ['entity:a', []]],
    ['a box adds to the selection, the primary kept', [['select', e('a')], ['box', ['b', 'c', 'a']]], ['entity:a', ['b', 'c']]],
    ['a box with nothing selected: its first is the primary', [['box', ['c', 'd']]], ['entity:c', ['d']]],
    ['an empty box changes nothing', [['select', e('b')], ['box', []]], ['entity:b', []]],
    ['clicking the background clears it', [['select', e('a')], ['toggle', e('b')], ['select', null]], [null, []]],
  ])('%s', (_name, steps, expected) => {
    expect(after(steps)).toEqual(expected);
  });

  it('an edit keeps the selected entities that still exist; undo, redo and loads do as they say', () => {
    const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
    const st = s.getState;
    st().select(e('a'));
    st().toggleSelect(e('b'));
    st().toggleSelect(e('c'));
    expect(st().commit({ type: 'removeEntity', id: 'b' }).ok).toBe(true);
    expect([st().selection, st().others]).toEqual([e('c'), ['a']]);
    // Selecting never enters the history.
    expect(st().past).toHaveLength(1);
    st().undo();
    expect([st().selection, st().others]).toEqual([e('c'), ['a']]);
    st().loadDoc(doc(), 'imported', 'import');
    expect([st().selection, st().others]).toEqual([null, []]);
  });

  it('adding an entity or a holding selects it alone', () => {
    const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
    const st = s.getState;
    st().select(e('a'));
    st().toggleSelect(e('b'));
    const id = st().addEntity({ name: 'New', kind: 'company', position: { x: 0, y: 300 } });
    expect([st().selection, st().others]).toEqual([e(id!), []]);
  });

  it('Delete removes every selected entity, with their holdings, in one undo step', () => {
    const s = createExplorerStore({ doc: doc(), datasetId: 'imported' });
    const st = s.getState;
    const before = st().doc;
    st().select(e('a'));
    st().toggleSelect(e('b'));
    expect(st().removeSelected().ok).toBe(true);
    expect(st().doc.entities.map((x) => x.id)).toEqual(['c', 'd']);
    expect(st().doc.holdings).toEqual([]);
    expect([st().selection, st().others]).toEqual([null, []]);
    expect(st().past).toHaveLength(1);
    st().undo();
    expect(st().doc).toEqual(before);
  });
});
