// E2E global setup: builds the app with Vite's JS API and serves the build on a free 127.0.0.1 port; the URL is
// provided to the tests as `baseUrl`. Torn down after the run.
import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Where the e2e build goes: inside node_modules (never `dist`, never in git), one folder per run so overlapping runs never clobber each other. */
export const OUT_DIR = fileURLToPath(new URL(`../../node_modules/.explorer-e2e-dist-${process.pid}`, import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds and serves the app (unminified on request, for readable CPU profiles); returns its URL and a function that stops the server. */
export async function buildAndServe(outDir = OUT_DIR, { minify = true } = {}): Promise<{ url: string; close(): Promise<void> }> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: build what users get, in mode
  // "test" so that the read-only test hook (main.tsx) is there.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'test', logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(minify ? {} : { minify: false }) } });
  } finally {
    process.env.NODE_ENV = env;
  }
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('e2e/globalSetup: the preview server reported no URL');
  return { url, close: () => server.close() };
}

export default async function setup(project: TestProject) {
  const served = await buildAndServe();
  project.provide('baseUrl', served.url);
  return async () => {
    await served.close();
    rmSync(OUT_DIR, { recursive: true, force: true });
  };
}
