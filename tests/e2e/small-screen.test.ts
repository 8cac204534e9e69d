// The LY graph on a small laptop (1024×700): with the panels on their rails the default view draws every entity's
// name at ≥ 10 px, in view and under no overlay. With the Simulate panel open the whole graph cannot be readable at
// that size, so the default view shows what matters readable: LY Corporation and its neighbours, then the changes
// of a scenario, then a selection (which opens the inspector in place of the Simulate panel: one dock at a time).
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findEntity, gotoApp, launch, shot } from './browser';
import { seen, settle, unreadable } from './readable';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SIZE = { width: 1024, height: 700 };

/** A page at 1024×700 with the Simulate panel open or closed as the user last left it. */
async function open(simOpen: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: SIZE });
  await context.addInitScript((o) => localStorage.setItem('ownership-explorer:simulate-open', o ? '1' : '0'), simOpen);
  const page = await context.newPage();
  await gotoApp(page, inject('baseUrl'));
  await page.locator(simOpen ? '.sim-panel' : '[data-dock="simulate"].rail').waitFor();
  await settle(page);
  return page;
}

/** The drawn entities connected to `id` by any drawn edge, and `id`. */
const neighbourhood = (page: Page, id: string) =>
  page.evaluate(`document.querySelector('.graph')._cyreg.cy.getElementById('e:${id}').closedNeighborhood('node.entity').map((n) => n.data('ref'))`) as Promise<string[]>;

/** Entities marked changed by the scenario shown, with the ends of changed holdings. */
const changed = (page: Page) =>
  page.evaluate(`(() => {
    const ids = new Set();
    document.querySelector('.graph')._cyreg.cy.elements('.sim-changed').forEach((e) => (e.isNode() ? [e] : e.connectedNodes()).forEach((n) => ids.add(n.data('ref'))));
    return [...ids];
  })()`) as Promise<string[]>;

/** Width of the graph's canvas and of every open dock. */
const widths = (page: Page) =>
  page.evaluate(() => ({
    graph: document.querySelector('.graph')!.getBoundingClientRect().width,
    docks: [...document.querySelectorAll('.dock:not(.rail)')].map((d) => d.getBoundingClientRect().width),
  }));

describe('LY at 1024×700', () => {
  it('panels on their rails: every name ≥ 10 px, in view, on the graph canvas; the toolbar keeps to one row', async () => {
    const page = await open(false);
    try {
      const all = await seen(page);
      expect(all).toHaveLength(28);
      expect(all.filter((s) => s.px < 10 || !s.inView || !s.hit)).toEqual([]);
      expect((await page.locator('.toolbar').boundingBox())!.height).toBeLessThan(50);
      expect(await page.locator('.minimap-dock').isVisible()).toBe(false);
      await shot(page, 'small-screen-1024x700-closed');
    } finally {
      await page.context().close();
    }
  });

  it('Simulate open: LY and its neighbours readable; after "SoftBank acquires majority" the changes are; a selection too', async () => {
    const page = await open(true);
    try {
      const w = await widths(page);
      expect(w.docks).toHaveLength(1);
      expect(w.graph).toBeGreaterThan(2 * w.docks[0]);
      // Whatever is in view is readable and unobstructed; what matters by default (LY and its neighbours) is in view.
      const inView = (await seen(page)).filter((s) => s.inView);
      expect(inView.filter((s) => s.px < 10 || !s.hit)).toEqual([]);
      const around = await neighbourhood(page, 'ly');
      expect(around.length).toBeGreaterThan(8);
      expect(await unreadable(page, around)).toEqual([]);
      await shot(page, 'small-screen-1024x700-sim-open');

      await page.getByRole('complementary', { name: 'Simulate' }).getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
      await settle(page);
      const ids = await changed(page);
      expect(ids).toEqual(expect.arrayContaining(['ahd', 'sbkk', 'naver']));
      expect(await unreadable(page, ids)).toEqual([]);
      expect((await seen(page)).filter((s) => s.inView && (s.px < 10 || !s.hit))).toEqual([]);
      await shot(page, 'small-screen-1024x700-sim-softbank-majority');

      // A selection opens the inspector; at this width the Simulate panel goes to its rail, and the selection is read.
      await findEntity(page, 'PayPay Corporation');
      await page.getByRole('button', { name: 'Open the Simulate panel' }).waitFor();
      await settle(page);
      expect((await widths(page)).docks).toHaveLength(1);
      expect(await unreadable(page, ['paypay'])).toEqual([]);
      await shot(page, 'small-screen-1024x700-selection');
    } finally {
      await page.context().close();
    }
  });
});
