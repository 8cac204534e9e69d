// The byte-level streaming reader (io/jsonStream.ts): a JSON array or JSON lines split into chunks anywhere (inside a
// string, an escape or a multi-byte character) gives the same values as JSON.parse of the whole; errors name the value.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { IoError } from '../../src/io';
import { jsonValues } from '../../src/io/jsonStream';

const enc = new TextEncoder();

/** `text` as bytes cut at the given positions. */
function cut(text: string, at: number[]): Uint8Array[] {
  const bytes = enc.encode(text);
  const points = [...new Set(at.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  return out;
}

const value = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const awkward = fc.constantFrom('x,]', '"quoted"', 'back\\slash', 'ends\\', 'ends\\\\', '\\"', '}{][', 'ヤフー', '네이버', '\u{20bb7}', '\n');

describe('jsonValues', () => {
  it('a JSON array cut anywhere gives its elements', () => {
    fc.assert(fc.property(fc.array(fc.oneof(value, awkward)), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (vals, at, pretty) => {
      const text = pretty ? JSON.stringify(vals, null, 2) : JSON.stringify(vals);
      expect([...jsonValues(cut(`\uFEFF${text}\n`, at), 'w: ')]).toEqual(vals);
    }), { numRuns: 300 });
  });

  it('JSON lines cut anywhere give one value per line, blank lines skipped', () => {
    fc.assert(fc.property(fc.array(fc.dictionary(fc.string(), fc.oneof(value, awkward))), fc.array(fc.nat(), { maxLength: 12 }), (vals, at) => {
      const text = vals.map((v) => JSON.stringify(v)).join('\n\n');
      expect([...jsonValues(cut(text, at), 'w: ')]).toEqual(vals);
    }), { numRuns: 300 });
  });

  it('JSON lines whose values run over several lines, or an array indented unevenly, give the same values', () => {
    fc.assert(fc.property(fc.array(fc.dictionary(fc.string(), fc.oneof(value, awkward)), { minLength: 1 }), fc.array(fc.nat(), { maxLength: 12 }), (vals, at) => {
      const multi = vals.map((v, k) => JSON.stringify(v, null, k % 2 ? 2 : undefined)).join('\n');
      expect([...jsonValues(cut(multi, at), 'w: ')]).toEqual(vals);
      const uneven = `[\n${vals.map((v, k) => JSON.stringify(v, null, k % 3 ? 2 : 4)).join(',\n  ')}\n]`;
      expect([...jsonValues(cut(uneven, at), 'w: ')]).toEqual(vals);
    }), { numRuns: 300 });
  });

  it.each([
    ['[{"a":1},{"b":}]', /value 2 is not valid JSON/],
    ['[{"a":1},,{"b":2}]', /value 2 is empty/],
    ['[{"a":1}', /the JSON array is not closed/],
    ['[{"a":1}] [2]', /more after the closing \]/],
    ['{"a":1}\n{"b":}\n', /line 2 is not valid JSON/],
  ])('refuses %j', (text, message) => {
    expect(() => [...jsonValues([enc.encode(text)], 'io/x: f: ')]).toThrow(IoError);
    expect(() => [...jsonValues([enc.encode(text)], 'io/x: f: ')]).toThrow(message);
  });

  it('refuses a value nested deeper than MAX_NESTING as it scans, naming the limit', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect([...jsonValues([enc.encode(`[${deep(64)}]`)], 'w: ')]).toHaveLength(1);
    expect(() => [...jsonValues([enc.encode(`[${deep(65)}]`)], 'w: ')]).toThrow(/nests more than 64 levels/);
    expect([...jsonValues([enc.encode(`{"a":${deep(63)}}\n`)], 'w: ')]).toHaveLength(1);
    expect(() => [...jsonValues([enc.encode(`{"a":${deep(64)}}\n`)], 'w: ')]).toThrow(/nests more than 64 levels/);
  });

  it('refuses bytes that are not UTF-8, naming the value', () => {
    expect(() => [...jsonValues([new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d])], 'w: ')]).toThrow(/value 1 is not valid UTF-8/);
  });

  it('parses a chunk of megabytes a piece at a time (what the reader lets go dies young), with the same values and errors', () => {
    const vals = Array.from({ length: 20_000 }, (_, k) => ({ recordId: `r${k}`, recordDetails: { name: `Company ${k} ${'x'.repeat(k % 300)}`, n: k } }));
    const array = enc.encode(`${JSON.stringify(vals, null, 2)}\n`);
    const lines = enc.encode(`${vals.map((v) => JSON.stringify(v)).join('\n')}\n`);
    expect(array.length).toBeGreaterThan(3_000_000);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (const bytes of [array, lines]) {
        parse.mockClear();
        expect([...jsonValues([bytes], 'w: ')]).toEqual(vals);
        const longest = Math.max(...parse.mock.calls.map((c) => String(c[0]).length));
        expect(longest).toBeLessThan(128 * 1024); // an ordinary young string in V8, not a large object
        expect(parse.mock.calls.length).toBeLessThan(bytes === array ? 1_000 : 25_000); // the fast way: pieces, not value by value
      }
    } finally {
      parse.mockRestore();
    }
    const broken = JSON.stringify(vals, null, 2).replace('"r15000"', '"r15000" "oops"');
    expect(() => [...jsonValues([enc.encode(broken)], 'w: ')]).toThrow(/value 15001 is not valid JSON/);
  });

  it('names the line of a broken JSON line after lines read the fast way, blank lines and pieces counted', () => {
    const good = Array.from({ length: 5_000 }, (_, k) => JSON.stringify({ recordId: `r${k}`, pad: 'x'.repeat(200) }));
    const text = `${good.slice(0, 3_000).join('\n')}\n\n${good.slice(3_000).join('\n')}\n{"broken":}\n`;
    const bytes = enc.encode(text);
    expect(bytes.length).toBeGreaterThan(1_000_000); // several pieces of the fast way before the broken line
    // Whole, and in two chunks (the broken line found by the exact scan of the second).
    for (const chunks of [[bytes], [bytes.subarray(0, 700_000), bytes.subarray(700_000)]]) {
      expect(() => [...jsonValues(chunks, 'w: ')]).toThrow(/line 5002 is not valid JSON/);
    }
  });
});
