// Incremental edit benchmark (issue 12: at 100k entities, edit → new analysis ≤ 50 ms in the worker, undo and redo
// the same). Drives the worker's handler in Node as the page does: an operation, then an analysis request; prints the
// median and worst time of each kind of edit, with the cone re-evaluated. Prints figures; never fails on speed.
// Run: npx tsx tests/bench/live.bench.ts [sizes…]
import { applyWithInverse, generateGraph, type Op, type OwnershipDoc } from '../../src/model';
import { createHandler } from '../../src/worker/handler';
import type { Request, Response } from '../../src/worker/protocol';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const SIZES = sizes.length ? sizes : [20_000, 100_000];
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Edits of each kind on a generated document: a stake, a new holding, a deletion, an agreement, a dated record. */
function edits(doc: OwnershipDoc, k: number): [string, Op][] {
  const h = doc.holdings[(k * 7919) % doc.holdings.length];
  const e = (i: number) => doc.entities[(i * 104729) % doc.entities.length].id;
  return [
    ['stake', { type: 'setHolding', holding: { ...h, shares: Math.round(h.shares * 50) / 100 } }],
    ['new holding', { type: 'setHolding', holding: { id: `bench-h${k}`, holder: e(k + 1), subject: h.subject, shares: 0.01 } }],
    ['deletion', { type: 'removeHolding', id: doc.holdings[(k * 104723) % doc.holdings.length].id }],
    ['agreement', { type: 'addAgreement', agreement: { id: `bench-a${k}`, kind: 'control', parties: [e(k + 3)], subject: h.subject } }],
    ['dated record', { type: 'updateHolding', id: h.id, changes: { until: '2024-06-30' } }],
  ];
}

console.log('Live analysis in the worker (Node, handler driven as the page drives it: apply, then analyze)');
console.log('entities  first analysis  edit kind       edit → analysis (median / worst)  of which apply (median)  undo (median)');
for (const n of SIZES) {
  const doc0 = generateGraph({ entities: n, seed: 42 });
  let last: Response | null = null;
  const handle = createHandler((r) => (last = r));
  let seq = 0;
  const send = (r: Omit<Request, 'seq'>) => handle({ ...r, seq: ++seq } as Request);
  // The worker has its own copy, as in the page (a message is a structured clone): its edits are not this loop's.
  send({ type: 'load', doc: structuredClone(doc0) } as never);
  let t = performance.now();
  send({ type: 'analyze', options: {} } as never);
  const first = performance.now() - t;
  let doc = doc0;
  const rows = new Map<string, { edit: number[]; undo: number[]; apply: number[] }>();
  for (let k = 1; k <= 9; k++) {
    for (const [kind, op] of edits(doc, k)) {
      let r: ReturnType<typeof applyWithInverse>;
      try {
        r = applyWithInverse(doc, op);
      } catch {
        continue;
      }
      const row = rows.get(kind) ?? { edit: [], undo: [], apply: [] };
      rows.set(kind, row);
      t = performance.now();
      send({ type: 'apply', op } as never);
      const applied = performance.now();
      send({ type: 'analyze', options: {} } as never);
      row.edit.push(performance.now() - t);
      row.apply.push(applied - t);
      if ((last as Response | null)?.type !== 'analysis') throw new Error(`bench: ${JSON.stringify(last)}`);
      t = performance.now();
      send({ type: 'apply', op: r.inverse } as never);
      send({ type: 'analyze', options: {} } as never);
      row.undo.push(performance.now() - t);
      send({ type: 'apply', op } as never); // redo, and keep the edit
      doc = r.doc;
    }
  }
  let firstRow = true;
  for (const [kind, r] of rows) {
    console.log(`${(firstRow ? String(n) : '').padStart(8)}  ${(firstRow ? `${first.toFixed(0)} ms` : '').padStart(14)}  ${kind.padEnd(14)}  ${`${median(r.edit).toFixed(1)} / ${Math.max(...r.edit).toFixed(1)} ms`.padStart(32)}  ${`${median(r.apply).toFixed(1)} ms`.padStart(23)}  ${`${median(r.undo).toFixed(1)} ms`.padStart(13)}`);
    firstRow = false;
  }
}
console.log('\nTarget at 100k: edit → new analysis ≤ 50 ms in the worker; undo and redo the same.');
