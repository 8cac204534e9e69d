// The workspace at the sizes people use: the LY graph's default view draws every entity's name at ≥ 10 CSS px, inside
// the visible canvas and under no overlay, with the Simulate panel open or closed; panels dock beside the canvas.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoApp, launch, shot } from './browser';
import { settle, unreadable } from './readable';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES = [[1280, 720], [1440, 900], [1920, 1080]] as const;

describe.each(SIZES)('LY default view at %i×%i', (width, height) => {
  it.each([true, false])('with Simulate open: %s — every name ≥ 10 px, in view, not under an overlay', async (simOpen) => {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.addInitScript((open) => localStorage.setItem('ownership-explorer:simulate-open', open ? '1' : '0'), simOpen);
    const page = await context.newPage();
    try {
      await gotoApp(page, inject('baseUrl'));
      await page.locator('.sim-panel, [data-dock="simulate"].rail').first().waitFor();
      await settle(page);
      expect(await unreadable(page)).toEqual([]);
      const canvas = await page.locator('.graph').boundingBox();
      // The canvas is the largest thing on screen.
      for (const dock of await page.locator('.dock').all()) expect((await dock.boundingBox())!.width).toBeLessThan(canvas!.width);
      await shot(page, `workspace-${width}x${height}-sim-${simOpen ? 'open' : 'closed'}`);
    } finally {
      await context.close();
    }
  });
});

describe('docks and status line', () => {
  it('a message does not move the graph; the inspector collapses and resizes', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await gotoApp(page, inject('baseUrl'));
      const before = await page.locator('.graph').boundingBox();
      await page.evaluate(() => window.__explorer!.getState().notify('A notice that must not push the layout down.'));
      await page.getByTestId('message-notice').waitFor();
      expect(await page.locator('.graph').boundingBox()).toEqual(before);
      await page.getByRole('button', { name: 'Open the Inspector panel' }).click();
      const sep = page.getByRole('separator', { name: 'Resize the Inspector panel' });
      const w0 = Number(await sep.getAttribute('aria-valuenow'));
      await sep.focus();
      await page.keyboard.press('ArrowLeft');
      expect(Number(await sep.getAttribute('aria-valuenow'))).toBe(w0 + 10);
      await page.getByRole('button', { name: 'Collapse the inspector' }).click();
      await page.getByRole('button', { name: 'Open the Inspector panel' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a long warning is cut to one line with "More", which shows the whole text over the canvas without moving it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    try {
      await gotoApp(page, inject('baseUrl'));
      const graph = await page.locator('.graph').boundingBox();
      const long = 'Autosave works in a fallback only: this browser’s IndexedDB did not answer within 1.5 s, so your work is saved in localStorage, which holds small graphs only (a few MB). Use File → Save to keep a large graph. ' +
        'The end of this sentence is what a one-line status bar used to cut off: THE LAST WORDS.';
      await page.evaluate((t) => window.__explorer!.getState().notify(t, 'warning'), long);
      const msg = page.getByTestId('message-warning');
      await msg.waitFor();
      const folded = (await msg.boundingBox())!;
      expect(folded.height).toBeLessThanOrEqual(29);
      const text = msg.locator('span').first();
      expect(await text.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true); // cut: the bug this answers
      const more = msg.getByRole('button', { name: 'More' });
      await more.click();
      const open = (await msg.boundingBox())!;
      expect(await msg.getByRole('button', { name: 'Less' }).getAttribute('aria-expanded')).toBe('true');
      // The whole text shows: nothing cut sideways or below, the box inside the window, growing up from the line.
      expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await msg.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      expect(open.height).toBeGreaterThan(folded.height + 10);
      expect(open.y).toBeGreaterThanOrEqual(0);
      expect(Math.round(open.y + open.height)).toBe(Math.round(folded.y + folded.height));
      expect(await page.locator('.graph').boundingBox()).toEqual(graph);
      await shot(page, 'status-line-unfolded-1280x720');
      await msg.getByRole('button', { name: 'Less' }).click();
      expect((await msg.boundingBox())!.height).toBeLessThanOrEqual(29);
      // Escape folds it too; a message that fits offers no "More".
      await more.click();
      await page.keyboard.press('Escape');
      expect((await msg.boundingBox())!.height).toBeLessThanOrEqual(29);
      await page.evaluate(() => window.__explorer!.getState().notify('Short.', 'warning'));
      await expect.poll(() => msg.textContent()).toContain('Short.');
      expect(await msg.getByRole('button', { name: 'More' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
