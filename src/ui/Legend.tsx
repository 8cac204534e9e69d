// The legend, drawn from legendModel (the same style tables as the canvas, filtered to what is drawn): a strip docked
// under the canvas, one line by default (control groups first), every key when expanded; it never lies over a node.
import type { LegendModel } from '../draw/legend';
import { useWorkspace, useWorkspaceApi } from './workspace/workspaceState';

function Shape({ svg, fill = '#fff', line = '#374151' }: { svg: string; fill?: string; line?: string }) {
  return (
    <svg width="22" height="16" viewBox="-1 -1 26 18" aria-hidden="true">
      {svg === 'rect' ? <rect x="0" y="1" width="24" height="14" rx="4" fill={fill} stroke={line} />
        : svg === 'ellipse' ? <ellipse cx="12" cy="8" rx="12" ry="7" fill={fill} stroke={line} />
        : <polygon points={svg} fill={fill} stroke={line} />}
    </svg>
  );
}

function Line({ color, lineStyle, dash, width = 2 }: { color: string; lineStyle: string; dash?: number[]; width?: number }) {
  return (
    <svg width="30" height="12" viewBox="0 0 34 12" aria-hidden="true">
      <line x1="1" y1="6" x2="27" y2="6" stroke={color} strokeWidth={Math.min(width, 4)} strokeDasharray={lineStyle === 'solid' ? undefined : (dash ?? [4, 3]).join(' ')} />
      <polygon points="26,2 33,6 26,10" fill={color} />
    </svg>
  );
}

/** `side` names what the legend describes ("Base, 2024-09-30"), so it always matches the canvas beside it; `split`: the
 * split view's two sides are described (groups drawn on one side only say which, the outline marks changes between them). */
export function Legend({ model, side, split = false }: { model: LegendModel; side?: string; split?: boolean }) {
  const open = useWorkspace((s) => s.legendOpen);
  const workspace = useWorkspaceApi();
  return (
    <section className={`legend${open ? ' open' : ''}`} aria-label="Legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => workspace.getState().set({ legendOpen: !open })} title={open ? 'Show one line' : 'Show every key'}>
        Legend {open ? '▾' : '▸'}
      </button>
      {side && <span className="legend-side" data-testid="legend-side">{side}</span>}
      <div className="legend-body">
        {model.changed && (
          <ul aria-label="Change marks">
            <li data-testid="legend-changed"><span className="swatch changed" style={{ outline: `3px solid ${model.changed.color}`, outlineOffset: 1 }} /> {split ? 'Outline = changed between left and right' : 'Outline = changed'}</li>
          </ul>
        )}
        {model.groups.length > 0 && (
          <ul aria-label="Control groups (colour = ultimate controller)">
            <li className="legend-h">Colour = ultimate controller</li>
            {model.groups.map((g) => (
              <li key={g.key}><span className="swatch" style={{ background: g.fill, borderColor: g.line }} /> {g.label} <span className="muted">({g.count}{g.side ? `, ${g.side} only` : ''})</span></li>
            ))}
          </ul>
        )}
        <ul aria-label="Control status marks">
          <li className="legend-h">Border = control status</li>
          {model.statuses.map((s) => (
            <li key={s.status}>
              <span className="swatch status" style={{ borderStyle: s.borderStyle, borderWidth: Math.min(s.borderWidth, 6), borderColor: s.borderColor ?? '#1d4ed8' }} /> {s.label}
            </li>
          ))}
        </ul>
        {model.edges.length > 0 && (
          <ul aria-label="Lines">
            <li className="legend-h">Lines</li>
            {model.edges.map((e) => <li key={e.key}><Line color={e.color} lineStyle={e.lineStyle} dash={e.dash} width={e.width} /> {e.label}</li>)}
          </ul>
        )}
        <ul aria-label="Shapes">
          <li className="legend-h">Shape = kind</li>
          {model.kinds.map((k) => <li key={k.kind}><Shape svg={k.svg} /> {k.label}</li>)}
        </ul>
      </div>
    </section>
  );
}
