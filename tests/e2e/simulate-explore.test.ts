// E2E: exploring in real Chromium — what would it take (0.01 points of A Holdings from NAVER under votes only), the
// timeline (view date moves the drawn percentages and the NAVER Cloud dependencies end), the dependency lens and
// its exposure classes across scenarios, the case comparison, keyboard tabs; no console errors, nothing off-host.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { state } from './browser';
import { countDrawn, drawn, drawnLabel, hasClass, openTab, serialisedDoc, settledShot, zoomOnto } from './simHelpers';
import { appSession } from './session';

const s = appSession();
const panel = (page: Page) => page.getByRole('complementary', { name: 'Simulate' });
const viewDate = (page: Page) => state<string | null>(page, '(st) => st.view.date');

describe('what would it take', () => {
  it('SoftBank Corp. over LY Corporation under votes only: 0.01 points of A Holdings from NAVER, previewed then applied', async () => {
    const page = s.page;
    await page.getByLabel('Control rule').selectOption('votes');
    await openTab(page, 'What would it take');
    await panel(page).getByLabel('Buyer', { exact: true }).selectOption('sbkk');
    await panel(page).getByLabel('Target', { exact: true }).selectOption('ly');
    await panel(page).getByRole('button', { name: 'Find the smallest purchases' }).click();
    const first = panel(page).getByTestId('whatif-results').getByRole('listitem').first();
    await expect.poll(() => first.textContent()).toContain('0.01 points of A Holdings Corporation from NAVER Corporation');
    const before = await serialisedDoc(page);
    await first.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => drawnLabel(page, 'h:h-sbkk-ahd')).toBe('50.01%');
    expect(await panel(page).getByTestId('diff-control').textContent()).toContain('A Holdings Corporation: jointly controlled by NAVER Corporation and SoftBank Corp. → controlled by SoftBank Corp.');
    expect(await serialisedDoc(page)).toBe(before);
    await settledShot(page, 'simulate-whatif');
    await first.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => state<number>(page, "(st) => st.doc.holdings.find((h) => h.id === 'h-sbkk-ahd').shares")).toBe(50.01);
    await expect.poll(() => panel(page).getByTestId('whatif-none').textContent()).toContain('already controls');
    await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
    await expect.poll(() => serialisedDoc(page)).toBe(before);
  });
});

describe('timeline', () => {
  it('moves the view date: A Holdings holds 65.25% of LY in 2021 and 62.50% in late 2024', async () => {
    const page = s.page;
    await openTab(page, 'Timeline');
    const events = panel(page).getByRole('list', { name: 'Events' });
    await events.getByRole('button', { name: /Integration closes/ }).click();
    await expect.poll(() => viewDate(page)).toBe('2021-03-01');
    await expect.poll(() => drawnLabel(page, 'h:h-ahd-ly-2021-03')).toBe('65.25%');
    expect(await drawn(page, 'h:h-ahd-ly')).toBe(false);
    // The selected event's entities are highlighted on the graph; its sources open in a new tab, never fetched.
    expect(await hasClass(page, 'e:ahd', 'sim-focus')).toBe(true);
    expect(await hasClass(page, 'e:ly', 'sim-focus')).toBe(true);
    expect(await hasClass(page, 'e:mic', 'sim-focus')).toBe(false);
    await events.getByRole('button', { name: /LY buyback closes/ }).click();
    await expect.poll(() => viewDate(page)).toBe('2024-09-02');
    await expect.poll(() => drawnLabel(page, 'h:h-ahd-ly')).toBe('62.5%');
    await events.getByRole('button', { name: /Second MIC guidance/ }).click();
    const link = events.getByRole('link').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await zoomOnto(page, ['mic', 'ly', 'ahd', 'sbkk', 'naver']);
    await settledShot(page, 'simulate-timeline-event');
  });

  it('dragging the slider steps through the dates; the NAVER Cloud dependencies end on their separation dates', async () => {
    const page = s.page;
    await openTab(page, 'Timeline');
    const slider = panel(page).getByLabel('Timeline date');
    const dates = await state<string[]>(page, `(st) => { const d = new Set(); for (const r of [...st.doc.holdings, ...st.doc.agreements, ...st.doc.dependencies]) { if (r.since) d.add(r.since); if (r.until) d.add(r.until); } for (const e of st.doc.events) d.add(e.date); if (st.doc.asOf) d.add(st.doc.asOf); return [...d].sort(); }`);
    const go = async (date: string) => {
      await slider.fill(String(dates.indexOf(date)));
      await expect.poll(() => viewDate(page)).toBe(date);
    };
    await go('2024-04-30');
    expect(await drawn(page, 'd:d-korea-data')).toBe(false);
    expect(await drawn(page, 'd:d-navercloud-ly-auth')).toBe(true);
    await go('2025-03-31');
    expect(await drawn(page, 'd:d-navercloud-ly-auth')).toBe(false);
    expect(await drawn(page, 'd:d-navercloud-ly-itops')).toBe(true);
    await go('2025-12-31');
    expect(await drawn(page, 'd:d-navercloud-ly-itops')).toBe(false);
    expect(await drawn(page, 'd:d-naver-ly-dev')).toBe(false);
    expect(await drawn(page, 'd:d-lineplus-ly-dev')).toBe(true);
    expect(await panel(page).getByTestId('timeline-date').textContent()).toBe('2025-12-31');
    // Play walks forward from the start.
    await go(dates[0]);
    await panel(page).getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => viewDate(page), { timeout: 5000 }).not.toBe(dates[0]);
    await panel(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await panel(page).getByRole('button', { name: 'Document date' }).click();
    await expect.poll(() => viewDate(page)).toBeNull();
  });
});

describe('tabs', () => {
  it('a tab opens at its top: the Dependencies tab after a scrolled Timeline shows its lens button', async () => {
    const page = s.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openTab(page, 'Timeline');
    const body = page.locator('#sim-tabpanel');
    await body.evaluate((el) => void (el.scrollTop = el.scrollHeight));
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(40);
    await openTab(page, 'Dependencies');
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
    const lens = panel(page).getByRole('button', { name: 'Dependency lens' });
    // What is drawn at the button's centre is the button: it is in view, not scrolled off above the panel's top.
    expect(await lens.evaluate((el) => { const r = el.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el; })).toBe(true);
  });
});

describe('the dependency lens', () => {
  const row = (page: Page, id: string) => panel(page).getByTestId(`dep-${id}`);

  it('status quo: NAVER Cloud → LY Corporation is a co-owner, cross-border dependency; holdings fade', async () => {
    const page = s.page;
    await openTab(page, 'Dependencies');
    await panel(page).getByRole('button', { name: 'Dependency lens' }).click();
    await expect.poll(() => hasClass(page, 'h:h-ahd-ly', 'lens-fade')).toBe(true);
    expect(await hasClass(page, 'd:d-navercloud-ly-itops', 'lens-dep')).toBe(true);
    expect(await drawnLabel(page, 'd:d-navercloud-ly-itops')).toBe('IT operations · co-owner · cross-border');
    expect(await row(page, 'd-navercloud-ly-itops').textContent()).toMatch(/co-owner.*cross-border/);
    expect(await row(page, 'd-lineplus-ly-dev').textContent()).toContain('intra-group');
    expect(await countDrawn(page, 'edge.lens-dep')).toBe(4);
    await zoomOnto(page, ['navercloud', 'naver', 'ly', 'lineplus']);
    await settledShot(page, 'simulate-lens');
  });

  it('after "SoftBank buys NAVER out" it is third-party and cross-border; after "System separation" it is gone', async () => {
    const page = s.page;
    await openTab(page, 'Dependencies');
    await panel(page).getByRole('button', { name: 'Dependency lens' }).click();
    await expect.poll(() => hasClass(page, 'h:h-ahd-ly', 'lens-fade')).toBe(true);
    await openTab(page, 'Scenarios');
    await panel(page).getByRole('button', { name: 'SoftBank buys NAVER out', exact: true }).click();
    await expect.poll(() => panel(page).getByTestId('diff-dependencies').textContent()).toContain('NAVER Cloud Corp. → LY Corporation (IT operations): co-owner, cross-border → third-party, cross-border');
    await openTab(page, 'Dependencies');
    expect(await row(page, 'd-navercloud-ly-itops').textContent()).toMatch(/third-party.*cross-border.*was co-owner, cross-border/);
    expect(await drawnLabel(page, 'd:d-navercloud-ly-itops')).toBe('IT operations · third-party · cross-border');
    await zoomOnto(page, ['navercloud', 'naver', 'ly', 'lineplus']);
    await settledShot(page, 'simulate-lens-buyout');
    await openTab(page, 'Scenarios');
    await panel(page).getByRole('button', { name: 'System separation: NAVER dependencies end', exact: true }).click();
    await expect.poll(() => panel(page).getByTestId('diff-dependencies').textContent()).toContain('NAVER Cloud Corp. → LY Corporation (IT operations): co-owner, cross-border → gone');
    expect(await drawn(page, 'd:d-navercloud-ly-itops')).toBe(false);
    await openTab(page, 'Dependencies');
    expect(await row(page, 'd-navercloud-ly-itops').count()).toBe(0);
    expect(await panel(page).getByTestId('dependencies-gone').textContent()).toContain('NAVER Cloud Corp. → LY Corporation (IT operations): was co-owner, cross-border');
    await panel(page).getByRole('button', { name: 'Dependency lens' }).click();
    await openTab(page, 'Scenarios');
    await panel(page).getByRole('button', { name: 'Back to base' }).click();
    await expect.poll(() => state<unknown>(page, '(st) => st.sim.scenario')).toBeNull();
  });
});

describe('case comparison', () => {
  it('sets LY and NTT Docomo side by side from their data', async () => {
    const page = s.page;
    await openTab(page, 'Compare cases');
    await panel(page).getByRole('button', { name: 'Open the side-by-side comparison' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case comparison' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const ly = dialog.getByRole('region', { name: 'Case: LY Corporation' });
    const ntt = dialog.getByRole('region', { name: 'Case: NTT Docomo' });
    expect(await ly.getByTestId('case-records').textContent()).toContain('519,506');
    expect(await ly.getByTestId('case-controllers').textContent()).toBe('SoftBank Group Corp. (JP)');
    expect(await ly.getByTestId('case-regulatory').textContent()).toContain('2024-03-05');
    expect(await ntt.getByTestId('case-records').textContent()).toContain('5,960,000');
    expect(await ntt.getByTestId('case-breached').textContent()).toBe('NTT DOCOMO, INC.');
    expect(await ntt.getByTestId('case-jurisdiction').textContent()).toBe('JP');
    expect(await ntt.getByTestId('case-regulatory').textContent()).toContain('2024-02-15');
    await settledShot(page, 'simulate-cases');
    // Under votes only LY's controllers are NAVER and SoftBank Corp.: Korea and Japan.
    await page.keyboard.press('Escape');
    await page.getByLabel('Control rule').selectOption('votes');
    await panel(page).getByRole('button', { name: 'Open the side-by-side comparison' }).click();
    await expect.poll(() => ly.getByTestId('case-jurisdiction').textContent()).toBe('JP + KR');
    await dialog.getByRole('button', { name: 'Close the case comparison' }).click();
  });
});

describe('keyboard and hygiene', () => {
  it('the tabs follow the arrow keys', async () => {
    const page = s.page;
    await openTab(page, 'Scenarios');
    await page.getByRole('tab', { name: 'Scenarios' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Transfer' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Transfer');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: 'Compare cases' }).getAttribute('aria-selected')).toBe('true');
  });
});
