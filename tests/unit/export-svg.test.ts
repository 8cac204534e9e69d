// SVG export text: every name, title and label is XML-escaped; characters XML cannot hold are dropped; the graph's
// SVG is placed where the layout puts it.
import { describe, expect, it } from 'vitest';
import { composeSvg, escapeXml, itemToSvg, xmlSafe } from '../../src/export/exportSvg';
import type { ExportLayout } from '../../src/export/exportLayout';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('escapeXml', () => {
  it.each([
    [HOSTILE, '&lt;img src=x onerror=alert(1)&gt;'],
    ['AT&T "quoted" \'single\'', 'AT&amp;T &quot;quoted&quot; &apos;single&apos;'],
    [']]><script>', ']]&gt;&lt;script&gt;'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['bell\u0007 nul\u0000 ffff\uFFFF', 'bell nul ffff'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 🏦 and 日本', 'emoji 🏦 and 日本'],
  ])('%j → %j', (raw, escaped) => expect(escapeXml(raw)).toBe(escaped));

  it('xmlSafe keeps markup but drops invalid characters', () => {
    expect(xmlSafe('<g>\u0001</g>')).toBe('<g></g>');
  });
});

describe('itemToSvg', () => {
  it('escapes text content and attribute values', () => {
    const svg = itemToSvg({ type: 'text', x: 1, y: 2, text: HOSTILE, font: { size: 12 }, color: '"red' });
    expect(svg).toBe('<text x="1" y="2" font-size="12" font-weight="400" fill="&quot;red">&lt;img src=x onerror=alert(1)&gt;</text>');
  });

  it('draws shapes with dashes and rounded corners', () => {
    expect(itemToSvg({ type: 'rect', x: 0, y: 0, w: 10, h: 5, fill: '#fff', stroke: '#000', strokeWidth: 2, dash: [4, 2], radius: 3 }))
      .toBe('<rect x="0" y="0" width="10" height="5" rx="3" fill="#fff" stroke="#000" stroke-width="2" stroke-dasharray="4 2"/>');
    expect(itemToSvg({ type: 'poly', points: [0, 0, 1, 1, 2, 0.333], fill: '#f00', stroke: null, strokeWidth: 0 })).toBe('<polygon points="0 0 1 1 2 0.33" fill="#f00" stroke="none"/>');
  });
});

describe('composeSvg', () => {
  const layout: ExportLayout = {
    width: 800, height: 600, unit: 2, graph: { x: 100, y: 80, width: 600, height: 300 },
    items: [{ type: 'text', x: 24, y: 40, text: `Title ${HOSTILE}`, font: { size: 22, weight: 700 }, color: '#000' }],
  };
  const graphSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><text>${escapeXml(HOSTILE)}</text></svg>`;

  it('places the graph, scales the caption, escapes the title, and sets the displayed size', () => {
    const out = composeSvg(layout, graphSvg, { background: '#ffffff', title: HOSTILE, scale: 2 });
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out).toContain('width="1600" height="1200" viewBox="0 0 800 600"');
    expect(out).toContain('<svg x="100" y="80" xmlns="http://www.w3.org/2000/svg" width="600" height="300">');
    expect(out).toContain('<title>&lt;img src=x onerror=alert(1)&gt;</title>');
    expect(out).toContain('<g transform="scale(2)"');
    expect(out).toContain('<rect width="800" height="600" fill="#ffffff"/>');
    expect(out).not.toContain('<img');
    expect(out.endsWith('</svg>\n')).toBe(true);
  });

  it('leaves out the background when transparent, and strips an XML declaration from the graph', () => {
    const out = composeSvg(layout, `<?xml version="1.0"?>\n${graphSvg}`, { background: null, title: 't' });
    expect(out).not.toContain('<rect width="800"');
    expect(out.match(/<\?xml/g)).toHaveLength(1);
  });

  it('refuses a graph drawing that is not SVG', () => {
    expect(() => composeSvg(layout, '<div/>', { background: null, title: 't' })).toThrow(/not an SVG element/);
  });
});
