// Types of cliBuild.mjs for the TypeScript that imports it (tests/unit/cli-bundle.test.ts).
import type { BuildOptions } from 'esbuild';

/** esbuild options for the bundle of src/cli/main.ts under `root`, written to `outdir`. */
export function cliBuildOptions(root: string, outdir: string): BuildOptions;
