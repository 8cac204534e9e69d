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
});
