// E2E: a Latin document found by an entity's native name (LY Corporation as "ヤフー") shows that name with the shipped
// CJK fonts in the search list, though no name on the canvas has loaded them (no boxes on a machine without a CJK font).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from './browser';
import { appSession } from './session';

/** The page's own CJK faces (ui/app.css names them first) that have loaded. */
const loadedPageFaces = (page: Page) =>
  page.evaluate(() => [...document.fonts].filter((f) => /^"?Explorer Noto Sans (JP|KR|SC)"?$/.test(f.family) && f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));

describe('search by a native name', () => {
  const s = appSession({ viewport: { width: 1280, height: 720 } });

  it('loads the shipped CJK fonts for the names the list shows', async () => {
    const page = s.page;
    expect(await loadedPageFaces(page)).toEqual([]);
    const box = page.getByRole('combobox', { name: 'Find an entity' });
    await box.fill('ヤフー');
    const list = page.getByRole('listbox', { name: 'Matching entities' });
    await expect.poll(() => list.textContent()).toContain('LINEヤフー');
    await expect.poll(() => loadedPageFaces(page)).toContain('Explorer Noto Sans JP');
    await box.fill('네이버');
    await expect.poll(() => loadedPageFaces(page)).toContain('Explorer Noto Sans KR');
    await shot(page, 'search-cjk');
  });
});
