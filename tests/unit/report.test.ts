// The report (export/documentReport.ts, cli `report`): what it says about a scenario (the diff in the panel's words,
// whose control moved with chains and Why lines, owners' paths, dependencies, sources as links), that it is one page
// with no script and nothing to load, that names cannot inject markup, that the document it carries reopens as the
// same graph, and the command line's scenario names.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/main';
import { documentReport } from '../../src/export/documentReport';
import { reportContent, chainWords } from '../../src/export/reportContent';
import { REPORT_CSP } from '../../src/export/reportHtml';
import { importFile } from '../../src/io';
import { detectFormat } from '../../src/io/detect';
import { analyze } from '../../src/analysis';
import { apply, parseDoc, parseScenario } from '../../src/model';
import { graph } from './helpers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LY = parseDoc(readFileSync(`${root}data/line-yahoo.ownership.json`, 'utf8'));
const buyout = parseScenario(JSON.parse(readFileSync(`${root}data/scenarios/softbank-buys-out.json`, 'utf8')));
const after = apply(LY, { type: 'batch', ops: buyout.ops });
const input = { before: LY, after, options: { rule: 'votes' as const, date: buyout.date }, change: { kind: 'scenario' as const, title: buyout.title, description: buyout.description, sources: buyout.sources } };

let html: string;
beforeAll(async () => {
  html = await documentReport(input, { embed: after, lit: { paths: [['sbkk', 'ahd', 'ly']], label: 'SoftBank Corp. → A Holdings → LY' }, generated: '2026-01-01' });
}, 60_000);

describe('what the report says', () => {
  const c = reportContent(input);
  it('the diff in the words the panel uses, and each entity whose control moved with its chain and Why lines', () => {
    expect(c.words!.control.map((l) => l.text)).toContain('A Holdings Corporation: jointly controlled by NAVER Corporation and SoftBank Corp. → controlled by SoftBank Corp.');
    const ahd = c.moved.find((m) => m.id === 'ahd')!;
    expect(ahd.chainAfter).toBe('A Holdings Corporation ← SoftBank Corp.'); // under votes only, nobody controls SoftBank Corp.
    expect(ahd.chainBefore).toBe('A Holdings Corporation ← jointly NAVER Corporation + SoftBank Corp.');
    expect(ahd.whyAfter[0]).toBe("SoftBank Corp. holds 100.00% of A Holdings Corporation's votes (> 50%).");
    expect(c.words!.lookThrough.map((l) => l.text)).toContain('SoftBank Corp. in LY Corporation: 31.25% → 62.50%');
  });
  it('look-through owners with their paths, dependencies that changed, and sources with what cites them', () => {
    const ly = c.owners.find((o) => o.entity === 'ly')!;
    expect(ly.owners[0].paths[0]).toBe('SoftBank Corp. → A Holdings Corporation 100% × A Holdings Corporation → LY Corporation 62.50% = 62.50%');
    expect(c.dependencies.some((d) => d.name.startsWith('NAVER Cloud Corp. → LY Corporation') && d.after.startsWith('third-party'))).toBe(true);
    expect(c.sources.length).toBeGreaterThan(3);
    expect(c.sources.every((s) => s.url === null || /^https?:\/\//.test(s.url))).toBe(true);
    expect(c.sources.some((s) => s.citedBy.includes('the scenario'))).toBe(true);
  });
  it('chains say a loop and an independent entity', () => {
    const loop = graph([['a', 'b', 60], ['b', 'a', 60]]);
    expect(chainWords(analyze(loop), 'b', (id) => id.toUpperCase())).toMatch(/^B ← A ← B \(a loop\)$|^B ← A \(a loop\)$/);
    expect(chainWords(analyze(graph([['a', 'b', 10]])), 'a', (id) => id)).toBe('a: nobody controls it');
  });
});

describe('the page', () => {
  it('is self-contained: a CSP that forbids scripts and loads, no script element, no external src', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`);
    expect(REPORT_CSP).toMatch(/default-src 'none'/);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no event handler attributes
    expect((html.match(/<a href="([^"]*)"/g) ?? []).every((a) => /^<a href="https?:\/\//.test(a))).toBe(true);
  });
  it('shows both drawings, the words, the lit path and the sources', () => {
    expect((html.match(/<svg[^>]*role="img"/g) ?? []).length).toBe(2);
    expect(html).toContain('Scenario: SoftBank buys NAVER out');
    expect(html).toContain('SoftBank Corp. in LY Corporation: 31.25% → 62.50%');
    expect(html).toContain('Lit: SoftBank Corp. → A Holdings → LY');
    expect(html).toContain('stroke="#dc2626"');
  });
  it('carries the document: dropped on the app, it opens as the same graph', () => {
    expect(detectFormat(html, 'x.html')).toBe('html');
    const r = importFile(new TextEncoder().encode(html), 'ly-report.html');
    expect(r.format).toBe('html');
    expect(r.doc).toEqual(after);
  });
  it('keeps names that would be markup as text', async () => {
    const doc = graph([['a', 'b', 60]], { entities: [{ id: 'a', name: '<script>alert(1)</script> & "x"' }] });
    const page = await documentReport({ before: doc, after: doc, options: {}, change: { kind: 'none', title: 'The document' } }, { embed: doc });
    expect(page).not.toMatch(/<script\b/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    expect(importFile(new TextEncoder().encode(page), 'r.html').doc).toEqual(doc);
  });
});

describe('cli report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-report-'));
  it('writes the scenario report, and names the known scenarios for an unknown one', async () => {
    const out = join(dir, 'r.html');
    await runReport([`${root}data/line-yahoo.ownership.json`, '--scenario', 'softbank-buys-out', '--rule', 'votes', '--to', out]);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('SoftBank Corp. in LY Corporation: 31.25% → 62.50%');
    await expect(runReport([`${root}data/line-yahoo.ownership.json`, '--scenario', 'nope', '--to', out])).rejects.toThrow(/no scenario "nope".*known: .*softbank-buys-out/);
    await expect(runReport([`${root}data/line-yahoo.ownership.json`, '--scenario', 'nope', '--to', out])).rejects.not.toThrow(/ntt-government-sells/);
  }, 60_000);
});
