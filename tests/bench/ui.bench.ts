// UI benchmark: builds the app, serves it, opens headless Chromium and prints figures — time from navigation to a
// drawn graph, and from a stake edit to the updated drawing — on the LY
// dataset and on generated graphs (?sample=N). It prints figures; it never fails on speed. First-load JavaScript is
// measured by transition.bench.ts, from what the page fetches (index.html names only the entry; the rest loads lazily).
// Run: npx tsx tests/bench/ui.bench.ts [sizes…]   (default sizes: 1000 5000)
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildAndServe } from '../e2e/globalSetup';
import { launch, savedWork } from '../e2e/browser';
import { timeEdits } from './timeEdits';

const OUT = join(process.cwd(), 'node_modules/.explorer-bench-dist');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const SAMPLES = sizes.length ? sizes : [1000, 5000];

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Navigates and returns ms from navigation start to the first painted frame with every entity placed. */
async function timeToDrawn(page: Page, url: string): Promise<{ drawn: number; nodes: number; edges: number }> {
  await page.goto(url);
  await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null, undefined, { timeout: 120_000 });
  return page.evaluate(() => ({ drawn: window.__explorer!.stats.firstDrawnAt!, nodes: window.__explorer!.stats.nodes, edges: window.__explorer!.stats.edges }));
}

/** Selects a holding through the table view (as a user would). */
async function selectFirstHolding(page: Page) {
  await page.getByRole('button', { name: 'Table' }).click();
  await page.getByRole('tab', { name: /Holdings/ }).click();
  await page.getByRole('grid', { name: 'Holdings' }).locator('tbody tr').first().click();
  await page.getByRole('button', { name: 'Table' }).click();
  await page.locator('input[name="shares"]').waitFor();
}

/** Longest main-thread tasks while a scenario is applied and while base and scenario swap (LY, Simulate open). */
async function timeTransitions(page: Page): Promise<{ scenario: number[]; toggle: number[]; split: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: false });
  });
  const take = async () => page.evaluate(() => { const w = window as unknown as { __long: number[] }; const x = w.__long; w.__long = []; return x.sort((a, b) => b - a); });
  const open = page.getByRole('button', { name: 'Open the Simulate panel' });
  if (await open.isVisible()) await open.click();
  await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  await page.waitForTimeout(500);
  await take();
  await page.getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
  await page.waitForTimeout(700); // the framing animation and colour transitions (≤ 400 ms) and their frames
  const scenario = await take();
  await page.getByRole('button', { name: 'Base', exact: true }).click();
  await page.waitForTimeout(700);
  const toggle = await take();
  await page.getByRole('button', { name: 'Split view' }).click();
  await page.waitForTimeout(700);
  const split = await take();
  return { scenario, toggle, split };
}

async function main() {
  console.log('UI benchmark (headless Chromium, production build)');
  const served = await buildAndServe(OUT);
  const browser = await launch();
  try {
    const rows: string[][] = [['graph', 'entities', 'edges drawn', 'navigation → drawn', 'edit → diff applied', 'edit → painted']];

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    const cold = await timeToDrawn(page, served.url);
    while (!(await savedWork(page))?.includes('"position"')) await page.waitForTimeout(100);
    const warm = await timeToDrawn(page, served.url);
    await selectFirstHolding(page);
    const ly = await timeEdits(page);
    rows.push(['LY (first visit: preset layout)', String(cold.nodes), String(cold.edges), ms(cold.drawn), '', '']);
    rows.push(['LY (reload: saved positions)', String(warm.nodes), String(warm.edges), ms(warm.drawn), ms(ly.apply), ms(ly.paint)]);
    const tr = await timeTransitions(page);
    const worst = (xs: number[]) => (xs.length ? `${xs.length} task(s) over 50 ms, longest ${xs[0]} ms` : 'no task over 50 ms');
    console.log(`LY transitions (main-thread tasks over 50 ms; target none): apply "SoftBank acquires majority": ${worst(tr.scenario)}; Base/Scenario toggle: ${worst(tr.toggle)}; split view: ${worst(tr.split)}`);
    await ctx.close();

    for (const n of SAMPLES) {
      const c = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const p = await c.newPage();
      const d = await timeToDrawn(p, `${served.url}?sample=${n}`);
      await selectFirstHolding(p);
      const e = await timeEdits(p);
      rows.push([`generated ?sample=${n}`, String(d.nodes), String(d.edges), ms(d.drawn), ms(e.apply), ms(e.paint)]);
      await c.close();
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
    console.log('targets: LY edit → drawing < 16 ms; 5k entities drawn < 2 s (figures only; never fails on speed)');
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
