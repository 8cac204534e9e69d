// Seeing control move, at 1280×720 with the Simulate panel open: after every scenario button and after a transfer
// preview the changed entities are inside the visible canvas, readable (≥ 10 px) and under no overlay; under the
// Legal rule "SoftBank acquires majority" says NAVER's veto ends and SoftBank Corp.'s power goes to 100%, in the
// diff and in a callout on the canvas; the split view draws both sides; the inspector follows the
// side shown; small things (delete says what went with it, arrow keys, new entity placement).
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gotoApp, shot, state } from './browser';
import { settle, unreadable } from './readable';
import { appSession } from './session';

// Every test opens the app afresh at 1280×720 with the Simulate panel open (as the user left it).
const s = appSession({
  viewport: { width: 1280, height: 720 },
  // (Not on a new page's about:blank, whose storage is denied.)
  prepare: (context) => context.addInitScript(() => location.protocol.startsWith('http') && localStorage.setItem('ownership-explorer:simulate-open', '1')),
});
let page: Page;
beforeEach(async () => {
  page = s.page;
  await panel().waitFor();
});

const panel = () => page.getByRole('complementary', { name: 'Simulate' });

/** The drawn edge labels a callout lies over (their text), in page coordinates. */
async function labelsUnder(testId: string, on: Page = page): Promise<string[]> {
  const box = (await on.getByTestId(testId).boundingBox())!;
  return on.evaluate((c) => {
    const gs = document.querySelectorAll('.graph');
    const g = gs[gs.length - 1] as HTMLElement;
    const at = g.getBoundingClientRect();
    type E = { style(k: string): string; renderedBoundingBox(o: object): { x1: number; y1: number; x2: number; y2: number; w: number } };
    const cy = (g as unknown as { _cyreg: { cy: { edges(): { toArray(): E[] } } } })._cyreg.cy;
    const only = { includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false };
    return cy.edges().toArray().filter((e) => !!e.style('label')).filter((e) => {
      const b = e.renderedBoundingBox(only);
      const x1 = at.left + b.x1, x2 = at.left + b.x2, y1 = at.top + b.y1, y2 = at.top + b.y2;
      return b.w > 0 && x1 < c.x + c.width && c.x < x2 && y1 < c.y + c.height && c.y < y2;
    }).map((e) => e.style('label'));
  }, box);
}

/** Back to the base document, if a scenario is shown (each test states what it needs, whatever ran before). */
async function toBase() {
  const back = panel().getByRole('button', { name: 'Back to base' });
  if (await back.isVisible()) await back.click();
}

/** Applies "SoftBank acquires majority" (under the rule in force) and waits until it is the scenario shown. */
async function softbankMajority() {
  await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  await panel().getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
  await expect.poll(() => state<string | undefined>(page, '(st) => st.sim.scenario?.id')).toBe('softbank-majority');
}

/** Entities marked changed, and the ends of changed holdings, as drawn on the main canvas. */
const changed = () =>
  page.evaluate(() => {
    type Cy = { elements(s: string): { forEach(f: (e: { isNode(): boolean; data(k: string): string; connectedNodes(): { forEach(g: (n: { data(k: string): string }) => void): void } }) => void): void } };
    const graphs = document.querySelectorAll('.graph:not(.mirror)');
    const cy = (graphs[graphs.length - 1] as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    const ids = new Set<string>();
    cy.elements('.sim-changed').forEach((e) => {
      if (e.isNode()) ids.add(e.data('ref'));
      else e.connectedNodes().forEach((n) => ids.add(n.data('ref')));
    });
    return [...ids];
  });

const SCENARIOS = ['LY buyback 2024', 'NAVER sells 25% of A Holdings', 'SoftBank buys NAVER out', 'SoftBank acquires majority', 'Status quo after the July 2024 report', 'System separation: NAVER dependencies end'];

describe('frame the change', () => {
  it.each(SCENARIOS)('after "%s" the changed entities are in view and readable', async (title) => {
    await panel().getByRole('button', { name: title, exact: true }).click();
    await settle(page);
    const ids = await changed();
    if (title !== 'Status quo after the July 2024 report') expect(ids.length).toBeGreaterThan(0);
    expect(await unreadable(page, ids, '.graph:not(.mirror)')).toEqual([]);
    await shot(page, `frame-${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
  });

  it('after a transfer preview (A Holdings, NAVER → SoftBank Corp., 25 points) they are too', async () => {
    await toBase();
    await page.getByRole('tab', { name: 'Transfer', exact: true }).click();
    await panel().getByLabel('Company', { exact: true }).selectOption('ahd');
    await panel().getByLabel('Seller', { exact: true }).selectOption('naver');
    await panel().getByLabel('Buyer', { exact: true }).selectOption('sbkk');
    await page.getByLabel(/^Points of A Holdings/).fill('25');
    await page.getByText('Preview — not applied', { exact: true }).waitFor();
    await settle(page);
    const ids = await changed();
    expect(ids).toContain('ahd');
    expect(await unreadable(page, ids)).toEqual([]);
    await shot(page, 'frame-transfer-preview');
  });
});

describe('the timeline', () => {
  it('moving the view date frames the entities whose control changes, readable', async () => {
    await toBase();
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
    await page.getByLabel('View date', { exact: true }).fill('2021-06-30');
    await settle(page);
    expect(await unreadable(page, ['ahd', 'ly', 'sbkk', 'naver'])).toEqual([]);
    await shot(page, 'frame-timeline-2021');
    await page.getByLabel('View date', { exact: true }).fill('2024-09-30');
    await settle(page);
    await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  });
});

describe('the diff under Legal control', () => {
  it('"SoftBank acquires majority" names NAVER’s veto and SoftBank Corp.’s power, in words and on the canvas', async () => {
    await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
    await panel().getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
    const game = panel().getByTestId('diff-game');
    await expect.poll(() => game.textContent()).toContain("NAVER Corporation's veto over A Holdings Corporation ends");
    expect(await game.textContent()).toContain("SoftBank Corp.'s voting power in A Holdings Corporation: 50% → 100%");
    expect(await panel().getByTestId('diff-control').textContent()).toContain('No change in who controls what under Legal control; under Votes only it does');
    const callout = page.getByTestId('callout-ahd');
    await callout.waitFor();
    expect(await callout.textContent()).toContain('NAVER Corporation: veto ends');
    expect(await callout.textContent()).toContain('SoftBank Corp.: power 50% → 100%');
    // The callout lies inside the canvas and leaves A Holdings itself clickable.
    const box = (await callout.boundingBox())!, canvas = (await page.locator('.graph').boundingBox())!;
    expect(box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width + 1 && box.y + box.height <= canvas.y + canvas.height + 1).toBe(true);
    expect(await unreadable(page, ['ahd'])).toEqual([]);
    await settle(page);
    // It hides no stake or agreement label.
    expect(await labelsUnder('callout-ahd')).toEqual([]);
    await shot(page, 'diff-legal-softbank-majority');
    // Panned so that A Holdings is out of view, its callout goes too (no label pointing at nothing); back, it returns.
    const panBy = (dx: number) => page.evaluate((d) => {
      const gs = document.querySelectorAll('.graph');
      (gs[gs.length - 1] as unknown as { _cyreg: { cy: { panBy(p: { x: number; y: number }): void } } })._cyreg.cy.panBy({ x: d, y: 0 });
    }, dx);
    await panBy(5000);
    await expect.poll(() => callout.isVisible()).toBe(false);
    await panBy(-5000);
    await expect.poll(() => callout.isVisible()).toBe(true);
  });

  it('on a full-HD screen the callout hides no edge label (it once lay over "62.5%" and "50%")', async () => {
    const big = await s.context.newPage();
    await big.setViewportSize({ width: 1920, height: 1080 });
    await gotoApp(big, inject('baseUrl'));
    await big.getByRole('complementary', { name: 'Simulate' }).getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
    await big.getByTestId('callout-ahd').waitFor();
    await settle(big);
    await expect.poll(() => labelsUnder('callout-ahd', big)).toEqual([]);
    await big.close();
  });
});

describe('one truth per view', () => {
  it('on the base side the inspector, the legend and the canvas all describe the base', async () => {
    await softbankMajority();
    await page.getByRole('button', { name: 'Base', exact: true }).click();
    await page.evaluate(() => window.__explorer!.getState().select({ kind: 'entity', id: 'ahd' }));
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.getByTestId('inspector-side').textContent()).toContain('the base, before the change, on 2024-09-30');
    expect(await page.getByTestId('legend-side').textContent()).toBe('Base: 2024-09-30');
    // The base's voting game on A Holdings: 50/50, both with a veto (the scenario's is 100/0).
    const power = await inspector.getByRole('table', { name: /Voting power/ }).textContent();
    expect(power).toContain('50.00%');
    expect(await inspector.textContent()).toContain('Veto players: NAVER Corporation and SoftBank Corp.');
    expect(await inspector.getByRole('form').count()).toBe(0);
    await settle(page);
    await shot(page, 'inspector-base-side');
    await page.getByRole('button', { name: 'Scenario', exact: true }).click();
    await expect.poll(() => inspector.getByTestId('inspector-side').count()).toBe(0);
    expect(await inspector.textContent()).toContain('Veto players: SoftBank Corp.');
    expect(await page.getByTestId('legend-side').textContent()).toBe('Shown: 2024-09-30');
  });
});

describe('split view', () => {
  it('draws base and scenario side by side, changes marked on both sides (each side fits its pane: split-view.test.ts)', async () => {
    await softbankMajority();
    await page.getByRole('button', { name: 'Split view' }).click();
    await page.locator('.graph.mirror').waitFor();
    await settle(page);
    // The legend names both sides, the scenario by its own title.
    expect(await page.getByTestId('legend-side').textContent()).toBe('Left: base · right: scenario: SoftBank acquires majority · 2024-09-30');
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('.graph')].map((g) => (g as unknown as { _cyreg: { cy: { elements(s: string): { length: number } } } })._cyreg.cy.elements('.sim-changed').length),
    );
    expect(marked[0]).toBeGreaterThan(0);
    expect(marked[1]).toBeGreaterThan(0);
    await shot(page, 'split-view');
    await page.getByRole('button', { name: 'Split view' }).click();
    await expect.poll(() => page.locator('.graph').count()).toBe(1);
  });
});

describe('why this figure', () => {
  it('the inspector explains NAVER’s look-through stake in LY as the path that makes it', async () => {
    await toBase();
    await page.evaluate(() => window.__explorer!.getState().select({ kind: 'entity', id: 'ly' }));
    const why = page.getByRole('complementary', { name: 'Inspector' }).getByTestId('why-figures');
    await expect.poll(() => why.textContent()).toContain('NAVER Corporation → A Holdings Corporation 50% × A Holdings Corporation → LY Corporation 62.50% = 31.25%');
    await why.scrollIntoViewIfNeeded();
    await shot(page, 'why-this-figure');
  });
});

describe('small things', () => {
  it('deleting NAVER says what went with it, and Undo brings it back', async () => {
    await toBase();
    await page.evaluate(() => window.__explorer!.getState().select({ kind: 'entity', id: 'naver' }));
    await page.getByRole('button', { name: 'Delete this entity' }).click();
    const notice = page.getByTestId('message-notice');
    await expect.poll(() => notice.textContent()).toContain('NAVER Corporation, 7 holdings and 1 dependency deleted.');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => state<boolean>(page, "(st) => st.doc.entities.some((e) => e.id === 'naver')")).toBe(true);
  });

  it('arrow keys move the selected entity, one undo step per gesture', async () => {
    await page.evaluate(() => window.__explorer!.getState().select({ kind: 'entity', id: 'zozo' }));
    const at = () => state<{ x: number; y: number }>(page, "(st) => st.doc.entities.find((e) => e.id === 'zozo').position");
    const p0 = await at();
    const steps = await state<number>(page, '(st) => st.past.length');
    await page.locator('.graph').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect.poll(at).toEqual({ x: p0.x + 20, y: p0.y + 10 });
    expect(await state<number>(page, '(st) => st.past.length')).toBe(steps + 1);
  });

  it('a new entity goes beside the selection, on no node', async () => {
    await page.evaluate(() => window.__explorer!.getState().select(null));
    await page.evaluate(() => window.__explorer!.getState().select({ kind: 'entity', id: 'ly' }));
    await page.getByRole('button', { name: 'Close the inspector' }).click();
    const form = page.getByRole('form', { name: 'Add an entity' });
    await form.getByLabel('New entity name').fill('Newco');
    await form.getByRole('button', { name: 'Add entity' }).click();
    const clash = await state<string[]>(page, `(st) => {
      const n = st.doc.entities.find((e) => e.name === 'Newco');
      return st.doc.entities.filter((e) => e !== n && e.position && Math.abs(e.position.x - n.position.x) < 140 && Math.abs(e.position.y - n.position.y) < 50).map((e) => e.id);
    }`);
    expect(clash).toEqual([]);
  });
});
