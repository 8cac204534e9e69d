// The live analysis's reasons carry the document's current agreement records: editing an agreement's basis (which
// changes no control) still shows the new basis in the reason, as the analysis from scratch does.
import { expect, it } from 'vitest';
import { applyWithInverse, parseDoc } from '../../src/model';
import { computeControl } from '../../src/analysis/control';
import { LiveAnalysis } from '../../src/analysis/live';
import { resolveOptions } from '../../src/analysis/options';
import { snapshot } from '../../src/analysis/snapshot';

it.each(['legal', 'defacto'] as const)('an agreement\'s basis edited: the %s reason holds the new record', (rule) => {
  let doc = parseDoc({
    format: 'ownership-graph', version: 1, asOf: '2024-01-01',
    entities: [{ id: 'a', name: 'A', kind: 'company' }, { id: 'b', name: 'B', kind: 'company' }],
    holdings: [],
    agreements: [{ id: 'g1', kind: 'control', parties: ['a'], subject: 'b' }],
  });
  const live = new LiveAnalysis(doc, { rule });
  for (const basis of ['clause 32', 'side letter of 2021', null]) {
    doc = applyWithInverse(doc, { type: 'updateAgreement', id: 'g1', changes: { basis } }).doc;
    expect(live.update(doc)).toBe(true);
    const opts = resolveOptions(doc, { rule });
    const want = computeControl(snapshot(doc, opts.date), opts).reason;
    expect(live.reason).toEqual(want);
    expect((live.reason[1] as { agreement?: { basis?: string } }).agreement?.basis).toBe(basis ?? undefined);
  }
});
