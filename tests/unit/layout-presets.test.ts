// The preset layouts (canvas/layoutPresets.ts): used only for ELK's exact input, and made with today's ELK options
// for the bundled datasets' entities (else `npm run -s layout-presets` must be run again).
import { describe, expect, it } from 'vitest';
import { elkInputKey, presetPositions } from '../../src/draw/layoutPresets';
import { elkOptions, layoutPositions } from '../../src/draw/layout';
import { toElements } from '../../src/draw/toElements';
import { analyze } from '../../src/analysis';
import presets from '../../src/draw/layoutPresets.json';
import { DATASETS } from '../../src/store/datasets';

type Sizes = Record<string, number>;
/** The key of a graph whose nodes (id → height, width 140 and a 1-wide border) are linked by `edges`, as layout.ts builds it. */
function key(sizes: Sizes, edges: [string, string][], o: object = elkOptions('DOWN'), aspect: number | null = null) {
  return elkInputKey(Object.entries(sizes).map(([id, h]) => [id, 141, h + 1]), edges.map(([s, t]) => [`${s}>${t}`, s, t]), o, aspect);
}

describe('elkInputKey', () => {
  it('is the same for the same input, and differs with a node size, an edge, their order, the options or the shape', () => {
    const base = key({ a: 40, b: 50 }, [['a', 'b']]);
    expect(key({ a: 40, b: 50 }, [['a', 'b']])).toBe(base);
    expect(key({ a: 40, b: 64 }, [['a', 'b']])).not.toBe(base);
    expect(key({ a: 40, b: 50 }, [['b', 'a']])).not.toBe(base);
    expect(key({ b: 50, a: 40 }, [['a', 'b']])).not.toBe(base);
    expect(key({ a: 40, b: 50 }, [['a', 'b']], elkOptions('RIGHT'))).not.toBe(base);
    expect(key({ a: 40, b: 50 }, [['a', 'b']], elkOptions('DOWN'), 1.5)).not.toBe(base);
  });
});

describe('the one layout (draw/layout.ts)', () => {
  it('lays LY out from a preset in both directions on a first visit, with the canvas and the command line alike', async () => {
    const doc = DATASETS.find((d) => d.id === 'line-yahoo')!.load();
    const elements = toElements(doc, analyze(doc), { layers: { holdings: true, agreements: true, dependencies: true } });
    const runs = ((globalThis as { __elkRuns?: unknown[] }).__elkRuns ??= []);
    const before = runs.length;
    const pos = await layoutPositions(doc, elements, { width: 1331, height: 760 });
    expect(Object.keys(pos).sort()).toEqual(doc.entities.map((e) => e.id).sort());
    expect(runs.length, 'ELK ran: the kernel no longer builds the presets\' input').toBe(before);
  });
});

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
