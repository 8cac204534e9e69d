// The preset layouts (canvas/layoutPresets.ts): used only for ELK's exact input, and made with today's ELK options
// for the bundled datasets' entities (else `npm run -s layout-presets` must be run again).
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { elkInputKey, presetPositions } from '../../src/canvas/layoutPresets';
import { elkOptions } from '../../src/canvas/layout';
import presets from '../../src/canvas/layoutPresets.json';
import { DATASETS } from '../../src/store/datasets';

function graph(sizes: Record<string, number>, edges: [string, string][]) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 140, height: 'data(h)', 'border-width': 1 } }],
    elements: [
      ...Object.entries(sizes).map(([id, h]) => ({ data: { id, h } })),
      ...edges.map(([source, target]) => ({ data: { id: `${source}>${target}`, source, target } })),
    ],
  });
}

describe('elkInputKey', () => {
  const opts = elkOptions('DOWN');
  it('is the same for the same input, and differs with a node size, an edge, their order or the options', () => {
    const key = (cy: cytoscape.Core, o: object = opts) => elkInputKey(cy, cy.elements(), o);
    const base = key(graph({ a: 40, b: 50 }, [['a', 'b']]));
    expect(key(graph({ a: 40, b: 50 }, [['a', 'b']]))).toBe(base);
    expect(key(graph({ a: 40, b: 64 }, [['a', 'b']]))).not.toBe(base);
    expect(key(graph({ a: 40, b: 50 }, [['b', 'a']]))).not.toBe(base);
    expect(key(graph({ b: 50, a: 40 }, [['a', 'b']]))).not.toBe(base);
    expect(key(graph({ a: 40, b: 50 }, [['a', 'b']]), elkOptions('RIGHT'))).not.toBe(base);
  });

  it('names the canvas shape only when there are several components (which ELK packs to it)', () => {
    expect(JSON.parse(elkInputKey(...one(graph({ a: 40, b: 50 }, [['a', 'b']])), opts)).aspect).toBeNull();
    expect(JSON.parse(elkInputKey(...one(graph({ a: 40, b: 50, c: 40, d: 40 }, [['a', 'b'], ['c', 'd']])), opts)).aspect).not.toBeNull();
  });
});

function one(cy: cytoscape.Core): [cytoscape.Core, cytoscape.Collection] {
  return [cy, cy.elements()];
}

describe('presetPositions', () => {
  it('gives the positions of the matching preset only', () => {
    const table = [{ key: 'k1', positions: { a: [1, 2] as [number, number] } }];
    expect(presetPositions('k1', table)?.get('a')).toEqual({ x: 1, y: 2 });
    expect(presetPositions('k2', table)).toBeNull();
  });

  it('the bundled presets were made with today\'s ELK options, for entities of the bundled datasets, both directions', () => {
    const today = [JSON.stringify(elkOptions('DOWN')), JSON.stringify(elkOptions('RIGHT'))];
    const ids = new Set(DATASETS.flatMap((d) => d.load().entities.map((e) => e.id)));
    expect(presets.length, 'run npm run -s layout-presets').toBe(4);
    for (const p of presets) {
      const key = JSON.parse(p.key) as { options: object; nodes: [string, number, number][] };
      expect(today, 'the ELK options changed: run npm run -s layout-presets').toContain(JSON.stringify(key.options));
      expect(Object.keys(p.positions).every((id) => ids.has(id))).toBe(true);
      expect(key.nodes.length).toBe(Object.keys(p.positions).length);
    }
  });
});
