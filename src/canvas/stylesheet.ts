// The Cytoscape stylesheet, generated from the kernel's style tables (draw/styles.ts): the same shapes, colours,
// borders and edge styles that every export draws, plus what only the screen shows (selection, hover, big-graph detail).
import { EDGE_FONT, EDGE_STYLES, FONT_FAMILY, EXPOSURE_STYLES, KIND_STYLES, LABEL_W, NODE_FONT, NODE_W, STATUS_STYLES, type EdgeStyle } from '../draw/styles';
import { simStyles } from './simStyles';


type Rule = { selector: string; style: Record<string, string | number | number[]> };

/** Zoom from which big graphs draw arrows and names (below it they are specks that cost most of a frame). */
export const BIG_DETAIL_ZOOM = 0.35;

/**
 * The Cytoscape stylesheet, generated from the tables above. `big` graphs get names, arrows and edge labels only with
 * `detail`, i.e. when zoomed in enough to read them; below that, nameless nodes and haystack edges without arrows.
 */
export function stylesheet(opts: { big?: boolean; detail?: boolean; still?: boolean } = {}): Rule[] {
  const lean = opts.big && !opts.detail;
  const rules: Rule[] = [
    {
      selector: 'node',
      style: {
        width: NODE_W, height: 'data(h)', label: lean ? '' : 'data(label)', 'text-wrap': 'wrap', 'text-max-width': `${LABEL_W}`,
        'text-valign': 'center', 'text-halign': 'center', 'font-size': NODE_FONT, 'line-height': 1.15, 'font-family': FONT_FAMILY,
        color: '#111827', 'background-color': 'data(fill)', 'border-color': 'data(line)', 'min-zoomed-font-size': 7,
      },
    },
  ];
  // A name that needs breaks without spaces (CJK, an over-long word) is drawn from its hinted text (draw/text.ts breakHints).
  if (!lean) rules.push({ selector: 'node[wrap]', style: { label: 'data(wrap)' } });
  for (const [kind, s] of Object.entries(KIND_STYLES)) rules.push({ selector: `node.k-${kind}`, style: { shape: s.shape, 'text-max-width': `${s.textWidth}` } });
  for (const [status, s] of Object.entries(STATUS_STYLES)) {
    const style: Rule['style'] = { 'border-style': s.borderStyle, 'border-width': s.borderWidth };
    if (s.borderColor) style['border-color'] = s.borderColor;
    rules.push({ selector: `node.s-${status}`, style });
  }
  // Zoomed out, big graphs draw haystack edges (far cheaper), which carry their arrow in the middle. (Most of their
  // edges are lines on the edge layer anyway: Cytoscape holds the few near the viewport at reading zoom, edgeLayer.ts.)
  const arrow = lean ? 'mid-target-arrow' : 'target-arrow';
  const arrowShape = (shape: string) => (lean ? 'none' : shape);
  const edge = (selector: string, s: EdgeStyle, extra: Rule['style'] = {}) =>
    rules.push({
      selector,
      style: {
        'line-color': s.color, [`${arrow}-color`]: s.color, [`${arrow}-shape`]: arrowShape(s.arrow), 'line-style': s.lineStyle,
        ...(s.dash ? { 'line-dash-pattern': s.dash } : {}), ...(s.width ? { width: s.width } : {}), ...extra,
      },
    });
  rules.push({
    selector: 'edge',
    style: lean
      ? { 'curve-style': 'haystack', 'haystack-radius': 0 }
      : {
          'curve-style': 'bezier', 'arrow-scale': 0.9, 'font-size': EDGE_FONT, color: '#1f2937', 'text-wrap': 'wrap', 'text-max-width': '1000',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '2', 'min-zoomed-font-size': 7,
          'text-rotation': 'none', 'control-point-step-size': 60,
          // Big graphs draw each label at its edge's middle; small ones where edgeLabels.ts found room for it.
          ...(opts.big ? { label: 'data(label)' } : {}),
        },
  });
  if (!opts.big) {
    rules.push(
      { selector: 'edge[text]', style: { label: 'data(text)', 'text-margin-x': 'data(lx)', 'text-margin-y': 'data(ly)' } },
      // Parallel edges bend as the drawing kernel bends them (edgeLabels.ts writes `cpd`, `cpw`), so the exports draw these lines.
      { selector: 'edge[cpd]', style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': 'data(cpd)', 'control-point-weights': 'data(cpw)' } },
      // A label with no room of its own (or spoken for by a parallel edge's) shows while its edge is hovered or selected,
      // above everything, clear of the nodes where it can be (edgeLabels.ts).
      { selector: 'edge[?lnone].label-peek, edge[?lnone]:selected', style: { label: 'data(label)', 'text-background-opacity': 1, 'z-compound-depth': 'top' } },
    );
  }
  edge('edge.holding', EDGE_STYLES.holding, { width: 'data(width)', ...(opts.big ? { 'line-opacity': 0.45 } : {}) });
  edge('edge.holding.estimated', EDGE_STYLES.estimated);
  rules.push({ selector: 'edge.holding.conferring', style: { 'line-color': EDGE_STYLES.conferring.color, [`${arrow}-color`]: EDGE_STYLES.conferring.color, 'z-index': 2, 'line-opacity': 1 } });
  edge('edge.agreement', EDGE_STYLES.agreement, { 'font-style': 'italic', color: EDGE_STYLES.agreement.color });
  edge('edge.relation', EDGE_STYLES.relation, { 'font-style': 'italic', color: EDGE_STYLES.relation.color });
  edge('edge.relation.rel-consolidation', EDGE_STYLES.consolidation);
  edge('edge.relation.rel-declared', EDGE_STYLES.declared);
  for (const [cls, s] of Object.entries(EXPOSURE_STYLES)) edge(`edge.dependency.x-${cls}`, s, { color: s.color });
  rules.push(...simStyles(opts));
  rules.push(
    { selector: 'node:selected', style: { 'outline-width': 4, 'outline-color': '#2563eb', 'outline-offset': 3, 'outline-opacity': 1 } },
    { selector: 'edge:selected', style: { 'underlay-color': '#2563eb', 'underlay-opacity': 0.35, 'underlay-padding': 5 } },
    { selector: 'node.link-source', style: { 'outline-width': 4, 'outline-color': '#16a34a', 'outline-offset': 3, 'outline-opacity': 1 } },
    { selector: 'node.ghost', style: { width: 1, height: 1, opacity: 0, label: '' } },
    { selector: 'edge.ghost', style: { 'line-color': '#16a34a', 'target-arrow-color': '#16a34a', 'target-arrow-shape': 'triangle', 'line-style': 'dashed', width: 2, label: '' } },
  );
  return rules;
}
