/// <reference types="vitest/config" />
// Vite builds the app; Vitest runs the unit tests (Node) and the end-to-end tests (real Chromium).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The dev server injects inline scripts (React refresh): it serves index.html without its Content-Security-Policy. */
const devWithoutCsp: Plugin = {
  name: 'dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

export default defineConfig({
  plugins: [react(), devWithoutCsp],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Fonts stay files: the Content-Security-Policy allows fonts from this origin only (font-src 'self'), not data: URLs.
    assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
    rolldownOptions: {
      // The app's index modules only re-export: marked free of side effects and read lazily, an import through one
      // brings in the module it names, not every module the index lists (else code used only by a lazily loaded
      // panel would be fetched before the first drawing).
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/](analysis|model|io|store)[\\/]index\.ts$/.test(id) },
      experimental: { lazyBarrel: true },
      output: {
        // What every first drawing needs from node_modules is one chunk: fewer files, one gzip dictionary.
        codeSplitting: { groups: [{ name: 'first', test: /node_modules[\\/](react|react-dom|scheduler|cytoscape|zustand)[\\/]/ }] },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The app answers within a frame or two when idle; on a loaded 2-core machine, seconds. Conditions are polled.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
          globalSetup: ['tests/e2e/globalSetup.ts'],
        },
      },
    ],
  },
});
