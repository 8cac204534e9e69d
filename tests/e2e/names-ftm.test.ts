// E2E: search finds LY Corporation and NAVER by former names, other scripts and listing codes; a FollowTheMoney file
// opens through the File menu like any other format, and the menu exports one back.
import { describe, expect, it } from 'vitest';
import { shot, state, waitDrawn } from './browser';
import { captureDownload, exportImage, fileMenu, noticeMatching, openThroughInput } from './files';
import { decodePng } from '../png';
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

  it('loads the CJK fonts only for an image that needs them, and its PNG draws the names', async () => {
    const page = s.page;
    const faces = () => page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('Noto Sans') && f.status === 'loaded').map((f) => f.family));
    const latin = { format: 'ownership-graph', version: 1, title: 'Latin only', entities: [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }], holdings: [{ id: 'h', holder: 'a', subject: 'b', shares: 60 }] };
    await openThroughInput(page, 'latin.ownership.json', JSON.stringify(latin));
    await noticeMatching(page, /^Opened "latin\.ownership\.json"/);
    await waitDrawn(page);
    await exportImage(page, { format: 'png' }, 'latin.png');
    expect(await faces()).toEqual([]);
    const doc = { format: 'ownership-graph', version: 1, title: 'LINEヤフー株式会社', entities: [{ id: 'a', name: 'Aホールディングス株式会社' }, { id: 'l', name: 'LINEヤフー株式会社' }, { id: 'n', name: '네이버 주식회사' }, { id: 't', name: '腾讯控股' }], holdings: [{ id: 'h1', holder: 'a', subject: 'l', shares: 62.5 }, { id: 'h2', holder: 'n', subject: 'a', shares: 50 }, { id: 'h3', holder: 't', subject: 'n', shares: 5 }] };
    await openThroughInput(page, 'cjk.ownership.json', JSON.stringify(doc));
    await noticeMatching(page, /^Opened "cjk\.ownership\.json"/);
    await waitDrawn(page);
    const png = await exportImage(page, { format: 'png' }, 'cjk-names.png');
    // The image's fonts; the page's own text (the legend's group names) may also have loaded its "Explorer …" faces.
    expect(new Set((await faces()).map((f) => f.replace(/"/g, '')).filter((f) => !f.startsWith('Explorer ')))).toEqual(new Set(['Noto Sans JP', 'Noto Sans KR', 'Noto Sans SC']));
    expect(decodePng(png.bytes).width).toBeGreaterThan(600);
    // Drawn with the export's own font stack, two different CJK names differ (missing glyphs would be the same boxes).
    const differ = await page.evaluate(() => {
      const draw = (t: string) => {
        const c = document.createElement('canvas');
        c.width = 200;
        c.height = 40;
        const ctx = c.getContext('2d')!;
        ctx.font = '24px system-ui, sans-serif, "Noto Sans JP", "Noto Sans KR", "Noto Sans SC"';
        ctx.fillText(t, 4, 30);
        return Array.from(ctx.getImageData(0, 0, 200, 40).data).join(',');
      };
      return draw('株式会社') !== draw('네이버다') && draw('株式会社') !== draw('腾讯控股');
    });
    expect(differ).toBe(true);
  });
});
