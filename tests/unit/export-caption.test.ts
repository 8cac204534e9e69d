// Caption content and layout of exported images: title, date and rule, a legend built from the same LegendModel as the
// app's, shortened sources; every text fits the page, nothing overlaps the graph.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/analysis';
import { captionContent, citedSources, sourceLabel, type CaptionView } from '../../src/export/exportCaption';
import { ruleLabel } from '../../src/analysis';
import { CAPTION_SPAN, layoutExport, legendSections, MIN_WIDTH, PAD, sourcesLines, type DrawItem } from '../../src/export/exportLayout';
import { approxMeasure, truncate, wrapText } from '../../src/export/exportText';
import { controlGroups } from '../../src/canvas/groups';
import { legendModel } from '../../src/canvas/legend';
import { toElements } from '../../src/canvas/toElements';
import { parseDoc, type OwnershipDoc } from '../../src/model';
import { graph } from './helpers';

const LY = parseDoc(JSON.parse(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')));
const LAYERS = { holdings: true, agreements: true, dependencies: true };
const VIEW: CaptionView = { date: '2024-09-30', rule: 'legal', threshold: 25, layers: LAYERS };

function legendOf(doc: OwnershipDoc) {
  const a = analyze(doc, { rule: 'legal' });
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  return legendModel(toElements(doc, a, { layers: LAYERS }), a, (id) => names.get(id) ?? id);
}

const texts = (items: DrawItem[]) => items.filter((i): i is Extract<DrawItem, { type: 'text' }> => i.type === 'text');

describe('caption content', () => {
  it('says the title, view date and rule; names hidden layers', () => {
    const c = captionContent(LY, { ...VIEW, rule: 'defacto', threshold: 20, layers: { ...LAYERS, dependencies: false } }, legendOf(LY));
    expect(c.title).toBe(LY.title);
    expect(c.subtitle).toBe('As of 2024-09-30  ·  Control rule: De facto (τ = 20%)  ·  Not shown: dependencies');
    expect(ruleLabel('votes', 25)).toBe('Votes only');
  });

  it('adds what else the reader must know (a preview, a partial drawing)', () => {
    const c = captionContent(LY, { ...VIEW, notes: ['Preview of a transfer, not applied', 'Showing 3 of 28 entities'] }, legendOf(LY));
    expect(c.subtitle).toBe('As of 2024-09-30  ·  Control rule: Legal control  ·  Preview of a transfer, not applied  ·  Showing 3 of 28 entities');
  });

  it('falls back to a title when the document has none', () => {
    expect(captionContent(graph([['a', 'b', 60]]), VIEW, legendOf(graph([['a', 'b', 60]]))).title).toBe('Untitled graph');
  });

  it('lists cited sources once each, most cited first, by title, else web site', () => {
    const doc = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: [
        { id: 'a', name: 'A', sources: [{ url: 'https://www.example.com/report.pdf' }, { title: 'Filing 2024' }] },
        { id: 'b', name: 'B', sources: [{ title: 'Filing 2024' }, { title: 'Filing 2024' }] },
      ],
      holdings: [{ id: 'h', holder: 'a', subject: 'b', shares: 10, sources: [{ title: `  Very ${'long '.repeat(30)}title ` }, { url: 'not a url' }] }],
    });
    const s = citedSources(doc);
    expect(s[0]).toBe('Filing 2024');
    expect(s).toContain('example.com');
    expect(s).toContain('not a url');
    expect(s.find((x) => x.startsWith('Very'))!.length).toBeLessThanOrEqual(60);
    expect(new Set(s).size).toBe(s.length);
    expect(sourceLabel({})).toBe('');
  });
});

describe('legend of a partial drawing', () => {
  it('lists only the control groups with a member on the canvas (focus mode on huge graphs)', () => {
    const a = analyze(LY, { rule: 'legal' });
    const all = toElements(LY, a, { layers: LAYERS });
    const full = legendModel(all, a, (id) => id);
    expect(full.groups.length).toBeGreaterThanOrEqual(2);
    const keep = new Set(controlGroups(a).groups[1].members);
    const part = legendModel(all.filter((e) => e.group === 'nodes' && keep.has(e.data.ref)), a, (id) => id);
    expect(part.groups.map((g) => g.key)).toEqual([controlGroups(a).groups[1].key]);
    expect(part.groups[0].count).toBe(keep.size);
  });
});

describe('text fitting', () => {
  it('truncates with an ellipsis to fit', () => {
    const t = truncate('A very long entity name indeed', 60, { size: 10 }, approxMeasure);
    expect(t.endsWith('…')).toBe(true);
    expect(approxMeasure(t, { size: 10 })).toBeLessThanOrEqual(60);
    expect(truncate('short', 600, { size: 10 }, approxMeasure)).toBe('short');
  });

  it('wraps words, breaks over-long words, and ends a cut text with an ellipsis', () => {
    const lines = wrapText(`alpha beta gamma ${'x'.repeat(50)} delta`, 100, { size: 10 }, approxMeasure, 3);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(approxMeasure(l, { size: 10 })).toBeLessThanOrEqual(100);
    expect(lines[2].endsWith('…')).toBe(true);
  });

  it('shortens the sources line to two lines with a count of the rest', () => {
    const many = Array.from({ length: 50 }, (_, i) => `Annual report of company number ${i}`);
    const lines = sourcesLines(many, 700, approxMeasure);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join(' ')).toMatch(/^Sources: Annual report of company number 0; .*; and \d+ more$/);
    expect(sourcesLines([], 700, approxMeasure)).toEqual([]);
  });
});

describe('layoutExport', () => {
  const content = captionContent(LY, VIEW, legendOf(LY));

  it.each([[1], [2], [3.5]])('at %s×: texts fit the page, the graph sits between the header and the legend', (scale) => {
    const graphPx = { width: Math.floor(1800 * scale), height: Math.floor(900 * scale) };
    const l = layoutExport(content, graphPx, scale, approxMeasure);
    const u = l.unit;
    expect(u).toBe(Math.max(1, scale));  // the picture is CAPTION_SPAN units wide at every scale here
    expect(l.width).toBeGreaterThanOrEqual(graphPx.width);
    expect(l.graph.x).toBeGreaterThanOrEqual(0);
    expect(l.graph.x + l.graph.width).toBeLessThanOrEqual(l.width);
    for (const t of texts(l.items)) {
      expect(t.x).toBeGreaterThanOrEqual(PAD - 0.01);
      expect((t.x + approxMeasure(t.text, t.font)) * u).toBeLessThanOrEqual(l.width - PAD * u + 0.5);
      const above = t.y * u <= l.graph.y, below = (t.y - t.font.size) * u >= l.graph.y + l.graph.height;
      expect(above || below).toBe(true);
      expect(t.y * u).toBeLessThanOrEqual(l.height);
    }
    expect(texts(l.items)[0].text).toBe(LY.title);
    expect(texts(l.items).some((t) => t.text.startsWith('As of 2024-09-30'))).toBe(true);
    expect(texts(l.items).some((t) => t.text.startsWith('Sources: '))).toBe(true);
  });

  it('draws every legend row of the LegendModel, under the same headings as the on-screen legend', () => {
    const l = layoutExport(content, { width: 2400, height: 1000 }, 1, approxMeasure);
    const all = texts(l.items).map((t) => t.text);
    const legend = content.legend;
    expect(legend.kinds.length + legend.statuses.length + legend.edges.length + legend.groups.length).toBeGreaterThan(5);
    for (const k of legend.kinds) expect(all).toContain(k.label);
    for (const s of legend.statuses) expect(all).toContain(s.label);
    for (const e of legend.edges) expect(all).toContain(e.label);
    for (const g of legend.groups) expect(all).toContain(g.label);
    expect(legendSections(legend).map((s) => s.heading)).toEqual(['Colour = ultimate controller', 'Shape = kind', 'Border = control status', 'Lines']);
    for (const h of legendSections(legend).map((s) => s.heading)) expect(all).toContain(h);
  });

  it('a very wide picture gets a caption in proportion, never wider than CAPTION_SPAN units', () => {
    const l = layoutExport(content, { width: 5400, height: 3000 }, 0.5, approxMeasure);
    expect(l.unit).toBe(3);
    expect(l.width / l.unit).toBeLessThanOrEqual(CAPTION_SPAN + 2 * PAD);
    expect(texts(l.items)[0].font.size * l.unit).toBe(66);
  });

  it('a small graph gets a page wide enough for its caption, centred', () => {
    const l = layoutExport(content, { width: 200, height: 100 }, 1, approxMeasure);
    expect(l.width).toBe(MIN_WIDTH);
    expect(l.graph.x).toBe(Math.round((MIN_WIDTH - 200) / 2));
  });

  it('keeps hostile names as plain text items (the renderers escape them)', () => {
    const doc = graph([['x', 'y', 60]], { entities: [{ id: 'x', name: '<img src=x onerror=alert(1)>' }] });
    const c = captionContent({ ...doc, title: '<script>alert(1)</script>' }, VIEW, legendOf(doc));
    const l = layoutExport(c, { width: 600, height: 300 }, 2, approxMeasure);
    expect(texts(l.items)[0].text).toBe('<script>alert(1)</script>');
  });
});
