// The automatic layout is the app's, not the canvas's (store/autoLayout.ts): a document that arrives without positions
// is laid out once and committed as the 'layout' action, inside the load's one step; a layout superseded by a later
// load, edit or undo is never committed; with no canvas yet it waits for the canvas's shape. The kernel's layout is
// replaced here by one whose answers are known and whose timing the test controls.
import { describe, expect, it } from 'vitest';
import { parseDoc, type OwnershipDoc } from '../../src/model';
import { startAutoLayout, type LayOut } from '../../src/store/autoLayout';
import { createExplorerStore, type ExplorerStore } from '../../src/store/store';

const placed = (): OwnershipDoc => parseDoc({
  format: 'ownership-graph', version: 1, asOf: '2024-09-30',
  entities: [{ id: 'a', name: 'Alpha', position: { x: 0, y: 0 } }, { id: 'b', name: 'Beta', position: { x: 100, y: 0 } }],
  holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 30 }],
});
const unplaced = (title: string, ids = ['p', 'q', 'r']): OwnershipDoc => parseDoc({
  format: 'ownership-graph', version: 1, asOf: '2024-09-30', title,
  entities: ids.map((id) => ({ id, name: id.toUpperCase() })),
  holdings: [{ id: 'h', holder: ids[0], subject: ids[1], shares: 60 }],
});

/** A layout whose runs the test resolves by hand: in run k, entity i of the document goes to (1000·k + 100·i, 10). */
function manualLayout() {
  const runs: { doc: OwnershipDoc; resolve(): void }[] = [];
  const layOut: LayOut = (doc) =>
    new Promise((resolve) => {
      const k = runs.length;
      runs.push({ doc, resolve: () => resolve(Object.fromEntries(doc.entities.map((e, i) => [e.id, { x: 1000 * k + 100 * i, y: 10 }]))) });
    });
  return { runs, layOut };
}

function setUp(shape: { width: number; height: number } | null = { width: 800, height: 600 }) {
  const store: ExplorerStore = createExplorerStore({ doc: placed(), datasetId: 'imported' });
  const { runs, layOut } = manualLayout();
  let current = shape;
  const shapeListeners = new Set<() => void>();
  const auto = startAutoLayout({ store, layOut, shape: () => current, onShape: (l) => (shapeListeners.add(l), () => shapeListeners.delete(l)) });
  const mount = (s: { width: number; height: number }) => {
    current = s;
    shapeListeners.forEach((l) => l());
  };
  return { store, runs, auto, mount, get: store.getState };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const positions = (doc: OwnershipDoc) => doc.entities.map((e) => e.position ?? null);

describe('the automatic layout', () => {
  it('lays a loaded document out once, inside the load’s one step: undo returns, redo brings it back laid out', async () => {
    const { get, runs, auto } = setUp();
    const before = get().doc;
    get().loadDoc(unplaced('P'), 'imported', 'import');
    await tick();
    expect(runs).toHaveLength(1);
    expect(get().busy).toBe('Laying out…');
    runs[0].resolve();
    await auto.idle();
    expect(positions(get().doc)).toEqual([{ x: 0, y: 10 }, { x: 100, y: 10 }, { x: 200, y: 10 }]);
    expect(get().busy).toBeNull();
    expect(get().past.map((e) => e.action)).toEqual(['import']);
    const laidOut = get().doc;
    get().undo();
    expect(get().doc).toBe(before);
    get().redo();
    expect(get().doc).toBe(laidOut);
    await tick();
    expect(runs).toHaveLength(1); // nothing to lay out again
  });

  it('never commits a layout superseded by a later load', async () => {
    const { get, runs, auto } = setUp();
    get().loadDoc(unplaced('P'), 'imported', 'import');
    await tick();
    get().loadDoc(unplaced('S', ['p', 'q']), 'imported', 'import');
    await tick();
    expect(runs.map((r) => r.doc.title)).toEqual(['P', 'S']);
    runs[0].resolve(); // the first, late (its entities p and q are in the second document too): dropped
    await tick();
    expect(get().doc.title).toBe('S');
    expect(positions(get().doc)).toEqual([null, null]);
    expect(get().busy).toBe('Laying out…');
    runs[1].resolve();
    await auto.idle();
    expect(positions(get().doc)).toEqual([{ x: 1000, y: 10 }, { x: 1100, y: 10 }]);
    expect(get().past.map((e) => e.action)).toEqual(['import', 'import']);
    // Undo goes back to the first document as it was loaded (never laid out), which is then laid out in turn.
    get().undo();
    expect(get().doc.title).toBe('P');
    await tick();
    expect(runs).toHaveLength(3);
    runs[2].resolve();
    await auto.idle();
    expect(positions(get().doc)).toEqual([{ x: 2000, y: 10 }, { x: 2100, y: 10 }, { x: 2200, y: 10 }]);
    expect(get().past.map((e) => e.action)).toEqual(['import']);
  });

  it('an undo made while the layout runs leaves the previous graph whole, and the late layout is dropped', async () => {
    const { get, runs, auto } = setUp();
    const before = get().doc;
    get().loadDoc(unplaced('P', ['a', 'b']), 'imported', 'import');
    await tick();
    get().undo();
    runs[0].resolve();
    await auto.idle();
    expect(get().doc).toBe(before);
    expect(get().past).toEqual([]);
    expect(get().future).toHaveLength(1);
    // Redo brings the load back, and it is laid out then.
    get().redo();
    await tick();
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    await auto.idle();
    expect(get().doc.entities.every((e) => e.position)).toBe(true);
  });

  it('an edit made while the layout runs supersedes it (the edit is kept; the layout runs again for the edited graph)', async () => {
    const { get, runs, auto } = setUp();
    get().loadDoc(unplaced('P'), 'imported', 'import');
    await tick();
    expect(get().commit({ type: 'updateHolding', id: 'h', changes: { shares: 70 } }).ok).toBe(true);
    await tick();
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    runs[0].resolve(); // late, for the graph before the edit: dropped
    await auto.idle();
    expect(get().doc.holdings[0].shares).toBe(70);
    expect(positions(get().doc)).toEqual([{ x: 1000, y: 10 }, { x: 1100, y: 10 }, { x: 1200, y: 10 }]);
    expect(get().past.map((e) => e.action)).toEqual(['import', 'edit']);
  });

  it('waits for a canvas to know the shape to lay out for', async () => {
    const { get, runs, auto, mount } = setUp(null);
    get().loadDoc(unplaced('P'), 'imported', 'import');
    await tick();
    expect(runs).toHaveLength(0);
    mount({ width: 1000, height: 700 });
    await tick();
    expect(runs).toHaveLength(1);
    runs[0].resolve();
    await auto.idle();
    expect(get().doc.entities.every((e) => e.position)).toBe(true);
  });

  it('places entities added without a position near what they are linked to, at once, without an undo step', async () => {
    const { get, runs, auto } = setUp();
    expect(get().commit({ type: 'addEntity', entity: { id: 'c', name: 'Gamma', kind: 'company' } }).ok).toBe(true);
    await auto.idle();
    expect(runs).toHaveLength(0);
    expect(get().doc.entities.find((e) => e.id === 'c')?.position).toBeDefined();
    expect(get().past).toHaveLength(1);
  });

  it('Re-layout lays the graph out afresh as one undo step', async () => {
    const { get, runs, auto } = setUp();
    const pending = auto.relayout();
    await tick();
    runs[0].resolve();
    expect(await pending).toBe(true);
    expect(positions(get().doc)).toEqual([{ x: 0, y: 10 }, { x: 100, y: 10 }]);
    expect(get().past.map((e) => [e.action, e.change.type])).toEqual([['edit', 'moveEntities']]);
    get().undo();
    expect(positions(get().doc)).toEqual([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
  });

  it('stops following the store when stopped', async () => {
    const { get, runs, auto } = setUp();
    auto.stop();
    get().loadDoc(unplaced('P'), 'imported', 'import');
    await tick();
    expect(runs).toHaveLength(0);
  });
});
