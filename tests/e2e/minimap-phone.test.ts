// The overview on a phone held upright (390×844): a strip at the canvas's side would take most of its width, so the
// overview docks along the bottom. The graph's canvas keeps the full width, the overview takes under a quarter of the
// height, no drawn entity in view sits under it, and a click on it still centres the view there.
import { expect, it } from 'vitest';
import { shot } from './browser';
import { mapping, read } from './minimapView';
import { seen } from './readable';
import { appSession } from './session';

const s = appSession({ query: '?sample=1000', viewport: { width: 390, height: 844 } });

it('docks below the canvas, which keeps its width; a click on it centres the view', async () => {
  const page = s.page;
  await page.locator('.minimap-dock').waitFor({ state: 'visible' });
  await page.waitForTimeout(300); // the overview gathers a layout burst after 100 ms
  const v = await read(page);
  const side = (await page.locator('.graph-side').boundingBox())!;
  const dock = (await page.locator('.minimap-dock').boundingBox())!;
  expect(v.graph.width).toBeGreaterThan(side.width - 1);
  expect(dock.y).toBeGreaterThanOrEqual(v.graph.bottom - 0.5);
  expect(dock.height).toBeLessThan(side.height / 4); // the strip at the side took three fifths of the width
  // The title and hint sit beside the map, inside the dock.
  const hint = (await page.locator('.minimap-hint').boundingBox())!;
  expect(hint.x).toBeGreaterThanOrEqual(v.mini.right);
  expect(hint.x + hint.width).toBeLessThanOrEqual(dock.x + dock.width + 0.5);
  const inView = (await seen(page)).filter((x) => x.inView);
  expect(inView.filter((x) => !x.hit)).toEqual([]);
  await shot(page, 'minimap-phone-390x844');

  const m = mapping(v);
  const far = v.nodes.reduce((best, n) => (Math.hypot(n.x - v.centre.x, n.y - v.centre.y) > Math.hypot(best.x - v.centre.x, best.y - v.centre.y) ? n : best));
  const target = m.toPage(far.x, far.y);
  await page.mouse.click(target.x, target.y);
  const after = await read(page);
  const tol = 1.5 / m.scale;
  expect(Math.abs(after.centre.x - far.x)).toBeLessThan(tol);
  expect(Math.abs(after.centre.y - far.y)).toBeLessThan(tol);
});
