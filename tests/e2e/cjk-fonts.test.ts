// E2E: Japanese, Korean and Chinese names are drawn with the shipped fonts, on a machine without a CJK system font —
// in the app's PNG export (an <img> cannot use the page's fonts: the SVG it rasterises carries them), in its SVG
// export (opened on its own), and on the canvas once the fonts arrive. A name drawn in missing-glyph boxes looks the
// same whatever its characters, so each check redraws a name with its characters reversed (the same characters, so
// the same font subsets) and wants other pixels. Latin-only documents request no font at all.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { decodePng } from '../png';
import { ARTIFACTS, isLocal, shot, waitDrawn } from './browser';
import { exportImage, noticeMatching, openThroughInput, pickDataset } from './files';
import { appSession } from './session';

/** Every request the page made since the app was opened. */
const requests: string[] = [];
const fontRequests = () => requests.filter((u) => /\.woff2?(\?|$)/.test(u));
const s = appSession({ prepare: async (context) => { requests.length = 0; context.on('request', (r) => void requests.push(r.url())); } });

const NAMES = { jp: 'ヤフー株式会社', kr: '네이버주식회사', zh: '腾讯控股有限公司' } as const;
type Script = keyof typeof NAMES;
const SCRIPTS = Object.keys(NAMES) as Script[];
const FAMILY: Record<Script, string> = { jp: 'Noto Sans JP', kr: 'Noto Sans KR', zh: 'Noto Sans SC' };
const reversed = (t: string) => [...t].reverse().join('');

/** A document of three companies named in the three scripts, at fixed places; `flip` has its name reversed. */
function doc(flip?: Script) {
  const name = (k: Script) => (k === flip ? reversed(NAMES[k]) : NAMES[k]);
  return JSON.stringify({
    format: 'ownership-graph', version: 1, title: 'CJK fonts',
    entities: [
      { id: 'jp', name: name('jp'), kind: 'company', position: { x: 0, y: 0 } },
      { id: 'kr', name: name('kr'), kind: 'company', position: { x: 320, y: 0 } },
      { id: 'zh', name: name('zh'), kind: 'company', position: { x: 160, y: 200 } },
    ],
    holdings: [{ id: 'h1', holder: 'jp', subject: 'zh', shares: 40 }, { id: 'h2', holder: 'kr', subject: 'zh', shares: 30 }],
  });
}

async function open(page: Page, file: string, text: string) {
  await openThroughInput(page, file, text);
  await noticeMatching(page, new RegExp(`^Opened "${file.replace(/\./g, '\\.')}"`));
  await waitDrawn(page);
  await page.getByText('Laying out…').waitFor({ state: 'hidden', timeout: 30_000 });
}

const pixels = (png: Uint8Array) => Buffer.from(decodePng(png).pixels);

/** The @font-face rules of the page's style sheets for the shipped CJK families. */
const pageCjkFaces = (page: Page) => page.evaluate(() => [...document.fonts].filter((f) => /^"?Noto Sans (JP|KR|SC)"?$/.test(f.family)).map((f) => ({ family: f.family.replace(/"/g, ''), status: f.status })));

describe('CJK names drawn with the shipped fonts', () => {
  it('a Latin-only document requests no font, adds no font rule and exports images without one', async () => {
    const page = s.page; // opened on the bundled LY dataset (Latin names; its Japanese and Korean ones are aliases)
    await pickDataset(page, 'ntt-docomo'); // Latin names and sources
    const svg = new TextDecoder().decode((await exportImage(page, { format: 'svg' }, 'cjk-fonts-latin.svg')).bytes);
    await exportImage(page, { format: 'png' }, 'cjk-fonts-latin.png');
    expect(svg).toContain('NTT');
    expect(svg).not.toContain('@font-face');
    expect(await pageCjkFaces(page)).toEqual([]);
    expect(fontRequests()).toEqual([]);
  });

  it('the app\'s PNG export draws each script\'s glyphs, fetched from the app itself', async () => {
    const page = s.page;
    await open(page, 'cjk.ownership.json', doc());
    const base = pixels((await exportImage(page, { format: 'png' }, 'cjk-fonts.png')).bytes);
    // The premise: the same document exports the same pixels.
    expect(pixels((await exportImage(page, { format: 'png' }, 'cjk-fonts-again.png')).bytes).equals(base)).toBe(true);
    for (const k of SCRIPTS) {
      await open(page, `cjk-${k}.ownership.json`, doc(k));
      const other = pixels((await exportImage(page, { format: 'png' }, `cjk-fonts-${k}-reversed.png`)).bytes);
      expect([k, other.length === base.length && !other.equals(base)]).toEqual([k, true]);
    }
    const fonts = fontRequests();
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((u) => !isLocal(u) || !/\.woff2$/.test(u))).toEqual([]);
  });

  it('the app\'s SVG export carries the @font-face rules it needs, parses, and draws the glyphs opened on its own', async () => {
    const page = s.page;
    await open(page, 'cjk.ownership.json', doc());
    const svg = new TextDecoder().decode((await exportImage(page, { format: 'svg' }, 'cjk-fonts.svg')).bytes);
    // Opened as a file in a browser that has never seen the app (no Content-Security-Policy, no page fonts).
    const size = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map((x) => Math.ceil(Number(x)));
    const context = await s.browser.newContext({ viewport: { width: size[0], height: size[1] } });
    try {
      const view = await context.newPage();
      const draw = async (text: string, name: string) => {
        const path = `${ARTIFACTS}${name}.svg`;
        writeFileSync(path, text);
        await view.goto(pathToFileURL(path).href);
        await view.evaluate(() => document.fonts.ready);
        return view.screenshot({ path: `${ARTIFACTS}${name}.png` });
      };
      const parsed = await view.evaluate((t) => {
        const d = new DOMParser().parseFromString(t, 'image/svg+xml');
        const style = d.querySelector('svg > style')?.textContent ?? '';
        return {
          error: d.querySelector('parsererror')?.textContent ?? null,
          families: [...style.matchAll(/@font-face\{font-family:"([^"]+)"/g)].map((m) => m[1]),
          ranges: [...style.matchAll(/unicode-range:([^}]*)/g)].map((m) => m[1]),
          textRule: /(^|\s)text\{font-family:"Noto Sans JP", "Noto Sans KR", "Noto Sans SC", system-ui/.test(style),
        };
      }, svg);
      expect(parsed.error).toBeNull();
      expect(new Set(parsed.families)).toEqual(new Set(Object.values(FAMILY)));
      expect(parsed.textRule).toBe(true);
      // The embedded faces claim CJK code points only: Latin text keeps the system's fonts.
      for (const r of parsed.ranges) for (const [a] of r.split(',').map((x) => x.replace('U+', '').split('-').map((h) => parseInt(h, 16)))) expect(a).toBeGreaterThanOrEqual(0x1100);
      expect(svg).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\)/);

      // Each name reversed draws other pixels.
      /** Every text of `text` with the characters of `k`'s name (its wrapped lines) reversed. */
      const flip = (text: string, k: Script) => {
        const chars = new Set(NAMES[k]);
        return text.replace(/>([^<]+)</g, (m, t: string) => ([...t].some((c) => chars.has(c) && c.charCodeAt(0) > 0x2e80) ? `>${reversed(t)}<` : m));
      };
      const base = await draw(svg, 'cjk-fonts-standalone');
      for (const k of SCRIPTS) {
        expect(flip(svg, k)).not.toBe(svg);
        const other = await draw(flip(svg, k), `cjk-fonts-standalone-${k}-reversed`);
        expect([k, other.equals(base)]).toEqual([k, false]);
      }
      // The control: without its <style> the same drawing shows boxes, the same whichever way the names run.
      const bare = svg.replace(/<style>[\s\S]*?<\/style>/, '');
      const boxes = await draw(bare, 'cjk-fonts-standalone-bare');
      for (const k of SCRIPTS) expect([k, (await draw(flip(bare, k), `cjk-fonts-standalone-bare-${k}`)).equals(boxes)]).toEqual([k, true]);
    } finally {
      await context.close();
    }
  });

  it('the canvas draws the names again with the shipped fonts once they arrive', async () => {
    const page = s.page;
    // The fonts are held back until the names have been drawn without them.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\.woff2$/, async (route) => {
      await held;
      await route.fallback();
    });
    await open(page, 'cjk.ownership.json', doc());
    // The pixels Cytoscape drew for a node and its name: its canvases, composed and cut to the node's box (a page
    // screenshot would wait for the fonts held back).
    const drawn = (id: string) => page.evaluate((id) => {
      const el = document.querySelector('.graph') as HTMLElement;
      const cy = (el as unknown as { _cyreg: { cy: { getElementById(x: string): { renderedBoundingBox(o: object): { x1: number; y1: number; w: number; h: number } } } } })._cyreg.cy;
      const b = cy.getElementById(`e:${id}`).renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      const r = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio;
      const out = document.createElement('canvas');
      out.width = Math.ceil(b.w * dpr);
      out.height = Math.ceil(b.h * dpr);
      const ctx = out.getContext('2d')!;
      for (const c of el.querySelectorAll('canvas')) {
        const cr = c.getBoundingClientRect();
        ctx.drawImage(c, (r.left + b.x1 - cr.left) * dpr, (r.top + b.y1 - cr.top) * dpr, out.width, out.height, 0, 0, out.width, out.height);
      }
      return out.toDataURL();
    }, id);
    await page.waitForTimeout(300);
    const before = await Promise.all(SCRIPTS.map(drawn));
    expect((await pageCjkFaces(page)).filter((f) => f.status === 'loaded')).toEqual([]);

    writeFileSync(`${ARTIFACTS}cjk-fonts-canvas-before-jp.png`, Buffer.from(before[0].split(',')[1], 'base64'));
    release();
    // Loaded, as the page's font set says: a face of each family, and each name drawable with its family.
    await expect.poll(async () => new Set((await pageCjkFaces(page)).filter((f) => f.status === 'loaded').map((f) => f.family))).toEqual(new Set(Object.values(FAMILY)));
    // Each family is loaded for the characters it draws: the first family in the font list that covers them (the
    // Chinese name's ideographs that Japanese fonts have are drawn in Japanese, its simplified forms in Chinese).
    const drawnBy = { 'Noto Sans JP': 'ヤフー株式会社控股有限公司', 'Noto Sans KR': '네이버주식회사', 'Noto Sans SC': '腾讯' };
    await expect.poll(() => page.evaluate((pairs) => pairs.every(([family, text]) => document.fonts.check(`14px "${family}"`, text)), Object.entries(drawnBy))).toBe(true);
    // ...and the canvas drew each name again (missing-glyph boxes before, glyphs now).
    for (const [i, k] of SCRIPTS.entries()) {
      await expect.poll(async () => (await drawn(k)) === before[i], { message: `${k} redrawn` }).toBe(false);
    }
    await shot(page, 'cjk-fonts-canvas-after');
  });

  it('a Chinese name fetches only the subsets that draw it: none of the Korean font', async () => {
    const page = s.page;
    const zh = JSON.stringify({
      format: 'ownership-graph', version: 1, title: 'Chinese only',
      entities: [{ id: 'zh', name: NAMES.zh, kind: 'company', position: { x: 0, y: 0 } }, { id: 'p', name: 'Pony Ma', kind: 'person', position: { x: 0, y: -200 } }],
      holdings: [{ id: 'h1', holder: 'p', subject: 'zh', shares: 8.4 }],
    });
    await open(page, 'zh.ownership.json', zh);
    await expect.poll(() => page.evaluate(() => document.fonts.check('14px "Noto Sans SC"', '腾讯'))).toBe(true);
    await page.waitForTimeout(300);
    const fonts = fontRequests();
    expect(fonts.some((u) => /noto-sans-sc/.test(u))).toBe(true);
    expect(fonts.filter((u) => /noto-sans-kr/.test(u))).toEqual([]);
  });

  it('the LY dataset under its Japanese, Korean and Chinese names, on the canvas and exported (screenshots; SVG growth printed)', async () => {
    const page = s.page;
    const ly = JSON.parse(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')) as { title: string; entities: { id: string; name: string; aliases?: { name: string; kind: string; lang?: string }[] }[] };
    // Chinese names of the Taiwanese entities (not in the dataset: for this drawing only).
    const zh: Record<string, string> = { fubon: '台北富邦商業銀行', lbt: '連線商業銀行', lft: '連線金融台灣' };
    let cjk = 0;
    for (const e of ly.entities) {
      const local = e.aliases?.find((a) => a.kind === 'local' && (a.lang === 'ja' || a.lang === 'ko'))?.name ?? zh[e.id];
      if (!local) continue;
      e.name = local;
      cjk++;
    }
    expect(cjk).toBeGreaterThan(12);
    await open(page, 'ly-cjk.ownership.json', JSON.stringify(ly));
    // Only CJK characters are loaded (Latin letters and spaces are drawn with the system's font, first in the list).
    await expect.poll(() => page.evaluate(() => document.fonts.check('14px "Noto Sans JP"', 'ヤフー株式会社') && document.fonts.check('14px "Noto Sans KR"', '네이버주식회사'))).toBe(true);
    // The page's own text (the legend under the canvas names the controlling groups) draws them too.
    await expect.poll(() => page.evaluate(() => document.fonts.check('14px "Explorer Noto Sans JP"', 'ソフトバンクグループ株式会社') && document.fonts.check('14px "Explorer Noto Sans KR"', '네이버 주식회사'))).toBe(true);
    await page.waitForTimeout(500);
    await shot(page, 'cjk-fonts-ly-canvas');
    const svg = (await exportImage(page, { format: 'svg' }, 'cjk-fonts-ly.svg')).bytes;
    await exportImage(page, { format: 'png' }, 'cjk-fonts-ly.png');
    const style = /<style>[\s\S]*?<\/style>/.exec(new TextDecoder().decode(svg))![0];
    console.log(`LY under CJK names: SVG ${svg.length} bytes, of which the embedded fonts ${style.length} bytes (${(style.match(/@font-face/g) ?? []).length} subsets)`);
  });
});
