// E2E: a BODS file whose state declares 100% of a company indirectly through its ministry (the standard's
// bods-package-fi-soe, the ministry's stake a published band): the declaration is drawn dashed, and the inspector
// names the state as ultimate controller and ultimate owner, marked "declared indirect".
import { describe, expect, it } from 'vitest';
import { shot, state, waitDrawn, findEntity } from './browser';
import { noticeMatching, openThroughInput } from './files';
import { appSession } from './session';
import { company, rel, shares } from '../fixtures/io/bodsBuild';

const s = appSession();

const FILE = [
  company('fi', 'Republic of Finland', {}, { type: 'state' }),
  company('vm', 'Ministry of Finance', {}, { type: 'stateBody', subtype: 'governmentDepartment' }),
  company('grid', 'Nordic Grid Oy'),
  rel('r-vm-grid', 'grid', 'vm', [shares({ exclusiveMinimum: 50, maximum: 75 }, { beneficialOwnershipOrControl: false })]),
  rel('r-fi-grid', 'grid', 'fi', [shares(100, { directOrIndirect: 'indirect', beneficialOwnershipOrControl: false })], { componentRecords: ['vm', 'r-vm-grid'] }),
];

describe('declared indirect interests in the app', () => {
  it('draws the declaration dashed and marks what it decides in the inspector', async () => {
    const page = s.page;
    await openThroughInput(page, 'soe.bods.json', JSON.stringify(FILE));
    await noticeMatching(page, /^Opened "soe\.bods\.json"/);
    await waitDrawn(page);
    await page.getByText('Laying out…').waitFor({ state: 'hidden', timeout: 30_000 });
    expect(await state<string[]>(page, '(st) => st.doc.relations.map((r) => `${r.party}>${r.subject} ${r.share} ${r.through}`)')).toEqual(['fi>grid 100 vm']);
    const dash = await page.evaluate(() => {
      const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: { edges(s: string): { style(k: string): string; classes(): string[] }[] & { length: number } } } })._cyreg.cy;
      const e = cy.edges('.rel-declared');
      return e.length ? e[0].style('line-style') : 'none';
    });
    expect(dash).toBe('dashed');
    await findEntity(page, 'Nordic Grid Oy');
    await expect.poll(() => state<string | null>(page, '(st) => st.selection?.id ?? null'), { timeout: 10_000 }).toBe('grid');
    const ultimate = page.getByTestId('ultimate');
    await expect.poll(() => ultimate.innerText(), { timeout: 10_000 }).toMatch(/Republic of Finland\s*\(by a declared indirect interest\)/);
    await expect.poll(() => page.getByRole('list', { name: 'Ultimate owners' }).innerText(), { timeout: 10_000 }).toMatch(/Republic of Finland \(declared indirect\)/);
    await expect.poll(() => page.getByTestId('explain').innerText(), { timeout: 10_000 }).toMatch(/Republic of Finland declares an indirect 100\.00% of Nordic Grid Oy through Ministry of Finance/);
    await shot(page, 'declared-indirect-inspector');
  });
});
