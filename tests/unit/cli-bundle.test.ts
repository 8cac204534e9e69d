// The command line's bundle (scripts/cli.mjs, built as scripts/cliBuild.mjs says) carries no Cytoscape and no React
// and does not load them at run time: read from esbuild's metafile (every input bundled, every import left external).
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cliBuildOptions } from '../../scripts/cliBuild.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const UI = /(^|[\\/])node_modules[\\/](cytoscape[^\\/]*|react|react-dom|scheduler|zustand)[\\/]|^(cytoscape|react|react-dom|zustand)(\/|$)/;

/** The bundle's inputs (source files and packages' files) and the imports it leaves to run time. */
export function bundleContents(meta: Metafile): { inputs: string[]; external: string[] } {
  const external = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  return { inputs: Object.keys(meta.inputs), external: [...new Set(external)] };
}

describe('the command line bundle', () => {
  it('holds the drawing kernel and the writers but no Cytoscape, React or Zustand, bundled or loaded at run time', async () => {
    const r = await build({ ...cliBuildOptions(root, `${root}node_modules/.cli-bundle-test`), write: false, metafile: true });
    const { inputs, external } = bundleContents(r.metafile!);
    expect(inputs.some((p) => p.includes('src/draw/picture.ts')), 'the export command draws with the kernel').toBe(true);
    expect(inputs.filter((p) => UI.test(p))).toEqual([]);
    expect(external.filter((p) => UI.test(p))).toEqual([]);
  }, 60_000);

  it('would notice a bundled or external Cytoscape or React', () => {
    const meta = {
      inputs: { 'node_modules/cytoscape/dist/cytoscape.esm.mjs': { bytes: 1, imports: [] }, 'src/cli/main.ts': { bytes: 1, imports: [] } },
      outputs: { 'main.mjs': { bytes: 1, inputs: {}, exports: [], imports: [{ path: 'react', kind: 'import-statement', external: true }] } },
    } as unknown as Metafile;
    const { inputs, external } = bundleContents(meta);
    expect(inputs.filter((p) => UI.test(p))).toEqual(['node_modules/cytoscape/dist/cytoscape.esm.mjs']);
    expect(external.filter((p) => UI.test(p))).toEqual(['react']);
  });
});
