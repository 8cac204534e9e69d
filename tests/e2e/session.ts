// One fresh app page per test: hooks that launch Chromium once per file, and before every test open a new browser
// context (empty localStorage and IndexedDB) with a watched page on the app, so no test depends on what another did
// or on the order they run in; after every test the page must have logged no console error, opened no dialog and sent
// no request beyond localhost.
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { gotoApp, launch, openSession, type Session } from './browser';

export interface AppSession extends Session {
  /** The file's browser, for further sessions (a second page, another fresh context). */
  readonly browser: Browser;
}

export interface AppSessionOptions {
  /** Appended to the app's address (e.g. '?sample=1000'). */
  query?: string;
  viewport?: { width: number; height: number };
  /** Runs on the fresh context before the app is opened (init scripts: seeded storage, listeners). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
  /** Console errors a file causes on purpose (matched ones are not counted as problems). */
  expectedProblems?: RegExp;
}

/** Registers the hooks and returns the current test's session (its fields are readable inside a test or hook). */
export function appSession(options: string | AppSessionOptions = ''): AppSession {
  const opts: AppSessionOptions = typeof options === 'string' ? { query: options } : options;
  let browser: Browser | undefined;
  let s: Session | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  beforeEach(async () => {
    s = await openSession(browser!, opts.viewport);
    await opts.prepare?.(s.context);
    await gotoApp(s.page, inject('baseUrl'), opts.query ?? '');
  });
  afterEach(async () => {
    const done = s;
    s = undefined;
    if (!done) return;
    const problems = done.problems.filter((p) => !opts.expectedProblems?.test(p));
    const foreign = [...done.foreign];
    await done.context.close();
    expect(problems, 'console errors, page errors or dialogs').toEqual([]);
    expect(foreign, 'requests beyond localhost').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const get = () => {
    if (!s) throw new Error('e2e/session: the session is opened before each test; read it inside a test or hook');
    return s;
  };
  return {
    get browser() {
      get();
      return browser!;
    },
    get context() {
      return get().context;
    },
    get page() {
      return get().page;
    },
    get problems() {
      return get().problems;
    },
    get foreign() {
      return get().foreign;
    },
  };
}
