// E2E: simulating in real Chromium — scenario buttons change control and show it in words and on the graph, back to
// base restores the document exactly, the base/scenario toggle keeps the layout still, a transfer preview changes
// nothing until applied, and a scenario of the user's own is saved with the document and replays after a reload.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { savedWork, state, waitDrawn } from './browser';
import { drawnLabel, drawnPosition, hasClass, openTab, serialisedDoc, settledShot, zoomOnto } from './simHelpers';
import { appSession } from './session';

const s = appSession();
const panel = (page: Page) => page.getByRole('complementary', { name: 'Simulate' });
const stake = (page: Page, holder: string, subject: string) =>
  state<number | undefined>(page, `(st) => st.doc.holdings.find((h) => h.holder === '${holder}' && h.subject === '${subject}' && !h.until)?.shares`);

/** Applies "SoftBank acquires majority" and waits until it is drawn. */
async function softbankMajority(page: Page) {
  await panel(page).getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
  await expect.poll(() => state<string | undefined>(page, '(st) => st.sim.scenario?.id')).toBe('softbank-majority');
  await expect.poll(() => hasClass(page, 'e:ahd', 's-controlled')).toBe(true);
}

/** Transfers `points` of A Holdings from NAVER to SoftBank Corp. through the Transfer tab, and waits for it. */
async function transferAhd(page: Page, points: string) {
  await openTab(page, 'Transfer');
  await panel(page).getByLabel('Company', { exact: true }).selectOption('ahd');
  await panel(page).getByLabel('Seller', { exact: true }).selectOption('naver');
  await panel(page).getByLabel('Buyer', { exact: true }).selectOption('sbkk');
  await page.getByLabel(/^Points of A Holdings/).fill(points);
  await page.getByRole('button', { name: 'Apply transfer' }).click();
  await expect.poll(() => stake(page, 'naver', 'ahd')).toBe(Math.round((50 - Number(points)) * 100) / 100);
}

// Every test starts on a fresh page (session.ts) under votes only, with the Scenarios tab open.
beforeEach(async () => {
  await s.page.getByLabel('Control rule').selectOption('votes');
  await openTab(s.page, 'Scenarios');
});

describe('scenarios', () => {
  it('"SoftBank acquires majority" moves A Holdings and LY from joint control to SoftBank Corp. (votes only), in words and on the graph', async () => {
    const page = s.page;
    const undoSteps = await state<number>(page, '(st) => st.past.length');
    await panel(page).getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
    const control = panel(page).getByTestId('diff-control');
    await expect.poll(() => control.textContent()).toContain('A Holdings Corporation: jointly controlled by NAVER Corporation and SoftBank Corp. → controlled by SoftBank Corp.');
    expect(await control.textContent()).toContain('LY Corporation: controlled by A Holdings Corporation (ultimately NAVER Corporation and SoftBank Corp.) → controlled by A Holdings Corporation (ultimately SoftBank Corp.)');
    expect(await panel(page).getByTestId('diff-lookthrough').textContent()).toContain('NAVER Corporation in LY Corporation: 31.25% → 31.24%');
    expect(await state<number>(page, '(st) => st.past.length')).toBe(undoSteps + 1);
    expect(await state<string>(page, '(st) => st.sim.scenario.id')).toBe('softbank-majority');
    await expect.poll(() => hasClass(page, 'e:ahd', 'sim-changed')).toBe(true);
    expect(await hasClass(page, 'e:ly', 'sim-changed')).toBe(true);
    expect(await hasClass(page, 'h:h-sbkk-ahd', 'sim-changed')).toBe(true);
    expect(await hasClass(page, 'e:ahd', 's-controlled')).toBe(true);
    expect(await drawnLabel(page, 'h:h-sbkk-ahd')).toBe('50.01%');
    await zoomOnto(page, ['sbkk', 'naver', 'ahd', 'ly']);
    await settledShot(page, 'simulate-softbank-majority');
  });

  it('the compare toggle draws the base in the same layout, and the scenario again', async () => {
    const page = s.page;
    const before = await serialisedDoc(page);
    await softbankMajority(page);
    const at = await drawnPosition(page, 'e:ahd');
    await page.getByRole('group', { name: 'Show base or scenario' }).getByRole('button', { name: 'Base' }).click();
    await expect.poll(() => hasClass(page, 'e:ahd', 's-joint')).toBe(true);
    expect(await drawnLabel(page, 'h:h-sbkk-ahd')).toBe('50%');
    expect(await drawnPosition(page, 'e:ahd')).toEqual(at);
    expect(await serialisedDoc(page)).not.toBe(before); // a view of the base, not a change of the document
    await settledShot(page, 'simulate-compare-base');
    await page.getByRole('group', { name: 'Show base or scenario' }).getByRole('button', { name: 'Scenario' }).click();
    await expect.poll(() => hasClass(page, 'e:ahd', 's-controlled')).toBe(true);
  });

  it('"Back to base" restores the serialised document exactly', async () => {
    const page = s.page;
    const before = await serialisedDoc(page);
    await softbankMajority(page);
    expect(await serialisedDoc(page)).not.toBe(before);
    await panel(page).getByRole('button', { name: 'Back to base' }).click();
    await expect.poll(() => serialisedDoc(page)).toBe(before);
    expect(await state<unknown>(page, '(st) => st.sim.scenario')).toBeNull();
    await expect.poll(() => hasClass(page, 'e:ahd', 'sim-changed')).toBe(false);
    expect(await hasClass(page, 'e:ahd', 's-joint')).toBe(true);
  });

  it('a dated scenario moves the view date, and back to base restores it', async () => {
    const page = s.page;
    const before = await serialisedDoc(page);
    expect(await state<string | null>(page, '(st) => st.view.date')).toBeNull();
    await panel(page).getByRole('button', { name: 'LY buyback 2024', exact: true }).click();
    await expect.poll(() => state<string>(page, '(st) => st.view.date')).toBe('2024-08-01');
    expect(await page.getByLabel('View date', { exact: true }).inputValue()).toBe('2024-08-01');
    await expect.poll(() => drawnLabel(page, 'h:h-ahd-ly-2023-10')).toBe('62.5%');
    expect(await panel(page).getByTestId('diff-control').textContent()).toContain('No change in who controls what under Votes only or any other rule.');
    await panel(page).getByRole('button', { name: 'Back to base' }).click();
    await expect.poll(() => state<string | null>(page, '(st) => st.view.date')).toBeNull();
    expect(await serialisedDoc(page)).toBe(before);
  });

  it('scenario details carry the description and sources', async () => {
    const page = s.page;
    const item = panel(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: 'SoftBank buys NAVER out', exact: true }) });
    expect(await item.getByRole('button', { name: 'SoftBank buys NAVER out' }).getAttribute('title')).toContain('from 1% to 100%');
    await item.getByText('Details').click();
    expect(await item.textContent()).toContain('Asia Economy');
  });
});

describe('stake transfers', () => {
  it('previews a transfer on the graph without changing the document, then applies it as one undo step', async () => {
    const page = s.page;
    await openTab(page, 'Transfer');
    const before = await serialisedDoc(page);
    const steps = await state<number>(page, '(st) => st.past.length');
    await panel(page).getByLabel('Company', { exact: true }).selectOption('ahd');
    await panel(page).getByLabel('Seller', { exact: true }).selectOption('naver');
    await panel(page).getByLabel('Buyer', { exact: true }).selectOption('sbkk');
    await page.getByLabel(/^Points of A Holdings/).fill('10');
    const preview = page.getByTestId('transfer-preview');
    await expect.poll(() => preview.textContent()).toContain('A Holdings Corporation: jointly controlled by NAVER Corporation and SoftBank Corp. → controlled by SoftBank Corp.');
    await expect.poll(() => drawnLabel(page, 'h:h-naver-ahd')).toBe('40%');
    expect(await page.getByText('Preview — not applied', { exact: true }).isVisible()).toBe(true);
    // The slider moves in hundredths and keeps the exact number in step.
    await page.getByLabel('Points (slider)').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel(/^Points of A Holdings/).inputValue()).toBe('10.01');
    await expect.poll(() => drawnLabel(page, 'h:h-naver-ahd')).toBe('39.99%');
    expect(await serialisedDoc(page)).toBe(before);
    await zoomOnto(page, ['sbkk', 'naver', 'ahd', 'ly']);
    await settledShot(page, 'simulate-transfer-preview');
    await page.getByRole('button', { name: 'Apply transfer' }).click();
    await expect.poll(() => stake(page, 'naver', 'ahd')).toBe(39.99);
    expect(await state<number>(page, '(st) => st.past.length')).toBe(steps + 1);
    expect(await state<unknown[]>(page, '(st) => st.sim.log')).toHaveLength(1);
  });

  it('a new buyer and its transfer are one batch: one undo step removes both', async () => {
    const page = s.page;
    await openTab(page, 'Transfer');
    const steps = await state<number>(page, '(st) => st.past.length');
    await panel(page).getByLabel('Company', { exact: true }).selectOption('ahd');
    await panel(page).getByLabel('Seller', { exact: true }).selectOption('naver');
    await panel(page).getByLabel('Buyer', { exact: true }).selectOption('__new__');
    await panel(page).getByLabel("New buyer's name").fill('Mirae Asset');
    await panel(page).getByLabel('Country', { exact: true }).fill('KR');
    await page.getByLabel(/^Points of A Holdings/).fill('5');
    await page.getByRole('button', { name: 'Apply transfer' }).click();
    await expect.poll(() => state<string | undefined>(page, "(st) => st.doc.entities.find((e) => e.name === 'Mirae Asset')?.jurisdiction")).toBe('KR');
    expect(await stake(page, 'mirae-asset', 'ahd')).toBe(5);
    expect(await state<number>(page, '(st) => st.past.length')).toBe(steps + 1);
    await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
    await expect.poll(() => state<boolean>(page, "(st) => st.doc.entities.some((e) => e.name === 'Mirae Asset')")).toBe(false);
    expect(await stake(page, 'naver', 'ahd')).toBe(50);
  });
});

describe('scenarios of the user', () => {
  it('saves the edits as a named scenario with the document, and replays it after going back to base and reloading', async () => {
    const page = s.page;
    await transferAhd(page, '10.01');
    await openTab(page, 'Scenarios');
    await panel(page).getByLabel('Title', { exact: true }).fill('NAVER sells 10.01');
    await page.getByLabel('Description (optional)').fill('Ten points and one hundredth of A Holdings to SoftBank Corp.');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => state<unknown[]>(page, '(st) => st.doc.scenarios ?? []')).toHaveLength(1);
    expect(await state<unknown>(page, '(st) => st.doc.scenarios[0].ops')).toEqual([{ type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 10.01, date: '2024-09-30' }]);
    await panel(page).getByRole('button', { name: 'Back to base' }).click();
    await expect.poll(() => stake(page, 'naver', 'ahd')).toBe(50);
    expect(await state<number>(page, '(st) => st.doc.scenarios.length')).toBe(1);
    // Autosave has written the base document with the scenario in it.
    const saved = async () => JSON.parse((await savedWork(page)) ?? '{}').doc;
    await expect.poll(async () => (await saved())?.scenarios?.length ?? 0).toBe(1);
    await expect.poll(async () => (await saved())?.holdings.find((h: { holder: string; subject: string; until?: string }) => h.holder === 'naver' && h.subject === 'ahd' && !h.until)?.shares).toBe(50);
    await page.reload();
    await waitDrawn(page);
    const mine = panel(page).getByRole('button', { name: 'NAVER sells 10.01', exact: true });
    await mine.click();
    await expect.poll(() => stake(page, 'naver', 'ahd')).toBe(39.99);
    expect(await state<string>(page, '(st) => st.sim.scenario.source')).toBe('document');
    await settledShot(page, 'simulate-user-scenario');
  });
});
