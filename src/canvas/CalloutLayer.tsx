// Callouts on the canvas: a small box beside each entity the change concerns ("NAVER Corporation: veto ends"), placed
// by the kernel (draw/calloutPlace.ts) in model units from what is drawn — so the same change lands in the same place
// on every run, whatever the viewport — and drawn on a plane that pans and zooms with the graph. It ignores the
// pointer, so the graph stays clickable.
import { useEffect, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import type { Callout } from '../draw/callouts';
import { CALLOUT_STYLE, placeCallouts, type PlacedCallout } from '../draw/calloutPlace';
import { drawElements } from '../draw/geometry';
import { FONT_FAMILY } from '../draw/styles';
import { canvasMetrics } from '../export/canvasText';
import { shownElements } from './edgeLabels';

/** The callouts of `items` over what `cy` draws now (its nodes where they are, its edge labels as the kernel lays them out). */
function place(cy: Core, items: Callout[]): PlacedCallout[] {
  return placeCallouts(items, drawElements(shownElements(cy), new Map(), canvasMetrics), canvasMetrics);
}

export function CalloutLayer({ cy, items }: { cy: Core | null; items: Callout[] }) {
  const plane = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<PlacedCallout[]>([]);
  // Placed again when what is drawn changes (elements added or removed, moved, relabelled), once a frame at most.
  useEffect(() => {
    if (!cy || !items.length) return setPlaced([]);
    let frame = 0;
    const run = () => {
      frame = 0;
      if (!cy.destroyed()) setPlaced(place(cy, items));
    };
    const schedule = () => (frame ||= requestAnimationFrame(run));
    const events = 'add remove position data';
    cy.on(events, schedule);
    run();
    return () => {
      cy.off(events, schedule);
      cancelAnimationFrame(frame);
    };
  }, [cy, items]);
  // The plane follows the viewport (no React render per frame of a pan or zoom); a callout shows only while its node is
  // on the canvas: one pointing at nothing in view explains nothing.
  useEffect(() => {
    if (!cy) return;
    const follow = () => {
      const el = plane.current;
      if (!el || cy.destroyed()) return;
      const z = cy.zoom(), p = cy.pan(), W = cy.width(), H = cy.height();
      el.style.transform = `translate(${p.x}px, ${p.y}px) scale(${z})`;
      el.querySelectorAll<HTMLElement | SVGElement>('[data-entity]').forEach((c) => {
        const n = cy.getElementById(`e:${c.dataset.entity}`);
        const b = n.nonempty() ? n.renderedBoundingBox({ includeLabels: false }) : null;
        c.style.display = b && b.x2 > 0 && b.x1 < W && b.y2 > 0 && b.y1 < H ? '' : 'none';
      });
    };
    cy.on('viewport resize', follow);
    follow();
    return () => {
      cy.off('viewport resize', follow);
    };
  }, [cy, placed]);
  if (!items.length) return null;
  const s = CALLOUT_STYLE;
  return (
    <div className="callouts" aria-label="Main changes" role="list">
      <div className="callout-plane" ref={plane}>
        <svg className="callout-lines" aria-hidden="true">
          {placed.filter((c) => c.leader).map((c) => <line key={c.entity} data-entity={c.entity} x1={c.leader!.from.x} y1={c.leader!.from.y} x2={c.leader!.to.x} y2={c.leader!.to.y} />)}
        </svg>
        {placed.map((c) => (
          <div
            key={c.entity} className="callout" data-entity={c.entity} data-x={c.x} data-y={c.y} role="listitem" data-testid={`callout-${c.entity}`}
            style={{ left: c.x, top: c.y, width: c.w, height: c.h, fontFamily: FONT_FAMILY, fontSize: s.size, lineHeight: s.lineHeight, padding: `${s.padY}px ${s.padX}px`, borderWidth: s.border }}
          >
            {c.title.map((t) => <strong key={t}>{t}</strong>)}
            {c.lines.map((l, i) => <div key={`${i}:${l}`}>{l}</div>)}
          </div>
        ))}
      </div>
    </div>
  );
}
