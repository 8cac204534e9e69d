// The register-scale fast paths against reference computations: control read by entity index (the command line
// builds no per-entity map) against ultimate controllers found by brute force over reachability; the snapshot built
// from validation's shared index against the one built from scratch; decimals written by ByteOut against JSON.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../src/analysis';
import { agreementsBySubject, entityFields, fromTable, holdingTable, snapshot } from '../../src/analysis/snapshot';
import { closedLoops, closedLoopsOfComponents } from '../../src/analysis/lookThrough';
import { ByteOut } from '../../src/cli/byteOut';
import { apply, docIndex, type OwnershipDoc } from '../../src/model';
import { docArb } from './arbitraries';
import { graph } from './helpers';

/**
 * Ultimate controllers by brute force: R(v) is every entity reachable from v along "is controlled by" (v included);
 * u is ultimate for v when u ∈ R(v) and every entity u reaches reaches u back (u sits in a terminal cycle or alone).
 */
function bruteUltimates(a: Analysis): string[][] {
  const n = a.snap.n;
  const up = Array.from({ length: n }, (_, v) => a.parentsAt(v));
  const reach = Array.from({ length: n }, (_, v) => {
    const seen = new Set([v]);
    const stack = [v];
    while (stack.length) for (const p of up[stack.pop()!]) if (!seen.has(p)) { seen.add(p); stack.push(p); }
    return seen;
  });
  return Array.from({ length: n }, (_, v) => {
    if (a.statusAt(v) === 'independent') return [];
    const tops = [...reach[v]].filter((u) => [...reach[u]].every((w) => reach[w].has(u)));
    return tops.map((u) => a.snap.ids[u]).sort();
  });
}

function checkControl(doc: OwnershipDoc, rule: 'votes' | 'legal' | 'defacto') {
  const a = analyze(doc, { rule });
  const brute = bruteUltimates(a);
  for (let v = 0; v < a.snap.n; v++) {
    const c = a.entityAt(v);
    expect(c.ultimate).toEqual(brute[v]);
    expect(c.parent).toEqual(a.parentsAt(v).map((p) => a.snap.ids[p]));
    expect(c.status === 'independent').toBe(c.parent.length === 0 && c.reason.kind !== 'joint');
    // The map the app reads is made of the same results.
    expect(a.control.get(a.snap.ids[v])).toEqual(c);
  }
}

describe('analysis: control read by entity index', () => {
  it('gives every entity the ultimate controllers brute force finds, under every rule', () => {
    fc.assert(fc.property(docArb, fc.constantFrom('votes' as const, 'legal' as const, 'defacto' as const), (doc, rule) => checkControl(doc, rule)), { numRuns: 300 });
  });

  it('handles joint control by agreement and circular control', () => {
    // X and Y control each other (circular); J is jointly controlled by X and P by agreement; K is held by J.
    const doc = graph([['x', 'y', 60], ['y', 'x', 60], ['x', 'j', 30], ['p', 'j', 30], ['j', 'k', 80]], { agreements: [{ kind: 'joint-control', parties: ['x', 'p'], subject: 'j' }] });
    checkControl(doc, 'legal');
    const a = analyze(doc, { rule: 'legal' });
    const k = a.entityAt(a.snap.index.get('k')!);
    expect(k.ultimate).toEqual(['p', 'x', 'y']);
    expect(a.statusAt(a.snap.index.get('x')!)).toBe('circular');
  });
});

describe('analysis: the snapshot from validation\'s shared index', () => {
  it('equals the snapshot built from scratch, also after an edit', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (doc, k) => {
        const h = doc.holdings.length ? doc.holdings[k % doc.holdings.length] : null;
        const edited = h ? apply(doc, { type: 'updateHolding', id: h.id, changes: { shares: h.shares / 2, votes: (h.votes ?? h.shares) / 2 } }) : doc;
        for (const d of [doc, edited]) {
          const date = d.asOf!;
          const e = entityFields(d);
          const reference = fromTable(d, date, e, holdingTable(d, e.index, date), agreementsBySubject(d, e.index, date));
          const s = snapshot(d, date);
          expect({ ...s, index: [...s.index] }).toEqual({ ...reference, index: [...reference.index] });
          expect(docIndex(d).holder).toEqual(holdingTable(d, e.index, date).holder);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('cli/byteOut: micro-points', () => {
  it('writes k micro-points as JSON.stringify(k / 1e6) does', () => {
    const o = new ByteOut();
    const dec = new TextDecoder();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (k) => {
        o.micro(k);
        expect(dec.decode(o.take())).toBe(JSON.stringify(k / 1e6));
      }),
      { numRuns: 5000 },
    );
    for (const k of [0, 1, 10, 100000, 1000000, 1000001, 100000000, 123456789]) {
      o.micro(k);
      expect(dec.decode(o.take())).toBe(JSON.stringify(k / 1e6));
    }
  });
});

describe('cli/byteOut: JSON string literals', () => {
  it('writes a string as JSON.stringify does (quotes, backslashes, control characters, non-ASCII, lone surrogates)', () => {
    const o = new ByteOut();
    const dec = new TextDecoder();
    // Any UTF-16 code unit, lone surrogates and control characters included.
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(fc.string(), fc.string({ unit, maxLength: 20 }), fc.constantFrom('plain', 'a "quoted" name', 'back\\slash', 'tab\tand\u0001', 'é', '\ud800', ''));
    fc.assert(
      fc.property(text, (s) => {
        o.json(s);
        return dec.decode(o.take()) === JSON.stringify(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('analysis: closed ownership loops found among wholly held entities', () => {
  /** Documents made of groups that hold each other (often wholly), outside holders with small or zero stakes, and chains. */
  const loopyDoc = fc
    .record({
      groups: fc.array(fc.record({ size: fc.integer({ min: 1, max: 4 }), whole: fc.boolean(), rot: fc.nat(3) }), { minLength: 1, maxLength: 4 }),
      extras: fc.array(fc.record({ h: fc.nat(20), s: fc.nat(20), x: fc.constantFrom(0, 0.5, 1, 30) }), { maxLength: 6 }),
    })
    .map(({ groups, extras }) => {
      const ids: string[] = [];
      const edges: [string, string, number][] = [];
      for (const g of groups) {
        const m = Array.from({ length: g.size }, () => `e${ids.push(`e${ids.length}`) - 1}`);
        // A ring: each member holds the next, wholly or not; `rot` > 0 adds a zero-share chord inside the ring.
        if (g.size > 1) m.forEach((id, i) => edges.push([id, m[(i + 1) % m.length], g.whole ? 100 : 60]));
        if (g.size > 2 && g.rot > 0) edges.push([m[g.rot % m.length], m[(g.rot + 2) % m.length], 0]);
      }
      const held = new Map<string, number>();
      const seen = new Set<string>();
      const out = edges.filter(([h, s]) => h !== s && !seen.has(`${h}>${s}`) && seen.add(`${h}>${s}`));
      for (const [, s, x] of out) held.set(s, (held.get(s) ?? 0) + x);
      for (const e of extras) {
        const h = ids[e.h % ids.length], s = ids[e.s % ids.length];
        if (h === s || seen.has(`${h}>${s}`) || (held.get(s) ?? 0) + e.x > 100) continue;
        seen.add(`${h}>${s}`);
        held.set(s, (held.get(s) ?? 0) + e.x);
        out.push([h, s, e.x]);
      }
      return graph(out, { entities: ids.map((id) => ({ id })) });
    });

  it('gives the loops the whole graph\'s components give', () => {
    let found = 0;
    fc.assert(
      fc.property(loopyDoc, (doc) => {
        const s = snapshot(doc, doc.asOf ?? '2024-01-01');
        const fast = closedLoops(s);
        found += fast.length;
        expect(fast).toEqual(closedLoopsOfComponents(snapshot(structuredClone(doc), doc.asOf ?? '2024-01-01')));
      }),
      { numRuns: 500 },
    );
    expect(found).toBeGreaterThan(0); // the documents do hold closed loops
  });
});
