// SVG export markup: labels wrapped as Cytoscape wraps them and laid out line by line, nodes with their borders (two
// outlines for a double border), edges with their dashes, arrowheads and haloed labels; every name stays text.
import { describe, expect, it } from 'vitest';
import { composeSvg } from '../../src/export/exportSvg';
import { edgeGeometry } from '../../src/draw/edgeGeometry';
import { dashAttr, edgeSvg, graphSvg, nodeSvg } from '../../src/export/exportSvgGraph';
import { type EdgeDraw, type NodeDraw } from '../../src/draw/drawing';
import { approxMetrics, ellipsizeLabel, labelBox, wrapLabel, type LabelDraw, type TextMetrics } from '../../src/draw/text';
import { labelSvg } from '../../src/export/exportSvgLabel';
import type { ExportLayout } from '../../src/export/exportLayout';

const HOSTILE = '<img src=x onerror=alert(1)>';
/** One unit per character; the baseline 2 above the bottom of the line. */
const mono: TextMetrics = { width: (t) => [...t].length, baseline: () => 2 };
const chars = (s: string) => [...s].length;

describe('wrapLabel (Cytoscape text-wrap: wrap)', () => {
  it.each<[string, number, string[]]>([
    ['LY Corporation', 20, ['LY Corporation']],
    ['aaa bbb ccc', 11, ['aaa bbb ccc']],
    // Cytoscape measures each candidate with its trailing separator: "aaa bbb " (8) does not fit 7.
    ['aaa bbb ccc', 7, ['aaa', 'bbb ccc']],
    ['aaa bbb ccc', 8, ['aaa bbb', 'ccc']],
    ['Ministry of Internal Affairs and Communications', 24, ['Ministry of Internal', 'Affairs and', 'Communications']],
    ['Supercalifragilistic x', 5, ['Supercalifragilistic', 'x']],
    ['Name\n⚭ joint control', 40, ['Name', '⚭ joint control']],
    ['a  b   c', 4, ['a', 'b', 'c']],
  ])('%j in %d', (text, max, lines) => expect(wrapLabel(text, max, chars)).toEqual(lines));

  it('cuts with an ellipsis what must stay on one line', () => {
    expect(ellipsizeLabel('short', 10, chars)).toBe('short');
    expect(ellipsizeLabel('a rather long name', 8, chars)).toBe('a rathe…');
  });
});

const label = (over: Partial<LabelDraw> = {}): LabelDraw => ({
  lines: ['One'], x: 0, y: 0, halign: 'center', valign: 'center', font: { style: 'normal', weight: 'normal', size: 12, family: 'sans-serif' },
  color: '#111827', opacity: 1, lineHeight: 1, background: null, outline: null, ...over,
});

describe('labels', () => {
  it('centres the lines on the anchor, one font size apart, on the baseline above each line\'s bottom', () => {
    expect(labelBox(label({ lines: ['LINE Bank Taiwan Ltd.', '⚭ joint control'] }), mono)).toEqual({ x: -10.5, y: -12, w: 21, h: 24, baselines: [-2, 10] });
    expect(labelBox(label({ lines: ['a', 'b', 'c'], lineHeight: 1.5, valign: 'top', halign: 'left' }), mono)).toEqual({ x: -1, y: -48, w: 1, h: 48, baselines: [-38, -20, -2] });
  });

  it('draws one line as plain text and several as tspans, every one escaped', () => {
    const one = labelSvg(label({ lines: [HOSTILE] }), mono);
    expect(one).toContain('>&lt;img src=x onerror=alert(1)&gt;</text>');
    expect(one).toContain('text-anchor="middle"');
    expect(one).not.toContain('<img');
    const two = labelSvg(label({ lines: ['Target "Ltd" & <b>bold</b>', '⚭ joint control'], x: 5 }), mono);
    expect(two).toBe(
      '<text text-anchor="middle" font-family="sans-serif" font-size="12" fill="#111827" xml:space="preserve">'
      + '<tspan x="5" y="-2">Target &quot;Ltd&quot; &amp; &lt;b&gt;bold&lt;/b&gt;</tspan><tspan x="5" y="10">⚭ joint control</tspan></text>',
    );
  });

  it('puts an edge label on its background box (the white halo), with the font\'s style, weight and fading', () => {
    const svg = labelSvg(label({
      lines: ['29.11%'], font: { style: 'italic', weight: 'bold', size: 10, family: '"Segoe UI", sans-serif' },
      background: { color: '#ffffff', opacity: 0.85, padding: 2, round: false }, opacity: 0.5,
    }), approxMetrics);
    expect(svg).toMatch(/^<rect x="-19" y="-7" width="38" height="14" fill="#ffffff" fill-opacity="0.85"\/><text /);
    expect(svg).toContain('font-family="&quot;Segoe UI&quot;, sans-serif" font-size="10" font-weight="bold" font-style="italic"');
    expect(svg).toContain('fill-opacity="0.5"');
    expect(labelSvg(label({ lines: [] }), mono)).toBe('');
    expect(labelSvg(label({ opacity: 0 }), mono)).toBe('');
  });
});

const node = (over: Partial<NodeDraw> = {}): NodeDraw => ({
  group: 'nodes', id: 'e:x', x: 0, y: 0, w: 170, h: 52, shape: 'round-rectangle', fill: 'rgb(219,234,254)', fillOpacity: 1,
  border: { color: 'rgb(29,78,216)', width: 1.5, style: 'solid', dash: [4, 2], opacity: 1 }, outline: null, label: label({ lines: ['X'] }), ...over,
});
const strokes = (svg: string) => [...svg.matchAll(/<path d="[^"]*" fill="none" stroke="([^"]*)" stroke-width="([^"]*)"/g)].map((m) => [m[1], m[2]]);

describe('nodes', () => {
  it('fills and strokes a plain border on the shape itself', () => {
    const svg = nodeSvg(node(), mono);
    expect(svg).toMatch(/^<g data-id="e:x" class="node"><path d="M-77 -26 [^"]*" fill="rgb\(219,234,254\)" stroke="rgb\(29,78,216\)" stroke-width="1.5" stroke-linejoin="miter"\/><text /);
    expect(svg.endsWith('</text></g>')).toBe(true);
  });

  it('draws a double border as two outlines a third of its width, with a gap between them', () => {
    const svg = nodeSvg(node({ border: { color: 'rgb(109,40,217)', width: 7.5, style: 'double', dash: [], opacity: 1 } }), mono);
    expect(strokes(svg)).toEqual([['rgb(109,40,217)', '2.5'], ['rgb(109,40,217)', '2.5']]);
    // Outer outline 2.5 outside the shape, inner 2.5 inside, the fill under the inner one.
    expect(svg).toContain('<path d="M-77 -28.5 H77 A10.5 10.5 0 0 1 87.5 -18 ');
    expect(svg).toContain('<path d="M-77 -23.5 H77 A5.5 5.5 0 0 1 82.5 -18 ');
    expect(svg).toMatch(/<path d="M-77 -23.5 [^"]*" fill="rgb\(219,234,254\)"\/>/);
  });

  it.each([
    ['dashed', [5, 3], ' stroke-dasharray="5 3"'],
    ['dotted', [5, 3], ' stroke-dasharray="1 1"'],
    ['solid', [5, 3], ''],
    ['dashed', [], ''],
  ] as const)('a %s line with pattern %j', (style, dash, attr) => expect(dashAttr(style, [...dash])).toBe(attr));

  it('draws an outline ring outside the border, faded nodes faded, and a node without border or label', () => {
    const ringed = nodeSvg(node({ outline: { color: '#f59e0b', width: 5, offset: 4, style: 'solid', opacity: 1 } }), mono);
    expect(strokes(ringed)).toEqual([['#f59e0b', '5']]);
    expect(ringed).toContain('<path d="M-77 -31.25 H77 A13.25 13.25 0 0 1 90.25 -18 ');
    const faded = nodeSvg(node({ fillOpacity: 0.18, border: { ...node().border, opacity: 0.18 } }), mono);
    expect(faded).toContain('fill-opacity="0.18" stroke="rgb(29,78,216)" stroke-width="1.5" stroke-opacity="0.18"');
    expect(nodeSvg(node({ border: { ...node().border, width: 0 }, label: null, id: HOSTILE }), mono)).toMatch(/^<g data-id="&lt;img src=x onerror=alert\(1\)&gt;" class="node"><path d="[^"]*" fill="rgb\(219,234,254\)"\/><\/g>$/);
  });
});

const edge = (over: Partial<EdgeDraw> = {}): EdgeDraw => ({
  group: 'edges', id: 'h:1', geometry: edgeGeometry({ kind: 'straight', tail: { x: 0, y: 0 }, tip: { x: 0, y: 100 }, ctrl: [], mid: { x: 0, y: 50 }, sourceGap: 0, targetGap: 6 }),
  color: 'rgb(148,163,184)', width: 3, opacity: 1, style: 'solid', dash: [6, 3], cap: 'butt', underlay: null,
  arrows: [{ shape: 'triangle', tip: { x: 0, y: 100 }, angle: 0, size: 29, color: 'rgb(148,163,184)', opacity: 1, hollow: false, lineWidth: 3 }],
  label: label({ lines: ['~40%'], y: 50, background: { color: '#ffffff', opacity: 0.85, padding: 2, round: false } }), ...over,
});

describe('edges', () => {
  it('draws the line, then the arrowhead, then the label on its halo', () => {
    const svg = edgeSvg(edge(), mono);
    expect(svg).toMatch(/^<g data-id="h:1" class="edge"><path d="M0 0 L0 94" fill="none" stroke="rgb\(148,163,184\)" stroke-width="3" stroke-linejoin="round"\/><polygon [^>]*\/><rect [^>]*\/><text [^>]*>~40%<\/text><\/g>$/);
  });

  it('dashes estimated and dependency lines, and draws an underlay under a changed one', () => {
    const svg = edgeSvg(edge({ style: 'dashed', dash: [9, 4], underlay: { color: '#f59e0b', padding: 6, opacity: 0.45 }, label: null, opacity: 0.5 }), mono);
    expect(svg).toContain('<path d="M0 0 L0 94" fill="none" stroke="#f59e0b" stroke-width="12" stroke-opacity="0.45" stroke-linecap="round" stroke-linejoin="round"/>');
    expect(svg).toContain('stroke-width="3" stroke-opacity="0.5" stroke-linejoin="round" stroke-dasharray="9 4"/>');
  });
});

describe('the graph drawing', () => {
  it('is an <svg> showing the model area from the drawing\'s corner, elements in the order given, which composeSvg places', () => {
    const svg = graphSvg([edge(), node({ label: label({ lines: [HOSTILE] }) })], { x: -100.5, y: -40, width: 300, height: 200 }, mono);
    expect(svg.split('\n')[0]).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="-100.5 -40 300 200">');
    expect(svg.indexOf('class="edge"')).toBeLessThan(svg.indexOf('class="node"'));
    expect(svg).not.toContain('<img');
    const layout: ExportLayout = { width: 800, height: 600, unit: 1, graph: { x: 24, y: 80, width: 300, height: 200 }, items: [] };
    const doc = composeSvg(layout, svg, { background: null, title: 't' });
    expect(doc).toContain('<svg x="24" y="80" xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="-100.5 -40 300 200">');
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;</text>');
  });
});
