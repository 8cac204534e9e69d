// E2E: opening files and share links in real Chromium — broken, hostile, oversized files get one clear message and
// leave the graph exactly as it was; CSV and BODS import and export; save; a share link that previews its graph without
// touching the autosaved work until Keep, and Discard that goes back to it.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportBodsJson, serializeDoc } from '../../src/io';
import { generateGraph } from '../../src/model';
import { WORKER_IMPORT_BYTES } from '../../src/io/open';
import { gotoApp, savedWork, shot, state, waitDrawn, elementScreenPosition } from './browser';
import { captureDownload, docJson, dropFile, errorText, fileMenu, noticeMatching, openThroughInput, pickDataset, undoDepth } from './files';
import { appSession } from './session';

const baseUrl = inject('baseUrl');
const s = appSession();

const savedDoc = async (page: Page) => JSON.parse((await savedWork(page)) ?? '{}').doc;

describe('bad input changes nothing', () => {
  const bodsBad = () => {
    const st = JSON.parse(exportBodsJson({ format: 'ownership-graph', version: 1, entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], holdings: [{ id: 'h', holder: 'a', subject: 'b', shares: 10 }] }));
    st[2].recordDetails.interests[0].share = { exact: 250 };
    return JSON.stringify(st);
  };
  it.each<[string, (page: Page) => Promise<void>, RegExp]>([
    ['truncated JSON', (p) => openThroughInput(p, 'cut.ownership.json', '{"format":"ownership-graph","version":1,"entities":[{"id":"a","na'), /^Refused: "cut\.ownership\.json" was not opened: .*not valid JSON/],
    ['random binary', (p) => dropFile(p, 'noise.dat', new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 2654435761) >>> 24))), /^Refused: "noise\.dat" was not opened: not a format this app reads/],
    ['a BODS file with a bad record', (p) => openThroughInput(p, 'statements.json', bodsBad()), /"statements\.json" was not opened: statement 3 .*field "recordDetails\.interests\[0\]\.share\.exact": 250 is outside 0–100/],
    ['a PNG that is not from this app', (p) => dropFile(p, 'photo.png', new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72])), /"photo\.png" was not opened: .*truncated/],
    ['a CSV over 150 MB (a format read whole)', (p) => p.evaluate(() => {
      const dt = new DataTransfer();
      const rows = new Uint8Array(151 * 1024 * 1024).fill(0x0a);
      rows.set(new TextEncoder().encode('holder,subject,shares\nA,B,1\n'));
      dt.items.add(new File([rows], 'huge.csv'));
      document.querySelector('.graph')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }), /"huge\.csv" was not opened: it is 151\.0 MB, more than the 150 MB limit for a CSV edge list file, which is read whole \(BODS and native files are read as they stream, up to 1024 MB\)/],
    ['two files at once', (p) => p.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['holder,subject,shares\nA,B,1\n'], 'a.csv'));
      dt.items.add(new File(['holder,subject,shares\nC,D,1\n'], 'b.csv'));
      document.querySelector('.graph')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }), /one file at a time — 2 files were given, and none was opened/],
  ])('%s: one clear message, the graph untouched', async (what, act, message) => {
    const page = s.page;
    const dismiss = page.getByRole('button', { name: 'Dismiss message' });
    if (await dismiss.count()) await dismiss.click();
    const before = await docJson(page), depth = await undoDepth(page);
    await act(page);
    expect(await errorText(page)).toMatch(message);
    expect(await docJson(page)).toBe(before);
    expect(await undoDepth(page)).toBe(depth);
    if (what === 'a BODS file with a bad record') await shot(page, 'import-bad-bods');
  });
});

describe('import and export', () => {
  it('imports a CSV edge list as one undo step', async () => {
    const page = s.page;
    const before = await docJson(page);
    await openThroughInput(page, 'holdings.csv', 'holder,subject,shares,votes\nAlpha Holdings,Beta Corp,60,\nGamma Fund,Beta Corp,40,30\n', 'text/csv');
    await noticeMatching(page, /^Opened "holdings\.csv" \(CSV edge list\): 3 entities, 2 holdings\./);
    expect(await state<string[]>(page, '(st) => st.doc.entities.map((e) => e.name)')).toEqual(['Alpha Holdings', 'Beta Corp', 'Gamma Fund']);
    await waitDrawn(page);
    await expect.poll(() => state<boolean>(page, '(st) => st.doc.entities.every((e) => e.position)')).toBe(true);
    await shot(page, 'import-csv');
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect(await docJson(page)).toBe(before);
    await page.getByRole('button', { name: /^Redo/ }).click();
  });

  it('opens a big file in a worker: a damaged one is refused, a good one is one undo step', async () => {
    const page = s.page;
    const big = serializeDoc(generateGraph({ entities: 6000, seed: 2 }));
    expect(big.length).toBeGreaterThan(WORKER_IMPORT_BYTES);
    const before = await docJson(page), depth = await undoDepth(page);
    await openThroughInput(page, 'big-cut.ownership.json', big.slice(0, big.length - 100));
    expect(await errorText(page)).toMatch(/"big-cut\.ownership\.json" was not opened: .*not valid JSON/);
    expect(await docJson(page)).toBe(before);
    await openThroughInput(page, 'big.ownership.json', big);
    await noticeMatching(page, /^Opened "big\.ownership\.json" \(ownership graph\): 6,000 entities/);
    expect(await undoDepth(page)).toBe(depth + 1);
    expect(await state<number>(page, '(st) => st.doc.entities.length')).toBe(6000);
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect(await docJson(page)).toBe(before);
  });

  it('saves the document, and exports BODS and CSV that open again', async () => {
    const page = s.page;
    await pickDataset(page, 'line-yahoo');
    const doc = JSON.parse(await docJson(page));
    const saved = await captureDownload(page, () => fileMenu(page, 'Save'), 'saved.ownership.json');
    expect(saved.name).toMatch(/^LY-Corporation.*\.ownership\.json$/);
    expect(new TextDecoder().decode(saved.bytes)).toBe(serializeDoc(doc));

    const bods = await captureDownload(page, () => fileMenu(page, 'Export BODS'), 'export.bods.json');
    const statements = JSON.parse(new TextDecoder().decode(bods.bytes)) as { recordType: string; statementDate: string }[];
    expect(statements.filter((x) => x.recordType !== 'relationship')).toHaveLength(doc.entities.length);
    expect(new Set(statements.map((x) => x.statementDate))).toEqual(new Set([doc.asOf]));
    await openThroughInput(page, bods.name, bods.bytes);
    await noticeMatching(page, /^Opened ".*\.bods\.json" \(BODS 0\.4 statements\)/);
    expect(await state<number>(page, '(st) => st.doc.entities.length')).toBe(doc.entities.length);

    const csv = await captureDownload(page, () => fileMenu(page, 'Export holdings CSV'), 'export-holdings.csv');
    expect(new TextDecoder().decode(csv.bytes).split('\r\n')[0]).toBe('holder,subject,shares,votes');
    await openThroughInput(page, csv.name, csv.bytes);
    await noticeMatching(page, /^Opened ".*\.csv" \(CSV edge list\)/);
  });
});

describe('share links', () => {
  it('makes a link for the bundled LY graph, warning that some chat apps cut links that long', async () => {
    const page = s.page;
    await pickDataset(page, 'line-yahoo');
    await fileMenu(page, 'Share link');
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    expect(await dialog.getByTestId('share-warning').textContent()).toMatch(/^This link is [\d,]+ characters long: some chat and mail apps cut links longer than 8,000 characters/);
    const url = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(url.length).toBeGreaterThan(8000);
    await shot(page, 'share-long-link');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const other = await s.context.newPage();
    await gotoApp(other, url, '');
    expect(await docJson(other)).toBe(await docJson(page));
    await other.close();
  });

  it('opens the shared graph without touching the autosaved work until Keep; Discard goes back to it', async () => {
    const page = s.page;
    await pickDataset(page, 'ntt-docomo');
    const shared = await docJson(page);
    await fileMenu(page, 'Share link');
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    const url = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(url).toMatch(/#v2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    await expect.poll(() => dialog.getByTestId('share-status').textContent()).toMatch(/Copied|Copy the link/);
    await shot(page, 'share-dialog');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await pickDataset(page, 'line-yahoo');
    await expect.poll(async () => (await savedDoc(page))?.title).toMatch(/^LY/);
    // The layout places the loaded graph (and autosaves it) a moment after it loads.
    await expect.poll(async () => ((await savedDoc(page))?.entities ?? []).every((e: { position?: unknown }) => e.position)).toBe(true);
    await expect.poll(async () => savedDoc(page)).toEqual(JSON.parse(await docJson(page)));
    await page.waitForTimeout(600); // and autosave has nothing more to write
    const work = await savedWork(page);

    // Pages opened in the test's context are watched by the session (console errors, dialogs, foreign requests).
    const other = await s.context.newPage();
    await gotoApp(other, url, '');
    const banner = other.getByRole('region', { name: 'Shared graph' });
    await banner.waitFor();
    expect(await docJson(other)).toBe(shared);
    await shot(other, 'share-opened');
    const from = await elementScreenPosition(other, 'e:docomo');
    await other.mouse.move(from.x, from.y);
    await other.mouse.down();
    await other.mouse.move(from.x + 60, from.y + 30, { steps: 5 });
    await other.mouse.up();
    await expect.poll(() => undoDepth(other)).toBe(1);
    await other.waitForTimeout(800);
    expect(await savedWork(other)).toBe(work);

    await banner.getByRole('button', { name: 'Keep this graph' }).click();
    const confirm = other.getByRole('dialog', { name: 'Keep the shared graph?' });
    expect(await confirm.textContent()).toMatch(/replaces .* Undo goes back/);
    await shot(other, 'share-keep-warning');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => savedDoc(other)).toEqual(JSON.parse(await docJson(other)));
    expect(new URL(other.url()).hash).toBe('');
    expect(await banner.count()).toBe(0);
    const kept = await savedWork(other);

    const third = await s.context.newPage();
    await gotoApp(third, url, '');
    await third.getByRole('region', { name: 'Shared graph' }).getByRole('button', { name: 'Discard' }).click();
    expect(await docJson(third)).toBe(JSON.stringify(JSON.parse(kept!).doc));
    expect(await savedWork(third)).toBe(kept);

    const broken = await s.context.newPage();
    await gotoApp(broken, `${baseUrl}#v1.${'A'.repeat(40)}`, '');
    expect(await errorText(broken)).toMatch(/^Refused: The share link could not be opened: .*Your own graph is shown instead, unchanged\./);
    expect(await docJson(broken)).toBe(JSON.stringify(JSON.parse(kept!).doc));
    await Promise.all([other.close(), third.close(), broken.close()]);
  });
});
