// E2E: the strict Content-Security-Policy is served and the app works under it — drawn by ELK, edited, exported as
// PNG, with no violation reported — while inline script, eval and requests to other origins are refused; source links
// of timeline events open only http(s) addresses.
import { describe, expect, inject, it } from 'vitest';
import { shot, state } from './browser';
import { exportImage } from './files';
import { appSession } from './session';
import { openTab } from './simHelpers';

// Every page collects the CSP violations it reports from its first script on; the test that fetches example.com on
// purpose causes console errors that CSP refused it, before any request left the page.
const s = appSession({
  prepare: (context) =>
    context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    }),
  expectedProblems: /Content Security Policy|example\.com|ERR_/,
});

/** CSP violations the page reported (securitypolicyviolation events, collected from the start). */
const violations = () => s.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

describe('Content-Security-Policy', () => {
  it('is in the page the server sends, strict: no inline script, no eval, connect-src self', async () => {
    const html = await (await fetch(inject('baseUrl'))).text();
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/connect-src 'self';/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file
  });

  it('the app works under it: drawn, edited, exported, with no violation', async () => {
    const page = s.page;
    const h = await state<{ id: string; shares: number }>(page, "(st) => st.doc.holdings.find((x) => x.holder === 'naver' && x.subject === 'ahd' && !x.until)");
    await state(page, `(st) => st.commit({ type: 'updateHolding', id: '${h.id}', changes: { shares: 45 } })`);
    expect(await state<number>(page, `(st) => st.doc.holdings.find((x) => x.id === '${h.id}').shares`)).toBe(45);
    const png = await exportImage(page, { format: 'png', scale: 1 }, 'csp-export.png');
    expect(png.bytes.length).toBeGreaterThan(10_000);
    await shot(page, 'csp-app-works');
    expect(await violations()).toEqual([]);
  });

  it('refuses inline script, eval and a request to another origin', async () => {
    const page = s.page;
    const r = await page.evaluate(async () => {
      const el = document.createElement('script');
      el.textContent = 'window.__inlineRan = true';
      document.body.appendChild(el);
      // Run later, from a timer: code evaluated by the test runner itself is exempt from the policy's eval rule.
      const evalRefused = await new Promise<boolean>((res) =>
        setTimeout(() => {
          try {
            (0, eval)('1 + 1');
            res(false);
          } catch {
            res(true);
          }
        }, 0),
      );
      let fetchRefused = false;
      try {
        await fetch('https://example.com/');
      } catch {
        fetchRefused = true;
      }
      await new Promise((res) => setTimeout(res, 50));
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, evalRefused, fetchRefused };
    });
    expect(r).toEqual({ inlineRan: false, evalRefused: true, fetchRefused: true });
    const seen = await violations();
    expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(seen.some((v) => v.startsWith('connect-src'))).toBe(true);
  });
});

describe('timeline source links', () => {
  it('link only http(s) addresses: a "javascript:" source is shown as text', async () => {
    const page = s.page;
    await state(page, `(st) => st.commit({ type: 'addEvent', event: { id: 'ev-x', date: '2023-01-01', title: 'Hostile source', entities: ['ly'],
      sources: [{ title: 'Click me', url: 'javascript:alert(1)' }, { title: 'Filing', url: 'https://example.com/filing' }] } })`);
    await openTab(page, 'Timeline');
    const item = page.locator('li', { hasText: 'Hostile source' }).first();
    await item.getByRole('button').first().click().catch(() => {});
    await item.scrollIntoViewIfNeeded();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('a[href="https://example.com/filing"]').count()).toBeGreaterThan(0);
    expect(await item.textContent()).toMatch(/Click me/);
    await shot(page, 'timeline-source-links');
  });
});
