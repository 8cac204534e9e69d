// E2E: a first visit draws the bundled datasets from the layouts ELK made ahead of time (draw/layoutPresets.ts),
// without fetching the layout engine; a view the presets were not made for is laid out by ELK, as before.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { state } from './browser';
import { appSession } from './session';

const requested: string[] = [];
const s = appSession({ prepare: async (context) => {
  requested.length = 0;
  context.on('request', (r) => void requested.push(r.url()));
} });

const elkFetched = () => requested.some((u) => /elk\.bundled/.test(u));
const elkRuns = (page: Page) => page.evaluate(() => ((globalThis as { __elkRuns?: unknown[] }).__elkRuns ?? []).length);
const placed = (page: Page, dataset: string) =>
  state<boolean>(page, `(st) => st.datasetId === '${dataset}' && st.doc.entities.length > 0 && st.doc.entities.every((e) => e.position)`);

describe('first visit', () => {
  it('LY and NTT Docomo are drawn from their preset layouts: the layout engine is neither fetched nor run', async () => {
    const page = s.page;
    await expect.poll(() => placed(page, 'line-yahoo')).toBe(true);
    await page.getByLabel('Dataset').selectOption('ntt-docomo');
    await expect.poll(() => placed(page, 'ntt-docomo')).toBe(true);
    expect(elkFetched(), 'the layout engine (elkjs) was fetched: the presets no longer match ELK\'s input; run npm run -s layout-presets').toBe(false);
    expect(await elkRuns(page)).toBe(0);
  });

  it('a view the presets were not made for (LY in March 2021) is laid out by ELK when asked', async () => {
    const page = s.page;
    await page.getByLabel('View date').fill('2021-03-01');
    await expect.poll(() => state<string | null>(page, '(st) => st.view.date')).toBe('2021-03-01');
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await expect.poll(() => elkRuns(page)).toBeGreaterThan(0);
    expect(elkFetched()).toBe(true);
    await expect.poll(() => state<boolean>(page, '(st) => st.busy === null')).toBe(true);
  });
});
