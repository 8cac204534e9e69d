// Times stake edits in the page: commits edits with Enter in the inspector's shares field (a holding must be
// selected) and returns the median times from the keypress to the diff applied and to the painted frame.
import type { Page } from 'playwright-core';

export const EDITS = 15;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** EDITS edits, alternating the stake by half a point; `gapMs` lets what an edit started settle before the next. */
export async function timeEdits(page: Page, gapMs = 0): Promise<{ apply: number; paint: number }> {
  const input = page.locator('input[name="shares"]');
  await input.waitFor();
  const start = Number(await input.inputValue());
  const applies: number[] = [], paints: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    await input.fill(String(i % 2 === 0 ? Math.max(0, start - 0.5) : start));
    const r = await page.evaluate(async () => {
      const el = document.querySelector('input[name="shares"]') as HTMLInputElement;
      const s = window.__explorer!.stats;
      const t0 = performance.now();
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      while (!(s.lastApplyEnd > t0 && s.lastRenderAt > s.lastApplyEnd)) await new Promise((res) => requestAnimationFrame(res));
      return { apply: s.lastApplyEnd - t0, paint: s.lastRenderAt - t0 };
    });
    applies.push(r.apply);
    paints.push(r.paint);
    if (gapMs) await page.waitForTimeout(gapMs);
  }
  return { apply: median(applies), paint: median(paints) };
}
