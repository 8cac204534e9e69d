// Benchmark: undo and redo cost what an edit costs. On generated graphs of 20k and 100k entities, an edit, its undo
// and its redo are timed through the store (Node), with the size of what each sends to the analysis worker — the
// operation itself, where it once was the whole document. Prints figures; never fails on speed.
import { generateGraph } from '../../src/model';
import { createExplorerStore, type Change } from '../../src/store/store';

const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (chars: number) => (chars > 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${(chars / 1024).toFixed(1)} KB`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('History benchmark (Node): edit, undo and redo through the store; what reaches the worker');
console.log('entities  edit (median)  undo (median)  redo (median)  message per undo  whole document');
for (const n of [20_000, 100_000]) {
  const doc = generateGraph({ entities: n, seed: 1 });
  const store = createExplorerStore({ doc, datasetId: 'sample' });
  const sent: Change[] = [];
  store.onChange((_f, _t, c) => sent.push(c));
  const edit: number[] = [], undo: number[] = [], redo: number[] = [];
  const holdings = doc.holdings.filter((h) => h.shares >= 2).slice(0, 7);
  for (const h of holdings) {
    let t = performance.now();
    const r = store.getState().dispatch({ type: 'updateHolding', id: h.id, changes: { shares: Math.round(h.shares * 50) / 100 } });
    edit.push(performance.now() - t);
    if (!r.ok) throw new Error(`bench: edit refused: ${r.error}`);
    t = performance.now();
    store.getState().undo();
    undo.push(performance.now() - t);
    t = performance.now();
    store.getState().redo();
    redo.push(performance.now() - t);
  }
  const undoMessages = sent.filter((c) => c.type === 'patch').map((c) => JSON.stringify(c).length);
  console.log(`${String(n).padStart(8)}  ${ms(median(edit)).padStart(13)}  ${ms(median(undo)).padStart(13)}  ${ms(median(redo)).padStart(13)}  ${kb(median(undoMessages)).padStart(16)}  ${kb(JSON.stringify(store.getState().doc).length).padStart(14)}`);
}
