// E2E: registers as they are, in the real app (issue 20) — a BODS statement history opens whole, the view date shows
// the register on any day (2010 from a 2019 statement), the import warnings are shown after the import, and a GLEIF
// reporting exception is drawn as an undisclosed parent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementScreenPosition, findEntity, shot, state, waitDrawn } from './browser';
import { noticeMatching, openThroughInput } from './files';
import { appSession } from './session';
import { company, rel } from '../fixtures/io/bodsBuild';

const s = appSession();
const history = readFileSync(new URL('../fixtures/io/bods-history.json', import.meta.url), 'utf8');

describe('BODS registers with history in the app', () => {
  it('opens the history, shows its warnings, and shows 2010 from the 2019 statement', async () => {
    const page = s.page;
    await openThroughInput(page, 'history.json', history);
    const notice = await noticeMatching(page, /history\.json/);
    expect(notice).toMatch(/2 warnings: .*read as ended on 2023-03-01/);
    await waitDrawn(page);
    expect(await state<number>(page, '(st) => st.doc.holdings.length')).toBe(6);
    await page.getByLabel('View date', { exact: true }).fill('2010-01-01');
    expect(await state<string>(page, '(st) => st.view.date')).toBe('2010-01-01');
    await findEntity(page, 'Tela Ltd');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.textContent()).toMatch(/Marta Ruiz/);
    await expect.poll(() => page.getByText('Laying out…').count()).toBe(0);
    await shot(page, 'registers-history-2010');
    await page.getByLabel('View date', { exact: true }).fill('2024-01-01');
    await expect.poll(() => inspector.textContent()).toMatch(/Loom Trust Co/);
    await shot(page, 'registers-history-2024');
  });

  it('draws a GLEIF reporting exception as an undisclosed parent', async () => {
    const page = s.page;
    const unknown = company('repex', undefined, {}, { type: 'unknownEntity' });
    (unknown.recordDetails as Record<string, unknown>).unspecifiedEntityDetails = { reason: 'interestedPartyExemptFromDisclosure', description: 'From LEI ExemptionReason `NON_CONSOLIDATING`.' };
    const file = JSON.stringify([company('child', 'Child Holdings SA'), unknown,
      rel('repex-rel', 'child', 'repex', [{ type: 'otherInfluenceOrControl', directOrIndirect: 'direct', details: 'A controlling interest.' }])]);
    await openThroughInput(page, 'repex.json', file);
    await noticeMatching(page, /repex\.json.*GLEIF reporting exception/);
    await waitDrawn(page);
    await elementScreenPosition(page, 'r:repex-rel-consolidation');
    await findEntity(page, 'Child Holdings SA');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.getByTestId('relations').textContent()).toMatch(/Undisclosed parent \(GLEIF: non-consolidating\): consolidates, undisclosed direct parent/);
    await shot(page, 'registers-undisclosed-parent');
  });
});
