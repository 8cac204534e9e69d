// E2E: editing in real Chromium — drag (one undo step, survives reload), stake edits that change control live,
// refused edits that change nothing, undo/redo by keyboard and buttons, drawing a holding, deleting, adding.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { elementScreenPosition, findEntity, savedWork, shot, state, waitDrawn } from './browser';
import { settle } from './readable';
import { appSession } from './session';

// Every test starts in a fresh browser context on a first visit to the bundled LY graph (nothing saved).
const s = appSession();
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const shares = (page: Page, id: string) => state<number>(page, `(st) => st.doc.holdings.find((h) => h.id === '${id}')?.shares`);
const drawnLabel = (page: Page, id: string) =>
  page.evaluate((x) => (document.querySelector('.graph') as unknown as { _cyreg: { cy: { getElementById(i: string): { data(k: string): string } } } })._cyreg.cy.getElementById(x).data('label'), id);

async function clickElement(page: Page, elementId: string) {
  const p = await elementScreenPosition(page, elementId);
  await page.mouse.click(p.x, p.y);
}

async function editField(page: Page, name: string, value: string) {
  const input = inspector(page).locator(`input[name="${name}"]`);
  await input.fill(value);
  await input.press('Enter');
}

describe('editing', () => {
  it('a drag commits once, on release, and survives a reload', async () => {
    const page = s.page;
    const before = await state<{ x: number; y: number }>(page, "(st) => st.doc.entities.find((e) => e.id === 'zozo').position");
    const from = await elementScreenPosition(page, 'e:zozo');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 8 * i, from.y + 5 * i);
    await page.mouse.up();
    await expect.poll(() => state<number>(page, '(st) => st.past.length')).toBe(1);
    const after = await state<{ x: number; y: number }>(page, "(st) => st.doc.entities.find((e) => e.id === 'zozo').position");
    expect(after.x).not.toBe(before.x);
    expect(after.y).not.toBe(before.y);
    // Autosave writes the moved position (IndexedDB), and the reload reads it back.
    const savedAt = async () => JSON.parse((await savedWork(page)) ?? '{}').doc?.entities.find((e: { id: string }) => e.id === 'zozo')?.position;
    await expect.poll(savedAt).toEqual(after);
    await page.reload();
    await waitDrawn(page);
    expect(await state(page, "(st) => st.doc.entities.find((e) => e.id === 'zozo').position")).toEqual(after);
    const drawn = await page.evaluate(() => (document.querySelector('.graph') as unknown as { _cyreg: { cy: { getElementById(i: string): { position(): unknown } } } })._cyreg.cy.getElementById('e:zozo').position());
    expect(drawn).toEqual(after);
  });

  it('refuses a stake that takes A Holdings above 100%, says why, and changes nothing', async () => {
    const page = s.page;
    await clickElement(page, 'h:h-naver-ahd');
    await expect.poll(() => state(page, '(st) => st.selection')).toEqual({ kind: 'holding', id: 'h-naver-ahd' });
    const doc = await state<string>(page, '(st) => JSON.stringify(st.doc)');
    await editField(page, 'shares', '80');
    const alert = page.getByTestId('message-error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/A Holdings Corporation.*sum to 130% of shares.*more than 100%/);
    expect(await inspector(page).locator('.field.invalid').count()).toBe(1);
    expect(await state<string>(page, '(st) => JSON.stringify(st.doc)')).toBe(doc);
    expect(await drawnLabel(page, 'h:h-naver-ahd')).toBe('50%');
    await shot(page, 'invalid-stake');
    for (const [bad, why] of [['-5', /at least 0/], ['abc', /number/]] as const) {
      await editField(page, 'shares', bad);
      await expect.poll(() => alert.textContent()).toMatch(why);
      expect(await shares(page, 'h-naver-ahd')).toBe(50);
    }
    await editField(page, 'since', '2021-02-30');
    await expect.poll(() => alert.textContent()).toMatch(/date/);
    await inspector(page).locator('input[name="since"]').press('Escape');
    await inspector(page).locator('input[name="shares"]').press('Escape');
    expect(await state<string>(page, '(st) => JSON.stringify(st.doc)')).toBe(doc);
  });

  it('editing stakes updates the drawing and the control panel live', async () => {
    const page = s.page;
    await page.getByLabel('Control rule').selectOption('votes');
    await clickElement(page, 'h:h-naver-ahd');
    await expect.poll(() => inspector(page).getByTestId('confers').textContent()).toBe('Part of the joint control of A Holdings Corporation by NAVER Corporation and SoftBank Corp.');
    await editField(page, 'shares', '40');
    await expect.poll(() => shares(page, 'h-naver-ahd')).toBe(40);
    await expect.poll(() => drawnLabel(page, 'h:h-naver-ahd')).toBe('40%');
    await clickElement(page, 'h:h-sbkk-ahd');
    await expect.poll(() => state(page, '(st) => st.selection')).toEqual({ kind: 'holding', id: 'h-sbkk-ahd' });
    await editField(page, 'shares', '60');
    await expect.poll(() => inspector(page).getByTestId('confers').textContent()).toBe('Confers control of A Holdings Corporation on SoftBank Corp.');
    await findEntity(page, 'LY Corporation');
    await expect.poll(() => inspector(page).getByTestId('ultimate').textContent()).toBe('SoftBank Corp.');
    await shot(page, 'after-stake-edit');
  });

  it('undo and redo: Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the buttons', async () => {
    const page = s.page;
    const panel = inspector(page);
    // Two edits to undo: NAVER down to 40%, SoftBank Corp. up to 60% of A Holdings, under votes only, LY selected.
    await page.getByLabel('Control rule').selectOption('votes');
    await state(page, "(st) => st.commit({ type: 'updateHolding', id: 'h-naver-ahd', changes: { shares: 40 } })");
    await state(page, "(st) => st.commit({ type: 'updateHolding', id: 'h-sbkk-ahd', changes: { shares: 60 } })");
    await findEntity(page, 'LY Corporation');
    await expect.poll(() => panel.getByTestId('ultimate').textContent()).toBe('SoftBank Corp.');
    await page.locator('.graph').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => shares(page, 'h-sbkk-ahd')).toBe(50);
    await expect.poll(() => panel.getByTestId('ultimate').textContent()).toBe('NAVER Corporation and SoftBank Corp.');
    await page.keyboard.press('Control+z');
    await expect.poll(() => shares(page, 'h-naver-ahd')).toBe(50);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => shares(page, 'h-naver-ahd')).toBe(40);
    await page.keyboard.press('Control+y');
    await expect.poll(() => shares(page, 'h-sbkk-ahd')).toBe(60);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => shares(page, 'h-naver-ahd')).toBe(50);
    await page.getByRole('button', { name: /^Redo/ }).click();
    await expect.poll(() => shares(page, 'h-naver-ahd')).toBe(40);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => drawnLabel(page, 'h:h-naver-ahd')).toBe('50%');
  });

  it('draws a new holding by dragging in "add holding" mode, then deletes it with the Delete key', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Fit the graph to the view' }).click();
    await settle(page); // the drag starts where the nodes are once the view stops moving
    await page.getByRole('button', { name: '+ Holding' }).click();
    const from = await elementScreenPosition(page, 'e:blackrock');
    const to = await elementScreenPosition(page, 'e:zozo');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
    await page.mouse.up();
    await expect.poll(() => shares(page, 'h-blackrock-zozo')).toBe(10);
    expect(await state(page, '(st) => st.selection')).toEqual({ kind: 'holding', id: 'h-blackrock-zozo' });
    expect(await state(page, "(st) => st.doc.entities.find((e) => e.id === 'blackrock').position")).toBeTruthy();
    await page.getByRole('button', { name: '+ Holding' }).click();
    await shot(page, 'new-holding');
    await page.locator('.graph').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => shares(page, 'h-blackrock-zozo')).toBeUndefined();
  });

  it('adds an entity from the inspector; an empty name is refused', async () => {
    const page = s.page;
    expect(await state(page, '(st) => st.selection')).toBeNull();
    // With nothing selected the inspector starts folded at 1440 px: open it (as a user would) to reach the form.
    await page.getByRole('button', { name: 'Open the Inspector panel' }).click();
    const count = await state<number>(page, '(st) => st.doc.entities.length');
    const form = page.getByRole('form', { name: 'Add an entity' });
    await form.getByRole('button', { name: 'Add entity' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/name.*must not be empty/i);
    expect(await state<number>(page, '(st) => st.doc.entities.length')).toBe(count);
    await form.getByLabel('New entity name').fill('Example Holdings <b>GK</b>');
    await form.getByRole('button', { name: 'Add entity' }).click();
    await expect.poll(() => state<number>(page, '(st) => st.doc.entities.length')).toBe(count + 1);
    await expect.poll(() => page.evaluate(() => window.__explorer!.stats.nodes)).toBe(count + 1);
    expect(await inspector(page).getByRole('heading', { level: 2 }).textContent()).toBe('Entity: Example Holdings <b>GK</b>');
    await shot(page, 'added-entity');
  });

  it('Shift+drag from one entity to another also draws a holding', async () => {
    const page = s.page;
    const from = await elementScreenPosition(page, 'e:nps');
    const to = await elementScreenPosition(page, 'e:askul');
    const at = "(st) => st.doc.entities.find((e) => e.id === 'nps').position";
    const before = await state(page, at);
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => shares(page, 'h-nps-askul')).toBe(10);
    expect(await state(page, at)).toEqual(before); // the drag drew a holding; it did not move the node
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => shares(page, 'h-nps-askul')).toBeUndefined();
  });

  it('re-layout commits every position as one undo step', async () => {
    const page = s.page;
    // A node dragged far away, so that the layout has something to put back.
    await state(page, "(st) => st.commit({ type: 'moveEntity', id: 'zozo', position: { x: 4000, y: 4000 } })");
    const steps = await state<number>(page, '(st) => st.past.length');
    const before = await state<string>(page, '(st) => JSON.stringify(st.doc.entities.map((e) => e.position))');
    await page.getByRole('button', { name: 'Re-layout' }).click();
    // ELK runs twice on a small graph (top-down and left-right, the one drawn larger wins): allow a loaded machine time.
    await expect.poll(() => state<number>(page, '(st) => st.past.length'), { timeout: 15_000 }).toBe(steps + 1);
    expect(await state<string>(page, '(st) => JSON.stringify(st.doc.entities.map((e) => e.position))')).not.toBe(before);
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect(await state<string>(page, '(st) => JSON.stringify(st.doc.entities.map((e) => e.position))')).toBe(before);
  });
});
