// The minimap's geometry: the drawing's box centred in the minimap with its aspect kept, the inverse mapping a click
// uses, and when the overview is worth its strip of canvas.
import { describe, expect, it } from 'vitest';
import { MINI_H, MINI_PAD, MINI_W, minimapNeeded, miniScale } from '../../src/canvas/minimapGeometry';

describe('minimap geometry', () => {
  it.each([
    // A wide drawing fills the width and is centred vertically.
    [{ x1: 0, y1: 0, x2: 1680, y2: 100 }, { x: MINI_PAD, y: MINI_H / 2 - 5 }, { x: MINI_W - MINI_PAD, y: MINI_H / 2 + 5 }],
    // A tall one fills the height and is centred horizontally.
    [{ x1: -100, y1: -540, x2: 0, y2: 540 }, { x: MINI_W / 2 - 5, y: MINI_PAD }, { x: MINI_W / 2 + 5, y: MINI_H - MINI_PAD }],
  ])('maps %j corner to corner', (box, a, b) => {
    const m = miniScale(box);
    expect(m.toMini(box.x1, box.y1).x).toBeCloseTo(a.x);
    expect(m.toMini(box.x1, box.y1).y).toBeCloseTo(a.y);
    expect(m.toMini(box.x2, box.y2).x).toBeCloseTo(b.x);
    expect(m.toMini(box.x2, box.y2).y).toBeCloseTo(b.y);
  });

  it('a click maps back to the model point drawn there', () => {
    const m = miniScale({ x1: 200, y1: -300, x2: 9000, y2: 2500 });
    const p = m.toModel(...(Object.values(m.toMini(4321, 777)) as [number, number]));
    expect(p.x).toBeCloseTo(4321);
    expect(p.y).toBeCloseTo(777);
  });

  it('is shown only when the readable view holds less than half of the drawing', () => {
    expect(minimapNeeded(0.7, 0.714)).toBe(false);
    expect(minimapNeeded(0.36, 0.714)).toBe(false);
    expect(minimapNeeded(0.35, 0.714)).toBe(true);
    expect(minimapNeeded(0.02, 0.714)).toBe(true);
  });
});
