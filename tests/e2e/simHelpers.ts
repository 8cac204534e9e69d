// Helpers for the Simulate e2e tests: read drawn Cytoscape elements (label, classes, position), zoom onto a few
// entities for a readable screenshot, reach the Simulate panel's tabs, and read the serialised document.
import type { Page } from 'playwright-core';
import { shot, state } from './browser';
import { viewStill } from './readable';

interface Ele { empty(): boolean; data(k: string): unknown; hasClass(c: string): boolean; position(): { x: number; y: number } }
type Graph = { _cyreg: { cy: { getElementById(i: string): Ele; elements(sel?: string): { length: number } } } };

/** The drawn label of an element, or null when it is not drawn. */
export const drawnLabel = (page: Page, id: string) =>
  page.evaluate((x) => {
    const e = (document.querySelector('.graph') as unknown as Graph)._cyreg.cy.getElementById(x);
    return e.empty() ? null : (e.data('label') as string);
  }, id);

/** Whether an element is drawn. */
export const drawn = (page: Page, id: string) =>
  page.evaluate((x) => !(document.querySelector('.graph') as unknown as Graph)._cyreg.cy.getElementById(x).empty(), id);

/** Whether a drawn element carries a class. */
export const hasClass = (page: Page, id: string, cls: string) =>
  page.evaluate(([x, c]) => {
    const e = (document.querySelector('.graph') as unknown as Graph)._cyreg.cy.getElementById(x);
    return !e.empty() && e.hasClass(c);
  }, [id, cls] as const);

/** How many drawn elements match a selector. */
export const countDrawn = (page: Page, selector: string) =>
  page.evaluate((sel) => (document.querySelector('.graph') as unknown as Graph)._cyreg.cy.elements(sel).length, selector);

/** The model position of a drawn node. */
export const drawnPosition = (page: Page, id: string) =>
  page.evaluate((x) => (document.querySelector('.graph') as unknown as Graph)._cyreg.cy.getElementById(x).position(), id);

/** Zooms the canvas onto some entities (for a screenshot a reader can read). */
export function zoomOnto(page: Page, entityIds: string[]) {
  return page.evaluate((ids) => {
    type Cy = { nodes(): { filter(f: (n: { data(k: string): string }) => boolean): unknown }; fit(e: unknown, pad: number): void };
    const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    cy.fit(cy.nodes().filter((n) => ids.includes(n.data('ref'))), 40);
  }, entityIds);
}

/** Opens a tab of the Simulate panel (opening the panel first if it is closed). */
export async function openTab(page: Page, name: string) {
  const open = page.getByRole('button', { name: 'Open the Simulate panel' });
  const tab = page.getByRole('tab', { name, exact: true });
  // Whichever the page shows first, the closed panel's button or the open panel's tab: on a loaded machine the page
  // may still be drawing, and a button not there yet is not a panel already open.
  await open.or(tab).first().waitFor();
  if (await open.isVisible()) await open.click();
  await tab.click();
}

/** The working document, serialised (the test hook's view of it). */
export const serialisedDoc = (page: Page) => state<string>(page, '(st) => JSON.stringify(st.doc)');

/** Saves a screenshot once the graph's colour and outline transitions (450 ms) and any framing have finished. */
export async function settledShot(page: Page, name: string) {
  await page.waitForTimeout(500);
  await viewStill(page);
  await shot(page, name);
}
