// Pure: where a new entity goes — beside the selected one if there is room, else the free place nearest the centre of
// the visible area — never on top of another node.
type Point = { x: number; y: number };
type Rect = { x1: number; y1: number; x2: number; y2: number };

/** A node position (centre) of size w×h, from `near` outwards, free of `taken` (centres, same size) and inside `view` if possible. */
export function freeSpot(taken: Point[], w: number, h: number, view: Rect, near: Point | null): Point {
  const gap = 16;
  const free = (p: Point) => taken.every((q) => Math.abs(q.x - p.x) >= w + gap / 2 || Math.abs(q.y - p.y) >= h + gap / 2);
  const inside = (p: Point) => p.x - w / 2 >= view.x1 && p.x + w / 2 <= view.x2 && p.y - h / 2 >= view.y1 && p.y + h / 2 <= view.y2;
  if (near) {
    const beside = [
      { x: near.x + w + gap, y: near.y }, { x: near.x - w - gap, y: near.y },
      { x: near.x, y: near.y + h + 2 * gap }, { x: near.x, y: near.y - h - 2 * gap },
      { x: near.x + w + gap, y: near.y + h + 2 * gap }, { x: near.x - w - gap, y: near.y + h + 2 * gap },
    ];
    const ok = beside.find((p) => free(p) && inside(p)) ?? beside.find(free);
    if (ok) return round(ok);
  }
  const c = near ?? { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 };
  // Rings of grid points around the centre; the first free one inside the view wins, else the first free one.
  let fallback: Point | null = null;
  for (let r = 0; r < 40; r++) {
    for (let i = -r; i <= r; i++) for (let j = -r; j <= r; j++) {
      if (Math.max(Math.abs(i), Math.abs(j)) !== r) continue;
      const p = { x: c.x + i * (w / 2 + gap), y: c.y + j * (h / 2 + gap) };
      if (!free(p)) continue;
      if (inside(p)) return round(p);
      fallback ??= p;
    }
  }
  return round(fallback ?? c);
}

const round = (p: Point) => ({ x: Math.round(p.x), y: Math.round(p.y) });
