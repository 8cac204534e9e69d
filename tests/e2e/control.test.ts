// E2E: the default graph loads in real Chromium and shows who controls LY Corporation under each rule; the
// dataset picker, reset dialog, table view and layers work; no console errors; no request leaves localhost.
import { describe, expect, it } from 'vitest';
import { findEntity, shot, state } from './browser';
import { docJson, pickDataset } from './files';
import { appSession } from './session';
import { drawn } from './simHelpers';

describe('control, live', () => {
  const s = appSession();

  it('draws the LY graph, placed, with every entity and the holdings in force', async () => {
    const stats = await s.page.evaluate(() => window.__explorer!.stats);
    expect(stats.nodes).toBe(28);
    expect(stats.placed).toBe(true);
    const placed = await state<boolean>(s.page, '(st) => st.doc.entities.every((e) => e.position)');
    expect(placed).toBe(true);
    await shot(s.page, 'ly-legal');
  });

  it('legal control: LY Corporation is ultimately controlled by SoftBank Group Corp.', async () => {
    await findEntity(s.page, 'LY Corporation');
    const panel = s.page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => panel.getByTestId('ultimate').textContent()).toBe('SoftBank Group Corp.');
    expect(await panel.getByTestId('parent').textContent()).toBe('A Holdings Corporation');
    expect(await panel.getByTestId('status').textContent()).toBe('Controlled');
    const explain = await panel.getByTestId('explain').textContent();
    expect(explain).toContain('A Holdings Corporation holds 62.50% of LY Corporation');
    expect(explain).toContain('by agreement');
    await expect.poll(() => panel.getByRole('list', { name: 'Ultimate owners' }).isVisible()).toBe(true);
    await shot(s.page, 'ly-selected-legal');
  });

  it('votes only: NAVER Corporation and SoftBank Corp., through the joint control of A Holdings', async () => {
    await findEntity(s.page, 'LY Corporation');
    await s.page.getByLabel('Control rule').selectOption('votes');
    const panel = s.page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => panel.getByTestId('ultimate').textContent()).toBe('NAVER Corporation and SoftBank Corp.');
    await findEntity(s.page, 'A Holdings');
    await expect.poll(() => panel.getByTestId('status').textContent()).toBe('Jointly controlled');
    const power = panel.getByRole('table', { name: /Voting power/ });
    expect(await power.textContent()).toContain('0.500');
    expect(await panel.textContent()).toContain('Veto players: NAVER Corporation and SoftBank Corp.');
    await shot(s.page, 'ahd-votes-joint');
  });

  it('de facto with τ, and the view date', async () => {
    await s.page.getByLabel('Control rule').selectOption('defacto');
    const tau = s.page.getByLabel('De facto threshold τ in percent');
    expect(await tau.isEnabled()).toBe(true);
    await tau.fill('30');
    expect(await state<number>(s.page, '(st) => st.view.threshold')).toBe(30);
    await s.page.getByLabel('View date', { exact: true }).fill('2022-01-01');
    expect(await state<string>(s.page, '(st) => st.view.date')).toBe('2022-01-01');
    await findEntity(s.page, 'LY Corporation');
    const panel = s.page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => panel.getByTestId('explain').textContent()).toContain('65.25%');
  });

  it('layers switch on and off, and the legend follows', async () => {
    const legend = s.page.getByRole('region', { name: 'Legend' });
    const edges = () => s.page.evaluate(() => window.__explorer!.stats.edges);
    const all = await edges();
    expect(await legend.textContent()).toContain('Dependency');
    await s.page.getByRole('button', { name: 'Dependencies', exact: true }).click();
    await expect.poll(edges).toBeLessThan(all);
    expect(all).toBeGreaterThanOrEqual(35);
    expect(await edges()).toBeLessThan(35);
    expect(await legend.textContent()).not.toContain('Dependency');
    await s.page.getByRole('button', { name: 'Dependencies', exact: true }).click();
    await expect.poll(edges).toBe(all);
    expect(await legend.textContent()).toContain('Dependency');
  });

  it('the table view sorts and works with the keyboard', async () => {
    await s.page.getByRole('button', { name: 'Table' }).click();
    const grid = s.page.getByRole('grid', { name: 'Entities' });
    await grid.waitFor();
    await grid.getByRole('button', { name: /Holders/ }).click();
    await grid.getByRole('button', { name: /Holders/ }).click();
    const first = grid.locator('tbody tr').first();
    expect(await first.textContent()).toContain('PayPay Corporation'); // four holders, the most
    await first.focus();
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    const sel = await state<{ kind: string; id: string }>(s.page, '(st) => st.selection');
    expect(sel.kind).toBe('entity');
    expect(sel.id).not.toBe('paypay');
    await s.page.getByRole('tab', { name: /Holdings/ }).click();
    expect(await s.page.getByRole('grid', { name: 'Holdings' }).locator('tbody tr').count()).toBe(32);
    await shot(s.page, 'table-view');
  });

  it('the dataset picker loads NTT Docomo and a blank graph; undo goes back', async () => {
    await s.page.getByLabel('Dataset').selectOption('ntt-docomo');
    await expect.poll(() => s.page.evaluate(() => window.__explorer!.stats.nodes)).toBe(8);
    await expect.poll(() => state<boolean>(s.page, '(st) => st.doc.entities.every((e) => e.position)')).toBe(true);
    await findEntity(s.page, 'NTT DOCOMO');
    const panel = s.page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => panel.getByTestId('ultimate').textContent()).toBe('Nippon Telegraph and Telephone Corporation (NTT)');
    await shot(s.page, 'ntt-docomo');
    await s.page.getByLabel('Dataset').selectOption('blank');
    await expect.poll(() => s.page.evaluate(() => window.__explorer!.stats.nodes)).toBe(0);
    await s.page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => s.page.evaluate(() => window.__explorer!.stats.nodes)).toBe(8);
  });

  it('reset asks first, and Cancel changes nothing', async () => {
    await pickDataset(s.page, 'ntt-docomo');
    const before = await docJson(s.page);
    await s.page.getByRole('button', { name: 'Reset…' }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('NTT Docomo');
    await shot(s.page, 'reset-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await docJson(s.page)).toBe(before);
    await s.page.getByLabel('Dataset').selectOption('line-yahoo');
    await expect.poll(() => s.page.evaluate(() => window.__explorer!.stats.nodes)).toBe(28);
  });
});

describe('a generated sample', () => {
  const big = appSession('?sample=1000');

  it('?sample=1000 opens readable on its hub, with only the edges near the view as elements, and selects any', async () => {
    const page = big.page;
    const stats = () => page.evaluate(() => ({ ...window.__explorer!.stats }));
    expect(await stats()).toMatchObject({ nodes: 1000, edges: 2500, placed: true });
    // Too big to read whole: the default view is at reading zoom, and the edges around it are Cytoscape elements; the
    // rest stay lines on the layer (zoomed out, all of them are: the export test and the scale bench cover that).
    await page.waitForFunction(() => window.__explorer!.stats.liveEdges > 0, undefined, { timeout: 30_000 });
    expect((await stats()).liveEdges).toBeLessThan(2500 / 2);
    await shot(page, 'sample-1000-default');
    // A holding drawn only as a line on the layer (far from the view), selected in the table, becomes an element and
    // shows selected.
    const far = await state<string>(page, `(st) => {
      const cy = document.querySelector('.graph')._cyreg.cy;
      return st.doc.holdings.map((h) => h.id).reverse().find((id) => cy.getElementById('h:' + id).empty());
    }`);
    expect(far).toBeTruthy();
    await page.evaluate((id) => window.__explorer!.getState().select({ kind: 'holding', id }), far);
    await page.waitForFunction((id) => window.__explorer!.stats.selected.includes(`h:${id}`), far, { timeout: 30_000 });
    expect((await stats()).selected).toEqual([`h:${far}`]);
    expect(await drawn(page, `h:${far}`)).toBe(true);
  });
});
