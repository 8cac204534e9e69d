// Transition benchmark: builds the app, serves it, opens headless Chromium on the LY dataset (1440×900, Simulate
// open) and prints, for every scenario button, a transfer preview, a what-if search and preview, a timeline move, the
// Base/Scenario toggle and opening the split view, the longest main-thread task and the number of tasks over 50 ms
// (read from a Chromium trace of the renderer's main thread, from the click until the transition has settled); the
// time from a stake edit to the painted frame; and the first-load JavaScript (gzipped) the page runs before its first
// drawing. It prints figures; it never fails on speed.
// Run: npx tsx tests/bench/transition.bench.ts [runs]   (default 2 runs; each run is a fresh page; 0: first load only)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe } from '../e2e/globalSetup';
import { launch, savedWork } from '../e2e/browser';
import { EDITS, timeEdits } from './timeEdits';

const OUT = join(process.cwd(), 'node_modules/.explorer-bench-transition-dist');
const RUNS = process.argv[2] === '0' ? 0 : Math.max(1, Number(process.argv[2]) || 2);
/** How long a transition is followed after its click: the framing animation (≤ 400 ms), colour fades and callouts. */
const SETTLE_MS = 900;

const SCENARIOS = ['LY buyback 2024', 'NAVER sells 25% of A Holdings', 'SoftBank buys NAVER out', 'SoftBank acquires majority', 'Status quo after the July 2024 report', 'System separation: NAVER dependencies end'];

interface Tasks {
  /** The longest task's wall time, and the CPU time of the task that used most (on a loaded machine, the thread
   * waits for a core: wall time then overstates what the page itself costs). */
  longest: number;
  cpu: number;
  over50: number;
}


/** Main-thread tasks in a Chromium trace: the renderer main thread with the most RunTask events (the page's). */
function mainTasks(trace: Buffer): Tasks {
  type Ev = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Ev[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, { wall: number; cpu: number }[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 });
  }
  const tasks = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return { longest: Math.max(0, ...tasks.map((t) => t.wall)), cpu: Math.max(0, ...tasks.map((t) => t.cpu)), over50: tasks.filter((t) => t.wall > 50).length };
}

/** Runs `action`, follows the page for SETTLE_MS, and returns the main thread's tasks in that time. */
async function traced(browser: Browser, page: Page, action: () => Promise<unknown>): Promise<Tasks> {
  await page.waitForTimeout(300); // what came before has settled
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  await action();
  await page.waitForTimeout(SETTLE_MS);
  return mainTasks(await browser.stopTracing());
}

/** The JavaScript files the page fetched (not the worker's), gzipped from the build, summed. */
function gzOf(urls: string[]): { files: string[]; gz: number } {
  const files = [...new Set(urls.map((u) => new URL(u).pathname.replace(/^\//, '')))];
  return { files, gz: files.reduce((sum, f) => sum + gzipSync(readFileSync(join(OUT, f))).length, 0) };
}

type Load = { first: ReturnType<typeof gzOf>; later: ReturnType<typeof gzOf>; drawnAt: number };

/**
 * First load: the JS the page fetches from navigation to its first drawing (modules, not the analysis worker), on a
 * first visit (no saved positions: the layout engine runs) and on a reload (the saved positions are drawn).
 */
async function firstLoad(browser: Browser, url: string): Promise<{ cold: Load; warm: Load }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  const once = async (): Promise<Load> => {
    await page.goto(url);
    await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    // Resource timing says when each script was asked for, on the page's own clock (the worker's script excluded).
    const { drawnAt, scripts } = await page.evaluate(() => ({
      drawnAt: window.__explorer!.stats.firstDrawnAt!,
      scripts: performance.getEntriesByType('resource').filter((e) => /\.js$/.test(new URL(e.name).pathname) && !e.name.includes('.worker')).map((e) => ({ url: e.name, at: e.startTime })),
    }));
    return { first: gzOf(scripts.filter((x) => x.at < drawnAt).map((x) => x.url)), later: gzOf(scripts.filter((x) => x.at >= drawnAt).map((x) => x.url)), drawnAt };
  };
  const cold = await once();
  while (!(await savedWork(page))?.includes('"position"')) await page.waitForTimeout(100);
  const warm = await once();
  await ctx.close();
  return { cold, warm };
}

/** Stake edits on LY's first holding, selected for them; median times from the keypress to applied and painted. */
async function timeLyEdits(page: Page): Promise<{ apply: number; paint: number }> {
  await page.evaluate(() => window.__explorer!.getState().select({ kind: 'holding', id: window.__explorer!.getState().doc.holdings[0].id }));
  const times = await timeEdits(page, 50);
  await page.evaluate(() => window.__explorer!.getState().select(null));
  return times;
}

/** One run on a fresh page: every transition's tasks, in order. */
async function run(browser: Browser, url: string): Promise<{ rows: [string, Tasks][]; edit: { apply: number; paint: number } }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.addInitScript(() => localStorage.setItem('ownership-explorer:simulate-open', '1'));
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null, undefined, { timeout: 60_000 });
  const panel = page.getByRole('complementary', { name: 'Simulate' });
  await panel.waitFor();
  await page.waitForTimeout(1000);
  const rows: [string, Tasks][] = [];
  const step = async (name: string, action: () => Promise<unknown>) => rows.push([name, await traced(browser, page, action)]);
  const back = panel.getByRole('button', { name: 'Back to base' });
  const toBase = async () => {
    if (await back.isVisible()) await back.click();
  };

  await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  for (const title of SCENARIOS) {
    await step(`scenario "${title}"`, () => panel.getByRole('button', { name: title, exact: true }).click());
    await step('  back to base', () => back.click());
  }
  await panel.getByRole('button', { name: 'SoftBank acquires majority', exact: true }).click();
  await step('Base/Scenario toggle → Base', () => page.getByRole('button', { name: 'Base', exact: true }).click());
  await step('Base/Scenario toggle → Scenario', () => page.getByRole('button', { name: 'Scenario', exact: true }).click());
  await step('split view open', async () => {
    await page.getByRole('button', { name: 'Split view' }).click();
    await page.locator('.graph.mirror').waitFor();
  });
  await step('split view close', () => page.getByRole('button', { name: 'Split view' }).click());
  await toBase();

  await page.getByRole('tab', { name: 'Transfer', exact: true }).click();
  await panel.getByLabel('Company', { exact: true }).selectOption('ahd');
  await panel.getByLabel('Seller', { exact: true }).selectOption('naver');
  await panel.getByLabel('Buyer', { exact: true }).selectOption('sbkk');
  await step('transfer preview (A Holdings, NAVER → SoftBank, 25)', async () => {
    await page.getByLabel(/^Points of A Holdings/).fill('25');
    await page.getByText('Preview — not applied', { exact: true }).waitFor();
  });
  await page.getByLabel(/^Points of A Holdings/).fill('');

  // Under Legal control SoftBank Corp. already controls LY: the search is run under Votes only.
  await page.getByLabel('Control rule').selectOption('votes');
  await page.getByRole('tab', { name: 'What would it take', exact: true }).click();
  await panel.getByLabel('Buyer', { exact: true }).selectOption('sbkk');
  await panel.getByLabel('Target', { exact: true }).selectOption('ly');
  await step('what-if search (SoftBank → LY)', async () => {
    await panel.getByRole('button', { name: 'Find the smallest purchases' }).click();
    await panel.getByTestId('whatif-results').getByRole('listitem').first().waitFor();
  });
  await step('what-if preview', () => panel.getByTestId('whatif-results').getByRole('listitem').first().getByRole('button', { name: 'Preview' }).click());

  await page.getByLabel('Control rule').selectOption('legal');
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  const date = page.getByLabel('View date', { exact: true });
  await step('timeline move → 2021-06-30', () => date.fill('2021-06-30'));
  await step('timeline move → 2024-09-30', () => date.fill('2024-09-30'));
  await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();

  const edit = await timeLyEdits(page);
  await ctx.close();
  return { rows, edit };
}

async function main() {
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`Transition benchmark (headless Chromium, production build, LY at 1440×900, Simulate open); load average ${load()}`);
  const served = await buildAndServe(OUT);
  const browser = await launch();
  try {
    const fl = await firstLoad(browser, served.url);
    const kb = (l: Load) => `${(l.first.gz / 1024).toFixed(1)} KB gzipped in ${l.first.files.length} files, drawn at ${l.drawnAt.toFixed(0)} ms`;
    const list = (fs: string[]) => fs.map((f) => f.replace('assets/', '')).join(', ') || 'none';
    console.log(`first-load JavaScript (the page's scripts fetched before the first drawing; target ≤ 300 KB):`);
    console.log(`  reload (saved positions): ${kb(fl.warm)}: ${list(fl.warm.first.files)}`);
    console.log(`  first visit (no saved positions: the preset layout, else ELK): ${kb(fl.cold)}: ${list(fl.cold.first.files)}`);
    console.log(`  fetched after the first drawing on reload: ${(fl.warm.later.gz / 1024).toFixed(1)} KB gzipped: ${list(fl.warm.later.files)}`);
    const runs: Awaited<ReturnType<typeof run>>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(browser, served.url));
    if (!runs.length) return;
    const names = runs[0].rows.map(([n]) => n);
    const header = ['transition', ...runs.map((_, i) => `run ${i + 1}: longest task (most CPU) / tasks > 50 ms`)];
    const table = [header, ...names.map((n, j) => [n, ...runs.map((r) => `${r.rows[j][1].longest.toFixed(0)} ms (${r.rows[j][1].cpu.toFixed(0)} ms CPU) / ${r.rows[j][1].over50}`)])];
    const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
    const worst = Math.max(...runs.flatMap((r) => r.rows.map(([, t]) => t.longest)));
    const worstCpu = Math.max(...runs.flatMap((r) => r.rows.map(([, t]) => t.cpu)));
    const over = runs.flatMap((r) => r.rows.filter(([, t]) => t.over50 > 0).map(([n]) => n.trim()));
    console.log(`longest main-thread task in any transition: ${worst.toFixed(0)} ms wall, most CPU in one task ${worstCpu.toFixed(0)} ms; transitions with a task > 50 ms: ${[...new Set(over)].join('; ') || 'none'} (target: none)`);
    for (const [i, r] of runs.entries()) console.log(`run ${i + 1}: LY edit → diff applied ${r.edit.apply.toFixed(1)} ms, → painted ${r.edit.paint.toFixed(1)} ms (median of ${EDITS}; target ≤ 16 ms)`);
    console.log(`load average at the end: ${load()}`);
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
