// The overview of a large graph (the 1,000-entity sample, the smallest too big to read whole): the minimap is shown in
// a strip of its own, covers no drawn entity, frames the visible part, and a click or a drag on it moves the view there.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { H, mapping, read, W, type View } from './minimapView';
import { shot } from './browser';
import { seen } from './readable';
import { appSession } from './session';

const s = appSession('?sample=1000');

/** Share of sample points along the expected viewport rectangle's edges where the minimap has drawn its blue frame. */
async function frameDrawnAt(page: Page, v: View): Promise<number> {
  const m = mapping(v);
  const a = m.toMini(v.extent.x1, v.extent.y1), b = m.toMini(v.extent.x2, v.extent.y2);
  const pts: [number, number][] = [];
  for (let t = 0.1; t <= 0.9; t += 0.1) {
    const x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
    pts.push([x, a.y], [x, b.y], [a.x, y], [b.x, y]);
  }
  const inside = pts.filter(([x, y]) => x >= 1 && x < W - 1 && y >= 1 && y < H - 1);
  expect(inside.length).toBeGreaterThan(8);
  return page.evaluate(`((pts) => {
    const c = document.querySelector('canvas.minimap').getContext('2d');
    const dpr = c.canvas.width / ${W}; // the backing store follows the device pixel ratio
    const blue = (x, y) => { const [r, g, b] = c.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data; return b > 180 && r < 120 && g < 160 && b - r > 100; };
    // The frame is a 1.5 px antialiased line: the nearest pixel or one beside it.
    let hits = 0;
    for (const [x, y] of pts) { let hit = false; for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) hit ||= blue(Math.round(x) + dx, Math.round(y) + dy); if (hit) hits++; }
    return hits / pts.length;
  })(${JSON.stringify(inside)})`) as Promise<number>;
}

describe('minimap on the 1,000-entity sample', () => {
  it('is shown in a strip of its own, beside the graph: every drawn entity in view is on the graph canvas', async () => {
    const page = s.page;
    await page.locator('.minimap-dock').waitFor({ state: 'visible' });
    await page.waitForTimeout(300); // the overview gathers a layout burst after 100 ms
    const v = await read(page);
    expect(v.nodes.length).toBe(1000);
    // The minimap and the graph's canvas do not overlap.
    expect(v.mini.left).toBeGreaterThanOrEqual(v.graph.right);
    const inView = (await seen(page)).filter((x) => x.inView);
    expect(inView.length).toBeGreaterThan(10);
    expect(inView.filter((x) => !x.hit)).toEqual([]);
    // It frames the visible part.
    expect(await frameDrawnAt(page, v)).toBeGreaterThan(0.8);
    await shot(page, 'minimap-1000');
  });

  it('a click on it centres the view on that point; a drag follows the pointer', async () => {
    const page = s.page;
    await page.locator('.minimap-dock').waitFor({ state: 'visible' });
    await page.waitForTimeout(300); // the overview gathers a layout burst after 100 ms
    const v0 = await read(page);
    const m = mapping(v0);
    // A node far from the view's centre.
    const far = v0.nodes.reduce((best, n) => (Math.hypot(n.x - v0.centre.x, n.y - v0.centre.y) > Math.hypot(best.x - v0.centre.x, best.y - v0.centre.y) ? n : best));
    const target = m.toPage(far.x, far.y);
    await page.mouse.click(target.x, target.y);
    const v1 = await read(page);
    // One minimap pixel is 1/scale model units: the view's centre lands on the clicked point within a pixel.
    const tol = 1.5 / m.scale;
    expect(Math.abs(v1.centre.x - far.x)).toBeLessThan(tol);
    expect(Math.abs(v1.centre.y - far.y)).toBeLessThan(tol);
    expect(Math.hypot(v1.centre.x - v0.centre.x, v1.centre.y - v0.centre.y)).toBeGreaterThan(10 * tol);
    expect(await frameDrawnAt(page, v1)).toBeGreaterThan(0.8);

    // Drag from there to the minimap's centre, in steps: the view follows and stays where the pointer let go.
    const end = { x: v1.mini.left + v1.border + W / 2, y: v1.mini.top + v1.border + H / 2 };
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    await page.mouse.move((target.x + end.x) / 2, (target.y + end.y) / 2, { steps: 4 });
    const mid = await read(page);
    await page.mouse.move(end.x, end.y, { steps: 4 });
    await page.mouse.up();
    const v2 = await read(page);
    const xs = v1.nodes.map((n) => n.x), ys = v1.nodes.map((n) => n.y);
    const want = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 }; // the minimap's centre
    expect(Math.abs(v2.centre.x - want.x)).toBeLessThan(tol);
    expect(Math.abs(v2.centre.y - want.y)).toBeLessThan(tol);
    // Half-way through the drag the view was half-way too.
    expect(Math.abs(mid.centre.x - (far.x + want.x) / 2)).toBeLessThan(2 * tol);
    expect(await frameDrawnAt(page, v2)).toBeGreaterThan(0.8);
    // The view stays where the user put it (no automatic re-framing takes it back).
    await page.waitForTimeout(500);
    const v3 = await read(page);
    expect(v3.centre).toEqual(v2.centre);
    await shot(page, 'minimap-1000-after-drag');
  });
});
