// E2E: data from registers in the real app — a BODS file with UK-PSC bands, figureless interests and GLEIF
// consolidation opens; relations are drawn like agreements and listed in the inspector; the bands show with whether
// control is certain or only possible.
import { describe, expect, it } from 'vitest';
import { elementScreenPosition, findEntity, shot, state, waitDrawn } from './browser';
import { noticeMatching, openThroughInput } from './files';
import { appSession } from './session';
import { company, person, rel, shares } from '../fixtures/io/bodsBuild';

const s = appSession();

const FILE = JSON.stringify([
  company('banded', 'Banded Trading Ltd'), person('amir', 'Amir Khan'), person('bea', 'Bea Lund'), company('trust', 'Lund Family Trust', {}, { type: 'arrangement', subtype: 'trust' }),
  company('child', 'Child GmbH'), company('parent', 'Parent Group plc'),
  rel('r-amir', 'banded', 'amir', [shares({ exclusiveMinimum: 50, maximum: 75 }, { startDate: '2020-01-01' })]),
  rel('r-bea', 'banded', 'bea', [shares({ minimum: 10, maximum: 25 }, { startDate: '2020-01-01' })]),
  rel('r-trustee', 'trust', 'bea', [{ type: 'trustee', directOrIndirect: 'direct', startDate: '2020-01-01' }]),
  rel('r-gleif', 'child', 'parent', [{ type: 'otherInfluenceOrControl', directOrIndirect: 'direct', details: 'LEI RelationshipType: IS_DIRECTLY_CONSOLIDATED_BY', startDate: '2015-01-01' }]),
]);

describe('registers in the app', () => {
  it('opens the BODS file, draws relations and lists them, and says whether control is certain', async () => {
    const page = s.page;
    await openThroughInput(page, 'register.json', FILE);
    await noticeMatching(page, /register\.json/);
    await waitDrawn(page);
    const doc = await state<{ relations: { kind: string }[]; holdings: { sharesRange?: unknown }[] }>(page, '(s) => s.doc');
    expect(doc.relations.map((r) => r.kind)).toEqual(['trustee', 'consolidation']);
    // The file gives no date: the date field shows the one the analysis uses (today), as the legend does, not a blank.
    const date = await page.getByLabel('View date', { exact: true }).inputValue();
    expect(date).toBe(new Date().toISOString().slice(0, 10));
    expect(await page.getByTestId('legend-side').textContent()).toContain(date);
    // Consolidation makes Parent Group control Child GmbH; the edges are on the canvas.
    expect(await state<string[]>(page, "(s) => s.doc.relations.map((r) => r.id)")).toHaveLength(2);
    await elementScreenPosition(page, 'r:r-gleif-consolidation');
    await elementScreenPosition(page, 'r:r-trustee-trustee');

    await findEntity(page, 'Banded Trading Ltd');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect.poll(() => inspector.getByTestId('bands').textContent()).toMatch(/Amir Khan: >50–75% \(analysed at 62\.5%\)/);
    expect(await inspector.getByTestId('bands').textContent()).toMatch(/Bea Lund: 10–25%/);
    expect(await inspector.getByTestId('certainty').textContent()).toMatch(/^Control certain: Amir Khan controls Banded Trading Ltd at every point of the bands \(more than 50% of the votes\)/);
    await shot(page, 'registers-bands');

    await findEntity(page, 'Lund Family Trust');
    await expect.poll(() => inspector.getByTestId('relations').textContent()).toMatch(/Bea Lund: trustee/);
    await findEntity(page, 'Child GmbH');
    await expect.poll(() => inspector.getByTestId('relations').textContent()).toMatch(/Parent Group plc: consolidates \(direct parent\)/);
    await shot(page, 'registers-consolidation');
  });
});
