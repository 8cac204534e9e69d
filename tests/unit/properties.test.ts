// Property-based tests (fast-check) of the engine's invariants (ARCHITECTURE.md "Tests").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, generateGraph, parseDoc, type OwnershipDoc } from '../../src/model';
import { analyze, Analysis, subDocument, upstreamOf, type Rule } from '../../src/analysis';
import { inForce } from '../../src/model';
import { docArb } from './arbitraries';

const rules: Rule[] = ['votes', 'legal', 'defacto'];
const shuffle = <T>(xs: T[], seed: number) => xs.map((x, i) => [((i + 1) * 2654435761 + seed) % 4294967296, x] as const).sort((a, b) => a[0] - b[0]).map((p) => p[1]);

describe('engine invariants', () => {
  it('ultimate owners sum to 100% for every entity not fed by a closed loop', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const a = analyze(doc);
        for (const e of doc.entities) {
          const r = a.lookThrough(e.id);
          if ('loop' in r) continue;
          expect(Object.values(r.ultimateOwners).reduce((x, y) => x + y, 0)).toBeCloseTo(100, 6);
          for (const v of Object.values(r.lookThrough)) expect(v).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('control results do not depend on the order of records', () => {
    fc.assert(
      fc.property(docArb, fc.integer(), (doc, seed) => {
        const shuffled: OwnershipDoc = { ...doc, entities: shuffle(doc.entities, seed), holdings: shuffle(doc.holdings, seed + 1) };
        for (const rule of rules) {
          const a = new Analysis(doc, { rule }), b = new Analysis(shuffled, { rule });
          for (const e of doc.entities) {
            const x = a.entity(e.id), y = b.entity(e.id);
            expect([y.status, y.parent, y.ultimate]).toEqual([x.status, x.parent, x.ultimate]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('control is consistent: a parent is never the entity itself, ultimates are uncontrolled or in a control cycle, floats control nothing', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        for (const rule of rules) {
          const a = analyze(doc, { rule });
          const floats = new Set(doc.entities.filter((e) => e.kind === 'float').map((e) => e.id));
          for (const [id, c] of a.control) {
            expect(c.parent).not.toContain(id);
            for (const p of c.parent) expect(floats.has(p)).toBe(false);
            expect(c.status === 'independent').toBe(c.ultimate.length === 0);
            // An ultimate controller is uncontrolled, or sits in a terminal control cycle (its own ultimate).
            for (const u of c.ultimate) expect(a.entity(u).status === 'independent' || a.entity(u).ultimate.includes(u)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('power indices sum to 1 (or 0 when no coalition wins) and veto players have positive power', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const a = analyze(doc, { rule: 'votes' });
        for (const e of doc.entities) {
          const p = a.power(e.id);
          const sum = p.reduce((s, x) => s + x.banzhaf, 0);
          expect(sum === 0 || Math.abs(sum - 1) < 1e-9).toBe(true);
          for (const x of p) if (x.veto && sum > 0) expect(x.banzhaf).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a transfer conserves the subject’s shares, and its inverse restores the holdings', () => {
    let accepted = 0, refused = 0;
    fc.assert(
      fc.property(docArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 10_000 }), (doc, hi, bi, frac) => {
        fc.pre(doc.holdings.length > 0);
        const h = doc.holdings[hi % doc.holdings.length];
        const buyer = doc.entities[bi % doc.entities.length].id;
        fc.pre(buyer !== h.holder && buyer !== h.subject);
        const points = Math.max(0.01, Math.floor((h.shares * frac) / 10_000 * 100) / 100);
        const held = (d: OwnershipDoc) => d.holdings.filter((x) => x.subject === h.subject).reduce((s, x) => s + x.shares, 0);
        const op = { type: 'transfer', seller: h.holder, buyer, subject: h.subject, points } as const;
        let after: OwnershipDoc;
        try {
          after = apply(doc, op);
        } catch (e) {
          // The only refusal a transfer of at most the seller's stake may meet: the buyer's votes would pass 100%.
          expect((e as Error).message).toMatch(/sum to [\d.]+% of votes/);
          refused++;
          return;
        }
        accepted++;
        expect(held(after)).toBeCloseTo(held(doc), 6);
        const votes = (d: OwnershipDoc) => d.holdings.filter((x) => x.subject === h.subject).reduce((s, x) => s + (x.votes ?? x.shares), 0);
        expect(votes(after)).toBeCloseTo(votes(doc), 4);
        const back = apply(after, { type: 'transfer', seller: buyer, buyer: h.holder, subject: h.subject, points });
        const key = (d: OwnershipDoc) => Object.fromEntries(d.holdings.map((x) => [`${x.holder}>${x.subject}`, x.shares]));
        expect(key(back)).toEqual(key(doc));
      }),
      { numRuns: 300 },
    );
    // Most generated transfers must be carried out, or the property says little.
    expect(accepted).toBeGreaterThan(150);
    expect(refused).toBeLessThan(accepted);
  });

  it('the generator always produces valid documents whose ultimate owners sum to 100%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer(), (n, seed) => {
        const doc = parseDoc(JSON.stringify(generateGraph({ entities: n, seed })));
        expect(doc.entities).toHaveLength(n);
        const a = analyze(doc);
        const last = doc.entities[n - 1].id;
        const r = a.lookThrough(last);
        if (!('loop' in r)) expect(Object.values(r.ultimateOwners).reduce((x, y) => x + y, 0)).toBeCloseTo(100, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('an entity analysed within its upstream sub-document gets the same control, explanation, look-through and power', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (doc, k) => {
        const id = doc.entities[k % doc.entities.length].id;
        for (const rule of rules) {
          const full = new Analysis(doc, { rule });
          const sub = new Analysis(subDocument(doc, upstreamOf(doc, [id], full.options.date), full.options.date), { rule });
          const { reason: _a, ...x } = full.entity(id);
          const { reason: _b, ...y } = sub.entity(id);
          expect(y).toEqual(x);
          expect(sub.explain(id)).toEqual(full.explain(id));
          expect(sub.lookThrough(id)).toEqual(full.lookThrough(id));
          expect(sub.power(id)).toEqual(full.power(id));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('upstream sub-documents', () => {
  /** The sub-document by its definition: a scan of every record. */
  const reference = (doc: OwnershipDoc, keep: Set<string>, date: string): OwnershipDoc => ({
    ...doc,
    entities: doc.entities.filter((e) => keep.has(e.id)),
    holdings: doc.holdings.filter((h) => inForce(h, date) && keep.has(h.holder) && keep.has(h.subject)),
    agreements: (doc.agreements ?? []).filter((a) => inForce(a, date) && keep.has(a.subject) && a.parties.every((p) => keep.has(p))),
    dependencies: (doc.dependencies ?? []).filter((d) => inForce(d, date) && keep.has(d.provider) && keep.has(d.client)),
    events: [],
  });

  it('equals a scan of every record, for any set kept, also after an edit of figures or of edges', () => {
    fc.assert(
      fc.property(docArb, fc.array(fc.nat(8), { maxLength: 9 }), fc.nat(), (doc, picks, k) => {
        const keep = new Set(picks.map((i) => doc.entities[i % doc.entities.length].id));
        expect(subDocument(doc, keep, '2024-01-01')).toEqual(reference(doc, keep, '2024-01-01'));
        if (!doc.holdings.length) return;
        const h = doc.holdings[k % doc.holdings.length];
        const figure = apply(doc, { type: 'setHolding', holding: { ...h, shares: h.shares / 2 } });
        expect(subDocument(figure, keep, '2024-01-01')).toEqual(reference(figure, keep, '2024-01-01'));
        const gone = apply(figure, { type: 'removeHolding', id: h.id });
        expect(subDocument(gone, keep, '2024-01-01')).toEqual(reference(gone, keep, '2024-01-01'));
      }),
      { numRuns: 150 },
    );
  });

  it('follows holders and agreement parties in force on the date', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: ['a', 'b', 'c', 'd', 'p', 'q'].map((id) => ({ id, name: id })),
      holdings: [
        { id: 'h1', holder: 'a', subject: 'b', shares: 60 },
        { id: 'h2', holder: 'b', subject: 'c', shares: 60 },
        { id: 'h3', holder: 'd', subject: 'c', shares: 10, until: '2024-01-01' },
        { id: 'h4', holder: 'c', subject: 'q', shares: 10 },
      ],
      agreements: [{ id: 'g1', kind: 'control', parties: ['p'], subject: 'a' }],
    });
    expect([...upstreamOf(doc, ['c'], '2024-06-01')].sort()).toEqual(['a', 'b', 'c', 'p']);
    expect([...upstreamOf(doc, ['c'], '2023-06-01')].sort()).toEqual(['a', 'b', 'c', 'd', 'p']);
    const sub = subDocument(doc, upstreamOf(doc, ['c'], '2024-06-01'), '2024-06-01');
    expect(sub.holdings.map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(sub.agreements?.map((a) => a.id)).toEqual(['g1']);
  });
});
