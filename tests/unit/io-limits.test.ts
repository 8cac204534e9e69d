// Hostile shapes every reader refuses with an IoError (never a RangeError from a blown stack): deep nesting in native
// JSON, BODS, a PNG's embedded document and a share link; rounded totals reported by importFile; and the size limit,
// which each caller passes in (the app's 150 MB, the command line's 1 GB) rather than setting it for the process.
import { describe, it, expect } from 'vitest';
import { deflateSync } from 'fflate';
import { IoError, MAX_FILE_BYTES, decodeShareFragment, embedDoc, importBods, importCsvDetailed, importFile, openDoc } from '../../src/io';
import { MAX_NESTING, checkNesting, toBase64Url } from '../../src/io/text';
import { emptyDoc } from '../../src/model';
import { encodePng } from '../png';

const enc = (s: string) => new TextEncoder().encode(s);
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const nativeWith = (x: string) => `{"format":"ownership-graph","version":1,"entities":[],"holdings":[],"x":${x}}`;

describe('io: deep nesting is an IoError everywhere', () => {
  it('counts the depth of arrays and objects (not of brackets inside strings), up to MAX_NESTING', () => {
    expect(() => checkNesting(JSON.parse(`{"a":"${'['.repeat(500)}"}`), '')).not.toThrow();
    expect(() => checkNesting(JSON.parse(deep(MAX_NESTING)), '')).not.toThrow();
    expect(() => checkNesting(JSON.parse(`{"a":${deep(MAX_NESTING - 1)}}`), '')).not.toThrow();
    expect(() => checkNesting(JSON.parse(deep(MAX_NESTING + 1)), 'w: ')).toThrow(/^w: the JSON nests more than 64 levels deep/);
    expect(() => checkNesting(JSON.parse(`{"a":[{"b":${deep(MAX_NESTING - 2)}}]}`), 'w: ')).toThrow(/nests more than 64/);
  });

  it.each([
    ['native JSON', () => importFile(enc(nativeWith(deep(100_000))), 'a.json'), /^io\/native: a\.json: the JSON nests more than 64 levels/],
    ['BODS', () => importFile(enc(`[${deep(100_000)}]`), 'b.json'), /^io\/bods: b\.json: the JSON nests more than 64 levels/],
    ['BODS JSON Lines', () => importFile(enc(`{"recordId":"a","recordType":"entity","recordDetails":{}}\n{"a":${deep(100_000)}}`), 'c.jsonl'), /^io\/bods: c\.jsonl: the JSON nests/],
    ['a share link', () => decodeShareFragment(`#v1.${toBase64Url(deflateSync(enc(nativeWith(deep(10_000)))))}`), /^io\/share: .*the shared document: the JSON nests/],
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(IoError);
    expect(run).toThrow(message);
  });

  it('a PNG whose embedded document nests too deep', () => {
    let x: unknown = [];
    for (let i = 0; i < 1000; i++) x = [x];
    const png = embedDoc(encodePng(1, 1, new Uint8Array(4)), { ...emptyDoc(), x } as ReturnType<typeof emptyDoc>);
    expect(() => importFile(png, 'p.png')).toThrow(/^io\/png: p\.png: the embedded document: the JSON nests more than 64 levels/);
  });
});

describe('io/import: rounded totals', () => {
  it('opens a document whose stakes sum to 100.05% and says so', () => {
    const doc = { format: 'ownership-graph', version: 1, entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }], holdings: [{ id: 'h1', holder: 'a', subject: 'c', shares: 50.05 }, { id: 'h2', holder: 'b', subject: 'c', shares: 50 }] };
    const r = importFile(enc(JSON.stringify(doc)), 'r.ownership.json');
    expect(r.warnings).toEqual([expect.stringMatching(/^io\/native: r\.ownership\.json: the stakes in "C" \(c\) sum to 100\.05% — read as rounding/)]);
    const csv = importFile(enc('holder,subject,shares\nA,C,50.05\nB,C,50\n'), 'r.csv');
    expect(csv.warnings).toEqual([expect.stringMatching(/^io\/csv: r\.csv: the stakes in "C" \(c\) sum to 100\.05%/)]);
  });
});

describe('io: the size limit is the caller’s, passed in', () => {
  const native = enc(nativeWith('1'));
  it.each([
    ['importFile', () => importFile(native, 'n.json', { maxBytes: 10 }), /^io\/import: "n\.json" is 0\.0 MB, more than the /],
    ['openDoc', () => openDoc(nativeWith('1'), 'n.json', 10), /^io\/native: "n\.json" is/],
    ['importCsvDetailed', () => importCsvDetailed('holder,subject,shares\nA,B,5\n', undefined, 'c.csv', 10), /^io\/csv: "c\.csv" is/],
    ['importBods', () => importBods('[]', { fileName: 'b.json', maxBytes: 1 }), /^io\/bods: "b\.json" is/],
  ])('%s refuses past the limit it is given', (_name, run, message) => {
    expect(run).toThrow(IoError);
    expect(run).toThrow(message);
  });

  it('the same file opens under the default limit, and calls do not change each other’s limit', () => {
    expect(() => importFile(native, 'n.json', { maxBytes: 10 })).toThrow(IoError);
    expect(importFile(native, 'n.json').doc.format).toBe('ownership-graph');
    expect(importFile(native, 'n.json', { maxBytes: MAX_FILE_BYTES * 4 }).doc.format).toBe('ownership-graph');
  });
});
