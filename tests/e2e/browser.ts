// Shared e2e helpers: launch the system Chromium, open the app with a guard that fails on any request leaving
// localhost and on console errors, and read state through window.__explorer.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Launches the system Chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Whether a URL stays on this machine. */
export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const h = new URL(url).hostname;
    return h === '127.0.0.1' || h === 'localhost' || h === '[::1]';
  } catch {
    return false;
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and non-local requests seen so far. */
  problems: string[];
  foreign: string[];
}

/**
 * A fresh context (empty localStorage and IndexedDB) with a page watched for errors, dialogs (dismissed: the app
 * never opens one) and foreign requests; pages opened later in the context are watched too.
 */
export async function openSession(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Session> {
  const context = await browser.newContext({ viewport });
  const problems: string[] = [];
  const foreign: string[] = [];
  context.on('page', (page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  });
  const page = await context.newPage();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return { context, page, problems, foreign };
}

/** Navigates to the app and waits until the graph is placed and painted. */
export async function gotoApp(page: Page, baseUrl: string, query = ''): Promise<void> {
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(e.message);
  page.on('pageerror', onError);
  await page.goto(baseUrl + query);
  try {
    await waitDrawn(page);
  } catch (e) {
    throw new Error(`e2e: the graph was not drawn at ${baseUrl + query}: ${(e as Error).message}; page errors: ${errors.join(' | ') || 'none'}; body: ${(await page.textContent('body'))?.slice(0, 300)}`, { cause: e });
  } finally {
    page.off('pageerror', onError);
  }
}

/** Waits for the first painted frame with every entity placed. */
export async function waitDrawn(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__explorer?.stats.firstDrawnAt != null, undefined, { timeout });
}

/** Reads a JSON-serialisable value from the app state. */
export function state<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const s = window.__explorer.getState(); return (${fn})(s); })()`) as Promise<T>;
}

/** Model position of an entity's node translated to page coordinates (for mouse drags). */
export async function nodeScreenPosition(page: Page, entityId: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const el = document.querySelector('.graph') as HTMLElement & { _cyreg?: { cy: unknown } };
    const cy = (el as unknown as { _cyreg: { cy: { getElementById(x: string): { renderedPosition(): { x: number; y: number } } } } })._cyreg.cy;
    const p = cy.getElementById(`e:${id}`).renderedPosition();
    const r = el.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, entityId);
}

/** Saves a screenshot into tests/e2e/artifacts/. */
export function shot(page: Page, name: string) {
  return page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

/** Rendered (page) position of a Cytoscape element: a node's centre or an edge's midpoint. */
export async function elementScreenPosition(page: Page, elementId: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const el = document.querySelector('.graph') as HTMLElement;
    type Ele = { empty(): boolean; isNode(): boolean; renderedPosition(): { x: number; y: number }; renderedMidpoint(): { x: number; y: number } };
    const cy = (el as unknown as { _cyreg: { cy: { getElementById(x: string): Ele } } })._cyreg.cy;
    const e = cy.getElementById(id);
    if (e.empty()) throw new Error(`no element ${id}`);
    const p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
    const r = el.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, elementId);
}

/** Selects an entity through the search box (as a user would). */
export async function findEntity(page: Page, name: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Find an entity' });
  await box.fill(name);
  await box.press('Enter');
}

/**
 * What autosave last wrote for the slot the app opens next (IndexedDB "ownership-explorer"), as JSON text; null when
 * nothing is saved. Never creates the database (that would leave it without the app's object store).
 */
export function savedWork(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('ownership-explorer');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) return db.close(), resolve(null);
          const kv = db.transaction('kv', 'readonly').objectStore('kv');
          const current = kv.get('current');
          current.onsuccess = () => {
            if (!current.result) return db.close(), resolve(null);
            const w = kv.get(`work:${current.result}`);
            w.onsuccess = () => {
              db.close();
              resolve(w.result ? JSON.stringify(w.result) : null);
            };
          };
        };
      }),
  );
}
