// The overview of a graph too big to read whole: every drawn entity as a dot, the visible part as a frame; a click or
// a drag on it moves the view there. Docked in a strip of its own beside the graph (never over a node), and shown
// only while the readable view holds less than about half of the drawing (minimapNeeded, minimapGeometry.ts).
import { useEffect, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import { zoomToFit } from './frame';
import { READABLE_ZOOM } from '../draw/styles';
import { MINI_H, MINI_W, minimapNeeded, miniScale, type Box } from './minimapGeometry';

export function Minimap({ cy }: { cy: Core | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    if (!cy) return;
    let frame = 0;
    let dots: { x: number; y: number; colour: string }[] = [];
    let box: Box = { x1: 0, y1: 0, x2: 1, y2: 1 };
    let m = miniScale(box);
    const collect = () => {
      const nodes = cy.nodes('.entity');
      setNeeded(nodes.nonempty() && minimapNeeded(zoomToFit(cy, nodes), READABLE_ZOOM));
      dots = nodes.map((n) => ({ ...n.position(), colour: String(n.data('line') ?? '#64748b') }));
      box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
      for (const d of dots) { box.x1 = Math.min(box.x1, d.x); box.y1 = Math.min(box.y1, d.y); box.x2 = Math.max(box.x2, d.x); box.y2 = Math.max(box.y2, d.y); }
      m = miniScale(box);
    };
    const draw = () => {
      frame = 0;
      const el = ref.current, c = el?.getContext('2d');
      if (!el || !c || cy.destroyed()) return;
      // Sharp on high-density screens: the backing store follows the device pixel ratio, drawing stays in CSS px.
      const dpr = Math.max(1, Math.round(window.devicePixelRatio || 1));
      if (el.width !== MINI_W * dpr) [el.width, el.height] = [MINI_W * dpr, MINI_H * dpr];
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
      c.clearRect(0, 0, MINI_W, MINI_H);
      for (const d of dots) {
        const p = m.toMini(d.x, d.y);
        c.fillStyle = d.colour;
        c.fillRect(p.x - 1, p.y - 1, 2, 2);
      }
      const e = cy.extent();
      const a = m.toMini(e.x1, e.y1), b = m.toMini(e.x2, e.y2);
      c.strokeStyle = '#2563eb';
      c.lineWidth = 1.5;
      c.strokeRect(a.x, a.y, b.x - a.x, b.y - a.y);
    };
    const schedule = () => (frame ||= requestAnimationFrame(draw));
    let again: ReturnType<typeof setTimeout> | undefined;
    // Layout, edits and a new canvas size change what the overview shows and whether it is needed: gathered once
    // per burst (a layout moves every node, one event each).
    const recollect = () => {
      clearTimeout(again);
      again = setTimeout(() => { if (!cy.destroyed()) { collect(); schedule(); } }, 100);
    };
    collect();
    schedule();
    cy.on('viewport', schedule);
    cy.on('add remove position resize', recollect);
    const canvas = ref.current;
    const moveTo = (ev: PointerEvent) => {
      const r = canvas!.getBoundingClientRect();
      const p = m.toModel(ev.clientX - r.left - canvas!.clientLeft, ev.clientY - r.top - canvas!.clientTop); // inside its border
      cy.stop(true, false);
      cy.pan({ x: cy.width() / 2 - p.x * cy.zoom(), y: cy.height() / 2 - p.y * cy.zoom() });
      cy.emit('dragpan'); // the user chose where to look: the canvas stops re-framing on its own
    };
    const down = (ev: PointerEvent) => { canvas!.setPointerCapture(ev.pointerId); moveTo(ev); };
    const move = (ev: PointerEvent) => { if (canvas!.hasPointerCapture(ev.pointerId)) moveTo(ev); };
    canvas?.addEventListener('pointerdown', down);
    canvas?.addEventListener('pointermove', move);
    return () => {
      cy.removeListener('viewport', schedule);
      cy.removeListener('add remove position resize', recollect);
      canvas?.removeEventListener('pointerdown', down);
      canvas?.removeEventListener('pointermove', move);
      cancelAnimationFrame(frame);
      clearTimeout(again);
    };
  }, [cy]);
  return (
    <div className="minimap-dock" hidden={!needed}>
      <span className="minimap-title">Overview</span>
      <canvas ref={ref} width={MINI_W} height={MINI_H} className="minimap" aria-label="Overview of the whole graph: click or drag to move the view there" role="img" />
      <span className="minimap-hint">Click or drag to move the view.</span>
    </div>
  );
}
