// The edit lookups handed from list to list (model/docIndex.ts): a list kept as the base of every scenario keeps its
// lookup through the edits made from it, and edits checked with the copies decide as edits on a fresh document do.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, type Op, type OwnershipDoc } from '../../src/model';
import { holdingLookup, keepHoldingLookup, prepareEditLookups, subjectHoldings } from '../../src/model/docIndex';
import { docArb, opOf, opSeedArb } from './arbitraries';

/** The document applied `op`, or the refusal's message. */
const outcome = (doc: OwnershipDoc, op: Op) => {
  try {
    return apply(doc, op);
  } catch (e) {
    return (e as Error).message;
  }
};

describe('kept lookups', () => {
  it('scenarios applied again and again on one base decide as on a fresh copy, and the base keeps its lookup', () => {
    fc.assert(
      fc.property(docArb, fc.array(fc.array(opSeedArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (base, scenarios) => {
        prepareEditLookups(base);
        keepHoldingLookup(base.holdings);
        const lookup = holdingLookup(base.holdings);
        for (const seeds of scenarios) {
          // Each scenario's edits, one after another from the base (the later ones on the lists the earlier made).
          let doc = base, fresh = structuredClone(base);
          for (const seed of seeds) {
            const op = opOf(doc, seed);
            const a = outcome(doc, op), b = outcome(fresh, op);
            expect(a).toEqual(b);
            if (typeof a !== 'string' && typeof b !== 'string') [doc, fresh] = [a, b];
          }
          // The scenario's list reads each subject's holdings through the base's (no scan): those a scan finds.
          const derived = holdingLookup(doc.holdings);
          if (derived) {
            for (const subject of new Set([...base.holdings, ...doc.holdings].map((h) => h.subject))) {
              expect(new Set(subjectHoldings(doc.holdings, derived, subject))).toEqual(new Set(doc.holdings.filter((h) => h.subject === subject)));
            }
          }
          expect(holdingLookup(base.holdings)).toBe(lookup);
          for (const h of base.holdings) expect(lookup!.byId.get(h.id)).toBe(h);
          expect(lookup!.byId.size).toBe(base.holdings.length);
          for (const [subject, list] of lookup!.bySubject) expect(new Set(list)).toEqual(new Set(base.holdings.filter((h) => h.subject === subject)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
