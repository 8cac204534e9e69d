// E2E: the user's saved work survives what used to lose it — an unreadable autosave (kept, reported, downloadable),
// two tabs editing at once (the second asks), and a trip through a generated sample (back to the user's own work,
// address cleaned). Each test opens its own browser context: none depends on another.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { gotoApp, launch, openSession, savedWork, shot, state, type Session } from './browser';
import { captureDownload, pickDataset } from './files';

const baseUrl = inject('baseUrl');
let browser: Browser;
const sessions: Session[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const s of sessions) expect(s.problems, 'console errors').toEqual([]);
  await browser?.close();
});

async function fresh(): Promise<Session> {
  const s = await openSession(browser);
  sessions.push(s);
  return s;
}
const names = (page: Page) => state<string[]>(page, '(st) => st.doc.entities.map((e) => e.name)');
const savedNames = async (page: Page) => (JSON.parse((await savedWork(page)) ?? '{}').doc?.entities ?? []).map((e: { name: string }) => e.name) as string[];
const addEntity = (page: Page, name: string) => state(page, `(st) => st.addEntity({ name: '${name}', position: { x: 0, y: -300 } })`);

describe('saved work', () => {
  it('an unreadable autosave is kept as a backup, reported with a download, and never written over', async () => {
    const { context, page } = await fresh();
    const garbage = '{"doc": {"format": "ownership-graph", "entities": [ cut here';
    // What an earlier version left in localStorage, there before the app's first start.
    await context.addInitScript((text) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('ownership-explorer:working', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, garbage);
    await gotoApp(page, baseUrl);
    const warning = page.getByTestId('message-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Your autosaved graph could not be read \(.+\)\. It is kept in this browser as a backup, and can be downloaded; the bundled LY Corporation dataset is shown instead\./);
    await shot(page, 'saved-unreadable-warning');
    const file = await captureDownload(page, () => warning.getByRole('button', { name: 'Download it' }).click(), 'unreadable-autosave.json');
    expect(new TextDecoder().decode(file.bytes)).toBe(garbage);
    await addEntity(page, 'After the warning');
    await expect.poll(() => savedNames(page)).toContain('After the warning');
    await page.reload();
    await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null);
    expect(await names(page)).toContain('After the warning');
    expect(await page.getByTestId('message-warning').count()).toBe(0);
    const backups = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('ownership-explorer');
          open.onsuccess = () => {
            const all = open.result.transaction('kv').objectStore('kv').getAll(IDBKeyRange.bound('backup:', 'backup:\uffff'));
            all.onsuccess = () => resolve(all.result as string[]);
          };
        }),
    );
    expect(backups).toEqual([garbage]);
  });

  it('an edit followed at once by a reload, or by closing the tab, is never lost', async () => {
    const { context, page } = await fresh();
    await gotoApp(page, baseUrl);
    const drawn = (p: Page) => p.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null);
    // The reload starts within a few milliseconds of the edit, long before autosave's own write (300 ms and more).
    for (let i = 0; i < 4; i++) {
      await addEntity(page, `Reloaded ${i}`);
      await page.reload();
      await drawn(page);
      expect(await names(page)).toContain(`Reloaded ${i}`);
    }
    await shot(page, 'saved-recovered-after-reload');
    let tab = page;
    for (let i = 0; i < 3; i++) {
      await addEntity(tab, `Closed ${i}`);
      await Promise.all([tab.waitForEvent('close'), tab.close({ runBeforeUnload: true })]);
      tab = await context.newPage();
      await gotoApp(tab, baseUrl);
      expect(await names(tab)).toEqual(expect.arrayContaining(['Reloaded 3', `Closed ${i}`]));
    }
  });

  it('two tabs: the second never writes over the first silently; it asks, and the first is told', async () => {
    const { context, page: a } = await fresh();
    await gotoApp(a, baseUrl);
    await addEntity(a, 'From tab A');
    await expect.poll(() => savedNames(a)).toContain('From tab A');
    const b = await context.newPage();
    await gotoApp(b, baseUrl);
    expect(await names(b)).toContain('From tab A');
    // Tab A edits again while B is open; then B edits the copy it opened.
    await addEntity(a, 'A again');
    await expect.poll(() => savedNames(a)).toContain('A again');
    await addEntity(b, 'From tab B');
    const ask = b.getByTestId('message-warning');
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/changed in another tab; this tab.s changes wait until you choose/);
    await shot(b, 'saved-two-tabs-ask');
    await b.waitForTimeout(800);
    expect(await savedNames(b)).toContain('A again');
    expect(await savedNames(b)).not.toContain('From tab B');
    await ask.getByRole('button', { name: 'Open the other tab’s version' }).click();
    await expect.poll(() => names(b)).toContain('A again');
    expect(await names(b)).not.toContain('From tab B');
    await b.getByRole('button', { name: /^Undo/ }).first().click();
    await expect.poll(() => names(b)).toContain('From tab B');
    await b.close();
  });

  it('leaving a generated sample returns to the user’s own work, and a reload keeps it', async () => {
    const { page } = await fresh();
    await gotoApp(page, baseUrl);
    await addEntity(page, 'My own entity');
    await expect.poll(() => savedNames(page)).toContain('My own entity');
    await gotoApp(page, baseUrl, '?sample=1000');
    expect(await state(page, '(st) => st.datasetId')).toBe('sample');
    await pickDataset(page, 'line-yahoo');
    expect(await names(page)).toContain('My own entity');
    // The address is cleared once the work has been marked current (after the document shows), so poll for it.
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await shot(page, 'saved-back-from-sample');
    await page.reload();
    await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null);
    expect(await names(page)).toContain('My own entity');
  });
});
