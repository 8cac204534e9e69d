// `export FILE --to OUT` (FORMAT.md): each format by OUT's extension, with --date and --rule, no browser; the PNG
// carries the document, so `analyze out.png` gives the same results as the source; the SVG is the app's drawing.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runExport } from '../../src/cli/main';
import { importBods } from '../../src/io';
import { parseDoc } from '../../src/model';
import { colourVariety, decodePng } from '../png';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ly = `${root}data/line-yahoo.ownership.json`;
const dir = mkdtempSync(join(tmpdir(), 'cli-export-'));
const out = (name: string) => join(dir, name);

describe('cli export', () => {
  it('writes a PNG that analyze reads back to the same results, and that shows the drawing', async () => {
    const ubo = `${root}tests/fixtures/cli/ubo-example.ownership.json`;
    expect(await runExport([ubo, '--to', out('ubo.png')])).toBe('');
    expect(run(['analyze', out('ubo.png'), '--json'])).toBe(run(['analyze', ubo, '--json']));
    const img = decodePng(new Uint8Array(readFileSync(out('ubo.png'))));
    expect(img.width).toBeGreaterThan(1000); // the caption's minimum width, at 2×
    expect(colourVariety(img)).toBeGreaterThan(8); // nodes, edges, text and legend, not a blank page
  }, 30_000); // the layout engine's first start in this process and a 2× rendering: ~0.8 s idle, seconds under load

  it('writes an SVG with every entity, the holdings, the caption and the rule asked for', async () => {
    await runExport([ly, '--to', out('ly.svg'), '--rule', 'votes', '--date', '2024-09-30']);
    const svg = readFileSync(out('ly.svg'), 'utf8');
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    for (const name of ['LY Corporation', 'A Holdings', 'NAVER', 'SoftBank Corp.']) expect(svg).toContain(name);
    expect(svg).toContain('As of 2024-09-30');
    expect(svg).toContain('Control rule: Votes only');
    expect(svg).toContain('62.5%');
    expect(svg).toContain('⚭ joint control'); // A Holdings is jointly controlled under votes only
  });

  it('writes the native document with the view date, BODS (optionally as series) and CSV', async () => {
    await runExport([ly, '--to', out('ly.ownership.json'), '--date', '2021-06-30']);
    expect(parseDoc(readFileSync(out('ly.ownership.json'), 'utf8')).asOf).toBe('2021-06-30');
    await runExport([ly, '--to', out('ly.bods.json'), '--date', '2024-09-30']);
    const statements = JSON.parse(readFileSync(out('ly.bods.json'), 'utf8')) as { statementDate: string; recordStatus: string }[];
    expect(new Set(statements.map((s) => s.statementDate))).toEqual(new Set(['2024-09-30']));
    await runExport([ly, '--to', out('series.bods.json'), '--history']);
    const series = JSON.parse(readFileSync(out('series.bods.json'), 'utf8')) as { recordStatus: string }[];
    expect(series.some((s) => s.recordStatus === 'updated')).toBe(true);
    expect(importBods(readFileSync(out('ly.bods.json'), 'utf8')).doc.entities.length).toBeGreaterThan(20);
    await runExport([ly, '--to', out('ly.csv')]);
    expect(readFileSync(out('ly.csv'), 'utf8').split('\n')[0]).toMatch(/^holder,subject,shares/);
  });

  it.each([
    [[ly, '--to', 'x.txt'], /--to x\.txt: the extension names no format — use one of \.ownership\.json, \.bods\.json, \.ftm\.jsonl, \.csv, \.svg, \.png/],
    [[ly], /export needs --to OUT/],
    [[ly, '--to', join(dir, 'missing', 'x.csv')], /cannot write .*x\.csv: its folder does not exist/],
    [['/dev/null', '--to', 'x.csv'], /it is a device, not a regular file/],
  ])('refuses %j', async (args, message) => {
    await expect(runExport(args)).rejects.toThrow(message);
  });
});
