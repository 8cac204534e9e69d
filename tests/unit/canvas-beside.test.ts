// Loose entities (regulators) go beside what they act on; label wrapping sizes nodes.
import { describe, expect, it } from 'vitest';
import { anchorsOf, placeBeside } from '../../src/draw/beside';
import { wrappedLines } from '../../src/draw/labels';
import { emptyDoc, type OwnershipDoc } from '../../src/model';

const doc = (): OwnershipDoc => ({
  ...emptyDoc(),
  entities: ['a', 'b', 'c', 'reg', 'lonely'].map((id) => ({ id, name: id })),
  holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 60 }],
  events: [
    { id: 'e1', date: '2024-01-01', kind: 'regulatory', title: 't', entities: ['reg', 'b'] },
    { id: 'e2', date: '2024-02-01', kind: 'regulatory', title: 't', entities: ['reg', 'b', 'a'] },
  ],
});

describe('anchorsOf', () => {
  it('picks the placed entity a loose one shares most events with; none without links', () => {
    const placed = new Set(['a', 'b', 'c']);
    const m = anchorsOf(doc(), new Set(['reg', 'lonely']), (id) => placed.has(id));
    expect(m.get('reg')).toBe('b');
    expect(m.get('lonely')).toBeNull();
  });
  it('ignores entities that are not placed', () => {
    const m = anchorsOf(doc(), new Set(['reg']), (id) => id === 'a');
    expect(m.get('reg')).toBe('a');
  });
});

describe('placeBeside', () => {
  it('puts each loose entity in its anchor row, right of the row, never on a node', () => {
    const placed = new Map([['a', { x: 0, y: 0 }], ['b', { x: 0, y: 100 }], ['c', { x: 200, y: 100 }]]);
    const out = placeBeside(placed, new Map([['r1', 'b'], ['r2', 'b'], ['free', null]]), 140, 60, 10);
    expect(out.get('r1')).toEqual({ x: 350, y: 100 });
    expect(out.get('r2')).toEqual({ x: 500, y: 100 });
    expect(out.get('free')!.y).toBeGreaterThan(100);
    const all = [...placed.values(), ...out.values()];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
      expect(Math.abs(all[i].x - all[j].x) >= 140 || Math.abs(all[i].y - all[j].y) >= 60).toBe(true);
    }
  });
});

describe('wrappedLines', () => {
  it.each([
    ['LY Corporation', 1],
    ['Ministry of Internal Affairs and Communications', 4],
    ['A Holdings Corporation\n⚭ joint control', 3],
  ])('%s wraps to %i lines at 128 units, 14 px (an estimate that errs tall)', (label, lines) => {
    expect(wrappedLines(label, 128, 14)).toBe(lines);
  });
});
