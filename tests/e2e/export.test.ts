// E2E: image export in real Chromium — a PNG of the whole graph with its caption and the document inside (decoded here:
// size, not blank, chunk equal to the app's document), dropped back to give the same graph; scale fitted to the canvas
// limits with a notice; an SVG that parses, draws every entity's name as text and a joint controller's double border;
// hostile names shown as text and never run.
import { describe, expect, it } from 'vitest';
import { extractDoc } from '../../src/io';
import { MAX_CANVAS_AREA } from '../../src/export/exportFit';
import { fileBaseName } from '../../src/ui/download';
import { colourVariety, decodePng, opaqueShare } from '../png';
import { ARTIFACTS, shot } from './browser';
import { docJson, dropFile, exportImage, noticeMatching, openThroughInput, pickDataset, undoDepth } from './files';
import { appSession, type AppSession } from './session';

const HOSTILE = '<img src=x onerror=alert(1)>';
/** Dialogs the page opened (the session dismisses and records them; a hostile name must never open one). */
const dialogs = (s: AppSession) => s.problems.filter((p) => p.startsWith('dialog:'));

describe('image export', () => {
  const s = appSession();

  it('exports the whole LY graph as a 2× PNG with caption; the file carries the document; dropping it back restores it', async () => {
    const page = s.page;
    const before = await docJson(page);
    const file = await exportImage(page, { format: 'png', scale: 2, background: 'white' }, 'export-ly-2x.png');
    expect(file.name).toBe(`${fileBaseName(JSON.parse(before).title)}.png`);
    const notice = await noticeMatching(page, /Exported at 2×/);
    const img = decodePng(file.bytes);
    expect(notice).toContain(`${img.width.toLocaleString('en')} × ${img.height.toLocaleString('en')} px`);
    expect(img.width).toBeGreaterThan(1500);
    expect(img.height).toBeGreaterThan(800);
    expect(img.width * img.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(colourVariety(img)).toBeGreaterThan(100);
    expect(opaqueShare(img)).toBe(1);
    expect(extractDoc(file.bytes)).toEqual(JSON.parse(before));

    // Change the graph, then drop the PNG: the exported graph comes back, editable, as one undo step.
    await pickDataset(page, 'ntt-docomo');
    const depth = await undoDepth(page);
    await dropFile(page, file.name, file.bytes);
    await noticeMatching(page, /^Opened ".*\.png" \(PNG exported from this app\)/);
    expect(await docJson(page)).toBe(before);
    expect(await undoDepth(page)).toBe(depth + 1);
    await shot(page, 'export-ly-dropped-back');
  });

  it('lowers 4× to the largest scale that fits the canvas limits, says so, and the picture is not blank', async () => {
    const page = s.page;
    const file = await exportImage(page, { format: 'png', scale: 4, background: 'transparent' }, 'export-ly-4x-transparent.png');
    const notice = await noticeMatching(page, /exported at [\d.]+× instead of 4×/);
    const used = Number(/at ([\d.]+)× instead/.exec(notice)![1]);
    expect(used).toBeLessThan(4);
    expect(used).toBeGreaterThan(1.5);
    const img = decodePng(file.bytes);
    expect(img.width * img.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(colourVariety(img)).toBeGreaterThan(100);
    const opaque = opaqueShare(img);
    expect(opaque).toBeGreaterThan(0.02);
    expect(opaque).toBeLessThan(0.9);
    expect(extractDoc(file.bytes)).toEqual(JSON.parse(await docJson(page)));
  });

  it('exports an SVG that parses, with the caption and legend as text, every entity name as text, double borders drawn', async () => {
    const page = s.page;
    const file = await exportImage(page, { format: 'svg', background: 'white' }, 'export-ly.svg');
    const text = new TextDecoder().decode(file.bytes);
    const parsed = await page.evaluate((t) => {
      const d = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: d.querySelector('parsererror')?.textContent ?? null, root: d.documentElement.nodeName, texts: [...d.querySelectorAll('text')].map((x) => x.textContent) };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toContain('LY Corporation');
    expect(parsed.texts).toContain('Border = control status');
    expect(parsed.texts.some((t) => t?.startsWith('As of '))).toBe(true);

    // Every drawn entity's label is text in the graph, its lines as Cytoscape wraps them; a jointly controlled entity
    // has a double border: two outlines of a third of the border's width each.
    const drawn = await page.evaluate(() => {
      type Node = { id(): string; data(k: string): string; hasClass(c: string): boolean; numericStyle(k: string): number };
      const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: { nodes(s: string): { map<T>(f: (n: Node) => T): T[] } } } })._cyreg.cy;
      return cy.nodes('.entity').map((n) => ({ id: n.id(), label: n.data('label'), joint: n.hasClass('s-joint'), border: n.numericStyle('border-width') }));
    });
    const nodes = await page.evaluate((t) => {
      const d = new DOMParser().parseFromString(t, 'image/svg+xml');
      return [...d.querySelectorAll('g.node')].map((g) => ({
        id: g.getAttribute('data-id'),
        lines: [...g.querySelectorAll('text')].flatMap((x) => (x.querySelector('tspan') ? [...x.querySelectorAll('tspan')].map((l) => l.textContent) : [x.textContent])),
        outlines: [...g.querySelectorAll('path[fill="none"]')].map((o) => ({ stroke: o.getAttribute('stroke'), width: Number(o.getAttribute('stroke-width')) })),
      }));
    }, text);
    expect(drawn.length).toBeGreaterThan(20);
    expect(nodes.map((n) => n.id).sort()).toEqual(drawn.map((n) => n.id).sort());
    for (const n of drawn) {
      const g = nodes.find((x) => x.id === n.id)!;
      expect(g.lines.join(' '), n.id).toBe(n.label.replace(/\s+/g, ' ').trim());
      expect(g.lines.length, n.id).toBeGreaterThanOrEqual(n.label.split('\n').length);
    }
    const joint = drawn.filter((n) => n.joint);
    expect(joint.map((n) => n.id)).toContain('e:lbt');
    for (const n of joint) {
      const { outlines } = nodes.find((x) => x.id === n.id)!;
      expect(outlines).toHaveLength(2);
      expect(outlines[0].stroke).toBe(outlines[1].stroke);
      for (const o of outlines) expect(o.width).toBeCloseTo(n.border / 3, 1);
    }
    // Draw the SVG as a browser would show it, to look at it.
    const view = await s.context.newPage();
    await view.setViewportSize({ width: 1600, height: 1400 });
    await view.setContent(`<body style="margin:0;background:#fff"><img style="width:1600px" src="data:image/svg+xml;base64,${Buffer.from(file.bytes).toString('base64')}"></body>`);
    await view.waitForFunction(() => document.querySelector('img')?.complete);
    await view.screenshot({ path: `${ARTIFACTS}export-ly-svg-rendered.png`, fullPage: true });
    await view.close();
  });
});

describe('hostile names', () => {
  const s = appSession();

  it('a name with markup is shown as text everywhere — canvas, inspector, PNG, SVG — and never runs', async () => {
    const page = s.page;
    const doc = {
      format: 'ownership-graph', version: 1, title: `<script>alert('t')</script> & co`, asOf: '2024-01-01',
      entities: [
        { id: 'x', name: HOSTILE, kind: 'company', position: { x: 0, y: 0 } },
        { id: 'y', name: 'Target "Ltd" & <b>bold</b>', kind: 'company', position: { x: 0, y: 200 } },
        { id: 'p', name: 'Person ]]> <!-- x -->', kind: 'person', position: { x: 260, y: 0 } },
      ],
      holdings: [{ id: 'h1', holder: 'x', subject: 'y', shares: 60 }, { id: 'h2', holder: 'p', subject: 'y', shares: 20 }],
    };
    await openThroughInput(page, 'hostile.ownership.json', JSON.stringify(doc));
    await noticeMatching(page, /^Opened "hostile\.ownership\.json"/);
    const label = await page.evaluate(() => (document.querySelector('.graph') as unknown as { _cyreg: { cy: { getElementById(i: string): { data(k: string): string } } } })._cyreg.cy.getElementById('e:x').data('label'));
    expect(label).toContain(HOSTILE);
    await page.getByRole('combobox', { name: 'Find an entity' }).fill('img');
    await page.getByRole('combobox', { name: 'Find an entity' }).press('Enter');
    await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).textContent()).toContain(HOSTILE);
    expect(await page.locator('img, [onerror]').count()).toBe(0);

    const png = await exportImage(page, { format: 'png', scale: 2 }, 'export-hostile.png');
    expect(colourVariety(decodePng(png.bytes))).toBeGreaterThan(20);
    expect(extractDoc(png.bytes)!.entities[0].name).toBe(HOSTILE);
    expect(png.name).toBe('script-alert-t-script-co.png');

    const svg = new TextDecoder().decode((await exportImage(page, { format: 'svg' }, 'export-hostile.svg')).bytes);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    const parsed = await page.evaluate((t) => {
      const d = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: d.querySelector('parsererror')?.textContent ?? null, img: d.querySelectorAll('img, script, b').length, texts: [...d.querySelectorAll('text')].map((x) => x.textContent) };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.img).toBe(0);
    expect(parsed.texts).toContain(HOSTILE);
    expect(parsed.texts).toContain(`<script>alert('t')</script> & co`);
    // On the graph too: the wrapped name's lines are text, and read back as the name (a word wider than the node is
    // broken between letters, so the lines are compared without the spaces the wrap took or added).
    const nameLines = await page.evaluate((t) => [...new DOMParser().parseFromString(t, 'image/svg+xml').querySelectorAll('g.node[data-id="e:x"] tspan, g.node[data-id="e:x"] text:not(:has(tspan))')].map((x) => x.textContent), svg);
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.join('').replace(/\s+/g, '')).toBe(HOSTILE.replace(/\s+/g, ''));
    await shot(page, 'export-hostile-app');
    expect(dialogs(s)).toEqual([]);
  });
});

describe('image export of a big graph', () => {
  const big = appSession('?sample=1000');

  it('draws every edge of the 1,000-entity sample, though the canvas holds most of them as lines', async () => {
    const page = big.page;
    const live = () => page.evaluate(() => window.__explorer!.stats.liveEdges);
    // The default view reads the hub: only the edges near it are elements.
    await page.waitForFunction(() => window.__explorer!.stats.liveEdges > 0, undefined, { timeout: 30_000 });
    expect(await live()).toBeLessThan(2500 / 2);
    const svg = new TextDecoder().decode((await exportImage(page, { format: 'svg' }, 'export-sample-1000.svg')).bytes);
    expect(svg.match(/class="edge"/g)?.length).toBe(2500);
    expect(svg.match(/class="node"/g)?.length).toBe(1000);
    // Afterwards the edges are lines again (only those near the view are elements).
    await page.waitForFunction(() => window.__explorer!.stats.liveEdges < 2500 / 2, undefined, { timeout: 30_000 });
  });
});
