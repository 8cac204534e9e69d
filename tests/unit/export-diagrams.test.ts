// draw.io and GraphML exports: well-formed XML in the shapes the formats document (mxfile > diagram > mxGraphModel >
// root > mxCell; graphml > key + graph > node/edge with yEd's y:ShapeNode / y:PolyLineEdge), every entity once with
// its name, shape and colour at its laid-out box, no two boxes overlapping, every holding, agreement, relation and
// dependency as an edge with its label, the legend, the lit path, and names that would break markup kept as text.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { inForce, parseDoc, type OwnershipDoc } from '../../src/model';
import { documentDiagram } from '../../src/export/documentDiagram';
import { drawioXml } from '../../src/export/drawio';
import { graphmlXml } from '../../src/export/graphml';
import type { Diagram } from '../../src/export/diagram';
import { el, render } from '../../src/export/xmlBuilder';
import { graph } from './helpers';

const LY = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['mxCell', 'node', 'edge', 'key', 'data', 'mxPoint'].includes(name), textNodeName: '#text', parseTagValue: false, parseAttributeValue: false, trimValues: false });

let diagram: Diagram;
beforeAll(async () => {
  diagram = await documentDiagram(LY, { lit: { paths: [['naver', 'ahd', 'ly']], label: 'NAVER → A Holdings → LY' } });
}, 60_000);

/** Records drawn as edges on the document's date: holdings, agreements (one per party), relations, dependencies. */
function expectedEdges(doc: OwnershipDoc, date: string): number {
  const on = <T extends { since?: string | null; until?: string | null }>(xs: T[] | undefined) => (xs ?? []).filter((x) => inForce(x, date));
  return on(doc.holdings).length + on(doc.agreements).reduce((n, a) => n + a.parties.length, 0) + on(doc.relations).filter((r) => r.party).length + on(doc.dependencies).length;
}

describe('the diagram', () => {
  it('has every entity once, no two boxes overlapping, and every record as an edge', () => {
    const ids = diagram.nodes.map((n) => n.entity);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(LY.entities.map((e) => e.id).sort());
    for (let i = 0; i < diagram.nodes.length; i++) for (let j = i + 1; j < diagram.nodes.length; j++) {
      const a = diagram.nodes[i], b = diagram.nodes[j];
      const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2;
      expect(apart, `${a.entity} and ${b.entity} overlap`).toBe(true);
    }
    expect(diagram.edges.length).toBe(expectedEdges(LY, LY.asOf!));
    expect(diagram.edges.filter((e) => e.lit).map((e) => e.id).sort()).toEqual(['h:h-ahd-ly', 'h:h-naver-ahd']);
    expect(diagram.nodes.filter((n) => n.lit).map((n) => n.entity).sort()).toEqual(['ahd', 'ly', 'naver']);
  });
});

describe('draw.io', () => {
  it('is an uncompressed mxfile with one vertex per entity at its box and one edge per record, labelled, and the legend', () => {
    const xml = drawioXml(diagram);
    expect(XMLValidator.validate(xml)).toBe(true);
    const f = parser.parse(xml);
    expect(f.mxfile.compressed).toBe('false');
    const cells: Record<string, string>[] = f.mxfile.diagram.mxGraphModel.root.mxCell;
    expect(cells[0]).toMatchObject({ id: '0' });
    expect(cells[1]).toMatchObject({ id: '1', parent: '0' });
    const vertices = cells.filter((c) => c.vertex === '1' && /^n\d+$/.test(c.id));
    expect(vertices.length).toBe(LY.entities.length);
    const ly = diagram.nodes.find((n) => n.entity === 'ly')!;
    const lyCell = vertices.find((c) => c.value.startsWith('LY Corporation'))! as unknown as { style: string; mxGeometry: Record<string, string> };
    expect(lyCell.style).toContain(`fillColor=${ly.fill}`);
    expect(lyCell.style).toContain('rounded=1');
    expect(Number(lyCell.mxGeometry.width)).toBe(ly.w);
    const edges = cells.filter((c) => c.edge === '1' && c.source);
    expect(edges.length).toBe(diagram.edges.length);
    const ids = new Set(vertices.map((c) => c.id));
    expect(edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(edges.map((e) => e.value)).toContain('62.5%');
    expect(edges.some((e) => /strokeColor=#dc2626/.test(e.style))).toBe(true); // the lit path
    const legend = cells.filter((c) => c.id.startsWith('legend'));
    expect(legend.map((c) => c.value)).toEqual(expect.arrayContaining(['Legend', 'Colour = ultimate controller', 'Shape = kind', 'Lines']));
    const person = vertices.find((c) => c.value.startsWith('Masayoshi Son'))!;
    expect(person.style).toMatch(/^ellipse;/);
  });
});

describe('GraphML for yEd', () => {
  it('declares its keys, and draws every entity as a y:ShapeNode and every record as a y:PolyLineEdge', () => {
    const xml = graphmlXml(diagram);
    expect(XMLValidator.validate(xml)).toBe(true);
    const g = parser.parse(xml).graphml;
    expect(g.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(g['xmlns:y']).toBe('http://www.yworks.com/xml/graphml');
    const keys: Record<string, string>[] = g.key;
    expect(keys.find((k) => k['yfiles.type'] === 'nodegraphics')).toMatchObject({ for: 'node' });
    expect(keys.find((k) => k['yfiles.type'] === 'edgegraphics')).toMatchObject({ for: 'edge' });
    type Data = { key: string; '#text'?: string; 'y:ShapeNode'?: Record<string, Record<string, string>>; 'y:PolyLineEdge'?: Record<string, Record<string, string>> };
    const nodes: { id: string; data: Data[] }[] = g.graph.node;
    const entities = nodes.filter((n) => /^n\d+$/.test(n.id));
    expect(entities.length).toBe(LY.entities.length);
    expect(entities.every((n) => /^[\w.:-]+$/.test(n.id))).toBe(true);
    const ly = entities.find((n) => n.data.find((d) => d.key === 'd_id')?.['#text'] === 'ly')!;
    const shape = ly.data.find((d) => d.key === 'd_graphics')!['y:ShapeNode']!;
    const box = diagram.nodes.find((n) => n.entity === 'ly')!;
    expect(shape['y:Fill'].color).toBe(box.fill);
    expect(shape['y:Shape'].type).toBe('roundrectangle');
    expect(Number(shape['y:Geometry'].width)).toBe(box.w);
    const edges: { source: string; target: string; data: Data[] }[] = g.graph.edge;
    expect(edges.length).toBe(diagram.edges.length);
    const ids = new Set(nodes.map((n) => n.id));
    expect(edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    const poly = edges.map((e) => e.data.find((d) => d.key === 'e_graphics')!['y:PolyLineEdge']!);
    expect(poly.some((p) => p['y:EdgeLabel']?.['#text'] === '62.5%')).toBe(true);
    expect(poly.some((p) => p['y:Arrows'].target === 'diamond')).toBe(true);
    expect(nodes.some((n) => n.id === 'legend:title')).toBe(true);
  });
});

describe('names that would break markup', () => {
  const nasty = 'A & <B> "C" \'D\'\u0001 ]]> \u2028';
  it.each([['draw.io', drawioXml], ['GraphML', graphmlXml]])('%s keeps them as text', async (_, write) => {
    const doc = graph([['a', 'b', 60]], { entities: [{ id: 'a', name: nasty }] });
    const xml = write(await documentDiagram(doc));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<B>');
    expect(xml).toContain('A &amp; &lt;B&gt;');
    expect(xml).not.toContain('\u0001');
  });
  it('the builder refuses a name that is not XML', () => {
    expect(() => el('a b')).toThrow(/not an XML name/);
    expect(render(el('x', { v: 'a\nb' }, ['<'])) ).toBe('<x v="a&#10;b">&lt;</x>');
  });
});
