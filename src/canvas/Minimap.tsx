// The overview of a graph too big to read whole: every entity as a dot, the visible part as a frame; a click or a
// drag on it moves the view there. Shown only while the whole graph does not fit the canvas at a readable zoom.
import { useEffect, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import { zoomToFit } from './frame';
import { READABLE_ZOOM } from './stylesheet';

const W = 180, H = 120, PAD = 6;

export function Minimap({ cy }: { cy: Core | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    if (!cy) return;
    let frame = 0;
    let dots: { x: number; y: number; colour: string }[] = [];
    let box = { x1: 0, y1: 0, x2: 1, y2: 1 };
    let scale = 1;
    const collect = () => {
      const nodes = cy.nodes('.entity');
      setNeeded(nodes.nonempty() && zoomToFit(cy, nodes) < READABLE_ZOOM);
      dots = nodes.map((n) => ({ ...n.position(), colour: String(n.data('line') ?? '#64748b') }));
      box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
      for (const d of dots) { box.x1 = Math.min(box.x1, d.x); box.y1 = Math.min(box.y1, d.y); box.x2 = Math.max(box.x2, d.x); box.y2 = Math.max(box.y2, d.y); }
      scale = Math.min((W - 2 * PAD) / Math.max(1, box.x2 - box.x1), (H - 2 * PAD) / Math.max(1, box.y2 - box.y1));
    };
    const toMini = (x: number, y: number) => ({ x: PAD + (x - box.x1) * scale, y: PAD + (y - box.y1) * scale });
    const draw = () => {
      frame = 0;
      const c = ref.current?.getContext('2d');
      if (!c || cy.destroyed()) return;
      c.clearRect(0, 0, W, H);
      for (const d of dots) {
        const p = toMini(d.x, d.y);
        c.fillStyle = d.colour;
        c.fillRect(p.x - 1, p.y - 1, 2, 2);
      }
      const e = cy.extent();
      const a = toMini(e.x1, e.y1), b = toMini(e.x2, e.y2);
      c.strokeStyle = '#2563eb';
      c.lineWidth = 1.5;
      c.strokeRect(a.x, a.y, b.x - a.x, b.y - a.y);
    };
    const schedule = () => (frame ||= requestAnimationFrame(draw));
    let again: ReturnType<typeof setTimeout> | undefined;
    const recollect = () => {
      clearTimeout(again);
      again = setTimeout(() => { if (!cy.destroyed()) { collect(); schedule(); } }, 100);
    };
    collect();
    schedule();
    cy.on('viewport resize', schedule);
    cy.on('add remove dragfree', recollect);
    const canvas = ref.current;
    const moveTo = (ev: PointerEvent) => {
      const r = canvas!.getBoundingClientRect();
      const x = box.x1 + (ev.clientX - r.left - PAD) / scale, y = box.y1 + (ev.clientY - r.top - PAD) / scale;
      cy.pan({ x: cy.width() / 2 - x * cy.zoom(), y: cy.height() / 2 - y * cy.zoom() });
    };
    const down = (ev: PointerEvent) => { canvas!.setPointerCapture(ev.pointerId); moveTo(ev); };
    const move = (ev: PointerEvent) => { if (canvas!.hasPointerCapture(ev.pointerId)) moveTo(ev); };
    canvas?.addEventListener('pointerdown', down);
    canvas?.addEventListener('pointermove', move);
    return () => {
      cy.removeListener('viewport resize', schedule);
      cy.removeListener('add remove dragfree', recollect);
      canvas?.removeEventListener('pointerdown', down);
      canvas?.removeEventListener('pointermove', move);
      cancelAnimationFrame(frame);
      clearTimeout(again);
    };
  }, [cy]);
  return <canvas ref={ref} width={W} height={H} className="minimap" hidden={!needed} aria-label="Overview of the whole graph: click to move the view there" role="img" />;
}
