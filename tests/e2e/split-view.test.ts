// E2E: the split view at 1280×720 fits both sides — every node of each side inside its own pane, with the inspector
// closed and open (once 8 of 28 nodes per side were out of view, 14 with the inspector open) — and its legend explains
// both sides: which side it shows on which (one above the other when the inspector narrows the pane and that draws
// the wide graph bigger), each side's colours, and the outline that marks what changed. A selection
// of several entities shows on both sides.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from './browser';
import { settle } from './readable';
import { appSession } from './session';

/** For each side (left, right): how many nodes it draws and the ids of those not wholly inside its pane. */
function outOfView(page: Page): Promise<{ nodes: number; out: string[] }[]> {
  return page.evaluate(() =>
    ['before', 'after'].map((side) => {
      const g = document.querySelector(`.graph-side[data-side="${side}"] .graph`) as HTMLElement;
      type N = { id(): string; renderedBoundingBox(o: object): { x1: number; y1: number; x2: number; y2: number } };
      const cy = (g as unknown as { _cyreg: { cy: { width(): number; height(): number; nodes(s: string): { toArray(): N[] } } } })._cyreg.cy;
      const nodes = cy.nodes('.entity').toArray();
      const out = nodes.filter((n) => {
        const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false, includeOutlines: false });
        return b.x1 < 0 || b.y1 < 0 || b.x2 > cy.width() || b.y2 > cy.height();
      });
      return { nodes: nodes.length, out: out.map((n) => n.id()) };
    }),
  );
}

/** Applies "SoftBank acquires majority" and opens the split view. */
async function openSplit(page: Page): Promise<void> {
  await page.getByRole('complementary', { name: 'Simulate' }).getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
  await page.getByRole('button', { name: 'Split view' }).click();
  await page.locator('.graph.mirror').waitFor();
  await settle(page);
}

describe('split view at 1280×720', () => {
  const s = appSession({ viewport: { width: 1280, height: 720 }, prepare: (c) => c.addInitScript(() => localStorage.setItem('ownership-explorer:simulate-open', '1')) });

  it('each side fits its whole graph, with the inspector closed and open; the legend explains both sides', async () => {
    const page = s.page;
    await openSplit(page);
    const fits = async () => {
      await expect.poll(() => outOfView(page), { timeout: 10_000 }).toEqual([
        { nodes: expect.any(Number), out: [] },
        { nodes: expect.any(Number), out: [] },
      ]);
      const [left, right] = await outOfView(page);
      expect(left.nodes).toBeGreaterThan(20);
      expect(right.nodes).toBe(left.nodes);
    };
    await fits();
    await shot(page, 'split-view-1280');
    const legend = page.getByRole('region', { name: 'Legend' });
    expect(await page.getByTestId('legend-side').textContent()).toBe('Left: base · right: scenario: SoftBank acquires majority · 2024-09-30');
    expect(await page.getByTestId('legend-changed').textContent()).toContain('changed between left and right');
    expect(await legend.textContent()).toContain('Colour = ultimate controller');
    expect(await page.locator('.canvas-body.split.stacked').count()).toBe(0);
    // The base side's zoom, and the zoom that would fit its drawing into half the pane's width, side by side.
    const zooms = () =>
      page.evaluate(() => {
        type Cy = { zoom(): number; nodes(s: string): { boundingBox(o: object): { w: number; h: number } } };
        const cy = (document.querySelector('.graph-side[data-side="before"] .graph') as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
        const body = document.querySelector('.canvas-body') as HTMLElement;
        const b = cy.nodes('.entity').boundingBox({ includeLabels: false });
        // As canvas/frame.ts fits: 28 px margins on every side.
        return { zoom: cy.zoom(), sideBySide: Math.min((body.clientWidth / 2 - 56) / b.w, (body.clientHeight - 56) / b.h) };
      });
    // The inspector narrows the pane: LY's wide drawing is drawn bigger with the base above the scenario, and the legend
    // says which is which.
    await page.getByRole('button', { name: 'Open the Inspector panel' }).click();
    await settle(page);
    await fits();
    await expect.poll(() => page.locator('.canvas-body.split.stacked').count()).toBe(1);
    expect(await page.getByTestId('legend-side').textContent()).toBe('Top: base · bottom: scenario: SoftBank acquires majority · 2024-09-30');
    const { zoom, sideBySide } = await zooms();
    expect(zoom).toBeGreaterThan(1.25 * sideBySide);
    await shot(page, 'split-view-1280-inspector');
  });

  it('shows every selected entity on both sides, not only the primary one', async () => {
    const page = s.page;
    const selected = () =>
      page.evaluate(() =>
        ['before', 'after'].map((side) => {
          const g = document.querySelector(`.graph-side[data-side="${side}"] .graph`) as unknown as { _cyreg: { cy: { $(s: string): { map(f: (e: { id(): string }) => string): string[] } } } };
          return g._cyreg.cy.$(':selected').map((e) => e.id()).sort();
        }),
      );
    await openSplit(page);
    await page.evaluate(() => {
      type Sel = { kind: 'entity'; id: string };
      const st = window.__explorer!.getState() as unknown as { select(s: Sel): void; toggleSelect(s: Sel): void };
      st.select({ kind: 'entity', id: 'naver' });
      st.toggleSelect({ kind: 'entity', id: 'sbkk' });
    });
    await expect.poll(selected).toEqual([
      ['e:naver', 'e:sbkk'],
      ['e:naver', 'e:sbkk'],
    ]);
    await settle(page);
    await shot(page, 'split-view-multi-select');
  });
});
