// E2E: the short version of the model-based test (tests/unit/trust-model.test.ts) in real Chromium, through the
// controls a person uses: scenario buttons, Back to base, Undo and Redo, the view date field, the transfer form and
// reloads, in random (seeded) orders. After every step the page's document, view date, scenario and history must be
// what the reference model says: a change is one undo step, undo returns to the date a step moved, a scenario applies
// on its base with its own date or the base's, and a reload keeps what is shown but not the history.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { apply, type Op, type OwnershipDoc } from '../../src/model';
import { scenariosFor } from '../../src/store/scenarios';
import { sellersOf } from '../../src/ui/simulate/transferOp';
import { state, waitDrawn } from './browser';
import { openTab } from './simHelpers';
import { appSession } from './session';

const s = appSession();
const panel = (page: Page) => page.getByRole('complementary', { name: 'Simulate' });
const SCENARIOS = scenariosFor('line-yahoo', { format: 'ownership-graph', version: 1, entities: [], holdings: [] });

interface Shown { doc: OwnershipDoc; date: string | null; scenario: { id: string; base: OwnershipDoc; baseDate: string | null } | null }
interface Entry { before: Shown; after: Shown; dated: boolean }
interface Model { cur: Shown; past: Entry[]; future: Entry[] }

const step = (m: Model, next: Shown) => {
  m.past.push({ before: m.cur, after: next, dated: next.date !== m.cur.date });
  m.future = [];
  m.cur = next;
};

type Action =
  | { kind: 'scenario'; i: number }
  | { kind: 'back' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'date'; date: string }
  | { kind: 'transfer'; i: number; f: number }
  | { kind: 'reload' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.nat(SCENARIOS.length - 1).map((i) => ({ kind: 'scenario' as const, i })), weight: 3 },
  { arbitrary: fc.constant({ kind: 'back' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 1 },
  { arbitrary: fc.constantFrom('2021-06-30', '2024-08-01', '2024-09-30').map((date) => ({ kind: 'date' as const, date })), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(2), fc.constantFrom(0.1, 0.25)).map(([i, f]) => ({ kind: 'transfer' as const, i, f })), weight: 2 },
  { arbitrary: fc.constant({ kind: 'reload' as const }), weight: 1 },
);

/** Companies the transfer step picks from (each with several holders on every date shown). */
const COMPANIES = [['ahd', 'A Holdings Corporation'], ['ly', 'LY Corporation'], ['naver', 'NAVER Corporation']] as const;

/** Does `a` through the page and in the model; returns a description of it, or null when it did not apply. */
async function run(page: Page, m: Model, a: Action): Promise<string | null> {
  const date = m.cur.date ?? m.cur.doc.asOf!;
  switch (a.kind) {
    case 'scenario': {
      const sc = SCENARIOS[a.i];
      const base = m.cur.scenario ? m.cur.scenario.base : m.cur.doc;
      const baseDate = m.cur.scenario ? m.cur.scenario.baseDate : m.cur.date;
      let doc: OwnershipDoc;
      try {
        doc = apply(base, { type: 'batch', label: sc.title, ops: sc.ops });
      } catch {
        return null;
      }
      await openTab(page, 'Scenarios');
      await panel(page).getByRole('button', { name: sc.title, exact: true }).click();
      step(m, { doc, date: sc.date ?? baseDate, scenario: { id: sc.id, base, baseDate } });
      return `scenario ${sc.id}`;
    }
    case 'back': {
      if (!m.cur.scenario) return null;
      await openTab(page, 'Scenarios');
      await panel(page).getByRole('button', { name: 'Back to base' }).click();
      step(m, { doc: m.cur.scenario.base, date: m.cur.scenario.baseDate, scenario: null });
      return 'back to base';
    }
    case 'undo': {
      const e = m.past.pop();
      if (!e) return null;
      m.future.unshift(e);
      m.cur = { ...e.before, date: e.dated ? e.before.date : m.cur.date };
      await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
      return 'undo';
    }
    case 'redo': {
      const e = m.future.shift();
      if (!e) return null;
      m.past.push(e);
      m.cur = { ...e.after, date: e.dated ? e.after.date : m.cur.date };
      await page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' }).click();
      return 'redo';
    }
    case 'date': {
      if (a.date === date) return null;
      await page.getByLabel('View date', { exact: true }).fill(a.date);
      m.cur = { ...m.cur, date: a.date };
      return `date ${a.date}`;
    }
    case 'transfer': {
      const [subject, label] = COMPANIES[a.i];
      const seller = sellersOf(m.cur.doc, subject, date).filter((x) => !x.id.startsWith('float:'))[0];
      const buyer = 'blackrock';
      if (!seller || seller.id === buyer) return null;
      const points = Math.round(seller.shares * a.f * 100) / 100;
      const op: Op = { type: 'transfer', seller: seller.id, buyer, subject, points, date };
      let doc: OwnershipDoc;
      try {
        doc = apply(m.cur.doc, op);
      } catch {
        return null;
      }
      await openTab(page, 'Transfer');
      await panel(page).getByLabel('Company', { exact: true }).selectOption(subject);
      await panel(page).getByLabel('Seller', { exact: true }).selectOption(seller.id);
      await panel(page).getByLabel('Buyer', { exact: true }).selectOption(buyer);
      await page.getByLabel(`Points of ${label}`, { exact: false }).fill(String(points));
      await page.getByRole('button', { name: 'Apply transfer' }).click();
      step(m, { ...m.cur, doc });
      return `transfer ${points} of ${subject} from ${seller.id}`;
    }
    case 'reload': {
      await page.waitForTimeout(800);
      await page.reload();
      await waitDrawn(page);
      m.past = [];
      m.future = [];
      return 'reload';
    }
  }
}

/** The page shows what the model says (polled: the page answers a click in its own time). */
async function check(page: Page, m: Model, what: string) {
  const want = { doc: JSON.stringify(m.cur.doc.holdings), date: m.cur.date, scenario: m.cur.scenario?.id ?? null, history: [m.past.length, m.future.length] };
  await expect
    .poll(() => state<typeof want>(page, '(st) => ({ doc: JSON.stringify(st.doc.holdings), date: st.view.date, scenario: st.sim.scenario?.id ?? null, history: [st.past.length, st.future.length] })'), { message: `after ${what}` })
    .toEqual(want);
}

describe('the app against its reference model, in the browser', () => {
  it('seeded random sequences of scenario, back, undo, redo, date, transfer and reload steps', { timeout: 240_000 }, async () => {
    const page = s.page;
    // One seeded sequence of 14 steps (a few seconds each on a loaded machine); the unit version runs many more.
    const [actions] = fc.sample(fc.array(action, { minLength: 14, maxLength: 14 }), { seed: 19, numRuns: 1 });
    const doc = JSON.parse(await state<string>(page, '(st) => JSON.stringify(st.doc)')) as OwnershipDoc;
    const m: Model = { cur: { doc, date: null, scenario: null }, past: [], future: [] };
    const done: string[] = [];
    for (const a of actions) {
      const what = await run(page, m, a);
      if (!what) continue;
      done.push(what);
      await check(page, m, done.join(' → '));
    }
    expect(done.length).toBeGreaterThan(6);
  });
});
