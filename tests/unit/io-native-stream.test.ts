// The native reader in pieces (io/nativeStream, issue 21): for any document and any way of cutting its bytes, the
// same validated document as openDoc reads from the whole text — compact or pretty, with strings holding brackets,
// commas, quotes and non-ASCII text — and the same kinds of errors for broken files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDoc, serializeDoc } from '../../src/io';
import { readNativeStream } from '../../src/io/nativeStream';
import { generateGraph } from '../../src/model';
import { docArb } from './arbitraries';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Hands out `bytes` in pieces of the given sizes (cycled). */
function pieces(bytes: Uint8Array, sizes: number[]) {
  let at = 0, k = 0;
  return () => {
    if (at >= bytes.length) return null;
    const n = Math.max(1, sizes[k++ % sizes.length]);
    const p = bytes.subarray(at, at + n);
    at += n;
    return p;
  };
}

const enc = (t: string) => new TextEncoder().encode(t);

describe('native documents read in pieces', () => {
  it('reads the samples and the fixtures as openDoc does, in pieces of any size', () => {
    const files = ['data/line-yahoo.ownership.json', 'data/ntt-docomo.ownership.json', 'tests/fixtures/cli/ubo-example.ownership.json', 'tests/fixtures/cli/cross-held.ownership.json'];
    for (const f of files) {
      const text = readFileSync(root + f, 'utf8');
      const whole = openDoc(text, f, Infinity);
      for (const sizes of [[1], [7, 3, 1000], [1 << 20]]) expect(readNativeStream(pieces(enc(text), sizes), f, 64)).toEqual(whole);
    }
  });

  it('reads any valid document, compact or pretty, cut anywhere, batched at any size', () => {
    fc.assert(
      fc.property(docArb, fc.boolean(), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 500 }), (doc, pretty, sizes, batch) => {
        const withText = { ...doc, title: 'a "quoted" [title], {with} commas, ünïcödé ✓ and \\ backslash', entities: doc.entities.map((e, i) => (i === 0 ? { ...e, name: '],["}{\\"' } : e)) };
        const text = pretty ? serializeDoc(withText) : JSON.stringify(withText);
        expect(readNativeStream(pieces(enc(text), sizes), 'x.ownership.json', batch)).toEqual(openDoc(text, 'x', Infinity));
      }),
      { numRuns: 150 },
    );
  });

  it('gives holdings the entities\u2019 own id strings (one copy per id) and reads a generated register', () => {
    const doc = generateGraph({ entities: 3000, seed: 7 });
    const read = readNativeStream(pieces(enc(JSON.stringify(doc)), [4096]), 'g.json', 1000);
    expect(read).toEqual(openDoc(JSON.stringify(doc), 'g', Infinity));
    expect(read.holdings.length).toBe(doc.holdings.length);
  });

  it('refuses broken files with the reader\u2019s words', () => {
    const good = JSON.stringify(generateGraph({ entities: 20, seed: 1 }));
    const read = (bytes: Uint8Array) => () => readNativeStream(pieces(bytes, [5]), 'bad.json', 50);
    expect(read(enc(good.slice(0, -40)))).toThrow(/io\/native: bad\.json: the file is not valid JSON .*complete/);
    expect(read(enc(good.replace('"holder":', '"holder"')))).toThrow(/not valid JSON/);
    const bad = enc(good);
    bad[good.indexOf('Company')] = 0xff;
    expect(read(bad)).toThrow(/not valid UTF-8/);
    expect(read(enc(good.replace('"shares":', '"shares":-')))).toThrow(/io\/native: bad\.json: .*shares/);
  });
});
