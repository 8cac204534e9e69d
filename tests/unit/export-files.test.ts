// Opening files into the store: the decision (import or refuse, with one message naming file, record and field), the
// size check before reading, one undo step on success, and a document left exactly as it was on any refusal.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exportBodsJson, exportCsv, MAX_FILE_BYTES, serializeDoc } from '../../src/io';
import { parseDoc } from '../../src/model';
import { createExplorerStore } from '../../src/store/store';
import { checkFileSize, decideOpen, ioDetail, openedNotice, type FileLike } from '../../src/io/open';
import { STREAMED_MAX_FILE_BYTES } from '../../src/io/limits';
import { openFile } from '../../src/store/files';
import { fileBaseName } from '../../src/ui/download';
import { graph } from './helpers';

const LY = parseDoc(JSON.parse(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')));
const SMALL = graph([['a', 'b', 60], ['c', 'b', 30]]);
const bytes = (s: string) => new TextEncoder().encode(s);
const file = (name: string, data: Uint8Array | string): FileLike => {
  const b = typeof data === 'string' ? bytes(data) : data;
  return { name, size: b.length, arrayBuffer: async () => b.slice().buffer };
};
const bodsWithBadRecord = () => {
  const st = JSON.parse(exportBodsJson(SMALL)) as { recordType: string; recordDetails: { interests?: { share?: unknown }[] } }[];
  st.find((s) => s.recordType === 'relationship')!.recordDetails.interests![0].share = { exact: 'lots' };
  return JSON.stringify(st);
};

describe('decideOpen', () => {
  it.each([
    ['native', 'g.ownership.json', serializeDoc(SMALL), 'ownership'],
    ['BODS', 'g.bods.json', exportBodsJson(SMALL), 'bods'],
    ['CSV', 'g.csv', 'holder,subject,shares\nAlpha,Beta,60\nGamma,Beta,30\n', 'csv'],
  ])('opens a %s file', (_what, name, text, format) => {
    const d = decideOpen(bytes(text), name);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.format).toBe(format);
    expect(d.notice).toMatch(new RegExp(`^Opened "${name.replace('.', '\\.')}" \\(.+\\): 3 entities, 2 holdings\\. Undo goes back`));
  });

  it.each([
    ['truncated JSON', 'cut.ownership.json', serializeDoc(LY).slice(0, 500), /^"cut\.ownership\.json" was not opened: .*not valid JSON.*The graph in the app is unchanged\.$/],
    ['random binary', 'noise.bin', new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 7919 + 13) % 256)), /^"noise\.bin" was not opened: not a format this app reads/],
    ['a BODS file with a bad record', 'bad.json', bodsWithBadRecord(), /^"bad\.json" was not opened: statement \d+ .*field "recordDetails\.interests\[0\]\.share\.exact": "lots" is not a number/],
    ['a native file with a bad field', 'bad.ownership.json', serializeDoc(SMALL).replace('"shares": 60', '"shares": 160'), /^"bad\.ownership\.json" was not opened: .*holdings\[0\].*shares.*100/],
    ['a PNG without a graph', 'photo.png', new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0]), /^"photo\.png" was not opened: .*truncated/],
    ['an empty file', 'empty.json', '', /^"empty\.json" was not opened: the file is empty/],
  ])('refuses %s with one message naming the file and the problem', (_what, name, data, message) => {
    const d = decideOpen(typeof data === 'string' ? bytes(data) : data, name);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(message);
  });

  it('strips the importer prefix once', () => {
    expect(ioDetail('io/csv: a.csv: line 3, column "shares": bad', 'a.csv')).toBe('line 3, column "shares": bad');
    expect(ioDetail('io/bods: "big.json" is 60.0 MB, more than the limit.', 'big.json')).toBe('is 60.0 MB, more than the limit');
  });

  it('lists the first warnings and counts the rest', () => {
    const n = openedNotice('x.csv', { doc: SMALL, format: 'csv', warnings: ['io/csv: x.csv: w1', 'w2', 'w3', 'w4', 'w5'] });
    expect(n).toBe('Opened "x.csv" (CSV edge list): 3 entities, 2 holdings. 5 warnings: w1; w2; w3; and 2 more. Undo goes back to the previous graph.');
  });

  it('checks the size before reading', () => {
    // Formats read whole keep the 150 MB limit; BODS and native files stream, up to the larger limit.
    expect(checkFileSize('big.csv', MAX_FILE_BYTES + 1, 'csv')).toMatch(/^"big\.csv" was not opened: it is 150\.0 MB, more than the 150 MB limit for a CSV/);
    expect(checkFileSize('ok.csv', MAX_FILE_BYTES, 'csv')).toBeNull();
    expect(checkFileSize('big.json', MAX_FILE_BYTES + 1, 'bods')).toBeNull();
    expect(checkFileSize('huge.json', STREAMED_MAX_FILE_BYTES + 1)).toMatch(/^"huge\.json" was not opened: it is [\d.]+ MB, more than the \d+ MB a browser tab can hold/);
    expect(checkFileSize('empty.json', 0)).toMatch(/the file is empty/);
  });
});

describe('openFile into the store', () => {
  it('loads a good file as one undo step and says what was opened', async () => {
    const store = createExplorerStore({ doc: LY, datasetId: 'line-yahoo' });
    const d = await openFile(store, file('small.ownership.json', serializeDoc(SMALL)));
    expect(d.ok).toBe(true);
    const s = store.getState();
    expect(s.doc.entities.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(s.datasetId).toBe('imported');
    expect(s.past).toHaveLength(1);
    expect(s.message).toMatchObject({ kind: 'notice' });
    s.undo();
    expect(store.getState().doc).toBe(LY);
  });

  it.each([
    ['a file over the 1 GB a tab holds (never read)', { name: 'huge.json', size: STREAMED_MAX_FILE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) }],
    ['an unreadable file', { name: 'gone.json', size: 10, arrayBuffer: () => Promise.reject(new Error('NotFoundError')) }],
    ['a truncated file', file('cut.json', serializeDoc(LY).slice(0, 1000))],
    ['a CSV with a bad stake', file('bad.csv', 'holder,subject,shares\nA,B,lots\n')],
  ])('refuses %s: the document, history and selection stay exactly as they were', async (_what, f) => {
    const store = createExplorerStore({ doc: LY, datasetId: 'line-yahoo' });
    store.getState().select({ kind: 'entity', id: LY.entities[0].id });
    const before = store.getState();
    const d = await openFile(store, f);
    const after = store.getState();
    expect(d.ok).toBe(false);
    expect(after.doc).toBe(before.doc);
    expect(after.past).toBe(before.past);
    expect(after.selection).toBe(before.selection);
    expect(after.message).toMatchObject({ kind: 'error' });
    expect(after.message!.text).toContain(`"${f.name}"`);
    expect(after.message!.text).toMatch(/unchanged\.$/);
  });

  it('an exported CSV opens again with the same holdings', async () => {
    const store = createExplorerStore({ doc: SMALL, datasetId: 'imported' });
    await openFile(store, file('h.csv', exportCsv(SMALL, '2024-01-01')));
    expect(store.getState().doc.holdings.map((h) => h.shares)).toEqual([60, 30]);
  });
});

describe('fileBaseName', () => {
  it.each([
    ['LY Corporation and its owners', 'LY-Corporation-and-its-owners'],
    ['<img src=x onerror=alert(1)>', 'img-src-x-onerror-alert-1'],
    ['../../etc/passwd', 'etc-passwd'],
    ['日本電信電話 (NTT)', '日本電信電話-NTT'],
    ['', 'ownership-graph'],
    [undefined, 'ownership-graph'],
    ['***', 'ownership-graph'],
    ['x'.repeat(200), 'x'.repeat(80)],
  ])('%j → %j', (title, name) => expect(fileBaseName(title)).toBe(name));
});
