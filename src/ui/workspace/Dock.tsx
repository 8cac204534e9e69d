// A panel docked beside the canvas: resizable by dragging or with the arrow keys on its edge, collapsible to a
// narrow rail; its width is remembered (workspaceState.ts); on a narrow window it is the only dock open
// (narrowDocks.ts). Nothing it shows ever lies over the graph.
import { useEffect, useRef } from 'react';
import { useSimViewApi } from '../../store/simView';
import { dockOpened } from './narrowDocks';
import { useWorkspace, useWorkspaceApi } from './workspaceState';

export interface DockProps {
  id: string;
  side: 'left' | 'right';
  /** The name on the rail and the resize handle ("Simulate", "Inspector"). */
  label: string;
  open: boolean;
  onOpen(): void;
  defaultWidth: number;
  min: number;
  max: number;
  children: React.ReactNode;
}

/** Keeps a width inside [min, max] and inside 45% of the window, so the canvas always stays the largest thing. */
function clampWidth(w: number, min: number, max: number): number {
  const cap = typeof window === 'undefined' ? max : Math.max(min, Math.min(max, window.innerWidth * 0.45));
  return Math.max(min, Math.min(cap, w));
}

export function Dock({ id, side, label, open, onOpen, defaultWidth, min, max, children }: DockProps) {
  const saved = useWorkspace((s) => s.widths[id]);
  const width = clampWidth(saved ?? defaultWidth, min, max);
  const drag = useRef<{ x: number; w: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  /** Set when the rail's button opened this dock: focus follows into it rather than falling to the page. */
  const follow = useWorkspace((s) => s.focusDock === id);
  const simView = useSimViewApi();
  const workspace = useWorkspaceApi();
  useEffect(() => {
    if (open && typeof window !== 'undefined') dockOpened(id, window.innerWidth, simView, workspace);
  }, [open, id, simView, workspace]);
  useEffect(() => {
    if (!open || !follow) return;
    // The panel's contents may still be loading (the placeholder dock gives way to the panel): wait for them, about
    // two seconds at most. The request lives in the workspace state, so the dock that arrives carries it out.
    let frame = 0, tries = 0;
    const place = () => {
      const el = box.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? box.current?.querySelector<HTMLElement>('button:not(:disabled), input, select, [tabindex="0"]:not(.dock-resizer)');
      if (el) {
        el.focus();
        workspace.getState().set({ focusDock: null });
      } else if (++tries < 120) frame = requestAnimationFrame(place);
      else workspace.getState().set({ focusDock: null });
    };
    place();
    return () => cancelAnimationFrame(frame);
  }, [open, follow, workspace]);
  if (!open) {
    return (
      <div className={`dock rail ${side}`} data-dock={id}>
        <button type="button" className="rail-open" onClick={() => { workspace.getState().set({ focusDock: id }); onOpen(); }} aria-label={`Open the ${label} panel`} title={label}>
          <span>{side === 'left' ? `${label} ▸` : `◂ ${label}`}</span>
        </button>
      </div>
    );
  }
  const setWidth = (w: number) => workspace.getState().setWidth(id, clampWidth(w, min, max));
  const sign = side === 'left' ? 1 : -1;
  return (
    <div ref={box} className={`dock ${side}`} style={{ width }} data-dock={id}>
      {children}
      <div
        className="dock-resizer"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize the ${label} panel`}
        aria-valuenow={width}
        aria-valuemin={min}
        aria-valuemax={max}
        tabIndex={0}
        onPointerDown={(e) => {
          (e.target as HTMLElement).setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, w: width };
        }}
        onPointerMove={(e) => {
          if (drag.current) setWidth(drag.current.w + sign * (e.clientX - drag.current.x));
        }}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={(e) => {
          const step = e.shiftKey ? 40 : 10;
          if (e.key === 'ArrowLeft') setWidth(width - sign * step);
          else if (e.key === 'ArrowRight') setWidth(width + sign * step);
          else return;
          e.preventDefault();
        }}
      />
    </div>
  );
}
