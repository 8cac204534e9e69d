// The control diff of two documents (a scenario against its base, a preview against the document), worked out in the
// analysis worker so that the page's task when a transition starts stays short: the voting game and the other rules
// cost tens of ms on LY. Memoised per pair of documents and view options; components re-render when one arrives.
// Where no worker can run (Node, a worker that fails) the diff is worked out on the page, in a task of its own.
import { useStore as useZustand } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { analyze, type AnalysisOptions, type ControlDiff } from '../analysis';
import type { OwnershipDoc } from '../model';
import { AnalysisWorker } from '../worker/client';

/** A diff asked for: null until it arrives (or when it failed: `error` says why). */
export interface DiffEntry {
  diff: ControlDiff | null;
  error: string | null;
}

type Options = Partial<AnalysisOptions>;

const cache = new WeakMap<OwnershipDoc, WeakMap<OwnershipDoc, Map<string, DiffEntry>>>();
/** Bumped when a diff arrives, so that the components showing one re-render. */
const arrivals = createStore(() => ({ count: 0 }));

/** The worker the diffs are worked out in (one, made on first use; null where workers cannot run). */
let worker: AnalysisWorker | null | undefined;
function diffWorker(): AnalysisWorker | null {
  if (worker === undefined) {
    try {
      worker = typeof Worker === 'undefined' ? null : new AnalysisWorker();
    } catch {
      worker = null;
    }
  }
  return worker;
}

/** Starts the diff worker ahead of the first diff (it loads its script), e.g. when the Simulate panel opens. */
export function warmDiffs(): void {
  diffWorker();
}

const keyOf = (o: Options) => `${o.rule ?? ''}|${o.threshold ?? ''}|${o.date ?? ''}`;

/** The diff on the page, in a task of its own (the diff module loads with it). */
async function onPage(before: OwnershipDoc, after: OwnershipDoc, options: Options): Promise<ControlDiff> {
  const { diffAnalyses } = await import('../analysis/diff');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return diffAnalyses(analyze(before, options), analyze(after, options));
}

/** The diff of `before` → `after` under `options`: the entry at once (its diff null until it arrives), asked for once. */
export function requestDiff(before: OwnershipDoc, after: OwnershipDoc, options: Options): DiffEntry {
  let byAfter = cache.get(before);
  if (!byAfter) cache.set(before, (byAfter = new WeakMap()));
  let byKey = byAfter.get(after);
  if (!byKey) byAfter.set(after, (byKey = new Map()));
  const key = keyOf(options);
  const hit = byKey.get(key);
  if (hit) return hit;
  const entry: DiffEntry = { diff: null, error: null };
  byKey.set(key, entry);
  const w = diffWorker();
  (w ? w.diff(before, after, options).catch(() => onPage(before, after, options)) : onPage(before, after, options))
    .then((diff) => (entry.diff = diff))
    .catch((e: Error) => (entry.error = `The changes could not be worked out: ${e.message}`))
    .finally(() => arrivals.setState((s) => ({ count: s.count + 1 })));
  return entry;
}

/** The diff of `before` → `after` (null while it is worked out, or when either is null); re-renders when it arrives. */
export function useControlDiff(before: OwnershipDoc | null, after: OwnershipDoc | null, options: Options): DiffEntry | null {
  useZustand(arrivals, (s) => s.count);
  return before && after ? requestDiff(before, after, options) : null;
}
