// fast-check arbitraries shared by the property tests: small valid documents and operations on them.
import fc from 'fast-check';
import { parseDoc, type Op, type OwnershipDoc } from '../../src/model';

/**
 * Ids equal to keys of Object.prototype: documents must work with them like with any other id (they once broke drags,
 * autosave and analysis results, which kept ids as keys of plain objects).
 */
export const PROTO_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];

/** Random valid documents: up to 9 entities, holdings scaled so no subject exceeds 100%, cycles allowed. */
export const docArb = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    edges: fc.array(fc.record({ h: fc.nat(8), s: fc.nat(8), x: fc.integer({ min: 1, max: 100 }), v: fc.option(fc.integer({ min: 0, max: 100 })) }), { maxLength: 24 }),
    floats: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    protoIds: fc.boolean(),
  })
  .map(({ n, edges, floats, protoIds }) => {
    const eid = (i: number) => (protoIds ? PROTO_IDS[i] : `e${i}`);
    const seen = new Set<string>();
    const raw = edges
      .map((e) => ({ h: e.h % n, s: e.s % n, x: e.x, v: e.v }))
      .filter((e) => e.h !== e.s && !seen.has(`${e.h}>${e.s}`) && seen.add(`${e.h}>${e.s}`));
    const total = new Map<number, number>();
    for (const e of raw) total.set(e.s, (total.get(e.s) ?? 0) + e.x);
    const floor2 = (x: number) => Math.floor(x * 100) / 100;
    const shares = raw.map((e) => floor2(e.x / Math.max(1, total.get(e.s)! / 100)));
    const vtotal = new Map<number, number>();
    raw.forEach((e, k) => vtotal.set(e.s, (vtotal.get(e.s) ?? 0) + (e.v ?? shares[k])));
    return parseDoc({
      format: 'ownership-graph',
      version: 1,
      asOf: '2024-01-01',
      entities: Array.from({ length: n }, (_, i) => ({ id: eid(i), name: `E${i}`, kind: floats[i] && i > 0 ? 'float' : 'company', jurisdiction: i % 2 ? 'JP' : 'KR' })),
      holdings: raw.map((e, k) => {
        const vscale = Math.max(1, vtotal.get(e.s)! / 100);
        const votes = e.v === null && vscale === 1 ? undefined : floor2((e.v ?? shares[k]) / vscale);
        return { id: protoIds && k < PROTO_IDS.length ? `${PROTO_IDS[k]}` : `h${k}`, holder: eid(e.h), subject: eid(e.s), shares: shares[k], ...(votes === undefined ? {} : { votes }) };
      }),
    });
  });


/** Choices from which `opOf` builds an operation on a given document (fast-check shrinks these numbers). */
export const opSeedArb = fc.record({ kind: fc.nat(26), a: fc.nat(), b: fc.nat(), c: fc.nat(), x: fc.integer({ min: 1, max: 100 }) });
export type OpSeed = { kind: number; a: number; b: number; c: number; x: number };

/** Builds an operation of kind `seed.kind` on `doc`, picking records by `a`, `b`, `c`; it may well be refused. */
export function opOf(doc: OwnershipDoc, seed: OpSeed, depth = 0): Op {
  const { a, b, c, x } = seed;
  const pick = <T>(xs: T[] | undefined, k: number): T | undefined => (xs?.length ? xs[k % xs.length] : undefined);
  const e = (k: number) => pick(doc.entities, k)?.id ?? 'e0';
  const fresh = (k: number) => (k % 5 === 0 ? PROTO_IDS[k % PROTO_IDS.length] : `n${k % 50}`);
  const h = pick(doc.holdings, a);
  const ag = pick(doc.agreements, a), rl = pick(doc.relations, a), dep = pick(doc.dependencies, a), ev = pick(doc.events, a), sc = pick(doc.scenarios, a);
  switch (seed.kind) {
    case 0: return { type: 'addEntity', entity: { id: fresh(a), name: `New ${a % 50}`, ...(x % 2 ? { position: { x, y: a % 100 } } : {}) } };
    case 1: return { type: 'updateEntity', id: e(a), changes: x % 3 ? { name: `Renamed ${x}` } : { position: null, kind: 'person' } };
    case 2: return { type: 'removeEntity', id: e(a) };
    case 3: return { type: 'moveEntity', id: e(a), position: { x, y: b % 500 } };
    case 4: return { type: 'moveEntities', positions: Object.fromEntries([[e(a), { x, y: 1 }], [e(b), { x: 2, y: x }]]) };
    case 5: return { type: 'setHolding', holding: { id: `hn${a % 9}`, holder: e(a), subject: e(b), shares: x / 10 } };
    case 6: return h ? { type: 'setHolding', holding: { ...h, shares: h.shares / 2 } } : { type: 'removeHolding', id: 'none' };
    case 7: return { type: 'updateHolding', id: h?.id ?? 'none', changes: x % 2 ? { shares: (h?.shares ?? 0) / 3, estimated: true } : { votes: null, since: '2023-05-01' } };
    case 8: return { type: 'removeHolding', id: h?.id ?? 'none' };
    case 9: return h ? { type: 'transfer', seller: h.holder, buyer: e(b), subject: h.subject, points: Math.max(0.01, Math.round(h.shares * x) / 100) } : { type: 'removeHolding', id: 'none' };
    case 10: return { type: 'transfer', seller: `float:${e(a)}`, buyer: e(b), subject: e(a), points: x / 20 };
    case 11: return { type: 'addAgreement', agreement: { id: `g${a % 7}`, kind: x % 2 ? 'control' : 'joint-control', parties: [e(b), e(c)], subject: e(a) } };
    case 12: return { type: 'updateAgreement', id: ag?.id ?? 'none', changes: { basis: `clause ${x}`, until: x % 2 ? '2030-01-01' : null } };
    case 13: return { type: 'removeAgreement', id: ag?.id ?? 'none' };
    case 14: return { type: 'addDependency', dependency: { id: `d${a % 7}`, provider: e(b), client: e(c), kind: 'cloud-hosting' } };
    case 15: return { type: 'updateDependency', id: dep?.id ?? 'none', changes: { kind: 'outsourcing', notes: x % 2 ? 'n' : null } };
    case 16: return { type: 'removeDependency', id: dep?.id ?? 'none' };
    case 17: return { type: 'addEvent', event: { id: `ev${a % 7}`, date: '2024-02-29', title: `Event ${x}`, entities: [e(b)] } };
    case 18: return x % 2 ? { type: 'updateEvent', id: ev?.id ?? 'none', changes: { title: `T${x}`, entities: null } } : { type: 'removeEvent', id: ev?.id ?? 'none' };
    case 19: return { type: 'setMeta', changes: x % 2 ? { title: `Title ${x}` } : { asOf: null, title: null } };
    case 20: return { type: 'setScenario', scenario: { id: `s${a % 3}`, title: `S${x}`, ops: [{ type: 'moveEntity', id: e(b), position: { x: 1, y: 2 } }] } };
    case 21: return { type: 'removeScenario', id: sc?.id ?? 'none' };
    case 22: return { type: 'addRelation', relation: { id: `r${a % 7}`, kind: x % 2 ? 'trustee' : 'consolidation', party: e(b), subject: e(c), ...(x % 3 ? {} : { level: 'ultimate' }) } };
    case 23: return { type: 'updateRelation', id: rl?.id ?? 'none', changes: { details: `d${x}`, until: x % 2 ? '2031-01-01' : null } };
    case 24: return { type: 'removeRelation', id: rl?.id ?? 'none' };
    default:
      // A batch of two or three operations, applied as one.
      if (depth > 0) return { type: 'moveEntity', id: e(a), position: { x: 0, y: 0 } };
      return { type: 'batch', label: 'random', ops: [0, 1, 2].slice(0, 2 + (x % 2)).map((i) => opOf(doc, { kind: (a + i * 7) % 25, a: b + i, b: c + i, c: a + i, x: (x * (i + 3)) % 100 + 1 }, depth + 1)) };
  }
}
