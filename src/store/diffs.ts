// The control diff of two documents (a scenario against its base, a preview against the document), worked out in the
// analysis worker so that the page's task when a transition starts stays short: the voting game and the other rules
// cost tens of ms on LY. Memoised per pair of documents and view options; components re-render when one arrives.
// Where no worker can run (Node, a worker that fails) the diff is worked out on the page, in a task of its own.
// One per explorer (createApp makes it, app.stop() stops its worker); importing this module starts nothing.
import { useStore as useZustand } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { analyze, type AnalysisOptions, type ControlDiff } from '../analysis';
import type { OwnershipDoc } from '../model';
import type { AnalysisWorker } from '../worker/client';
import { useApp } from './context';

/** A diff asked for: null until it arrives (or when it failed: `error` says why). */
export interface DiffEntry {
  diff: ControlDiff | null;
  error: string | null;
}

type Options = Partial<AnalysisOptions>;

/** The diffs of one explorer. */
export interface Diffs {
  /** The diff of `before` → `after` under `options`: the entry at once (its diff null until it arrives), asked for once. */
  request(before: OwnershipDoc, after: OwnershipDoc, options: Options): DiffEntry;
  /** Starts the diff worker ahead of the first diff (it loads its script), e.g. once the graph is drawn. */
  warm(): void;
  /** Bumped when a diff arrives, so that the components showing one re-render. */
  arrivals: StoreApi<{ count: number }>;
  /** Stops the worker (diffs asked for afterwards are worked out on the page). */
  stop(): void;
}

const keyOf = (o: Options) => `${o.rule ?? ''}|${o.threshold ?? ''}|${o.date ?? ''}`;

/** The diff on the page, in a task of its own (the diff module loads with it). */
async function onPage(before: OwnershipDoc, after: OwnershipDoc, options: Options): Promise<ControlDiff> {
  const { diffAnalyses } = await import('../analysis/diff');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return diffAnalyses(analyze(before, options), analyze(after, options));
}

/** Makes the diffs of one explorer; `makeWorker` (null: no worker) is called once, on the first diff or warm(). */
export function createDiffs(makeWorker: (() => AnalysisWorker) | null): Diffs {
  const cache = new WeakMap<OwnershipDoc, WeakMap<OwnershipDoc, Map<string, DiffEntry>>>();
  const arrivals = createStore(() => ({ count: 0 }));
  let worker: AnalysisWorker | null | undefined = makeWorker ? undefined : null;
  const diffWorker = (): AnalysisWorker | null => {
    if (worker === undefined) {
      try {
        worker = makeWorker!();
      } catch {
        worker = null;
      }
    }
    return worker;
  };
  return {
    arrivals,
    warm() {
      diffWorker();
    },
    request(before, after, options) {
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
    },
    stop() {
      worker?.terminate();
      worker = null;
    },
  };
}

/** The diff of `before` → `after` (null while it is worked out, or when either is null); re-renders when it arrives. */
export function useControlDiff(before: OwnershipDoc | null, after: OwnershipDoc | null, options: Options): DiffEntry | null {
  const diffs = useApp().diffs;
  useZustand(diffs.arrivals, (s) => s.count);
  return before && after ? diffs.request(before, after, options) : null;
}
