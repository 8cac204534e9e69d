// Names without spaces wrap inside the node (draw/text.ts breakHints, issue 20 §3): Japanese and Chinese between
// characters (kinsoku: no line starts with closing punctuation or a small kana, none ends with an opening bracket),
// Korean at its spaces, an over-long Latin word between characters as a last resort; the canvas's label text and
// the exports' lines come from the same hinted text, and the node's height counts the lines.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analysis';
import { parseDoc } from '../../src/model';
import { BREAK, approxMetrics, breakHints, wrapLabel } from '../../src/draw/text';
import { labelHeight } from '../../src/draw/labels';
import { LABEL_W, NODE_FONT } from '../../src/draw/styles';
import { toElements } from '../../src/draw/toElements';
import { drawElements } from '../../src/draw/geometry';
import { stylesheet } from '../../src/canvas/stylesheet';

const font = { style: 'normal', weight: 'normal', size: NODE_FONT, family: 'sans-serif' };
const width = (s: string) => approxMetrics.width(s, font);
const wrap = (name: string, max = LABEL_W) => wrapLabel(breakHints(name, max, NODE_FONT, LABEL_W), max, width);
const show = (s: string) => s.replaceAll(BREAK, '|');

describe('breakHints', () => {
  it.each<[string, string]>([
    ['LINEヤフー株式会社', 'LINE|ヤ|フー|株|式|会|社'],
    ['日本電信電話（NTT）', '日|本|電|信|電|話|（NTT）'],
    ['「ヤフー」株式会社', '「ヤ|フー」|株|式|会|社'],
    ['네이버 파이낸셜 주식회사', '네이버 파이낸셜 주식회사'],
    ['LY Corporation', 'LY Corporation'],
  ])('%s → %s', (text, hinted) => expect(show(breakHints(text, LABEL_W, NODE_FONT))).toBe(hinted));

  it('breaks a Latin word only when it cannot fit a line on its own, and no combining mark from its letter', () => {
    expect(breakHints('Communications Holdings', LABEL_W, NODE_FONT)).toBe('Communications Holdings');
    const long = 'Donaudampfschifffahrtsgesellschaftskapitän GmbH';
    expect(show(breakHints(long, LABEL_W, NODE_FONT)).startsWith('D|o|n|a|u')).toBe(true);
    expect(show(breakHints('Ae\u0301roporttttttttttttttttttttt', 60, NODE_FONT))).toContain('e\u0301|r');
    // In a hexagon (100 wide) "Communications" stands alone on its line; it is broken only past the node's text room.
    expect(breakHints('Ministry of Internal Affairs and Communications', 100, NODE_FONT, LABEL_W)).toBe('Ministry of Internal Affairs and Communications');
  });
});

describe('wrapLabel on hinted names', () => {
  it('wraps a long Japanese name between characters, each line within the node, no line starting with a closing bracket', () => {
    const name = '東日本旅客鉄道株式会社（JR東日本）ホールディングス';
    const lines = wrap(name);
    expect(lines.join('')).toBe(name);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(width(l)).toBeLessThanOrEqual(LABEL_W);
      expect(/^[）」』、。ー]/.test(l)).toBe(false);
    }
  });

  it('keeps Korean words whole and breaks an over-long Latin word without a hyphen', () => {
    expect(wrap('네이버 파이낸셜 주식회사 클라우드 플랫폼').every((l) => !/^\S+$/.test(l) || l.length <= 6)).toBe(true);
    const lines = wrap('Donaudampfschifffahrtsgesellschaftskapitän GmbH');
    expect(lines.join('')).toBe('DonaudampfschifffahrtsgesellschaftskapitänGmbH'.replace('GmbH', ' GmbH'));
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(LABEL_W);
    expect(lines.some((l) => l.includes('-'))).toBe(false);
  });

  it('leaves names that wrap at spaces as Cytoscape wraps them', () => {
    expect(wrap('Ministry of Internal Affairs and Communications')).toEqual(wrapLabel('Ministry of Internal Affairs and Communications', LABEL_W, width));
  });
});

describe('the canvas and the exports draw the same lines', () => {
  const doc = parseDoc(JSON.stringify({
    format: 'ownership-graph', version: 1,
    entities: [{ id: 'jr', name: '東日本旅客鉄道株式会社（JR東日本）ホールディングス' }, { id: 'ly', name: 'LY Corporation' }],
    holdings: [{ id: 'h', holder: 'jr', subject: 'ly', shares: 10 }],
  }));
  const els = toElements(doc, analyze(doc, { date: '2024-06-01' }), { layers: { holdings: true, agreements: true, dependencies: true } });
  const node = (id: string) => els.find((e) => e.data.ref === id && e.data.kind === 'entity')!;

  it('gives the canvas the hinted text (node[wrap]) and the exports wrap that text into lines that fit', () => {
    expect(node('jr').data.wrap).toBe(breakHints(String(node('jr').data.label), LABEL_W, NODE_FONT, LABEL_W));
    expect(node('ly').data.wrap).toBeUndefined();
    expect(stylesheet().some((r) => r.selector === 'node[wrap]' && (r.style as Record<string, unknown>).label === 'data(wrap)')).toBe(true);
    const drawn = drawElements(els, new Map([['jr', { x: 0, y: 0 }], ['ly', { x: 0, y: 200 }]]), approxMetrics);
    const jr = drawn.find((d) => d.group === 'nodes' && d.id === node('jr').data.id)!;
    if (jr.group !== 'nodes') throw new Error('not a node');
    expect(jr.label!.lines.join('')).toBe(`${String(node('jr').data.label).split('\n')[0]}${String(node('jr').data.label).split('\n').slice(1).join('')}`);
    expect(jr.label!.lines.every((l) => !l.includes(BREAK) && width(l) <= LABEL_W)).toBe(true);
  });

  it('sizes a Korean node (wrapped at its spaces, each syllable a full em wide) for every line', () => {
    const name = '네이버 파이낸셜 주식회사 클라우드 플랫폼';
    expect(labelHeight(name, 'company')).toBe(labelHeight('a\n'.repeat(wrap(name).length - 1) + 'a', 'company'));
    expect(wrap(name).length).toBe(3);
  });

  it('sizes the node for every line of the wrapped name', () => {
    const lines = wrap(String(node('jr').data.label).split('\n')[0]).length;
    expect(labelHeight(String(node('jr').data.label), 'company')).toBeGreaterThanOrEqual(labelHeight('a\n'.repeat(lines - 1) + 'a', 'company'));
    expect(node('jr').data.h).toBe(labelHeight(String(node('jr').data.label), 'company'));
  });
});
