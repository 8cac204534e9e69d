// How the command line's bundle is built (esbuild), shared by scripts/cli.mjs, which builds and runs it, and the unit
// test that checks what it carries (tests/unit/cli-bundle.test.ts: no Cytoscape, no React). The PNG encoder and the
// layout engine stay external and resolve from node_modules; the export command's chunk loads only when used. The
// worker that writes a register's maps for `analyze --json` (src/cli/mapWorker.ts) is an entry of its own beside main.
import { join } from 'node:path';

/** esbuild options for the bundle of src/cli/main.ts under `root`, written to `outdir`. */
export function cliBuildOptions(root, outdir) {
  return {
    entryPoints: { main: join(root, 'src/cli/main.ts'), mapWorker: join(root, 'src/cli/mapWorker.ts') }, bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['@resvg/resvg-js', 'elkjs'], outdir, outExtension: { '.js': '.mjs' }, logLevel: 'error',
    // Packages written as CommonJS need require() inside an ES module bundle.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  };
}
