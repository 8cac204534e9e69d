// Importing a module of the app reads nothing of its environment: every src module is imported while the browser's
// globals (window, document, storage, location, the window's size…) throw when read from our code, so state that
// depends on the environment is made by createApp() from what it is given (ARCHITECTURE.md), never at import.
// Left out: the entry points (main.tsx makes the app, the worker entry wires `self`, as they must), and
// canvas/edgeLayer.ts, whose library cytoscape-layers needs a window to load at all (it is only ever loaded in the page,
// by a dynamic import in edgeLayerModule.ts).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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
