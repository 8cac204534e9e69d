// E2E: one panel's error never blanks the app. The CSV "Alice,Constructor,60" (an id equal to an Object.prototype key)
// opens and its entity's inspector shows the paths behind the stake; a panel made to fail (test builds only) says so in
// its place, with Try again, while the graph, the toolbar and the other panels keep working.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoApp, launch, openSession, shot, state, type Session } from './browser';
import { openThroughInput } from './files';

const baseUrl = inject('baseUrl');
let browser: Browser;
let session: Session;
beforeAll(async () => {
  browser = await launch();
  session = await openSession(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('a failing panel', () => {
  it('"Alice,Constructor,60": selecting Constructor shows its owner, nothing blanks', async () => {
    const { page } = session;
    await gotoApp(page, baseUrl);
    await openThroughInput(page, 'proto.csv', 'holder,subject,shares\nAlice,Constructor,60\n', 'text/csv');
    await page.waitForFunction(() => window.__explorer?.getState().doc.entities.some((e) => e.id === 'constructor'));
    await state(page, "(st) => st.select({ kind: 'entity', id: 'constructor' })");
    const inspector = page.locator('[data-dock="inspector"]');
    await expect.poll(() => inspector.innerText()).toMatch(/Constructor[\s\S]*Alice/);
    await shot(page, 'panel-proto-id-inspector');
    expect(await page.getByTestId('panel-failed').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it('says so in its place, and the rest keeps working; Try again brings it back', async () => {
    const { page } = session;
    await page.evaluate(() => (window.__failPanel = 'Inspector'));
    await state(page, "(st) => st.select({ kind: 'entity', id: 'alice' })");
    const failed = page.getByTestId('panel-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/Inspector could not be shown \(test fault in Inspector\)\. The rest of the app keeps working/);
    await shot(page, 'panel-failed-inspector');
    // The rest works: the graph is drawn, the toolbar answers, an edit goes through.
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await state(page, "(st) => st.addEntity({ name: 'Still editable', position: { x: 0, y: 300 } })");
    expect(await state<string[]>(page, '(st) => st.doc.entities.map((e) => e.name)')).toContain('Still editable');
    await page.evaluate(() => (window.__failPanel = undefined));
    await failed.getByRole('button', { name: 'Try again' }).click();
    expect(await page.getByTestId('panel-failed').count()).toBe(0);
    // React reports the caught error on the console: that is the fault this test made, nothing else.
    expect(session.problems.every((p) => /test fault in Inspector|above error occurred/i.test(p))).toBe(true);
    session.problems.length = 0;
  });
});
