// Property-based tests (fast-check) over random valid documents: every export → import round trip preserves what it
// promises, and random or mutated input only ever fails with an IoError or ModelError, never a TypeError.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { ModelError, inForce, parseDoc, type OwnershipDoc } from '../../src/model';
import { analyze, RULES } from '../../src/analysis';
import {
  IoError, decodeShareFragment, embedDoc, encodeShareFragment, exportBods, exportCsv, extractDoc, importBods, importCsv, importFile,
  openDoc, serializeDoc,
} from '../../src/io';
import { docArb } from '../fixtures/io/arbitraries';
import { checkBods } from '../fixtures/io/bodsCheck';

const RUNS = { numRuns: 60 };
const validDoc = docArb.map((d) => parseDoc(d));

function holdingLines(doc: OwnershipDoc, date?: string, byName = false): string[] {
  const name = new Map(doc.entities.map((e) => [e.id, byName ? e.name : e.id]));
  return doc.holdings
    .filter((h) => !date || inForce(h, date))
    .map((h) => `${name.get(h.holder)}>${name.get(h.subject)} ${h.shares}/${h.votes ?? '-'}${date ? '' : ` ${h.since ?? ''}..${h.until ?? ''}`}`)
    .sort();
}

function control(doc: OwnershipDoc, date: string, rule: (typeof RULES)[number]) {
  return [...analyze(doc, { rule, date }).control].map(([id, c]) => `${id}:${c.status}:${c.parent.join('+')}:${c.ultimate.join('+')}`);
}

/** Passes when `run` returns or throws an IoError/ModelError; re-throws anything else (a TypeError is a bug). */
function onlyKnownErrors(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof IoError || e instanceof ModelError) return;
    throw e;
  }
}

/** Every path to a value inside `v`. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

/** A deep copy of `root` with the value at `path` replaced (or deleted when `value` is undefined). */
function mutate<T>(root: T, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

describe('io round trips on random documents', () => {
  it('the arbitrary builds valid documents', () => {
    fc.assert(fc.property(docArb, (doc) => {
      expect(() => parseDoc(doc)).not.toThrow();
    }), { numRuns: 100 });
  });

  it('native: export → import is the identity', () => {
    fc.assert(fc.property(validDoc, (doc) => {
      expect(openDoc(serializeDoc(doc))).toEqual(doc);
    }), RUNS);
  });

  it('CSV: export → import preserves every holding (by name), with dates, and into a base document (by id)', () => {
    fc.assert(fc.property(validDoc, (doc) => {
      expect(holdingLines(importCsv(exportCsv(doc)), undefined, true)).toEqual(holdingLines(doc, undefined, true));
      const merged = importCsv(exportCsv(doc), doc);
      expect(holdingLines(merged)).toEqual(holdingLines(doc));
      expect(merged.entities).toEqual(doc.entities);
      const date = doc.asOf!;
      expect(holdingLines(importCsv(exportCsv(doc, date)), date, true)).toEqual(holdingLines(doc, date, true));
    }), RUNS);
  });

  it('BODS: export is valid 0.4 and import gives the same holdings and control under every rule on the date', () => {
    fc.assert(fc.property(validDoc, (doc) => {
      const date = doc.asOf!;
      const statements = exportBods(doc, { date });
      expect(checkBods(statements)).toEqual([]);
      const back = importBods(JSON.stringify(statements), { date }).doc;
      expect(holdingLines(back, date)).toEqual(holdingLines(doc, date));
      for (const rule of RULES) expect(control(back, date, rule)).toEqual(control(doc, date, rule));
      // Without our annotations the standard fields alone still carry the holdings.
      const stripped = statements.map(({ annotations: _a, ...s }) => s);
      expect(holdingLines(importBods(stripped, { date }).doc, date)).toEqual(holdingLines(doc, date));
      // Relations come back as they were (kinds, parties, subjects, levels, dates).
      const rel = (d: typeof doc) => (d.relations ?? []).filter((r) => !r.since || r.since <= date).map((r) => `${r.kind}:${r.level ?? ''}:${r.party}>${r.subject}@${r.since ?? ''}`).sort();
      expect(rel(back)).toEqual(rel(doc));
    }), RUNS);
  });

  it('BODS history: statement series replay the document on any date', () => {
    fc.assert(fc.property(validDoc, fc.constantFrom('2016-01-01', '2020-01-01', '2022-01-01', '2024-01-01', '2025-06-30', '2027-01-01'), (doc, date) => {
      const series = exportBods(doc, { date: doc.asOf, history: true });
      expect(checkBods(series)).toEqual([]);
      // Every statement is kept with its dates: one import holds the whole history, even before the first statement.
      const back = importBods(series, { date }).doc;
      expect(holdingLines(back, date)).toEqual(holdingLines(doc, date));
      for (const rule of RULES) expect(control(back, date, rule)).toEqual(control(doc, date, rule));
    }), RUNS);
  });

  it('PNG and share links carry the document unchanged', () => {
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    fc.assert(fc.property(validDoc, (doc) => {
      expect(extractDoc(embedDoc(png, doc))).toEqual(doc);
      expect(decodeShareFragment(encodeShareFragment(doc))).toEqual(doc);
    }), { numRuns: 30 });
  });
});

describe('io on random and mutated input: only IoError or ModelError', () => {
  it('mutated BODS statements', () => {
    const mutation = fc.record({ at: fc.nat(), path: fc.nat(), value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) });
    fc.assert(fc.property(validDoc, fc.array(mutation, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
      let statements: unknown = exportBods(doc, { date: doc.asOf });
      for (const m of mutations) {
        const all = paths(statements);
        statements = mutate(statements, all[m.path % all.length], m.value);
      }
      onlyKnownErrors(() => importBods(statements as unknown[], { date: doc.asOf }));
      onlyKnownErrors(() => importBods(JSON.stringify(statements)));
    }), { numRuns: 150 });
  });

  it('random JSON as BODS', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      onlyKnownErrors(() => importBods(JSON.stringify(v) ?? 'null'));
      if (Array.isArray(v)) onlyKnownErrors(() => importBods(v));
    }), { numRuns: 200 });
  });

  it('random statements shaped like BODS', () => {
    const details = fc.dictionary(fc.constantFrom('subject', 'interestedParty', 'interests', 'name', 'names', 'entityType', 'personType', 'componentRecords', 'nationalities', 'jurisdiction'),
      fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.jsonValue({ maxDepth: 3 })));
    const statement = fc.record({
      statementId: fc.string(), recordId: fc.constantFrom('a', 'b', 'c'), recordType: fc.constantFrom('entity', 'person', 'relationship', 'x'),
      recordStatus: fc.constantFrom('new', 'updated', 'closed'), statementDate: fc.constantFrom('2020-01-01', '2024-01-01', 'x'), recordDetails: details,
    }, { requiredKeys: ['recordId', 'recordType', 'recordDetails'] });
    fc.assert(fc.property(fc.array(statement, { maxLength: 6 }), (list) => {
      onlyKnownErrors(() => importBods(list, { date: '2022-01-01' }));
    }), { numRuns: 300 });
  });

  it('random and mutated CSV', () => {
    const unit = fc.constantFrom(...'holder,subject,shares,votes,since\n\r"\'=;ab 1.5-%2024-01'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 120 }), (text) => {
      onlyKnownErrors(() => importCsv(text));
      onlyKnownErrors(() => importCsv(`holder,subject,shares,votes\n${text}`));
    }), { numRuns: 300 });
    fc.assert(fc.property(validDoc, fc.array(fc.record({ at: fc.nat(), cut: fc.nat(3), insert: fc.string({ unit, maxLength: 3 }) }), { maxLength: 4 }), (doc, edits) => {
      let text = exportCsv(doc);
      for (const e of edits) {
        const i = e.at % (text.length + 1);
        text = text.slice(0, i) + e.insert + text.slice(i + e.cut);
      }
      onlyKnownErrors(() => importCsv(text, doc));
    }), RUNS);
  });

  it('random bytes and damaged PNGs through importFile', () => {
    const names = fc.constantFrom('x.json', 'x.csv', 'x.png', 'x.bods.json', 'x');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), names, (bytes, name) => {
      onlyKnownErrors(() => importFile(bytes, name));
    }), { numRuns: 200 });
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    fc.assert(fc.property(validDoc, fc.nat(), fc.integer({ min: 1, max: 255 }), (doc, at, xor) => {
      const bytes = embedDoc(png, doc);
      bytes[at % bytes.length] ^= xor;
      onlyKnownErrors(() => importFile(bytes, 'x.png'));
      onlyKnownErrors(() => importFile(bytes.subarray(0, at % bytes.length), 'x.png'));
    }), RUNS);
    // A valid chunk (good CRC) whose compressed text is random.
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (junk) => {
      const doc = embedDoc(png, parseDoc({ format: 'ownership-graph', version: 1, entities: [], holdings: [] }));
      onlyKnownErrors(() => extractDoc(doc));
      onlyKnownErrors(() => extractDoc(embedDoc(png, parseDoc({ format: 'ownership-graph', version: 1, entities: [], holdings: [] })).slice(0, 40 + junk.length)));
      onlyKnownErrors(() => decodeShareFragment(`v1.${btoa(String.fromCharCode(...zlibSync(junk))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`));
    }), { numRuns: 50 });
  });

  it('random share fragments', () => {
    const unit = fc.constantFrom(...'ABCDEFabcdef0123456789-_v1.#'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), (s) => {
      onlyKnownErrors(() => decodeShareFragment(s));
      onlyKnownErrors(() => decodeShareFragment(`v1.${s}`));
    }), { numRuns: 300 });
  });
});
