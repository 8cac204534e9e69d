// E2E: edits that respect the user — a stake over 100% offers the points from the public float (one undo step), a
// decimal comma is read, an out-of-range τ is refused out loud. Each test starts afresh on the bundled LY graph.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, state } from './browser';
import { appSession } from './session';

const s = appSession();
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const shares = (page: Page, id: string) => state<number>(page, `(st) => st.doc.holdings.find((h) => h.id === '${id}')?.shares`);

async function editShares(page: Page, holding: string, value: string) {
  await state(page, `(st) => st.select({ kind: 'holding', id: '${holding}' })`);
  const input = inspector(page).locator('input[name="shares"]');
  await input.fill(value);
  await input.press('Enter');
}

describe('edits that respect the user', () => {
  it('raising A Holdings to 70% of LY offers 7.5 points from the LY public float, as one undo step', async () => {
    const page = s.page;
    const float = await state<string>(page, "(st) => st.doc.holdings.find((h) => h.holder === 'ly-float' && h.subject === 'ly' && !h.until).id");
    const before = await shares(page, float);
    await editShares(page, 'h-ahd-ly', '70');
    const msg = page.getByTestId('message-error');
    await msg.waitFor();
    expect(await msg.textContent()).toMatch(/LY public float holds part of LY Corporation on 30 September 2024: the 7\.5 points can come from it/);
    expect(await msg.textContent()).not.toMatch(/h-ahd-ly|"ly"/);
    await shot(page, 'edits-float-offer');
    await msg.getByRole('button', { name: 'Take 7.5 points from LY public float' }).click();
    await expect.poll(() => shares(page, 'h-ahd-ly')).toBe(70);
    expect(await shares(page, float)).toBeCloseTo(before - 7.5, 6);
    await page.keyboard.press('Control+z');
    await expect.poll(() => shares(page, 'h-ahd-ly')).toBe(62.5);
    expect(await shares(page, float)).toBe(before);
  });

  it('reads a decimal comma: "40,25" is 40.25%', async () => {
    const page = s.page;
    await editShares(page, 'h-naver-ahd', '40,25');
    await expect.poll(() => shares(page, 'h-naver-ahd')).toBe(40.25);
  });

  it('refuses τ outside 0–100 with a message, and keeps the last good value', async () => {
    const page = s.page;
    await page.getByRole('combobox', { name: 'Control rule' }).selectOption('defacto');
    const tau = page.getByLabel('De facto threshold τ in percent');
    await tau.fill('27,5');
    expect(await state<number>(page, '(st) => st.view.threshold')).toBe(27.5);
    await tau.fill('150');
    await tau.press('Enter');
    const msg = page.getByTestId('message-error');
    await msg.waitFor();
    expect(await msg.textContent()).toMatch(/τ must be between 0% and 100% — 150% was not applied/);
    expect(await state<number>(page, '(st) => st.view.threshold')).toBe(27.5);
    expect(await tau.inputValue()).toBe('27.5');
    await shot(page, 'edits-tau-refused');
  });
});
