// E2E: the report and the exports that draw a lit path, in real Chromium — the Simulate panel writes the report of the
// scenario shown; the page runs no script and loads nothing, reads at 1280 px and on a phone, prints on A4 and Letter
// with no drawing, table or explanation taller than a page (so none is cut: each keeps together), and dropped on the
// app it opens the graph it carries; an SVG exported while a path is lit draws it.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, findEntity, state } from './browser';
import { captureDownload, dropFile, exportImage } from './files';
import { openTab } from './simHelpers';
import { appSession } from './session';

const s = appSession({ viewport: { width: 1600, height: 1000 } });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Simulate' });

/** Printable height and width (CSS px) of a page size with the report's 14 mm × 12 mm margins. */
const PRINTABLE = { A4: { w: ((210 - 24) / 25.4) * 96, h: ((297 - 28) / 25.4) * 96 }, Letter: { w: ((215.9 - 24) / 25.4) * 96, h: ((279.4 - 28) / 25.4) * 96 } };

describe('the report', () => {
  it('of a scenario: self-contained, readable, printable, and it reopens the graph', async () => {
    const page = s.page;
    await page.getByLabel('Control rule').selectOption('votes');
    await openTab(page, 'Scenarios');
    await panel(page).getByRole('button', { name: 'SoftBank buys NAVER out', exact: true }).click();
    await expect.poll(() => state<string | undefined>(page, '(st) => st.sim.scenario?.id')).toBe('softbank-buys-out');
    const working = await state<string>(page, '(st) => JSON.stringify(st.doc.holdings.map((h) => [h.id, h.holder, h.subject, h.shares]))');
    const file = await captureDownload(page, () => panel(page).getByTestId('sim-report').click(), 'report.html');
    expect(file.name).toMatch(/-report\.html$/);

    // A page of its own, in a fresh context: nothing requested beyond the page itself, no script run.
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const report = await context.newPage();
    const requests: string[] = [];
    report.on('request', (r) => requests.push(r.url()));
    const problems: string[] = [];
    report.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await report.goto(`file://${ARTIFACTS}report.html`);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await report.evaluate(() => document.scripts.length)).toBe(0);
    expect(await report.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/default-src 'none'/);
    const text = (await report.textContent('main')) ?? '';
    expect(text).toContain('Scenario: SoftBank buys NAVER out');
    expect(text).toContain('Whose control moved');
    expect(text).toContain('A Holdings Corporation ← SoftBank Corp.');
    expect(text).toMatch(/SoftBank Corp\. in LY Corporation: 31\.25% → 62\.50%/);
    expect(await report.locator('figure svg').count()).toBe(2);
    expect(await report.locator('a[href^="https://"]').count()).toBeGreaterThanOrEqual(3);
    await report.screenshot({ path: `${ARTIFACTS}report-1280.png` });
    // On a phone: nothing wider than the screen but the drawings, which scroll inside their frames.
    await report.setViewportSize({ width: 390, height: 844 });
    expect(await report.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await report.screenshot({ path: `${ARTIFACTS}report-phone.png` });
    // Print: A4 and Letter; every drawing, table and explanation fits a page, so break-inside keeps it whole.
    for (const [size, box] of Object.entries(PRINTABLE)) {
      await report.pdf({ path: `${ARTIFACTS}report-${size}.pdf`, format: size as 'A4' | 'Letter', printBackground: true });
      if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-r', '40', '-png', `${ARTIFACTS}report-${size}.pdf`, `${ARTIFACTS}report-${size}`]);
      await report.emulateMedia({ media: 'print' });
      await report.setViewportSize({ width: Math.floor(box.w), height: Math.floor(box.h) });
      const tallest = await report.evaluate(() => Math.max(...[...document.querySelectorAll('figure, table, .entity, .legend')].map((e) => e.getBoundingClientRect().height)));
      expect(tallest, `${size}: a block taller than a page would be cut`).toBeLessThanOrEqual(box.h);
      expect(await report.evaluate(() => getComputedStyle(document.querySelector('figure')!).breakInside)).toBe('avoid');
      await report.emulateMedia({ media: 'screen' });
    }
    await context.close();

    // Dropped on the app, the report opens the graph it carries: the scenario's document.
    await page.getByRole('button', { name: 'Back to base' }).click();
    await expect.poll(() => state<unknown>(page, '(st) => st.sim.scenario')).toBeNull();
    await dropFile(page, 'ly-report.html', file.bytes);
    await expect.poll(() => state<string>(page, '(st) => JSON.stringify(st.doc.holdings.map((h) => [h.id, h.holder, h.subject, h.shares]))')).toBe(working);
    writeFileSync(`${ARTIFACTS}report-size.txt`, `${file.bytes.length} bytes\n`);
  });

  it('from the File menu, of the graph alone; an SVG exported while a path is lit draws it', async () => {
    const page = s.page;
    await findEntity(page, 'LY Corporation');
    await page.getByTestId('why-figures').getByRole('button').nth(1).click();
    await expect.poll(() => page.getByTestId('lit-badge').count()).toBe(1);
    const svg = await exportImage(page, { format: 'svg' }, 'lit.svg');
    expect(new TextDecoder().decode(svg.bytes)).toMatch(/rgb\(220,38,38\)|#dc2626/); // the lit path's red
    await page.getByRole('button', { name: 'File ▾' }).click();
    const file = await captureDownload(page, () => page.getByRole('menuitem', { name: /^Export report \(HTML\) of the graph/ }).click(), 'report-graph.html');
    const html = new TextDecoder().decode(file.bytes);
    expect(html).toContain('Lit: NAVER Corporation');
    expect(html).toContain('stroke="#dc2626"');
  });
});
