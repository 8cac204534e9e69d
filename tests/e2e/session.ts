// One app session per test file: hooks that launch Chromium, open a watched page on the app before the file's
// tests and close the browser after them, so each file states only what it adds.
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { gotoApp, launch, openSession, type Session } from './browser';

export interface AppSession extends Session {
  /** The file's browser, for further sessions (a second page, a fresh context). */
  readonly browser: Browser;
}

/** Registers the hooks and returns the session (its fields are readable once the tests run). */
export function appSession(query = ''): AppSession {
  let browser: Browser | undefined;
  let s: Session | undefined;
  beforeAll(async () => {
    browser = await launch();
    s = await openSession(browser);
    await gotoApp(s.page, inject('baseUrl'), query);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const get = () => {
    if (!s) throw new Error('e2e/session: the session is opened in beforeAll; read it inside a test or hook');
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
