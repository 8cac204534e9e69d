// The split view's sides go one above the other only when that draws the graph markedly bigger (ui/workspace/splitStack.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawingSize, stackSides } from '../../src/ui/workspace/splitStack';
import type { ElementDef } from '../../src/draw/toElements';

describe('stackSides', () => {
  it.each([
    // pane, graph, stacked: LY's drawing (about 1,900 × 1,000) in the pane left between both panels at 1280×720 …
    [{ width: 660, height: 540 }, { width: 1900, height: 1000 }, true],
    // … with the inspector closed (side by side is as good: the familiar layout stays) …
    [{ width: 990, height: 540 }, { width: 1900, height: 1000 }, false],
    // … a tall graph stays side by side, a square pane too.
    [{ width: 660, height: 540 }, { width: 600, height: 1400 }, false],
    [{ width: 800, height: 800 }, { width: 1000, height: 1000 }, false],
    // Nothing drawn or nothing measured: side by side.
    [{ width: 660, height: 540 }, null, false],
    [{ width: 0, height: 0 }, { width: 1900, height: 1000 }, false],
  ])('pane %o, graph %o → stacked %s', (pane, graph, stacked) => {
    expect(stackSides(pane, graph)).toBe(stacked);
  });

  it('a wider graph of the same height never goes back to side by side, a taller one never to stacked', () => {
    const n = fc.integer({ min: 50, max: 5000 });
    fc.assert(
      fc.property(n, n, n, n, n, (pw, ph, w, h, more) => {
        const pane = { width: pw, height: ph };
        if (stackSides(pane, { width: w, height: h })) expect(stackSides(pane, { width: w + more, height: h })).toBe(true);
        else expect(stackSides(pane, { width: w, height: h + more })).toBe(false);
      }),
    );
  });
});

describe('drawingSize', () => {
  const node = (id: string, x: number, y: number): ElementDef => ({ group: 'nodes', data: { id, ref: id, kind: 'entity', label: id }, classes: '', position: { x, y } });
  it('spans the placed entity nodes, each counted as a node box; edges and unplaced nodes do not count', () => {
    const els: ElementDef[] = [
      node('a', 0, 0),
      node('b', 1000, 300),
      { group: 'nodes', data: { id: 'c', ref: 'c', kind: 'entity', label: 'c' }, classes: '' },
      { group: 'edges', data: { id: 'h', ref: 'h', kind: 'holding', label: '', source: 'a', target: 'b' }, classes: '' },
    ];
    expect(drawingSize(els)).toEqual({ width: 1140, height: 364 });
    expect(drawingSize([])).toBeNull();
  });
});
