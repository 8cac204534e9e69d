// What the callouts describe now: the diff between the base and what the canvas shows (a scenario, your edits, a
// transfer or what-if preview), from the analysis worker (store/diffs.ts; none until it arrives), on small graphs only
// and on the changed side. The callouts themselves are worded and drawn by Callouts.tsx, loaded when first needed.
import type { ControlDiff } from '../analysis';
import type { OwnershipDoc } from '../model';
import { useAnalysis, useStore } from '../store';
import { useControlDiff } from '../store/diffs';
import { previewOf } from '../store/preview';
import { baseOf } from '../store/simState';
import { useSimView } from '../store/simView';
import { MAX_SWAP_ENTITIES, type Side } from './useShown';

/** A diff to call out, with the two documents it compares (for names). */
export interface CalloutSource {
  diff: ControlDiff;
  before: OwnershipDoc;
  after: OwnershipDoc;
}

/** The diff to call out on the side drawn (none on the before side, none on huge graphs, none while it is worked out). */
export function useCalloutSource(side: Side = 'auto'): CalloutSource | null {
  const current = useAnalysis();
  const doc = useStore((s) => s.doc);
  const sim = useStore((s) => s.sim);
  const draft = useSimView((s) => s.draft);
  const showBase = useSimView((s) => s.showBase);
  let pair: [OwnershipDoc, OwnershipDoc] | null = null;
  if (doc.entities.length <= MAX_SWAP_ENTITIES && side !== 'before') {
    const preview = draft ? previewOf(doc, draft) : null;
    const base = baseOf(sim, doc);
    if (preview?.ok) pair = [doc, preview.doc];
    else if (base && !(showBase && side === 'auto')) pair = [base, doc];
  }
  const diff = useControlDiff(pair?.[0] ?? null, pair?.[1] ?? null, current.options)?.diff;
  return pair && diff ? { diff, before: pair[0], after: pair[1] } : null;
}
