// Framing a part of a graph too big to read whole: the pan is shifted so no empty band is left at an edge while the
// framed part stays where it was put in view; a drawing that fits keeps its centring.
import { describe, expect, it } from 'vitest';
import { fillView } from '../../src/canvas/frame';

const PAD = 28; // frame.ts's margin

describe('fillView', () => {
  it.each([
    // A 2000-wide drawing at zoom 1 on an 800-wide view, centred on its left part: the left edge sits at the margin.
    ['empty band on the left → shifted left', { x1: 0, y1: 0, x2: 2000, y2: 100 }, { x: 300, y: 0 }, { x: PAD, y: 0 }],
    ['empty band on the right → shifted right', { x1: 0, y1: 0, x2: 2000, y2: 100 }, { x: -1500, y: 0 }, { x: 800 - PAD - 2000, y: 0 }],
    ['no band: unchanged', { x1: 0, y1: 0, x2: 2000, y2: 100 }, { x: -600, y: 0 }, { x: -600, y: 0 }],
    ['the drawing fits this way: the centring is kept', { x1: 0, y1: 0, x2: 500, y2: 100 }, { x: 150, y: 250 }, { x: 150, y: 250 }],
  ])('%s', (_what, all, pan, want) => {
    expect(fillView(all, 1, pan, 800, 600)).toEqual(want);
  });

  it('works in rendered pixels at any zoom, on both axes', () => {
    const all = { x1: -1000, y1: -1000, x2: 1000, y2: 1000 };
    // zoom 0.5: the drawing is 1000×1000 px on an 800×600 view; its top edge was 100 px below the view's top.
    expect(fillView(all, 0.5, { x: 400, y: 600 }, 800, 600)).toEqual({ x: 400, y: 500 + PAD });
  });
});
