// What a person sees of the drawn entities: for each, the rendered font size (style font size × zoom), whether its
// centre is inside the visible canvas, and whether document.elementFromPoint there hits the graph's canvas (not an
// overlay). Shared by the workspace and framing tests.
import type { Page } from 'playwright-core';

export interface Seen {
  id: string;
  px: number;
  inView: boolean;
  hit: boolean;
}

/** Reads every drawn entity (or only `ids`) of the graph in `selector`. */
export function seen(page: Page, ids?: string[], selector = '.graph'): Promise<Seen[]> {
  return page.evaluate(([want, sel]) => {
    type N = { data(k: string): string; renderedPosition(): { x: number; y: number }; style(k: string): string };
    const el = document.querySelector(sel as string) as HTMLElement & { _cyreg: { cy: { zoom(): number; nodes(s: string): { forEach(f: (n: N) => void): void } } } };
    const cy = el._cyreg.cy;
    const r = el.getBoundingClientRect();
    const out: { id: string; px: number; inView: boolean; hit: boolean }[] = [];
    cy.nodes('.entity').forEach((n) => {
      const id = n.data('ref');
      if (want && !(want as string[]).includes(id)) return;
      const p = n.renderedPosition();
      const x = r.left + p.x, y = r.top + p.y;
      const inView = x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      const hit = document.elementFromPoint(x, y);
      out.push({ id, px: Math.round(parseFloat(n.style('font-size')) * cy.zoom() * 100) / 100, inView, hit: !!hit && hit.tagName === 'CANVAS' && el.contains(hit) });
    });
    return out;
  }, [ids ?? null, selector] as const);
}

/** The entities not drawn readable and unobstructed (an empty list is the pass). */
export async function unreadable(page: Page, ids?: string[], selector?: string): Promise<Seen[]> {
  return (await seen(page, ids, selector)).filter((s) => s.px < 10 || !s.inView || !s.hit);
}

/** Waits until no graph's viewport is animating (framing takes ≤ 400 ms; on a loaded machine, longer). */
export function viewStill(page: Page) {
  return page.waitForFunction(() => [...document.querySelectorAll('.graph')].every((g) => !(g as unknown as { _cyreg: { cy: { animated(): boolean } } })._cyreg.cy.animated()), undefined, { timeout: 30_000 });
}

/** Waits until a framing animation that may have just begun (it starts within a frame or two) has ended. */
export async function settle(page: Page) {
  await page.waitForTimeout(450);
  await viewStill(page);
}
