// E2E: search finds LY Corporation and NAVER by former names, other scripts and listing codes; a FollowTheMoney file
// opens through the File menu like any other format, and the menu exports one back.
import { describe, expect, it } from 'vitest';
import { shot, state, waitDrawn } from './browser';
import { captureDownload, fileMenu, noticeMatching, openThroughInput } from './files';
import { appSession } from './session';

const s = appSession();

const FTM = [
  { id: 'jp-co', schema: 'Company', properties: { name: ['Harbour Holdings KK'], alias: ['ハーバーホールディングス株式会社'], jurisdiction: ['jp'] } },
  { id: 'kr-co', schema: 'Company', properties: { name: ['Harbour Operations'], alias: ['하버 오퍼레이션'], leiCode: ['5299000TESTLEI00001'] } },
  { id: 'kim', schema: 'Person', properties: { name: ['Kim Min-jun'] } },
  { id: 'o1', schema: 'Ownership', properties: { owner: ['jp-co'], asset: ['kr-co'], percentage: ['60'], startDate: ['2020-01-01'] } },
  { id: 'd1', schema: 'Directorship', properties: { director: ['kim'], organization: ['kr-co'], role: ['director'] } },
].map((e) => JSON.stringify(e)).join('\n');

describe('names and FollowTheMoney in the app', () => {
  it.each([
    ['Z Holdings', 'LY Corporation — formerly Z Holdings Corporation'],
    ['LINE Yahoo', 'LY Corporation — also LINE Yahoo'],
    ['Yahoo', 'LY Corporation — formerly Yahoo Japan Corporation'],
    ['LINEヤフー', 'LY Corporation — also LINEヤフー株式会社'],
    ['네이버', 'NAVER Corporation — also 네이버 주식회사'],
    ['4689', 'LY Corporation — TSE 4689'],
  ])('search: %j lists %j', async (query, option) => {
    const page = s.page;
    const box = page.getByRole('combobox', { name: 'Find an entity' });
    await box.fill(query);
    await expect.poll(() => page.getByRole('option').allInnerTexts(), { timeout: 10_000 }).toContain(option);
    if (query === '네이버') await shot(page, 'search-native-script');
    await box.press('Enter');
    const id = option.startsWith('NAVER') ? 'naver' : 'ly';
    await expect.poll(() => state<string | null>(page, '(st) => st.selection?.id ?? null'), { timeout: 10_000 }).toBe(id);
  });

  it('opens a FollowTheMoney file and exports one back', async () => {
    const page = s.page;
    await openThroughInput(page, 'harbour.ftm.jsonl', FTM);
    await noticeMatching(page, /^Opened "harbour\.ftm\.jsonl" \(FollowTheMoney entities\): 3 entities, 1 holding\./);
    await waitDrawn(page);
    expect(await state<string[]>(page, '(st) => st.doc.entities.map((e) => e.name)')).toEqual(['Harbour Holdings KK', 'Harbour Operations', 'Kim Min-jun']);
    expect(await state<string[]>(page, '(st) => st.doc.relations.map((r) => r.kind)')).toEqual(['boardMember']);
    await page.getByText('Laying out…').waitFor({ state: 'hidden', timeout: 30_000 });
    await shot(page, 'ftm-opened');
    const out = await captureDownload(page, () => fileMenu(page, 'Export FollowTheMoney'), 'export.ftm.jsonl');
    expect(out.name).toMatch(/\.ftm\.jsonl$/);
    const lines = new TextDecoder().decode(out.bytes).trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(lines.map((l) => `${l.schema}:${l.id}`)).toEqual(['Company:jp-co', 'Company:kr-co', 'Person:kim', 'Ownership:o1', 'Directorship:d1']);
    expect(lines[1].properties).toMatchObject({ alias: ['하버 오퍼레이션'], leiCode: ['5299000TESTLEI00001'] });
  });
});
