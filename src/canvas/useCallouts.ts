// The callouts to draw now: the main changes between the base and what the canvas shows (a scenario, your edits, a
// transfer or what-if preview), on small graphs only, from the diff the analysis worker works out (store/diffs.ts;
// none until it arrives), memoised per diff. Shown on the changed side.
import type { ControlDiff } from '../analysis';
import { isFloatId, type OwnershipDoc } from '../model';
import { useAnalysis, useStore } from '../store';
import { useControlDiff } from '../store/diffs';
import { previewOf } from '../store/preview';
import { baseOf } from '../store/simState';
import { useSimView } from '../store/simView';
import { callouts, type Callout } from './callouts';
import { MAX_SWAP_ENTITIES, type Side } from './useShown';

const memo = new WeakMap<ControlDiff, Callout[]>();
const NONE: Callout[] = [];

/** Names ids from `after`, else `before` (an entity may exist on one side only). */
function pairName(before: OwnershipDoc, after: OwnershipDoc) {
  const names = new Map([...before.entities, ...after.entities].map((e) => [e.id, e.name]));
  return (id: string) => (isFloatId(id) ? `Unattributed: ${names.get(id.slice(6)) ?? id.slice(6)}` : (names.get(id) ?? id));
}

/** The callouts for the side drawn (none on the before side, none on huge graphs). */
export function useCallouts(side: Side = 'auto'): Callout[] {
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
  const entry = useControlDiff(pair?.[0] ?? null, pair?.[1] ?? null, current.options);
  const d = entry?.diff;
  if (!pair || !d) return NONE;
  let c = memo.get(d);
  if (!c) memo.set(d, (c = callouts(d, pairName(pair[0], pair[1]))));
  return c;
}
