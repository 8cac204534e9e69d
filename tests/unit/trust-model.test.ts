// Model-based test of the explorer (issue 19 §5): random sequences of what a user does — edit, transfer, what-if
// purchase, scenario and back to base, undo, redo, reload, dataset and sample switches, opening a file — run against
// the real app (store, autosave, persistence), and after every step the document, the view date, the scenario shown
// and the history are compared with a reference model small enough to check by eye:
//   - a step that changes the document pushes one entry (the state before and after) and clears redo;
//   - undo/redo return to that entry's document and scenario, and to its date when the step moved the date;
//   - a scenario applies on its base (the scenario's base while one is shown) and shows its own date, else the base's;
//   - a reload keeps document, date and scenario and forgets the history; each dataset keeps its own saved work.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { whatWouldItTake } from '../../src/analysis';
import { apply, diffPatch, generateGraph, inForce, type Op, type OwnershipDoc } from '../../src/model';
import { createApp, type AppEnv, type ExplorerApp } from '../../src/store/app';
import { datasetById } from '../../src/store/datasets';
import { openFile } from '../../src/store/files';
import { memoryKv, type KV } from '../../src/store/kv';
import { applyScenario, backToBase } from '../../src/store/scenario';
import { scenariosFor } from '../../src/store/scenarios';
import type { DatasetId } from '../../src/store/types';
import { sellersOf } from '../../src/ui/simulate/transferOp';

type Slot = 'line-yahoo' | 'ntt-docomo' | 'imported';
interface Shown {
  doc: OwnershipDoc;
  date: string | null;
  datasetId: DatasetId;
  scenario: { id: string; base: OwnershipDoc; baseDate: string | null } | null;
}
interface Entry {
  before: Shown;
  after: Shown;
  /** Whether the step moved the view date (undo and redo then move it back and forth). */
  dated: boolean;
}
/** The reference model: what is shown, the history, and what each dataset's slot holds (autosave). */
interface Model {
  cur: Shown;
  past: Entry[];
  future: Entry[];
  saved: Partial<Record<Slot, Shown>>;
  /** The slot the next start opens (the last one saved or opened). */
  current: Slot;
  /** ?sample=N in the address: a reload generates the sample again. */
  sample: boolean;
}
interface Real {
  app: ExplorerApp;
  kv: KV;
  location: { search: string };
}

const SAMPLE = 24;
const sampleDoc = () => generateGraph({ entities: SAMPLE, seed: 1 });
const dateOf = (m: Model) => m.cur.date ?? m.cur.doc.asOf ?? new Date().toISOString().slice(0, 10);
const json = (d: OwnershipDoc) => JSON.stringify(d);
/**
 * The app's document as the model can know it: a load lays out the entities that arrive without a position
 * (store/autoLayout, inside the load's step), and where the layout puts them is the kernel's choice, not the
 * model's; every position the model does know (a move) must be the app's.
 */
const seen = (app: OwnershipDoc, model: OwnershipDoc) => {
  const placed = new Set(model.entities.filter((e) => e.position).map((e) => e.id));
  return json({ ...app, entities: app.entities.map((e) => (e.position && !placed.has(e.id) ? { ...e, position: undefined } : e)) });
};

/** A step that changes what is shown: one history entry, redo cleared. */
function step(m: Model, next: Shown) {
  m.past.push({ before: m.cur, after: next, dated: next.date !== m.cur.date });
  m.future = [];
  m.cur = next;
}
function edit(m: Model, op: Op): boolean {
  let doc: OwnershipDoc;
  try {
    doc = apply(m.cur.doc, op);
  } catch {
    return false;
  }
  step(m, { ...m.cur, doc });
  return true;
}
/** What autosave keeps of the work shown, in its slot (samples are not saved). */
function save(m: Model) {
  if (m.cur.datasetId === 'sample') return;
  m.saved[m.cur.datasetId as Slot] = m.cur;
  m.current = m.cur.datasetId as Slot;
}
/** What opening `slot` shows: its saved work, else the dataset as bundled. */
const opened = (m: Model, slot: Slot): Shown => m.saved[slot] ?? { doc: datasetById(slot)!.load(), date: null, datasetId: slot, scenario: null };

function env(r: Pick<Real, 'kv' | 'location'>): AppEnv {
  return {
    search: r.location.search, hash: '', kv: r.kv, workers: false, idle: () => {},
    clearHash() {},
    clearSearch: () => void (r.location.search = ''),
    download() {},
  };
}
async function settle(app: ExplorerApp) {
  await app.autosave.flush();
  await app.autosave.idle();
}

/** After every step: the app shows what the model says, with the history it says. */
function check(m: Model, r: Real, what: string) {
  const s = r.app.store.getState();
  const at = `after ${what}`;
  expect(s.datasetId, at).toBe(m.cur.datasetId);
  expect(seen(s.doc, m.cur.doc), at).toBe(json(m.cur.doc));
  expect(s.view.date, at).toBe(m.cur.date);
  expect(s.sim.scenario?.id ?? null, at).toBe(m.cur.scenario?.id ?? null);
  if (m.cur.scenario) {
    expect(seen(s.sim.scenario!.base, m.cur.scenario.base), at).toBe(json(m.cur.scenario.base));
    expect(s.sim.scenario!.baseDate, at).toBe(m.cur.scenario.baseDate);
  }
  expect([s.past.length, s.future.length], at).toEqual([m.past.length, m.future.length]);
}

type Cmd = fc.AsyncCommand<Model, Real>;
const cmd = (name: string, run: (m: Model, r: Real) => Promise<void> | void, when: (m: Model) => boolean = () => true): Cmd => ({
  check: when,
  async run(m, r) {
    await run(m, r);
    check(m, r, name);
  },
  toString: () => name,
});

const moveEdit = (i: number, dx: number) =>
  cmd(`move entity #${i} by ${dx}`, (m, r) => {
    const e = m.cur.doc.entities[i % m.cur.doc.entities.length];
    const op: Op = { type: 'moveEntity', id: e.id, position: { x: (e.position?.x ?? 0) + dx, y: e.position?.y ?? 0 } };
    edit(m, op);
    r.app.store.getState().commit(op);
  }, (m) => m.cur.doc.entities.length > 0);

const sharesEdit = (i: number, f: number) =>
  cmd(`set holding #${i} to ${f} of itself`, (m, r) => {
    const h = m.cur.doc.holdings[i % m.cur.doc.holdings.length];
    const op: Op = { type: 'updateHolding', id: h.id, changes: { shares: Math.max(0.01, Math.round(h.shares * f * 100) / 100) } };
    const ok = edit(m, op);
    expect(r.app.store.getState().commit(op).ok).toBe(ok);
  }, (m) => m.cur.doc.holdings.length > 0);

/** The transfer form, filled in: company, a seller on the date shown, a buyer, part of the seller's stake; Apply. */
const transfer = (i: number, j: number, k: number, f: number) =>
  cmd(`transfer ${f} of seller #${j} of company #${i} to #${k}`, (m, r) => {
    const date = dateOf(m);
    const subjects = [...new Set(m.cur.doc.holdings.filter((h) => inForce(h, date)).map((h) => h.subject))];
    if (!subjects.length) return;
    const subject = subjects[i % subjects.length];
    const sellers = sellersOf(m.cur.doc, subject, date);
    const seller = sellers[j % sellers.length];
    const buyers = m.cur.doc.entities.filter((e) => e.id !== subject && e.id !== seller.id);
    const points = Math.round(seller.shares * f * 100) / 100;
    if (!buyers.length || points < 0.01) return;
    const op: Op = { type: 'transfer', seller: seller.id, buyer: buyers[k % buyers.length].id, subject, points, date };
    const ok = edit(m, op);
    expect(r.app.store.getState().commit(op).ok).toBe(ok);
  });

/** "What would it take": the smallest purchase for a buyer to control a target, applied as the panel applies it. */
const whatIf = (pair: [string, string]) =>
  cmd(`what would it take for ${pair[0]} to control ${pair[1]}`, (m, r) => {
    const [buyer, target] = pair;
    if (!m.cur.doc.entities.some((e) => e.id === buyer) || !m.cur.doc.entities.some((e) => e.id === target)) return;
    const date = dateOf(m);
    const p = whatWouldItTake(m.cur.doc, buyer, target, { rule: 'votes', date })[0];
    if (!p) return;
    const op: Op = { type: 'transfer', seller: p.seller, buyer, subject: p.company, points: p.points, date };
    const ok = edit(m, op);
    expect(r.app.store.getState().commit(op).ok).toBe(ok);
  });

const scenario = (i: number) =>
  cmd(`apply scenario #${i}`, (m, r) => {
    const list = scenariosFor(m.cur.datasetId, m.cur.doc);
    if (!list.length) return;
    const s = list[i % list.length];
    const base = m.cur.scenario ? m.cur.scenario.base : m.cur.doc;
    const baseDate = m.cur.scenario ? m.cur.scenario.baseDate : m.cur.date;
    let doc: OwnershipDoc;
    try {
      doc = apply(base, { type: 'batch', label: s.title, ops: s.ops });
    } catch {
      expect(applyScenario(r.app.store, s).ok).toBe(false);
      return;
    }
    // The store moves to the scenario by a patch from what is shown; the result is the scenario's document.
    step(m, { ...m.cur, doc: apply(m.cur.doc, diffPatch(m.cur.doc, doc)), date: s.date ?? baseDate, scenario: { id: s.id, base, baseDate } });
    expect(applyScenario(r.app.store, s).ok).toBe(true);
  });

const back = cmd('back to base', (m, r) => {
  const s = m.cur.scenario!;
  step(m, { ...m.cur, doc: apply(m.cur.doc, diffPatch(m.cur.doc, s.base)), date: s.baseDate, scenario: null });
  backToBase(r.app.store);
}, (m) => m.cur.scenario !== null);

const undo = cmd('undo', (m, r) => {
  const e = m.past.pop();
  if (e) {
    m.future.unshift(e);
    m.cur = { ...e.before, date: e.dated ? e.before.date : m.cur.date };
  }
  r.app.store.getState().undo();
});
const redo = cmd('redo', (m, r) => {
  const e = m.future.shift();
  if (e) {
    m.past.push(e);
    m.cur = { ...e.after, date: e.dated ? e.after.date : m.cur.date };
  }
  r.app.store.getState().redo();
});

const setDate = (d: string | null) =>
  cmd(`view date ${d}`, (m, r) => {
    m.cur = { ...m.cur, date: d };
    r.app.store.getState().setView({ date: d });
  });

const reload = cmd('reload', async (m, r) => {
  save(m);
  await settle(r.app);
  r.app.stop();
  r.app = await createApp(env(r));
  m.past = [];
  m.future = [];
  // A sample is made again from its address; one left in the history (undo) is not saved: the saved work opens.
  if (m.sample) m.cur = { doc: sampleDoc(), date: null, datasetId: 'sample', scenario: null };
  else if (m.cur.datasetId === 'sample') m.cur = opened(m, m.current);
});

const dataset = (id: 'line-yahoo' | 'ntt-docomo') =>
  cmd(`open dataset ${id}`, async (m, r) => {
    save(m);
    step(m, opened(m, id));
    m.current = id;
    m.sample = false;
    await r.app.openDataset(id);
  }, (m) => m.cur.datasetId !== id);

const ownGraph = cmd('open your own graph from the picker', async (m, r) => {
  save(m);
  step(m, m.saved.imported!);
  m.current = 'imported';
  m.sample = false;
  await r.app.openDataset('imported');
}, (m) => m.cur.datasetId !== 'imported' && !!m.saved.imported);

const sample = cmd(`open the ${SAMPLE}-entity sample`, async (m, r) => {
  save(m);
  await settle(r.app);
  r.app.stop();
  r.location.search = `?sample=${SAMPLE}`;
  r.app = await createApp(env(r));
  m.cur = { doc: sampleDoc(), date: null, datasetId: 'sample', scenario: null };
  m.past = [];
  m.future = [];
  m.sample = true;
}, (m) => !m.sample);

const CSV = 'holder,subject,shares\nJo Bloggs,Acme Ltd,60\nAcme Ltd,Acme Trading,100\n';
const openCsv = cmd('open a CSV file', async (m, r) => {
  const bytes = new TextEncoder().encode(CSV);
  const d = await openFile(r.app.store, { name: 'acme.csv', size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer });
  expect(d.ok).toBe(true);
  const doc = r.app.store.getState().doc;
  expect(doc.entities.map((e) => e.name).sort()).toEqual(['Acme Ltd', 'Acme Trading', 'Jo Bloggs']);
  step(m, { doc, date: null, datasetId: 'imported', scenario: null });
});

const commands = [
  fc.tuple(fc.nat(40), fc.integer({ min: -40, max: 40 })).map(([i, dx]) => moveEdit(i, dx)),
  fc.tuple(fc.nat(80), fc.constantFrom(0.5, 0.9, 1.2, 3)).map(([i, f]) => sharesEdit(i, f)),
  fc.tuple(fc.nat(30), fc.nat(5), fc.nat(40), fc.constantFrom(0.1, 0.5, 1)).map(([i, j, k, f]) => transfer(i, j, k, f)),
  fc.constantFrom<[string, string]>(['nps', 'naver'], ['sbkk', 'ahd'], ['naver', 'ly']).map(whatIf),
  fc.nat(10).map(scenario),
  fc.nat(10).map(scenario),
  fc.constant(back),
  fc.constant(back),
  fc.constant(undo),
  fc.constant(undo),
  fc.constant(redo),
  fc.constantFrom(null, '2021-06-30', '2024-08-01', '2024-09-30').map(setDate),
  fc.constantFrom(null, '2021-06-30', '2024-08-01', '2024-09-30').map(setDate),
  fc.constant(reload),
  fc.constantFrom('line-yahoo' as const, 'ntt-docomo' as const).map(dataset),
  fc.constantFrom('line-yahoo' as const, 'ntt-docomo' as const).map(dataset),
  fc.constantFrom('line-yahoo' as const, 'ntt-docomo' as const).map(dataset),
  fc.constant(ownGraph),
  fc.constant(sample),
  fc.constant(openCsv),
];

describe('the explorer against its reference model', () => {
  it('random sequences of user actions keep the document, view date, scenario and history as the model says', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 24, size: 'max' }), async (cmds) => {
        const kv = memoryKv();
        const location = { search: '' };
        const real: Real = { kv, location, app: await createApp(env({ kv, location })) };
        const model: Model = { cur: { doc: real.app.store.getState().doc, date: null, datasetId: 'line-yahoo', scenario: null }, past: [], future: [], saved: {}, current: 'line-yahoo', sample: false };
        try {
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        } finally {
          real.app.stop();
        }
      }),
      { numRuns: 60 },
    );
  });
});
