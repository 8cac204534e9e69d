// Pure: a "lit path" — paths of entity ids, holder or controller first (a control chain parent by parent, or the
// ownership paths of a look-through stake from paths.ts) — and the entity pairs they step between, which is what the
// canvas and every export light. Imports no graph library, so the canvas can read it on its first load.
import type { EntityControl } from './analyze';

/** Paths to light, each a list of entity ids from the holder or controller down to the entity, and what they show. */
export interface LitPath {
  paths: string[][];
  /** What is lit, in words ("NAVER controls LY Corporation through…"), for the status line and exports. */
  label: string;
}

/**
 * The chain of immediate controllers from `controller` down to `entity` (both included), following `parent` links
 * upward breadth first so the shortest chain is found; null when `controller` does not control `entity` this way.
 */
export function controlChain(control: { get(id: string): Pick<EntityControl, 'parent'> | undefined }, entity: string, controller: string): string[] | null {
  if (entity === controller) return [entity];
  const from = new Map<string, string>([[entity, '']]);
  for (let queue = [entity]; queue.length; ) {
    const next: string[] = [];
    for (const v of queue) {
      for (const p of control.get(v)?.parent ?? []) {
        if (from.has(p)) continue;
        from.set(p, v);
        if (p === controller) {
          const out = [p];
          for (let x = v; x; x = from.get(x)!) out.push(x);
          return out;
        }
        next.push(p);
      }
    }
    queue = next;
  }
  return null;
}

/** The ordered entity pairs (holder → subject) the paths step between, as `a\u0000b` keys. */
export function litPairs(lit: LitPath): Set<string> {
  const out = new Set<string>();
  for (const p of lit.paths) for (let i = 1; i < p.length; i++) out.add(`${p[i - 1]}\u0000${p[i]}`);
  return out;
}

/** Every entity on the paths. */
export function litEntities(lit: LitPath): Set<string> {
  return new Set(lit.paths.flat());
}
