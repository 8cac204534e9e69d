// The hand-written fast path of validation (model/fastCheck.ts) against the zod schema it stands in for: it accepts a
// record only where the schema accepts it unchanged, it accepts ordinary records (so the fast path is really taken),
// and whole documents parse to the same document, or fail with the same message, by either path.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseDoc } from '../../src/model';
import { entityOk, holdingOk, isIsoDate } from '../../src/model/fastCheck';
import { entitySchema, holdingSchema, isoDate } from '../../src/model/schema';

/** Values that break one field or another: wrong types, bounds, empty or long strings, bad dates, odd objects. */
const oddValue = fc.constantFrom<unknown>(
  undefined, null, '', ' ', '\t', 'x'.repeat(200), 'x'.repeat(201), 'y'.repeat(501), 0, -1, -0.0001, 100, 100.0001, 1.5, 10_000, 10_001,
  Number.NaN, Number.POSITIVE_INFINITY, 'JP', 'jp', 'JPN', 'J', '2024-02-29', '2023-02-29', '2024-13-01', '2024-1-01', ' 2024-01-01',
  true, false, 'company', 'float', 'robot', [], [{}], [{ title: 1 }], [{ date: '2024-02-30' }], [{ url: 'u', extra: { a: 1 } }], {},
  { moreThan: 50 }, { atLeast: 75 }, { moreThan: 50, atLeast: 1 }, { moreThan: 101 }, { x: 1, y: 2 }, { y: 2, x: 1 }, { x: 1 }, { x: 1, y: 2, z: 3 },
  { min: 25, max: 50 }, { min: 50, max: 25 }, { min: 25, max: 50, minExclusive: true }, { min: 25, max: 50, minExclusive: 'yes' }, 'h1', 'e0',
  [{ name: 'Z' }], [{ name: ' ' }], [{ name: 'Z', kind: 'former', until: '2023-10-01' }], [{ name: 'Z', kind: 'old' }], [{ name: 'Z', until: '2023-02-30' }],
  [{ name: 'Z', lang: 1 }], [{ scheme: 'LEI', id: '5299' }], [{ scheme: '', id: '1' }], [{ scheme: 'TSE', id: 4689 }], [{ scheme: 'TSE', id: '1', sources: [{ date: 'x' }] }],
);

const entityField = fc.constantFrom('id', 'name', 'kind', 'jurisdiction', 'listed', 'boardSize', 'decisionRule', 'notes', 'sources', 'aliases', 'identifiers', 'position', 'extra');
const holdingField = fc.constantFrom('id', 'holder', 'subject', 'shares', 'votes', 'sharesRange', 'votesRange', 'boardSeats', 'since', 'until', 'estimated', 'notes', 'sources', 'extra');

const baseEntity = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 12 }),
    name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
    kind: fc.constantFrom('company', 'person', 'state', 'fund', 'float', 'other'),
    jurisdiction: fc.constantFrom('JP', 'KR', 'US'),
    listed: fc.boolean(),
    boardSize: fc.integer({ min: 1, max: 20 }),
    decisionRule: fc.constantFrom({ moreThan: 50 }, { atLeast: 66.7 }),
    sources: fc.array(fc.record({ title: fc.string(), url: fc.string(), date: fc.constantFrom('2024-01-31', '2020-02-29') }, { requiredKeys: [] }), { maxLength: 2 }),
    position: fc.record({ x: fc.integer({ min: -10_000_000, max: 10_000_000 }), y: fc.integer({ min: -10_000_000, max: 10_000_000 }) }),
    aliases: fc.constantFrom([{ name: 'LINEヤフー', kind: 'local', lang: 'ja' }], [{ name: 'Z Holdings', kind: 'former', until: '2023-10-01' }]),
    identifiers: fc.constantFrom([{ scheme: 'TSE', id: '4689' }]),
    memo: fc.string(),
  },
  { requiredKeys: ['id', 'name'] },
);

const baseHolding = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 12 }),
    holder: fc.string({ minLength: 1, maxLength: 12 }),
    subject: fc.string({ minLength: 1, maxLength: 12 }),
    shares: fc.double({ min: 0, max: 100, noNaN: true }),
    votes: fc.double({ min: 0, max: 100, noNaN: true }),
    sharesRange: fc.constantFrom({ min: 25, max: 50 }, { min: 50, max: 75, maxExclusive: true }),
    boardSeats: fc.integer({ min: 0, max: 5 }),
    since: fc.constantFrom('2020-01-01', '2024-02-29', null),
    until: fc.constantFrom('2030-12-31', null),
    estimated: fc.boolean(),
    notes: fc.string(),
    memo: fc.record({ deep: fc.array(fc.integer()) }),
  },
  { requiredKeys: ['id', 'holder', 'subject', 'shares'] },
);

/** A record with up to two fields set to odd values (or left valid). */
const broken = <T extends object>(base: fc.Arbitrary<T>, fields: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.array(fc.tuple(fields, oddValue), { maxLength: 2 })).map(([r, edits]) => {
    const out: Record<string, unknown> = { ...(r as Record<string, unknown>) };
    for (const [k, v] of edits) out[k] = v;
    return out;
  });

/** The fast check's verdict agrees with zod's wherever it accepts, and the schema leaves such a record unchanged. */
function agrees(ok: boolean, schema: typeof entitySchema | typeof holdingSchema, rec: unknown) {
  const z = schema.safeParse(rec);
  if (ok) {
    expect(z.success).toBe(true);
    expect(z.data).toEqual(rec);
  }
}

describe('model/fastCheck: the fast path of the schema', () => {
  it('accepts an entity only where the schema accepts it unchanged, whatever is broken in it', () => {
    fc.assert(fc.property(broken(baseEntity, entityField), (e) => agrees(entityOk(e), entitySchema, e)), { numRuns: 2000 });
  });

  it('accepts a holding only where the schema accepts it unchanged, whatever is broken in it', () => {
    fc.assert(fc.property(broken(baseHolding, holdingField), (h) => agrees(holdingOk(h), holdingSchema, h)), { numRuns: 2000 });
  });

  it('accepts every valid generated record, so registers do take the fast path', () => {
    fc.assert(fc.property(baseEntity, (e) => { expect(entityOk(e)).toBe(true); }), { numRuns: 300 });
    fc.assert(fc.property(baseHolding, (h) => { expect(holdingOk(h)).toBe(true); }), { numRuns: 300 });
  });

  it('reads ISO dates exactly as the schema does', () => {
    const dates = fc.oneof(fc.constantFrom('2024-02-29', '2023-02-29', '2024-04-31', '0000-01-01', '9999-12-31', '2024-00-10', '+02024-01-01'), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    fc.assert(fc.property(dates, (d) => { expect(isIsoDate(d)).toBe(isoDate.safeParse(d).success); }), { numRuns: 1000 });
  });
});

/** A small valid document as JSON text, with records made by the arbitraries above. */
const docText = fc
  .tuple(fc.array(baseEntity, { minLength: 1, maxLength: 6 }), fc.array(baseHolding, { maxLength: 6 }), fc.array(fc.tuple(fc.constantFrom('entities', 'holdings'), fc.nat(5), entityField, oddValue), { maxLength: 1 }))
  .map(([entities, holdings, edits]) => {
    const ents = entities.map((e, i) => ({ ...e, id: `e${i}` }));
    const hs = holdings.map((h, k) => ({ ...h, id: `h${k}`, holder: `e${k % ents.length}`, subject: `e${(k + 1) % ents.length}`, shares: 10, votes: 10, sharesRange: undefined, boardSeats: undefined }));
    const doc: Record<string, unknown[]> = { entities: ents, holdings: hs };
    for (const [coll, i, field, v] of edits) {
      const list = doc[coll];
      if (list.length) (list[i % list.length] as Record<string, unknown>)[field] = v;
    }
    return JSON.stringify({ format: 'ownership-graph', version: 1, asOf: '2024-06-30', ...doc });
  });

/** parseDoc's result or its error message. */
function outcome(run: () => unknown): { doc?: unknown; error?: string } {
  try {
    return { doc: run() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('model/parse: the fast path and the schema give the same document or the same error', () => {
  it('on random documents with a broken field or none', () => {
    fc.assert(
      fc.property(docText, (text) => {
        const fast = outcome(() => parseDoc(text)); // decoded here: the fast path may keep its records
        const reference = outcome(() => parseDoc(JSON.parse(text))); // a value the caller keeps: the schema's copy
        expect(fast.error).toEqual(reference.error);
        expect(fast.doc).toEqual(reference.doc);
      }),
      { numRuns: 500 },
    );
  });

  it('names the same record and field as the schema on broken fixtures', () => {
    const base = { format: 'ownership-graph', version: 1, entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 40 }] };
    const cases: [string, (d: typeof base) => void, string][] = [
      ['shares above 100', (d) => ((d.holdings[0] as Record<string, unknown>).shares = 140), 'holdings[0] "h1" field "shares": must be at most 100'],
      ['an empty name', (d) => ((d.entities[1] as Record<string, unknown>).name = '  '), 'entities[1] "b" field "name": must not be empty'],
      ['a lower-case country', (d) => ((d.entities[0] as Record<string, unknown>).jurisdiction = 'jp'), 'entities[0] "a" field "jurisdiction"'],
      ['a date that is not in the calendar', (d) => ((d.holdings[0] as Record<string, unknown>).since = '2023-02-29'), 'holdings[0] "h1" field "since": is not a real calendar date'],
      ['a position with a third coordinate', (d) => ((d.entities[0] as Record<string, unknown>).position = { x: 1, y: 2, z: 3 }), 'entities[0] "a" field "position"'],
    ];
    for (const [what, breakIt, message] of cases) {
      const d = structuredClone(base);
      breakIt(d);
      const text = JSON.stringify(d);
      const fast = outcome(() => parseDoc(text)), reference = outcome(() => parseDoc(JSON.parse(text)));
      expect(fast.error, what).toContain(message);
      expect(fast.error, what).toBe(reference.error);
    }
  });

  it('keeps decoded records as they are (no copy), in their own key order, when they pass', () => {
    const text = '{"format":"ownership-graph","version":1,"entities":[{"name":"A","id":"a","memo":{"k":[1]}},{"id":"b","name":"B"}],"holdings":[{"subject":"b","holder":"a","id":"h","shares":50}]}';
    const doc = parseDoc(text);
    expect(Object.keys(doc.entities[0])).toEqual(['name', 'id', 'memo']);
    expect(Object.keys(doc.holdings[0])).toEqual(['subject', 'holder', 'id', 'shares']);
    expect(doc).toEqual(parseDoc(JSON.parse(text)));
  });
});
