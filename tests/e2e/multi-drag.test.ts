// E2E: selecting several entities as a person does — a click, then Shift+click (Ctrl/Cmd work alike), or Shift+drag a
// box on the background — and dragging one of them with the mouse: Cytoscape fires one `dragfree` per node, and the
// canvas gathers them into one moveEntities (canvas/interactions.ts), so all move by the same offset, in one undo step.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { elementScreenPosition, shot, state } from './browser';
import { settle } from './readable';
import { appSession } from './session';

const s = appSession();
type Pos = { x: number; y: number };
const position = (page: Page, id: string) => state<Pos>(page, `(st) => st.doc.entities.find((e) => e.id === '${id}').position`);
/** The entities Cytoscape shows selected (what a grab drags). */
const selectedInCanvas = (page: Page) =>
  page.evaluate(() => (document.querySelector('.graph') as unknown as { _cyreg: { cy: { $(s: string): { map(f: (e: { id(): string }) => string): string[] } } } })._cyreg.cy.$('node.entity:selected').map((e) => e.id()).sort());
/** The store's selection: the primary entity's id and the others. */
const selected = (page: Page) => state<[string | null, string[]]>(page, '(st) => [st.selection && st.selection.id, st.others.slice().sort()]');
/** A node's box on the page. */
const boxOf = (page: Page, id: string) =>
  page.evaluate((eid) => {
    const el = document.querySelector('.graph') as HTMLElement;
    const cy = (el as unknown as { _cyreg: { cy: { getElementById(x: string): { renderedBoundingBox(o: object): { x1: number; y1: number; x2: number; y2: number } } } } })._cyreg.cy;
    const b = cy.getElementById(eid).renderedBoundingBox({ includeLabels: false });
    const r = el.getBoundingClientRect();
    return { x1: r.left + b.x1, y1: r.top + b.y1, x2: r.left + b.x2, y2: r.top + b.y2 };
  }, id);

/** Drags with the mouse from `from` by (dx, dy), in small steps as a hand does. */
async function drag(page: Page, from: Pos, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
  await page.mouse.up();
}

describe('multi-node selection and drag', () => {
  it('click, Shift+click, then dragging one drags both by the same offset, as one undo step', async () => {
    const page = s.page;
    await settle(page);
    const ids = ['zozo', 'askul'];
    const before = await Promise.all(ids.map((id) => position(page, id)));
    const zozo0 = await elementScreenPosition(page, 'e:zozo');
    await page.mouse.click(zozo0.x, zozo0.y);
    // The inspector opens beside the canvas, which frames the graph again: positions are read once it is still.
    await settle(page);
    const askul = await elementScreenPosition(page, 'e:askul');
    await page.keyboard.down('Shift');
    await page.mouse.click(askul.x, askul.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => selected(page)).toEqual(['askul', ['zozo']]);
    expect(await selectedInCanvas(page)).toEqual(['e:askul', 'e:zozo']);
    await expect.poll(() => page.getByTestId('inspector-many').textContent()).toMatch(/^2 entities selected/);
    // Shift+click on a selected entity leaves it out; again, and it is back.
    await page.keyboard.down('Shift');
    await page.mouse.click(askul.x, askul.y);
    await expect.poll(() => selected(page)).toEqual(['zozo', []]);
    expect(await selectedInCanvas(page)).toEqual(['e:zozo']);
    await page.mouse.click(askul.x, askul.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => selected(page)).toEqual(['askul', ['zozo']]);
    // Selecting is not an edit.
    const steps = await state<number>(page, '(st) => st.past.length');
    await shot(page, 'multi-select');

    // Drag zozo; askul, selected with it, goes along.
    await settle(page);
    await drag(page, await elementScreenPosition(page, 'e:zozo'), 40, -45);
    await expect.poll(() => state<number>(page, '(st) => st.past.length')).toBe(steps + 1);
    const entry = await state<{ action: string; change: { type: string; positions: Record<string, Pos> } }>(page, '(st) => st.past.at(-1)');
    expect(entry.change.type).toBe('moveEntities');
    expect(Object.keys(entry.change.positions).sort()).toEqual(['askul', 'zozo']);
    const after = await Promise.all(ids.map((id) => position(page, id)));
    const offset = (i: number) => ({ x: after[i].x - before[i].x, y: after[i].y - before[i].y });
    expect(Math.hypot(offset(0).x, offset(0).y)).toBeGreaterThan(20);
    // The same offset for both (positions are rounded to whole model units when committed).
    expect(Math.abs(offset(1).x - offset(0).x)).toBeLessThanOrEqual(1);
    expect(Math.abs(offset(1).y - offset(0).y)).toBeLessThanOrEqual(1);
    // Both stay selected after the drag.
    expect(await selected(page)).toEqual(['askul', ['zozo']]);
    await shot(page, 'multi-drag');

    // One undo puts both back.
    await page.locator('.graph').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => state<number>(page, '(st) => st.past.length')).toBe(steps);
    expect(await Promise.all(ids.map((id) => position(page, id)))).toEqual(before);
  });

  it('Shift+drag on the background draws a box that selects the entities it covers; a drag then moves them all', async () => {
    const page = s.page;
    await settle(page);
    // ASKUL and LINE Plus sit at the left edge of LY's chart, one above the other: a box from the empty left margin
    // around both takes them (Cytoscape selects the nodes a box contains).
    const a = await boxOf(page, 'e:askul');
    const p = await boxOf(page, 'e:lineplus');
    const from = { x: Math.min(a.x1, p.x1) - 12, y: Math.min(a.y1, p.y1) - 8 };
    const to = { x: Math.max(a.x2, p.x2) + 8, y: Math.max(a.y2, p.y2) + 8 };
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(async () => (await selected(page)).flat().flat().sort()).toEqual(['askul', 'lineplus']);
    expect(await selectedInCanvas(page)).toEqual(['e:askul', 'e:lineplus']);
    await shot(page, 'box-select');
    await settle(page); // the inspector opened: the graph is framed again
    const before = await Promise.all(['askul', 'lineplus'].map((id) => position(page, id)));
    const steps = await state<number>(page, '(st) => st.past.length');
    await drag(page, await elementScreenPosition(page, 'e:lineplus'), 60, 40);
    await expect.poll(() => state<number>(page, '(st) => st.past.length')).toBe(steps + 1);
    const after = await Promise.all(['askul', 'lineplus'].map((id) => position(page, id)));
    expect(after[0].x - before[0].x).toBeGreaterThan(20);
    expect(Math.abs(after[0].x - before[0].x - (after[1].x - before[1].x))).toBeLessThanOrEqual(1);
    expect(Math.abs(after[0].y - before[0].y - (after[1].y - before[1].y))).toBeLessThanOrEqual(1);
  });

  it('arrow keys move every selected entity, one undo step per gesture', async () => {
    const page = s.page;
    await settle(page);
    const zozo = await elementScreenPosition(page, 'e:zozo');
    await page.mouse.click(zozo.x, zozo.y);
    await settle(page);
    const askul = await elementScreenPosition(page, 'e:askul');
    await page.keyboard.down('Shift');
    await page.mouse.click(askul.x, askul.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => selected(page)).toEqual(['askul', ['zozo']]);
    const ids = ['zozo', 'askul'];
    const before = await Promise.all(ids.map((id) => position(page, id)));
    const steps = await state<number>(page, '(st) => st.past.length');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => Promise.all(ids.map((id) => position(page, id)))).toEqual(before.map((p) => ({ x: p.x + 20, y: p.y + 10 })));
    expect(await state<number>(page, '(st) => st.past.length')).toBe(steps + 1);
  });
});
