// Makes src/draw/layoutPresets.json: builds the app without presets, opens each bundled dataset on a first visit in
// headless Chromium, and keeps every ELK run the page made (its exact input and the positions ELK gave).
// Run: npm run -s layout-presets   (after changing a bundled dataset, the node sizing or the ELK options)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndServe } from '../tests/e2e/globalSetup';
import { launch } from '../tests/e2e/browser';

const FILE = join(process.cwd(), 'src/draw/layoutPresets.json');
const DATASETS = ['line-yahoo', 'ntt-docomo'];

type Run = { key: string; positions: Record<string, [number, number]> };

writeFileSync(FILE, '[]\n'); // the build below must run ELK, not read old presets
const served = await buildAndServe(join(process.cwd(), 'node_modules/.explorer-layout-presets-dist'));
const browser = await launch();
const runs = new Map<string, Run>();
try {
  for (const dataset of DATASETS) {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(served.url);
    await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null, undefined, { timeout: 60_000 });
    if (dataset !== 'line-yahoo') await page.getByLabel('Dataset').selectOption(dataset);
    await page.waitForFunction((id) => window.__explorer!.getState().datasetId === id && window.__explorer!.getState().doc.entities.every((e) => e.position), dataset, { timeout: 60_000 });
    for (const run of await page.evaluate(() => (globalThis as { __elkRuns?: Run[] }).__elkRuns ?? [])) runs.set(run.key, run);
    await page.context().close();
  }
} finally {
  await browser.close();
  await served.close();
}
writeFileSync(FILE, `${JSON.stringify([...runs.values()])}\n`);
console.log(`${runs.size} layouts written to ${FILE}`);
