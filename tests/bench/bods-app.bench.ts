// A large BODS file opened in the app in headless Chromium (issue 20 §4: the 351 MB export of the 100k sample). Builds
// and serves the app, opens FILE through the file input (read as it streams in the import worker), and prints the time
// until the "Opened" notice, until the graph is drawn, the page's JS heap after the import, and the peak resident memory
// of the Chromium it started (browser, page, import worker, GPU…) sampled every 200 ms. Never fails on speed.
// Run: npx tsx tests/bench/bods-app.bench.ts FILE.bods.json
//   (make FILE with the command line: npm run -s cli -- generate --entities 100000 > g.ownership.json;
//    npm run -s cli -- export g.ownership.json --to g.bods.json)
import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildAndServe } from '../e2e/globalSetup';
import { launch, waitDrawn } from '../e2e/browser';

const file = process.argv[2];
if (!file) throw new Error('bods-app.bench: give the BODS file to open (see the header)');
const OUT = join(tmpdir(), `bods-app-bench-${process.pid}`);

/** Resident memory (MB) now of the processes this one started (Chromium's: browser, page, workers, GPU), not others'. */
function childrenRss(): number {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }).trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (mine.has(ppid) && !mine.has(pid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  return rows.reduce((s, [pid, , rss]) => (pid !== process.pid && mine.has(pid) ? s + rss : s), 0) / 1024;
}

const served = await buildAndServe(OUT);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(served.url);
  await waitDrawn(page);
  const idle = childrenRss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, childrenRss())), 200);
  const t0 = performance.now();
  await page.getByTestId('open-file').setInputFiles(file);
  await page.waitForFunction(() => /Opened|not opened/.test(document.querySelector('[data-testid="message-notice"]')?.textContent ?? ''), undefined, { timeout: 900_000, polling: 250 });
  const opened = performance.now() - t0;
  const notice = (await page.getByTestId('message-notice').textContent()) ?? '';
  await waitDrawn(page);
  const drawn = performance.now() - t0;
  clearInterval(sampler);
  const cdp = await page.context().newCDPSession(page);
  const { usedSize: heap } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  console.log(`${basename(file)}: ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`);
  console.log(`notice: ${notice.slice(0, 160)}`);
  console.log(`opened (notice) after ${(opened / 1000).toFixed(1)} s; drawn after ${(drawn / 1000).toFixed(1)} s`);
  console.log(`page JS heap after the import: ${(heap / 1024 / 1024).toFixed(0)} MB; Chromium's resident memory (all its processes): ${idle.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the peak`);
} finally {
  await browser.close();
  await served.close();
  rmSync(OUT, { recursive: true, force: true });
}
