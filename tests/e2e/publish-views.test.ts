// E2E: the path lit (a Why-these-figures line, a controller, an ultimate owner; both sides of the split view; Escape
// clears it), two dates side by side with the diff in words and the timeline's step marks, and the large-group
// views (holdings from X%, collapsed subsidiaries) on the LY dataset in real Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findEntity, state } from './browser';
import { openTab, settledShot, zoomOnto } from './simHelpers';
import { appSession } from './session';

const s = appSession({ viewport: { width: 1600, height: 1000 } });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Simulate' });

/** Classes of an element on one side ('only', 'after' or 'before'), or null when it is not drawn there. */
const classesOn = (page: Page, side: string, id: string) =>
  page.evaluate(([sd, x]) => {
    type Ele = { empty(): boolean; classes(): string[] };
    const el = document.querySelector(`[data-side="${sd}"] .graph`) as unknown as { _cyreg?: { cy: { getElementById(i: string): Ele } } } | null;
    const e = el?._cyreg?.cy.getElementById(x);
    return !e || e.empty() ? null : e.classes();
  }, [side, id] as const);
const labelOn = (page: Page, side: string, id: string) =>
  page.evaluate(([sd, x]) => {
    type Ele = { empty(): boolean; data(k: string): string };
    const el = document.querySelector(`[data-side="${sd}"] .graph`) as unknown as { _cyreg: { cy: { getElementById(i: string): Ele } } };
    const e = el._cyreg.cy.getElementById(x);
    return e.empty() ? null : e.data('label');
  }, [side, id] as const);

describe('the path lit', () => {
  it('a Why line lights its path; Escape clears it; a controller lights the chain of control', async () => {
    const page = s.page;
    await findEntity(page, 'LY Corporation');
    const why = page.getByTestId('why-figures');
    const line = why.getByRole('button', { name: /NAVER Corporation → A Holdings Corporation 50% × A Holdings Corporation → LY Corporation/ }).first();
    await line.click();
    await expect.poll(() => classesOn(page, 'only', 'e:naver')).toContain('lit');
    expect(await classesOn(page, 'only', 'e:ahd')).toContain('lit');
    expect(await classesOn(page, 'only', 'e:ly')).toContain('lit');
    expect(await classesOn(page, 'only', 'h:h-ahd-ly')).toContain('lit');
    expect(await classesOn(page, 'only', 'e:sbkk')).toContain('lit-fade');
    expect(await page.getByTestId('lit-badge').textContent()).toContain('NAVER Corporation → A Holdings Corporation');
    await zoomOnto(page, ['naver', 'ahd', 'ly', 'sbkk', 'sbg']);
    await settledShot(page, 'publish-path-lit');
    await page.keyboard.press('Escape');
    await expect.poll(() => classesOn(page, 'only', 'e:naver')).not.toContain('lit');
    expect(await page.getByTestId('lit-badge').count()).toBe(0);
    // "Ultimately controlled by": the chain from the ultimate controller down.
    const ultimate = page.getByTestId('ultimate').getByRole('button').first();
    const who = await ultimate.textContent();
    await ultimate.click();
    await expect.poll(() => page.getByTestId('lit-badge').textContent()).toMatch(new RegExp(`^Lit: ${who}.* → LY Corporation`));
    expect(await classesOn(page, 'only', 'e:ahd')).toContain('lit');
    // An ultimate owner lights the paths that make its stake.
    await page.getByRole('list', { name: 'Ultimate owners' }).getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('lit-badge').textContent()).toMatch(/ in LY Corporation: /);
  });
});

describe('two dates side by side', () => {
  it('2023-10-01 | 2024-09-02: both sides drawn, the diff in words, the path lit on both sides', async () => {
    const page = s.page;
    await openTab(page, 'Timeline');
    await panel(page).getByRole('list', { name: 'Events' }).getByRole('button', { name: /LY buyback closes/ }).click();
    await expect.poll(() => state<string | null>(page, '(st) => st.view.date')).toBe('2024-09-02');
    // Each step says what changed on it.
    const steps = panel(page).getByTestId('timeline-steps');
    expect(await steps.getByRole('listitem').count()).toBeGreaterThan(10);
    expect(await steps.textContent()).toMatch(/2024-09-02.*(start|end)/);
    await panel(page).getByTestId('compare-date').selectOption('2023-10-01');
    await expect.poll(() => labelOn(page, 'before', 'h:h-ahd-ly-2023-10')).toBe('64.42%');
    await expect.poll(() => labelOn(page, 'after', 'h:h-ahd-ly')).toBe('62.5%');
    expect(await page.getByTestId('dates-badge').textContent()).toBe('2023-10-01 | 2024-09-02');
    const diff = panel(page).getByTestId('diff-lookthrough');
    await expect.poll(() => diff.textContent()).toContain('A Holdings Corporation in LY Corporation: 64.42% → 62.50%');
    // Lit on both sides.
    await findEntity(page, 'LY Corporation');
    await page.getByTestId('why-figures').getByRole('button').nth(1).click();
    await expect.poll(() => classesOn(page, 'before', 'e:ly')).toContain('lit');
    expect(await classesOn(page, 'after', 'e:ly')).toContain('lit');
    await settledShot(page, 'publish-two-dates');
    await page.getByRole('button', { name: 'Close split' }).first().click();
    await expect.poll(() => page.locator('[data-side="before"]').count()).toBe(0);
  });
});

describe('large groups', () => {
  it('holdings from 5%: smaller holders hidden and counted; collapsing A Holdings hides what it controls', async () => {
    const page = s.page;
    const smallHeld = await state<{ subject: string; n: number }[]>(page, `(st) => {
      const by = new Map();
      for (const h of st.doc.holdings) if (!h.until && h.shares < 5) by.set(h.subject, (by.get(h.subject) ?? 0) + 1);
      return [...by].map(([subject, n]) => ({ subject, n }));
    }`);
    expect(smallHeld.length).toBeGreaterThan(0);
    await page.getByTestId('min-stake').selectOption('5');
    for (const { subject } of smallHeld.slice(0, 3)) await expect.poll(() => labelOn(page, 'only', `e:${subject}`)).toMatch(/\+\d+ holders? under 5%/);
    await settledShot(page, 'publish-min-stake');
    await page.getByTestId('min-stake').selectOption('0');
    await findEntity(page, 'A Holdings Corporation');
    await page.getByTestId('collapse-subsidiaries').click();
    await expect.poll(() => classesOn(page, 'only', 'e:ly')).toBe(null);
    expect(await labelOn(page, 'only', 'e:ahd')).toMatch(/▸ \d+ subsidiar(y|ies)/);
    await settledShot(page, 'publish-collapsed');
    await page.getByTestId('collapse-subsidiaries').click();
    await expect.poll(() => classesOn(page, 'only', 'e:ly')).not.toBe(null);
  });
});
