// The callouts of a diff on the canvas: worded (callouts.ts) and drawn beside their entities (CalloutLayer). Loaded when
// the first diff is called out, so its code is not part of the first drawing.
import { useMemo } from 'react';
import type { Core } from 'cytoscape';
import { isFloatId, type OwnershipDoc } from '../model';
import { CalloutLayer } from './CalloutLayer';
import { callouts } from '../draw/callouts';
import type { CalloutSource } from './useCallouts';

/** Names ids from `after`, else `before` (an entity may exist on one side only). */
function pairName(before: OwnershipDoc, after: OwnershipDoc) {
  const names = new Map([...before.entities, ...after.entities].map((e) => [e.id, e.name]));
  return (id: string) => (isFloatId(id) ? `Unattributed: ${names.get(id.slice(6)) ?? id.slice(6)}` : (names.get(id) ?? id));
}

export function Callouts({ cy, source }: { cy: Core | null; source: CalloutSource }) {
  const { diff, before, after } = source;
  const items = useMemo(() => callouts(diff, pairName(before, after)), [diff, before, after]);
  return <CalloutLayer cy={cy} items={items} />;
}
