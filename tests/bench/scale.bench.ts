// Scale benchmark (issue targets: 20k entities drawn < 3 s, an edit reflected < 200 ms; 100k analysed < 2 s in
// the worker with the page responsive). Builds and serves the app, opens headless Chromium, and for generated
// graphs of 1k, 20k and 100k entities prints: time to first drawing, time until the worker's analysis is in,
// edit-to-drawing latency, the worker's analysis time, and the longest main-thread tasks in each phase.
// Also times a 100k-record BODS import in Node. Prints figures; never fails on speed.
// Run: npx tsx tests/bench/scale.bench.ts [sizes…]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildAndServe } from '../e2e/globalSetup';
import { launch } from '../e2e/browser';
import { generateGraph } from '../../src/model';
import { exportBodsJson, importBods } from '../../src/io';

// One build folder per run, so that runs by two people at once never clobber each other.
const OUT = join(process.cwd(), `node_modules/.explorer-scale-dist-${process.pid}`);
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const SIZES = sizes.length ? sizes : [1_000, 20_000, 100_000];
const fmt = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x)} ms`);

async function measure(page: Page, base: string, n: number) {
  await page.addInitScript(() => {
    (window as unknown as { __long: number[][] }).__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as unknown as { __long: number[][] }).__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}?sample=${n}`);
  await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null, undefined, { timeout: 180_000 });
  await page.waitForFunction(() => !document.querySelector('.analysis-status'), undefined, { timeout: 180_000 });
  await page.waitForTimeout(1500);
  const load = await page.evaluate(() => {
    const ex = window.__explorer!;
    const long = (window as unknown as { __long: number[][] }).__long;
    const top = long.map((x) => x[1]).sort((a, b) => b - a);
    return { drawn: ex.stats.firstDrawnAt!, nodes: ex.stats.nodes, workerMs: ex.remote().ms, longest: top[0] ?? 0, top: top.slice(0, 5), over100: top.filter((d) => d > 100).length };
  });
  // Edits to a drawn holding, selected (so the inspector shows it) and changed through the store as the inspector
  // does; timed to the next frame after the drawing reflects them (for large graphs: after the worker's new
  // analysis is applied).
  const edits: { drawn: number; longest: number }[] = [];
  for (let i = 0; i < 5; i++) {
    // Pick and select the holding in a task of its own, so that neither is timed as part of the edit.
    const k = await page.evaluate((i) => {
      const s = window.__explorer!.getState();
      // Drawn: both ends are drawn nodes (a big drawing holds most of its edges as lines, not as Cytoscape edges).
      const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: { nodes(sel: string): { map<T>(f: (e: { data(k: string): string }) => T): T[] } } } })._cyreg.cy;
      const drawn = new Set(cy.nodes('.entity').map((e) => e.data('ref')));
      const candidates: number[] = [];
      s.doc.holdings.forEach((x, k) => drawn.has(x.holder) && drawn.has(x.subject) && x.shares >= 1 && candidates.push(k));
      if (!candidates.length) throw new Error('bench: no drawn holding to edit');
      const k = candidates[i % candidates.length];
      s.select({ kind: 'holding', id: s.doc.holdings[k].id });
      return k;
    }, i);
    await page.waitForTimeout(100);
    edits.push(await page.evaluate(async (k) => {
      const ex = window.__explorer!;
      const s = ex.getState();
      const h = s.doc.holdings[k];
      const w = window as unknown as { __long: number[][] };
      w.__long = [];
      const big = s.doc.entities.length >= 10_000;
      const before = ex.remote().summary;
      const t0 = performance.now();
      const r = s.commit({ type: 'setHolding', holding: { ...h, shares: Math.round(h.shares * 50) / 100 } });
      if (!r.ok) throw new Error(`bench: edit refused: ${r.error}`);
      if (big) while ((ex.remote().summary === before || ex.remote().progress !== null) && performance.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 2));
      // The drawing is current once elements were applied after the edit (small graphs) or after the worker's summary arrived.
      const ready = big ? ex.remote().receivedAt! : t0;
      while (ex.stats.lastApplyEnd < ready && performance.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { drawn: performance.now() - t0, longest: Math.max(0, ...w.__long.map((x) => x[1])) };
    }, k));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { n, ...load, edit: median(edits.map((e) => e.drawn)), editLongest: Math.max(...edits.map((e) => e.longest)), edits: edits.map((e) => e.longest) };
}

const served = await buildAndServe(OUT);
const browser = await launch();
const loads: string[] = [];
try {
  console.log('Scale benchmark (headless Chromium, production build, generated samples)');
  console.log('entities  drawn nodes  first drawing  worker analysis  longest task (load)  edit → drawing  longest task (edit)');
  for (const n of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const r = await measure(page, served.url, n);
    console.log(`${String(n).padStart(8)}  ${String(r.nodes).padStart(11)}  ${fmt(r.drawn).padStart(13)}  ${fmt(r.workerMs).padStart(15)}  ${fmt(r.longest).padStart(19)}  ${fmt(r.edit).padStart(14)}  ${fmt(r.editLongest).padStart(19)}`);
    loads.push(`${n}: ${r.over100} over 100 ms; longest ${r.top.map((x) => Math.round(x)).join(', ') || '—'} ms; edits' longest ${r.edits.map((x) => Math.round(x)).join(', ')} ms`);
    await page.close();
  }
  console.log(`\nLong tasks (load, then each edit):\n  ${loads.join('\n  ')}`);
} finally {
  await browser.close();
  await served.close();
  rmSync(OUT, { recursive: true, force: true });
}

// Import of a BODS file of about 100k records (30k entities and 75k relationships; Node, the same importer the page runs).
const doc = generateGraph({ entities: 30_000, seed: 1 });
const text = exportBodsJson(doc, { date: '2025-01-01' });
const statements = (JSON.parse(text) as unknown[]).length;
const t = performance.now();
const r = importBods(text, { date: '2025-01-01', fileName: 'bench.json' });
console.log(`\nBODS import: ${statements.toLocaleString('en')} statements (${(text.length / 1e6).toFixed(1)} MB) → ${r.doc.entities.length.toLocaleString('en')} entities, ${r.doc.holdings.length.toLocaleString('en')} holdings in ${fmt(performance.now() - t)} (Node)`);
