// Native JSON, format detection, importFile dispatch, and the byte helpers (SHA-256, base64url) they rest on.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { emptyDoc, parseDoc, type OwnershipDoc } from '../../src/model';
import { IoError, MAX_FILE_BYTES, detectFormat, embedDoc, exportBodsJson, exportCsv, importFile, openDoc, serializeDoc } from '../../src/io';
import { sha256, hex, stableUuid } from '../../src/io/hash';
import { fromBase64Url, toBase64Url } from '../../src/io/text';

const LY = readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);

function tinyDoc(): OwnershipDoc {
  return {
    ...emptyDoc('Tiny'),
    entities: [{ id: 'a', name: 'A Corp', kind: 'company' }, { id: 'b', name: 'B Corp' }],
    holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 60 }],
  };
}

/** A valid 1×1 PNG built by hand (IHDR, one IDAT from zlib of a single filtered scanline, IEND). */
function onePixelPng(): Uint8Array {
  const b64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

describe('io/native: serializeDoc and openDoc', () => {
  it('round-trips the LY dataset exactly, keeping key order and unknown fields', () => {
    const doc = openDoc(LY, 'line-yahoo.ownership.json');
    const text = serializeDoc(doc);
    expect(openDoc(text)).toEqual(doc);
    expect(text.endsWith('\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(doc));
    expect(JSON.parse(text).notes).toBe(JSON.parse(LY).notes); // an unknown top-level field survives
  });

  it.each(['line-yahoo', 'ntt-docomo'])('open → save of %s is byte-identical', (name) => {
    const text = readFileSync(new URL(`../../data/${name}.ownership.json`, import.meta.url), 'utf8');
    expect(serializeDoc(openDoc(text))).toBe(text);
  });

  it('keeps the file\'s key order, unknown keys included, though the validator lists known fields first', () => {
    const text = JSON.stringify({ zeta: 1, entities: [{ name: 'A', extra: true, id: 'a' }], format: 'ownership-graph', holdings: [], version: 1 });
    const doc = openDoc(text);
    expect(Object.keys(doc)).toEqual(['zeta', 'entities', 'format', 'holdings', 'version']);
    expect(Object.keys(doc.entities[0])).toEqual(['name', 'extra', 'id']);
  });

  it('keeps unknown fields on records and <script> names as plain text', () => {
    const doc = { ...tinyDoc(), entities: [{ id: 'a', name: '<script>alert(1)</script>', futureField: { x: 1 } }, { id: 'b', name: 'B' }] };
    const back = openDoc(serializeDoc(doc as OwnershipDoc));
    expect(back.entities[0].name).toBe('<script>alert(1)</script>');
    expect((back.entities[0] as unknown as { futureField: unknown }).futureField).toEqual({ x: 1 });
  });

  it('accepts 200-character ids and refuses 201', () => {
    const id = 'x'.repeat(200);
    const ok = { ...tinyDoc(), entities: [{ id, name: 'Long' }, { id: 'b', name: 'B' }], holdings: [{ id: 'h', holder: id, subject: 'b', shares: 1 }] };
    expect(openDoc(JSON.stringify(ok)).entities[0].id).toBe(id);
    const bad = { ...ok, entities: [{ id: `${id}y`, name: 'Long' }, { id: 'b', name: 'B' }], holdings: [] };
    expect(() => openDoc(JSON.stringify(bad), 'long.json')).toThrow(/io\/native: long\.json: entities\[0\] "x+y" field "id": is longer than 200 characters/);
  });

  it.each([
    ['truncated JSON', LY.slice(0, 500), /io\/native: f\.json: the file is not valid JSON .* — check that it is complete/],
    ['a JSON array', '[1,2]', /io\/native: f\.json: expected a JSON object/],
    ['another format', '{"format":"something-else","entities":[]}', /field "format" is not "ownership-graph"/],
    ['shares above 100', JSON.stringify({ ...tinyDoc(), holdings: [{ id: 'h', holder: 'a', subject: 'b', shares: 150 }] }), /holdings\[0\] "h" field "shares": must be at most 100/],
    ['negative shares', JSON.stringify({ ...tinyDoc(), holdings: [{ id: 'h', holder: 'a', subject: 'b', shares: -5 }] }), /must be at least 0/],
    ['shares as "NaN"', JSON.stringify({ ...tinyDoc(), holdings: [{ id: 'h', holder: 'a', subject: 'b', shares: 'NaN' }] }), /field "shares": must be a number/],
    ['shares of 1e308', JSON.stringify({ ...tinyDoc(), holdings: [{ id: 'h', holder: 'a', subject: 'b', shares: 1e308 }] }), /must be at most 100/],
    ['a self-holding', JSON.stringify({ ...tinyDoc(), holdings: [{ id: 'h', holder: 'a', subject: 'a', shares: 5 }] }), /holding of an entity in itself/],
  ])('refuses %s with a message naming the file', (_name, text, message) => {
    expect(() => openDoc(text, 'f.json')).toThrow(IoError);
    expect(() => openDoc(text, 'f.json')).toThrow(message);
  });

  it('refuses a 151 MB string at once, without parsing it', () => {
    const huge = ' '.repeat(151 * 1024 * 1024);
    const t0 = performance.now();
    expect(() => openDoc(huge, 'huge.json')).toThrow(/io\/native: "huge\.json" is 151\.0 MB, more than the 150 MB limit/);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('tolerates a byte-order mark', () => {
    expect(openDoc(`\uFEFF${JSON.stringify(tinyDoc())}`).entities).toHaveLength(2);
  });
});

describe('io/detect: detectFormat', () => {
  const doc = tinyDoc();
  it.each<[string, Uint8Array | string, string, string]>([
    ['native JSON', serializeDoc(doc), 'x.ownership.json', 'ownership'],
    ['native JSON as bytes', enc(serializeDoc(doc)), 'anything', 'ownership'],
    ['BODS array', exportBodsJson(doc, { date: '2024-01-01' }), 'x.json', 'bods'],
    ['BODS JSON Lines', '{"statementId":"x","recordType":"entity"}\n{"statementId":"y"}\n', 'x.jsonl', 'bods'],
    ['CSV', exportCsv(doc), 'x.txt', 'csv'],
    ['CSV with BOM and semicolons', '\uFEFFHolder;Subject;Shares\r\nA;B;5\r\n', 'x', 'csv'],
    ['CSV by extension only', 'owner,company\n', 'x.csv', 'csv'],
    ['PNG by magic bytes', onePixelPng(), 'no-extension', 'png'],
    ['plain text', 'hello world', 'readme.txt', 'unknown'],
    ['JSON-looking file that is not JSON', 'oops', 'x.json', 'ownership'],
  ])('%s → %s', (_name, input, file, format) => {
    expect(detectFormat(input, file)).toBe(format);
  });
});

describe('io/import: importFile', () => {
  const doc = parseDoc(LY);
  it.each<[string, () => Uint8Array, string, string]>([
    ['native', () => enc(serializeDoc(doc)), 'ly.ownership.json', 'ownership'],
    ['BODS', () => enc(exportBodsJson(doc, { date: '2024-09-30' })), 'ly.bods.json', 'bods'],
    ['CSV', () => enc(exportCsv(doc, '2024-09-30')), 'ly.csv', 'csv'],
    ['PNG', () => embedDoc(onePixelPng(), doc), 'ly.png', 'png'],
  ])('dispatches %s', (_name, bytes, file, format) => {
    const r = importFile(bytes(), file, { date: '2024-09-30' });
    expect(r.format).toBe(format);
    expect(r.doc.entities.length).toBeGreaterThan(10);
    expect(Array.isArray(r.warnings)).toBe(true);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['an unknown format', enc('just some words'), /io\/import: notes\.txt: not a format this app reads/],
    ['a PNG without a document', onePixelPng(), /io\/png: notes\.txt: this PNG carries no ownership graph/],
    ['invalid UTF-8', Uint8Array.from([0x68, 0x6f, 0x6c, 0x64, 0x65, 0x72, 0x2c, 0x73, 0x75, 0x62, 0x6a, 0x65, 0x63, 0x74, 0x0a, 0xff, 0xfe]), /io\/csv: notes\.txt: the text is not valid UTF-8/],
    ['truncated JSON', enc(LY.slice(0, 300)), /io\/native: notes\.txt: the file is not valid JSON/],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => importFile(bytes, 'notes.txt')).toThrow(message);
  });

  it('refuses more than 150 MB before decoding', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(() => importFile(big, 'big.json')).toThrow(/io\/import: "big\.json" is 150\.0 MB, more than the 150 MB limit/);
  });
});

describe('io/hash and io/text helpers', () => {
  it('sha256 matches node:crypto', () => {
    expect(hex(sha256(enc('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }), { numRuns: 100 });
  });

  it('stableUuid is deterministic and UUID-shaped', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('base64url round-trips any bytes and rejects foreign characters', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const s = toBase64Url(bytes);
      expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(s)).toEqual(bytes);
    }), { numRuns: 100 });
    expect(fromBase64Url('ab+/')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });
});
