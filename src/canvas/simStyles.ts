// Styles of the simulation marks (simMarks.ts) as data: changed elements, a selected event's entities, the dependency
// lens, and the short transitions that animate a scenario or the base/scenario toggle on graphs small enough.
import { EXPOSURE_STYLES } from './stylesheet';

type Rule = { selector: string; style: Record<string, string | number | number[]> };

/** Marker colours, also used by the panel's legend swatches. */
export const SIM_COLOURS = { changed: '#f59e0b', focus: '#7c3aed', lit: '#dc2626' };

/** Colour transitions last this long (ms): within the 400 ms a change may take to show. */
export const TRANSITION_MS = 300;

/** The rules to append to the stylesheet; `big` graphs and `still` (prefers-reduced-motion) skip the transitions. */
export function simStyles(opts: { big?: boolean; still?: boolean } = {}): Rule[] {
  const rules: Rule[] = [];
  if (!opts.big && !opts.still) {
    rules.push(
      { selector: 'node.entity', style: { 'transition-property': 'background-color, border-color, border-width, outline-width, opacity', 'transition-duration': TRANSITION_MS } },
      { selector: 'edge', style: { 'transition-property': 'line-color, width, opacity, underlay-opacity', 'transition-duration': TRANSITION_MS } },
    );
  }
  rules.push(
    { selector: 'node.sim-changed', style: { 'outline-width': 5, 'outline-color': SIM_COLOURS.changed, 'outline-offset': 4, 'outline-opacity': 1 } },
    { selector: 'edge.sim-changed', style: { 'underlay-color': SIM_COLOURS.changed, 'underlay-opacity': 0.45, 'underlay-padding': 6, 'z-index': 5 } },
    { selector: 'node.sim-focus', style: { 'outline-width': 6, 'outline-color': SIM_COLOURS.focus, 'outline-offset': 4, 'outline-opacity': 1 } },
    { selector: '.lens-fade', style: { opacity: 0.18 } },
    { selector: 'edge.lens-fade', style: { label: '' } },
    // Parallel service edges (NAVER Cloud → LY carries three) fan out; one label names their services (edgeTexts.ts).
    { selector: 'edge.lens-dep', style: { width: 4, 'font-weight': 'bold', 'z-index': 10, 'text-background-opacity': 1, 'control-point-step-size': 110 } },
  );
  for (const [cls, s] of Object.entries(EXPOSURE_STYLES)) rules.push({ selector: `edge.lens-dep.x-${cls}`, style: { 'line-style': 'solid', color: s.color } });
  rules.push({ selector: 'edge.lens-dep.cross-border', style: { 'line-style': 'dashed', 'line-dash-pattern': [10, 4] } });
  // A lit path (litPath.ts): its entities ringed and its edges drawn red and on top, everything else faded.
  rules.push(
    { selector: '.lit-fade', style: { opacity: 0.22 } },
    { selector: 'node.lit', style: { 'outline-width': 5, 'outline-color': SIM_COLOURS.lit, 'outline-offset': 3, 'outline-opacity': 1, 'z-index': 20 } },
    { selector: 'edge.lit', style: { 'line-color': SIM_COLOURS.lit, 'target-arrow-color': SIM_COLOURS.lit, 'source-arrow-color': SIM_COLOURS.lit, 'z-index': 20, 'underlay-color': SIM_COLOURS.lit, 'underlay-opacity': 0.25, 'underlay-padding': 5 } },
  );
  return rules;
}
