// E2E: every control acts on what it shows (issue 19, §1 and §4). The transfer's Apply is off while its field is
// invalid, and its slider can be used; "What would it take" proposes, previews and applies control on the date shown;
// a reload keeps a scenario marked, with Back to base; a new holding over 100% is offered the public float, in words;
// the view date neither leaks between scenarios nor jumps while a year is typed; the user's own graph stays in the
// dataset picker; a click gives the graph the keyboard, opening Simulate keeps focus in it, and Back to base is one
// Tab after the scenario applied.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nodeScreenPosition, shot, state, waitDrawn } from './browser';
import { openThroughInput } from './files';
import { openTab, settledShot } from './simHelpers';
import { appSession } from './session';

const s = appSession();
const panel = (page: Page) => page.getByRole('complementary', { name: 'Simulate' });
/** The stake of `holder` in `subject` in force on `date`. */
const stakeOn = (page: Page, holder: string, subject: string, date: string) =>
  state<number | undefined>(page, `(st) => st.doc.holdings.find((h) => h.holder === '${holder}' && h.subject === '${subject}' && (!h.since || h.since <= '${date}') && (!h.until || h.until > '${date}'))?.shares`);
const active = (page: Page) => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', label: document.activeElement?.getAttribute('aria-label') ?? '', inSimulate: !!document.activeElement?.closest('[aria-label="Simulate"]'), graph: document.activeElement?.classList.contains('graph') ?? false }));

describe('the transfer form applies the number it shows', () => {
  it('an invalid or out-of-range field turns Apply off; the offered fix is shown before it is applied; the slider is usable', async () => {
    const page = s.page;
    await openTab(page, 'Transfer');
    await panel(page).getByLabel('Company', { exact: true }).selectOption('ahd');
    await panel(page).getByLabel('Seller', { exact: true }).selectOption('naver');
    await panel(page).getByLabel('Buyer', { exact: true }).selectOption('sbkk');
    const points = page.getByLabel(/^Points of A Holdings/);
    const applyButton = page.getByRole('button', { name: 'Apply transfer' });
    await points.fill('60');
    await expect.poll(() => applyButton.isEnabled()).toBe(false);
    expect(await panel(page).getByRole('status').filter({ hasText: 'more than the 50.00 points' }).count()).toBe(1);
    await points.fill('abc');
    await expect.poll(() => applyButton.isEnabled()).toBe(false);
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Enter'); // submitting the form applies nothing either
    await points.fill('60');
    await panel(page).getByRole('button', { name: 'Use 50.00' }).click();
    expect(await points.inputValue()).toBe('50');
    await expect.poll(() => applyButton.isEnabled()).toBe(true);
    const slider = page.getByLabel('Points (slider)');
    const box = (await slider.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(120);
    await shot(page, 'trust-transfer-field');
    // The slider writes the field: a click at its middle is about half of NAVER's 50 points.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const slid = Number(await points.inputValue());
    expect(slid).toBeGreaterThan(15);
    expect(slid).toBeLessThan(35);
    expect(await stakeOn(page, 'naver', 'ahd', '2024-09-30')).toBe(50);
    await applyButton.click();
    await expect.poll(() => stakeOn(page, 'naver', 'ahd', '2024-09-30')).toBe(Math.round((50 - slid) * 100) / 100);
  });
});

describe('what would it take', () => {
  it('National Pension Service → NAVER under votes only: the proposal previews control on the date shown, and Apply does that', async () => {
    const page = s.page;
    await page.getByLabel('Control rule').selectOption('votes');
    await openTab(page, 'What would it take');
    await panel(page).getByLabel('Buyer', { exact: true }).selectOption('nps');
    await panel(page).getByLabel('Target', { exact: true }).selectOption('naver');
    await panel(page).getByRole('button', { name: 'Find the smallest purchases' }).click();
    const first = panel(page).getByTestId('whatif-results').locator('li').first();
    await expect.poll(() => first.textContent()).toMatch(/41\.78 points of NAVER Corporation/);
    await first.getByRole('button', { name: 'Preview' }).click();
    const diff = panel(page).getByTestId('diff-control');
    await expect.poll(() => diff.textContent()).toMatch(/NAVER Corporation: independent → controlled by National Pension Service/);
    await settledShot(page, 'trust-whatif-preview');
    await first.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => stakeOn(page, 'nps', 'naver', '2024-09-30')).toBe(50.01);
  });

  it('an empty answer says which: already in control, or no single purchase', async () => {
    const page = s.page;
    await openTab(page, 'What would it take');
    await panel(page).getByLabel('Buyer', { exact: true }).selectOption('sbg');
    await panel(page).getByLabel('Target', { exact: true }).selectOption('ly');
    await panel(page).getByRole('button', { name: 'Find the smallest purchases' }).click();
    await expect.poll(() => panel(page).getByTestId('whatif-none').textContent()).toBe('SoftBank Group Corp. already controls LY Corporation on 2024-09-30 under Legal control.');
  });
});

describe('scenarios and the view date', () => {
  it('a reload while a scenario is shown keeps it marked, with Back to base to the base', async () => {
    const page = s.page;
    await openTab(page, 'Scenarios');
    await panel(page).getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
    await expect.poll(() => stakeOn(page, 'sbkk', 'ahd', '2024-09-30')).toBe(50.01);
    await page.waitForTimeout(1200); // autosave writes a moment after a change
    await page.reload();
    await waitDrawn(page);
    await openTab(page, 'Scenarios');
    expect(await state<string | undefined>(page, '(st) => st.sim.scenario?.id')).toBe('softbank-majority');
    await expect.poll(() => panel(page).getByTestId('active-scenario').textContent()).toMatch(/Showing SoftBank acquires majority/);
    await settledShot(page, 'trust-reload-scenario');
    await panel(page).getByRole('button', { name: 'Back to base' }).click();
    await expect.poll(() => stakeOn(page, 'sbkk', 'ahd', '2024-09-30')).toBe(50);
  });

  it('a scenario without a date shows the base date, not the previous scenario\'s; typing a year applies only a plausible date', async () => {
    const page = s.page;
    await openTab(page, 'Scenarios');
    await panel(page).getByRole('button', { name: 'LY buyback 2024', exact: true }).click();
    await expect.poll(() => state<string | null>(page, '(st) => st.view.date')).toBe('2024-08-01');
    await panel(page).getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
    await expect.poll(() => state<string | null>(page, '(st) => st.view.date')).toBeNull();
    expect(await page.getByLabel('View date', { exact: true }).inputValue()).toBe('2024-09-30');
    // Type a year, digit by digit, into the date field's year (mm/dd/yyyy here): the view never shows 0003 or 0301.
    const field = page.getByLabel('View date', { exact: true });
    await field.click({ position: { x: 70, y: 10 } });
    const seen: (string | null)[] = [];
    for (const k of '2021') {
      await page.keyboard.type(k);
      await page.waitForTimeout(80);
      seen.push(await state<string | null>(page, '(st) => st.view.date'));
    }
    expect(seen.filter((d) => d !== null && d !== '2024-09-30' && !d.startsWith('2021-'))).toEqual([]);
    expect(seen.at(-1)).toMatch(/^2021-/);
    await shot(page, 'trust-date-typed');
  });
});

describe('a new holding over 100%', () => {
  it('National Pension Service taking 10% of LY is offered the public float, in names and dates', async () => {
    const page = s.page;
    const box = page.getByRole('combobox', { name: 'Find an entity' });
    await box.fill('LY Corporation');
    await box.press('Enter');
    const form = page.getByRole('form', { name: 'Add a holding' });
    await form.getByLabel('Other entity').selectOption('nps');
    await form.getByLabel('Shares %').fill('10');
    await form.getByRole('button', { name: 'Add holding' }).click();
    const take = page.getByRole('button', { name: 'Take 10 points from LY public float' });
    await expect.poll(() => take.count()).toBe(1);
    const text = await state<string>(page, '(st) => st.message.text');
    expect(text).not.toMatch(/\bh-[a-z0-9-]+|\d{4}-\d{2}-\d{2}/);
    await shot(page, 'trust-float-offer');
    await take.click();
    await expect.poll(() => stakeOn(page, 'nps', 'ly', '2024-09-30')).toBe(10);
    expect(await stakeOn(page, 'lyfloat', 'ly', '2024-09-30') ?? await state<number>(page, "(st) => st.doc.holdings.find((h) => h.subject === 'ly' && st.doc.entities.find((e) => e.id === h.holder).kind === 'float' && !h.until).shares")).toBe(27.5);
  });
});

describe('the dataset picker', () => {
  it('keeps offering the graph the user opened, after a sample was chosen', async () => {
    const page = s.page;
    await openThroughInput(page, 'acme.csv', 'holder,subject,shares\nJo Bloggs,Acme Ltd,60\nAcme Ltd,Acme Trading,100\n', 'text/csv');
    await expect.poll(() => state<string>(page, '(st) => st.datasetId')).toBe('imported');
    await page.waitForTimeout(1200); // autosaved
    await page.getByLabel('Dataset').selectOption('sample:1000');
    await page.waitForURL(/sample=1000/);
    await waitDrawn(page, 60_000);
    const own = page.getByLabel('Dataset').locator('option', { hasText: 'Your opened graph' });
    await expect.poll(() => own.count()).toBe(1);
    await shot(page, 'trust-picker-sample');
    await page.getByLabel('Dataset').selectOption('imported');
    await expect.poll(() => state<string[]>(page, '(st) => st.doc.entities.map((e) => e.name).sort()')).toEqual(['Acme Ltd', 'Acme Trading', 'Jo Bloggs']);
    await expect.poll(() => page.url()).not.toMatch(/sample=/);
  });
});

describe('keyboard', () => {
  it('a click on a node gives the graph the arrow keys', async () => {
    const page = s.page;
    const at = await nodeScreenPosition(page, 'naver');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => state<string | undefined>(page, '(st) => st.selection?.id')).toBe('naver');
    expect((await active(page)).graph).toBe(true);
    const before = await state<{ x: number }>(page, "(st) => st.doc.entities.find((e) => e.id === 'naver').position");
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => state<number>(page, "(st) => st.doc.entities.find((e) => e.id === 'naver').position.x")).toBe(before.x + 10);
  });

  it('opening Simulate from its rail keeps focus in it; Back to base is one Tab after the scenario applied', async () => {
    const page = s.page;
    const rail = page.getByRole('button', { name: 'Open the Simulate panel' });
    if (!(await rail.isVisible())) await page.getByRole('button', { name: 'Close the Simulate panel' }).click();
    await page.getByRole('button', { name: 'Open the Simulate panel' }).click();
    await expect.poll(async () => (await active(page)).inSimulate).toBe(true);
    await openTab(page, 'Scenarios');
    const scenario = panel(page).getByRole('button', { name: 'SoftBank acquires majority', exact: true });
    await scenario.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => state<string | undefined>(page, '(st) => st.sim.scenario?.id')).toBe('softbank-majority');
    await page.keyboard.press('Tab');
    expect((await active(page)).text).toBe('Back to base');
    await settledShot(page, 'trust-back-to-base-focus');
    await page.keyboard.press('Enter');
    await expect.poll(() => state<unknown>(page, '(st) => st.sim.scenario')).toBeNull();
  });
});
