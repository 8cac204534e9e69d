// The callouts to draw now: the main changes between the base and what the canvas shows (a scenario, your edits, a
// transfer or what-if preview), on small graphs only, memoised per pair of analyses. Shown on the changed side.
import { analyze, diffAnalyses, type Analysis } from '../analysis';
import { isFloatId, type OwnershipDoc } from '../model';
import { useAnalysis, useStore } from '../store';
import { previewOf } from '../store/preview';
import { baseOf } from '../store/simState';
import { useSimView } from '../store/simView';
import { callouts, type Callout } from './callouts';
import { MAX_SWAP_ENTITIES, type Side } from './useShown';

const memo = new WeakMap<Analysis, WeakMap<Analysis, Callout[]>>();

/** Names ids from `after`, else `before` (an entity may exist on one side only). */
function pairName(before: OwnershipDoc, after: OwnershipDoc) {
  const names = new Map([...before.entities, ...after.entities].map((e) => [e.id, e.name]));
  return (id: string) => (isFloatId(id) ? `Unattributed: ${names.get(id.slice(6)) ?? id.slice(6)}` : (names.get(id) ?? id));
}

/** Callouts for the change `from` → `to` (memoised). */
export function calloutsFor(from: Analysis, to: Analysis): Callout[] {
  let byTo = memo.get(from);
  if (!byTo) memo.set(from, (byTo = new WeakMap()));
  let c = byTo.get(to);
  if (!c) byTo.set(to, (c = callouts(diffAnalyses(from, to, { lookThrough: false }), pairName(from.doc, to.doc))));
  return c;
}

/** The callouts for the side drawn (none on the before side, none on huge graphs). */
export function useCallouts(side: Side = 'auto'): Callout[] {
  const current = useAnalysis();
  const doc = useStore((s) => s.doc);
  const sim = useStore((s) => s.sim);
  const draft = useSimView((s) => s.draft);
  const showBase = useSimView((s) => s.showBase);
  if (doc.entities.length > MAX_SWAP_ENTITIES || side === 'before') return [];
  const opts = current.options;
  const preview = draft ? previewOf(doc, draft) : null;
  if (preview?.ok) return calloutsFor(analyze(doc, opts), analyze(preview.doc, opts));
  const base = baseOf(sim, doc);
  if (!base || (showBase && side === 'auto')) return [];
  return calloutsFor(analyze(base, opts), analyze(doc, opts));
}
