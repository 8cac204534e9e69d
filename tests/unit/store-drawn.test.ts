// The document drawn while the worker analyses an edit (store/remote.ts drawnDoc): the analysed one is held when the
// edit can change the analysis, so the canvas changes once, with the edit's analysis; moves, renames, new entities,
// a new document, an idle worker and small documents are drawn at once.
import { describe, expect, it } from 'vitest';
import { apply, generateGraph, type Op, type OwnershipDoc } from '../../src/model';
import { drawnDoc } from '../../src/store/remote';
import type { RemoteSummary } from '../../src/store/workerAnalysis';

const was = generateGraph({ entities: 300, seed: 3 });
const summary = (doc: OwnershipDoc, loads = 1): RemoteSummary => ({ summary: {} as RemoteSummary['summary'], entityIds: [], holdingIds: [], doc, loads });
const h = was.holdings[0], e = was.entities[0];
const edit = (op: Op) => apply(was, op);

describe('drawnDoc', () => {
  it.each<[string, () => OwnershipDoc, { loads?: number; busy?: boolean; min?: number }, 'held' | 'drawn']>([
    ['a stake edit, analysed in the worker', () => edit({ type: 'setHolding', holding: { ...h, shares: h.shares / 2 } }), {}, 'held'],
    ['an agreement added', () => edit({ type: 'addAgreement', agreement: { id: 'g', kind: 'control', parties: [was.entities.find((x) => x.id !== h.subject)!.id], subject: h.subject } }), {}, 'held'],
    ['a move (positions never change the analysis)', () => edit({ type: 'moveEntity', id: e.id, position: { x: 1, y: 2 } }), {}, 'drawn'],
    ['a rename', () => edit({ type: 'updateEntity', id: e.id, changes: { name: 'Renamed' } }), {}, 'drawn'],
    ['a new entity (selected and focused on at once)', () => edit({ type: 'addEntity', entity: { id: 'new', name: 'New' } }), {}, 'drawn'],
    ['the worker idle (its analysis failed, say)', () => edit({ type: 'setHolding', holding: { ...h, shares: h.shares / 2 } }), { busy: false }, 'drawn'],
    ['another document loaded since', () => edit({ type: 'setHolding', holding: { ...h, shares: h.shares / 2 } }), { loads: 2 }, 'drawn'],
    ['a document small enough for the page', () => edit({ type: 'setHolding', holding: { ...h, shares: h.shares / 2 } }), { min: 10_000 }, 'drawn'],
  ])('%s', (_, make, o, want) => {
    const doc = make();
    const got = drawnDoc({ doc, loads: o.loads ?? 1 }, summary(was), o.busy ?? true, o.min ?? 100);
    expect(got).toBe(want === 'held' ? was : doc);
  });

  it('draws the document itself when its analysis is the latest', () => {
    expect(drawnDoc({ doc: was, loads: 1 }, summary(was), true, 100)).toBe(was);
    expect(drawnDoc({ doc: was, loads: 1 }, null, true, 100)).toBe(was);
  });
});
