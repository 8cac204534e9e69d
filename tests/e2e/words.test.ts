// E2E: words that misled. Under votes only, A Holdings' inspector names its veto players without a double period after
// "SoftBank Corp.", explains what Banzhaf and Shapley–Shubik measure where their table is, and LY's own subsidiary
// LINE Plus is an intra-group provider of LY, not a "co-owner".
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoApp, launch, openSession, shot, state, type Session } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await launch();
  session = await openSession(browser);
});
afterAll(async () => {
  expect(session.problems, 'console errors').toEqual([]);
  await browser?.close();
});

describe('words under votes only', () => {
  it('A Holdings: veto players end with one full stop; the power indices are explained beside their table', async () => {
    const { page } = session;
    await gotoApp(page, baseUrl);
    await state(page, "(st) => { st.setView({ rule: 'votes' }); st.select({ kind: 'entity', id: 'ahd' }); }");
    const inspector = page.locator('[data-dock="inspector"]');
    await expect.poll(() => inspector.innerText()).toMatch(/Veto players: /);
    const text = await inspector.innerText();
    expect(text).toMatch(/Veto players: NAVER Corporation and SoftBank Corp\.(\s|$)/);
    expect(text).not.toMatch(/Corp\.\./);
    expect(await page.getByTestId('power-note').innerText()).toMatch(/^Voting power, from 0 \(never decisive\) to 1 \(decides alone\): Banzhaf is .*; Shapley–Shubik, /);
    await page.getByTestId('power-note').scrollIntoViewIfNeeded();
    await shot(page, 'words-power-note');
  });

  it('LINE Plus → LY (outsourced development) is intra-group', async () => {
    const { page } = session;
    await state(page, "(st) => st.select({ kind: 'dependency', id: 'd-lineplus-ly-dev' })");
    await expect.poll(() => page.getByTestId('exposure').innerText()).toBe('intra-group');
  });
});
