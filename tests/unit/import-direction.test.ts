// Imports run one way (ARCHITECTURE.md): model → analysis → io → draw → export → worker → store → canvas → ui → the
// app's entry files; no folder imports one to its right, the command line stands on model, analysis, io, draw and
// export only, and the kernel and everything under it import no Cytoscape, React or Zustand. Read from the sources'
// import statements (static, dynamic and re-exports), so a lazily loaded module counts as much as any.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

/** The folders in import order: each may import itself and those before it. Root files (App.tsx, main.tsx) come last. */
const ORDER = ['model', 'analysis', 'io', 'draw', 'export', 'worker', 'store', 'canvas', 'ui', ''];
/** Folders with a narrower rule than their rank: what they may import. */
const ONLY: Record<string, string[]> = { cli: ['model', 'analysis', 'io', 'draw', 'export', 'cli'] };
/** Packages a folder must not import (the kernel and what it stands on are free of Cytoscape, React and Zustand). */
const UI_PACKAGES = /^(cytoscape|cytoscape-.*|react|react-dom|react\/.*|zustand|zustand\/.*)$/;
const PURE = new Set(['model', 'analysis', 'io', 'draw', 'export', 'cli']);

/** Every module specifier a source file names (import … from, export … from, import(), bare import). */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The top folder under src/ of a file or folder path ('' for a root file such as App.tsx). */
const folderOf = (path: string) => {
  const top = relative(SRC, path).split(/[\\/]/)[0];
  return ORDER.includes(top) || top in ONLY ? top : '';
};

/** Whether a module in `from` may import one in `to`. */
export function allowed(from: string, to: string): boolean {
  if (ONLY[from]) return ONLY[from].includes(to);
  if (ONLY[to]) return from === '' || from === to; // nothing but the entry files imports the command line
  const a = ORDER.indexOf(from), b = ORDER.indexOf(to);
  return a >= 0 && b >= 0 && b <= a;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Every import in `root` (src/) that runs the wrong way: "from-file → specifier (why)". */
export function violations(root = SRC): string[] {
  const out: string[] = [];
  for (const file of files(root)) {
    const from = folderOf(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC)) continue;
        const to = folderOf(target);
        if (!allowed(from, to)) out.push(`${relative(SRC, file)} → ${spec} (${from || 'root'} may not import ${to || 'root'})`);
      } else if (PURE.has(from) && UI_PACKAGES.test(spec)) {
        out.push(`${relative(SRC, file)} → ${spec} (${from} stays free of Cytoscape, React and Zustand)`);
      }
    }
  }
  return out;
}

describe('import direction', () => {
  it.each([
    ['draw', 'model', true],
    ['draw', 'io', true],
    ['export', 'draw', true],
    ['canvas', 'export', true],
    ['ui', 'canvas', true],
    ['store', 'draw', true],
    ['draw', 'canvas', false],
    ['draw', 'export', false],
    ['export', 'canvas', false],
    ['export', 'store', false],
    ['canvas', 'ui', false],
    ['model', 'analysis', false],
    ['cli', 'export', true],
    ['cli', 'canvas', false],
    ['cli', 'ui', false],
    ['cli', 'store', false],
    ['store', 'cli', false],
  ] as const)('%s may import %s: %s', (from, to, ok) => {
    expect(allowed(from, to)).toBe(ok);
  });

  it('reads static, dynamic and re-exporting imports', () => {
    const src = `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nconst d = () => import('../canvas/d');\nimport './e.css';\nimport {\n  f,\n} from 'cytoscape';`;
    expect(specifiers(src)).toEqual(['./a', '../b', './c', '../canvas/d', './e.css', 'cytoscape']);
  });

  it('holds over src/: no import runs to the right, and the kernel and the command line load no Cytoscape or React', () => {
    expect(violations()).toEqual([]);
  });
});
