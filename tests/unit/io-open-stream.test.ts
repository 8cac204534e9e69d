// Opening big files in the app (io/open): formats read as they stream (BODS, native) may be up to 1 GB, others are
// refused past 150 MB before a byte of them is read; a File read as it streams gives the decision the whole bytes give.
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/model';
import { exportBodsJson } from '../../src/io';
import { checkFileSize, decideOpen, decideOpenStream } from '../../src/io/open';

const MB = 1024 * 1024;

describe('checkFileSize', () => {
  it.each([
    ['x.bods.json', 351 * MB, 'bods' as const, null],
    ['x.ownership.json', 900 * MB, 'ownership' as const, null],
    ['x.bods.json', 351 * MB, undefined, null],
    ['x.csv', 351 * MB, 'csv' as const, /"x\.csv" was not opened: it is 351\.0 MB, more than the 150 MB limit for a CSV edge list file, which is read whole \(BODS and native files are read as they stream, up to 1024 MB\)/],
    ['x.bods.json', 1100 * MB, 'bods' as const, /"x\.bods\.json" was not opened: it is 1100\.0 MB, more than the 1024 MB a browser tab can hold as a graph .* read it with the command line/],
    ['x.dat', 151 * MB, 'unknown' as const, /"x\.dat" was not opened: it is 151\.0 MB, more than the 150 MB limit for a file of unknown format, which is read whole/],
    ['x.json', 0, undefined, /the file is empty/],
  ])('%s of %d bytes (%s)', (name, size, format, refusal) => {
    const r = checkFileSize(name, size, format);
    if (refusal === null) expect(r).toBeNull();
    else expect(r).toMatch(refusal);
  });
});

describe('decideOpenStream', () => {
  it('reads a BODS File as it streams: the decision the whole bytes give, with the share read told as it goes', async () => {
    const text = exportBodsJson(generateGraph({ entities: 300, seed: 2 }));
    const fractions: number[] = [];
    const d = await decideOpenStream(new Blob([text]), 'g.bods.json', {}, (f) => fractions.push(f));
    expect(d).toEqual(decideOpen(new TextEncoder().encode(text), 'g.bods.json'));
    expect(d.ok && d.format).toBe('bods');
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('refuses a CSV past 150 MB from its first bytes, before streaming it', async () => {
    const head = new Blob(['holder,subject,shares\nA,B,60\n']);
    const file = { size: 200 * MB, slice: (a?: number, b?: number) => head.slice(a, b), stream: () => { throw new Error('streamed a refused file'); } };
    const d = await decideOpenStream(file as unknown as Blob, 'big.csv');
    expect(d).toMatchObject({ ok: false, error: expect.stringMatching(/^"big\.csv" was not opened: it is 200\.0 MB, more than the 150 MB limit for a CSV edge list file/) });
  });

  it('names the statement a streamed BODS file breaks at', async () => {
    const d = await decideOpenStream(new Blob(['[{"recordId":"a","recordType":"entity","recordDetails":{}},{"recordId":"b","recordType":"company","recordDetails":{}}]']), 'bad.json');
    expect(d).toMatchObject({ ok: false, error: expect.stringMatching(/^"bad\.json" was not opened: statement 2 field "recordType": "company" is not entity, person or relationship/) });
  });
});
