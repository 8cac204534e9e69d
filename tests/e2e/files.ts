// E2E helpers for the File menu: choose menu items, export an image and capture the download, open files through the
// hidden input or a synthetic drop, and read the working document as JSON.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, state } from './browser';

/** Opens the File menu and chooses the item whose name starts with `item`. */
export async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

/** Runs `action` and returns the file it downloads, saved to tests/e2e/artifacts/`saveAs`. */
export async function captureDownload(page: Page, action: () => Promise<void>, saveAs: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), action()]);
  const path = `${ARTIFACTS}${saveAs}`;
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** Exports an image through the dialog and returns the downloaded file. */
export async function exportImage(page: Page, opts: { format: 'png' | 'svg'; scale?: number; background?: 'white' | 'transparent' }, saveAs: string) {
  await fileMenu(page, 'Export image');
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: opts.format.toUpperCase() }).check();
  if (opts.scale) await dialog.getByRole('radio', { name: `${opts.scale}×` }).check();
  if (opts.background) await dialog.getByRole('radio', { name: opts.background === 'white' ? 'White' : 'Transparent' }).check();
  return captureDownload(page, () => dialog.getByRole('button', { name: /^Export / }).click(), saveAs);
}

/** Opens a file through the hidden file input (what File → Open does). */
export async function openThroughInput(page: Page, name: string, bytes: Uint8Array | string, mimeType = 'application/octet-stream'): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

/** Drops a file on the graph with a synthetic drag-and-drop (dragenter, dragover, drop) carrying a real File. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array | string): Promise<void> {
  const data = Buffer.from(bytes).toString('base64');
  await page.evaluate(
    ({ name, data }) => {
      const bin = atob(data);
      const buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([buf], name));
      const target = document.querySelector('.graph')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, data },
  );
}

/** The working document as compact JSON. */
export function docJson(page: Page): Promise<string> {
  return state<string>(page, '(s) => JSON.stringify(s.doc)');
}

/** Loads a bundled dataset with the picker and waits until every entity is placed (layout done). */
export async function pickDataset(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption(id);
  await page.waitForFunction((want) => {
    const st = window.__explorer!.getState();
    return st.datasetId === want && !st.busy && st.doc.entities.every((e) => e.position);
  }, id, { timeout: 30_000 });
}

/** The undo depth. */
export function undoDepth(page: Page): Promise<number> {
  return state<number>(page, '(s) => s.past.length');
}

/** Text of the message bar's error, once shown. */
export async function errorText(page: Page): Promise<string> {
  const el = page.getByTestId('message-error');
  await el.waitFor({ timeout: 10_000 });
  return (await el.textContent()) ?? '';
}

/** Text of the message bar's notice, once shown and matching `pattern`. */
export async function noticeMatching(page: Page, pattern: RegExp): Promise<string> {
  const el = page.getByTestId('message-notice');
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="message-notice"]')?.textContent ?? ''), pattern.source, { timeout: 30_000 });
  return (await el.textContent()) ?? '';
}
