// BODS read as it streams (io/importFile streamedImport): statements pushed in chunks cut anywhere, as a JSON array or
// as JSON lines, give exactly the document and warnings importBods gives for the whole text; 0.2/0.3 statements, which
// need the whole file, are upgraded in their places; the first bad statement is named as soon as it arrives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { generateGraph } from '../../src/model';
import { exportBods, importBods, IoError } from '../../src/io';
import { streamedImport } from '../../src/io/importFile';
import { copyRecord } from '../../src/io/bodsEntity';

const enc = new TextEncoder();

/** The file's bytes pushed into a streamed import in pieces cut at `at`. */
function streamed(text: string, at: number[], name = 'g.bods.json', date?: string) {
  const bytes = enc.encode(text);
  const s = streamedImport(name, 'bods', { date });
  let prev = 0;
  for (const p of [...new Set(at.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b)) {
    s.push(bytes.subarray(prev, p));
    prev = p;
  }
  s.push(bytes.subarray(prev));
  return s.finish();
}

describe('io/bods streamed', () => {
  const doc = generateGraph({ entities: 40, seed: 3 });
  const statements = exportBods(doc, { history: true });

  it('a JSON array or JSON lines cut anywhere give the document and warnings of the whole text', () => {
    const whole = importBods(JSON.stringify(statements), { fileName: 'g.bods.json', date: '2024-06-30' });
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), fc.boolean(), (at, lines, pretty) => {
      const text = lines ? statements.map((s) => JSON.stringify(s)).join('\n') : JSON.stringify(statements, null, pretty ? 2 : undefined);
      const r = streamed(text, at, 'g.bods.json', '2024-06-30');
      expect(r.format).toBe('bods');
      expect(r.doc).toEqual(whole.doc);
      expect(r.warnings).toEqual(whole.warnings);
    }), { numRuns: 40 });
  });

  it('BODS 0.2 statements are upgraded in their places, as from the whole file', () => {
    const file = readFileSync(new URL('../fixtures/io/bods-0.2.json', import.meta.url), 'utf8');
    const whole = importBods(file, { fileName: 'old.json' });
    const r = streamed(file, [100, 1000, 2500], 'old.json');
    expect(r.doc).toEqual(whole.doc);
    expect(r.warnings).toEqual(whole.warnings);
    expect(r.warnings.some((w) => /in BODS 0\.2\/0\.3/.test(w))).toBe(true);
  });

  it('names the statement that is not one, with its field', () => {
    const bad = [statements[0], { ...statements[1], recordType: 'company' }];
    expect(() => streamed(JSON.stringify(bad), [7], 'bad.json')).toThrow(IoError);
    expect(() => streamed(JSON.stringify(bad), [7], 'bad.json')).toThrow(/^io\/bods: bad\.json: statement 2 \(.*\) field "recordType": "company" is not entity, person or relationship/);
  });
});

describe('copyRecord', () => {
  it('copies as a spread does: the same keys in the same order, extra fields over them, "__proto__" as data', () => {
    const parsed = JSON.parse('{"id":"h1","__proto__":{"polluted":true},"shares":5}') as Record<string, unknown>;
    const copy = copyRecord(parsed, { shares: 7, holder: 'a' });
    expect(Object.keys(copy)).toEqual(Object.keys({ ...parsed, shares: 7, holder: 'a' }));
    expect(copy).toEqual({ ...parsed, shares: 7, holder: 'a' });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
