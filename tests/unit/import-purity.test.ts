// Importing a module of the app reads nothing of its environment: every src module is imported while the browser's
// globals (window, document, storage, location, the window's size…) throw when read from our code, so state that
// depends on the environment is made by createApp() from what it is given (ARCHITECTURE.md), never at import.
// A second check reads every module's source: no module holds mutable state of its own at its top level (a `let`, or a
// Map, Set, array or object it changes), since two apps in one page would share it; state lives in what createApp()
// makes. Memos keyed by a document (WeakMap, WeakSet) are not state, and the few caches listed in CACHES are each a
// pure function of their inputs, the same for every app (a lazily loaded module, a font measured, a table filled once).
// Left out: the entry points (main.tsx makes the app, the worker entry wires `self`, as they must), and
// canvas/edgeLayer.ts, whose library cytoscape-layers needs a window to load at all (it is only ever loaded in the page,
// by a dynamic import in edgeLayerModule.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const LEFT_OUT = new Set(['main.tsx', 'worker/analysis.worker.ts', 'canvas/edgeLayer.ts']);
const GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'history', 'navigator', 'innerWidth', 'innerHeight', 'matchMedia', 'screen', 'Worker', 'requestIdleCallback'];

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Reads of a stubbed global from a src module (third-party modules, such as Cytoscape's feature tests, may read them). */
const reads: string[] = [];
const saved = new Map<string, PropertyDescriptor | undefined>();

beforeAll(() => {
  for (const name of GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    const original = (globalThis as Record<string, unknown>)[name];
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        const stack = new Error().stack?.split('\n').slice(2) ?? [];
        const caller = stack.find((line) => !line.includes('import-purity.test'));
        if (!caller || caller.includes('/node_modules/') || !caller.includes('/src/')) return original;
        reads.push(`${name} read by ${caller.trim()}`);
        throw new Error(`import-purity: ${name} was read when a module was imported — make it in createApp() from AppEnv instead`);
      },
    });
  }
});

afterAll(() => {
  for (const [name, d] of saved) {
    if (d) Object.defineProperty(globalThis, name, d);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

describe('importing a module reads no environment', () => {
  const files = modules(SRC).map((f) => relative(SRC, f)).filter((f) => !LEFT_OUT.has(f)).sort();

  it('finds the modules', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files).toContain('ui/workspace/workspaceState.ts');
  });

  it('imports every src module with the browser globals throwing', { timeout: 120_000 }, async () => {
    vi.resetModules();
    const failed: string[] = [];
    for (const f of files) {
      try {
        await import(/* @vite-ignore */ join(SRC, f));
      } catch (e) {
        failed.push(`${f}: ${(e as Error).message}`);
      }
    }
    expect(reads).toEqual([]);
    expect(failed).toEqual([]);
  });
});

/** Module-level state allowed, and why: each is the same for every app in the page. */
const CACHES: Record<string, string> = {
  'analysis/adjacency.ts last': 'the last document indexed (a memo of a pure function)',
  'analysis/idLists.ts last': 'the last id list of each kind, which a new version of the list is compared with (a memo: equal id lists share one array)',
  'canvas/cjkFontsBrowser.ts rules': 'the page\'s @font-face rules, added once',
  'canvas/useCjkFonts.ts loaded': 'CJK characters whose font subsets the page has loaded (the browser keeps a loaded face for the page\'s life)',
  'canvas/edgeLayer.ts registered': 'cytoscape-layers registered with Cytoscape once (its registry is the library\'s)',
  'canvas/edgeLayerModule.ts loaded': 'a lazily loaded module',
  'canvas/edgeLayerModule.ts loading': 'a lazily loaded module',
  'canvas/webgl.ts cached': 'whether the page\'s GPU draws WebGL, asked once',
  'cli/bodsSkip.ts ESCAPES': 'a constant table filled when the module loads (the bytes a JSON escape may name)',
  'cli/bodsSkip.ts HEX': 'a constant table filled when the module loads (hexadecimal digits)',
  'cli/stdout.ts scratch': 'the command line\'s encoding buffer, used again for every chunk written (one process, one stdout)',
  'draw/labelPlace.ts FRACTIONS': 'a constant table filled when the module loads',
  'draw/layout.ts elkModule': 'a lazily loaded module (ELK)',
  'draw/route.ts memo': 'edge routes found (a bounded memo of a pure function)',
  'export/canvasText.ts measuring': 'the text-measuring context, made once',
  'export/canvasText.ts lifts': 'measured font metrics',
  'export/cjkFontsNode.ts faces': 'fonts read once',
  'io/bodsExport.ts regionNames': 'Intl.DisplayNames, made once',
  'io/jsonStream.ts CLASS': 'a constant table filled when the module loads',
  'io/text.ts LOOKUP': 'a constant table filled when the module loads',
  'model/dates.ts realDates': 'calendar dates already checked (a bounded memo)',
  'ui/names.ts last': 'the last entity list named, which the next version is compared with (a memo of a pure function)',
};

/** Whether `text` changes `name`: a method that mutates, or an assignment to one of its properties. */
const changes = (name: string, text: string) =>
  new RegExp(`\\b${name}(\\.(add|set|delete|clear|push|pop|shift|unshift|splice|fill)\\(|(\\.[\\w$]+|\\[[^\\]]+\\])\\s*(=[^=>]|\\+\\+|--|\\+=|-=))`).test(text);

/**
 * Top-level `let`/`var` declarations, and top-level constants (not WeakMap/WeakSet) that the module changes, or, when
 * exported, that a module of `everywhere` (the sources) importing it changes.
 */
function moduleState(file: string, text: string, everywhere: readonly string[] = []): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const base = file.replace(/^.*\//, '').replace(/\.tsx?$/, '');
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const isLet = !(st.declarationList.flags & ts.NodeFlags.Const);
    const exported = !!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      const name = d.name.text;
      const init = d.initializer;
      const weak = !!init && ts.isNewExpression(init) && /^Weak(Map|Set)$/.test(init.expression.getText(sf));
      const importer = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'[^']*/${base}'`);
      const changed = changes(name, text) || (exported && everywhere.some((t) => t.includes(name) && importer.test(t) && changes(name, t)));
      if (isLet || (changed && !weak)) found.push(`${file} ${name}`);
    }
  }
  return found;
}

describe('no module holds state of its own', () => {
  it.each([
    ['let current = null;', ['x.ts current']],
    ['const registry = new Map();\nexport const register = (k, v) => registry.set(k, v);', ['x.ts registry']],
    ['export const stats = { n: 0 };\nexport function count() { stats.n++; }', ['x.ts stats']],
    ['const memo = new WeakMap();\nexport const f = (d) => memo.set(d, 1);', []],
    ['const TABLE = new Set([1, 2]);\nexport const has = (x) => TABLE.has(x);', []],
  ])('finds the state in %j', (text, found) => {
    expect(moduleState('x.ts', text)).toEqual(found);
  });

  it('finds an exported object that another module changes', () => {
    const stats = 'export const stats = { firstDrawnAt: null };';
    expect(moduleState('stats.ts', stats, [stats, "import { stats } from './stats';\nstats.firstDrawnAt = 1;"])).toEqual(['stats.ts stats']);
    expect(moduleState('stats.ts', stats, [stats, "import { stats } from './stats';\nconst t = stats.firstDrawnAt;"])).toEqual([]);
  });

  // About 2 s alone (parsing every module); a loaded 2-core machine may take several times that.
  it('src has only the listed caches', { timeout: 60_000 }, () => {
    const files = modules(SRC).map((f) => relative(SRC, f));
    const texts = new Map(files.map((f) => [f, readFileSync(join(SRC, f), 'utf8')]));
    const found = files.flatMap((f) => moduleState(f, texts.get(f)!, [...texts.values()]));
    // A new entry here is module-level state: make it in createApp() (store/app.ts) and pass it down instead.
    expect(found.sort()).toEqual(Object.keys(CACHES).sort());
  });
});
