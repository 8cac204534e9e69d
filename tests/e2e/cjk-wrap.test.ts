// E2E: a long Japanese name without spaces wraps inside its node on the canvas (draw/text.ts breakHints): Cytoscape
// breaks it between characters, every line stays within the node, and the node is tall enough for them.
import { describe, expect, it } from 'vitest';
import { shot, waitDrawn } from './browser';
import { writeFileSync } from 'node:fs';
import { exportImage, noticeMatching, openThroughInput } from './files';
import { appSession } from './session';

const s = appSession();

const DOC = {
  format: 'ownership-graph', version: 1, title: 'CJK names',
  entities: [
    { id: 'jr', name: '東日本旅客鉄道株式会社（JR東日本）ホールディングス' },
    { id: 'ly', name: 'LINEヤフー株式会社' },
    { id: 'kr', name: '네이버 파이낸셜 주식회사 클라우드 플랫폼' },
  ],
  holdings: [{ id: 'h1', holder: 'jr', subject: 'ly', shares: 40 }, { id: 'h2', holder: 'kr', subject: 'ly', shares: 30 }],
};

describe('CJK names on the canvas', () => {
  it('wraps a long Japanese name between characters, inside its node', async () => {
    const page = s.page;
    await openThroughInput(page, 'cjk.ownership.json', JSON.stringify(DOC));
    await noticeMatching(page, /^Opened "cjk\.ownership\.json"/);
    await waitDrawn(page);
    await page.getByText('Laying out…').waitFor({ state: 'hidden', timeout: 30_000 });
    const read = () => page.evaluate(() => {
      type Ele = { boundingBox(o: object): Box; data(k: string): unknown; _private: { rscratch: { labelWrapCachedLines?: string[] } } };
      interface Box { x1: number; x2: number; y1: number; y2: number }
      const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: { getElementById(x: string): Ele; fit(e: unknown, p: number): void } } })._cyreg.cy;
      return ['jr', 'ly', 'kr'].map((id) => {
        const e = cy.getElementById(`e:${id}`);
        return { id, lines: e._private.rscratch.labelWrapCachedLines ?? [], node: e.boundingBox({ includeLabels: false, includeOverlays: false }), label: e.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false }) };
      });
    });
    await expect.poll(async () => (await read()).every((n) => n.lines.length > 0), { timeout: 10_000 }).toBe(true);
    const nodes = await read();
    const jr = nodes.find((n) => n.id === 'jr')!;
    // The name has no space: more than one line means Cytoscape broke it between characters (how many lines depends
    // on the glyphs this machine's fonts give; the export below draws with the shipped CJK fonts).
    expect(jr.lines.length).toBeGreaterThan(1);
    expect(jr.lines.join('').replace(/\u200b/g, '')).toBe(DOC.entities[0].name);
    for (const n of nodes) {
      // The label's box lies within the node's (a pixel of antialiasing spared).
      expect([n.id, n.label.x1 >= n.node.x1 - 1 && n.label.x2 <= n.node.x2 + 1 && n.label.y1 >= n.node.y1 - 1 && n.label.y2 <= n.node.y2 + 1]).toEqual([n.id, true]);
    }
    await page.evaluate(() => {
      const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: { getElementById(x: string): unknown; fit(e: unknown, p: number): void } } })._cyreg.cy;
      cy.fit(cy.getElementById('e:jr'), 120);
    });
    await page.waitForTimeout(300);
    await shot(page, 'cjk-long-name');
  });

  it('the PNG export draws the same name wrapped inside its node, with the shipped CJK fonts', async () => {
    const page = s.page;
    await openThroughInput(page, 'cjk.ownership.json', JSON.stringify(DOC));
    await noticeMatching(page, /^Opened "cjk\.ownership\.json"/);
    await waitDrawn(page);
    await page.getByText('Laying out…').waitFor({ state: 'hidden', timeout: 30_000 });
    const png = await exportImage(page, { format: 'png' }, 'cjk.png');
    writeFileSync(new URL('./artifacts/cjk-long-name-export.png', import.meta.url), png.bytes);
    const svg = await exportImage(page, { format: 'svg' }, 'cjk.svg');
    const text = new TextDecoder().decode(svg.bytes);
    // The export wraps the name into lines of whole characters (no zero-width spaces left in the text).
    const lines = [...text.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>|<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? m[2]).filter((t) => /[東日本旅客鉄道株式会社ホールディングス]/.test(t));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toContain('東日本旅客鉄道');
    expect(text.includes('\u200b')).toBe(false);
  });
});
