// The report's drawings: the graph before and after the change, drawn as the SVG export draws it (same elements,
// shapes, labels and legend), in one layout so the two read side by side — the after side's positions, the before
// side's own entities placed around them — on one view box, with changed entities and lines outlined in amber and the
// lit path in red, as on the canvas.
import { analyze, type AnalysisOptions } from '../analysis';
import { litEntities, litPairs, type LitPath } from '../analysis/litPath';
import { legendModel, type LegendModel } from '../canvas/legend';
import { SIM_COLOURS } from '../canvas/simStyles';
import { changeMarks } from '../canvas/simMarks';
import { toElements, type ElementDef } from '../canvas/toElements';
import type { OwnershipDoc } from '../model';
import { drawBounds, drawElements } from './drawElements';
import { graphSvg, type ElementDraw } from './exportSvgGraph';
import { approxMetrics } from './exportSvgLabel';
import { positionsFor } from './layoutDoc';

export interface ReportDrawings {
  /** An `<svg>` element each (no size of its own: the page sizes it), or null for a report of one state. */
  before: string | null;
  after: string;
  legend: LegendModel;
}

const LAYERS = { holdings: true, agreements: true, dependencies: true };

/** Outlines what `ids` name (changed elements, amber) and the lit path (red) on drawn records. */
function mark(draws: ElementDraw[], els: ElementDef[], changed: Set<string>, lit: LitPath | null): ElementDraw[] {
  const byId = new Map(els.map((e) => [e.data.id, e]));
  const litIds = lit ? litEntities(lit) : new Set<string>();
  const pairs = lit ? litPairs(lit) : new Set<string>();
  return draws.map((d) => {
    const el = byId.get(d.id);
    if (!el) return d;
    if (d.group === 'nodes') {
      const on = litIds.has(el.data.ref);
      if (!on && !changed.has(d.id)) return d;
      return { ...d, outline: { color: on ? SIM_COLOURS.lit : SIM_COLOURS.changed, width: 5, offset: 3, style: 'solid', opacity: 1 } };
    }
    const on = el.data.kind !== 'dependency' && pairs.has(`${String(el.data.source).slice(2)}\u0000${String(el.data.target).slice(2)}`);
    if (on) return { ...d, color: SIM_COLOURS.lit, arrows: d.arrows.map((a) => ({ ...a, color: SIM_COLOURS.lit })), underlay: { color: SIM_COLOURS.lit, padding: 5, opacity: 0.25 } };
    if (changed.has(d.id)) return { ...d, underlay: { color: SIM_COLOURS.changed, padding: 6, opacity: 0.45 } };
    return d;
  });
}

/** Drops the fixed size of a drawn `<svg>` (its view box stays), so the page can size it. */
const fluid = (svg: string, label: string) =>
  svg.replace(/^<svg([^>]*?) width="[^"]*" height="[^"]*"/, `<svg$1 role="img" aria-label="${label.replace(/[&<>"]/g, '')}" preserveAspectRatio="xMidYMid meet"`);

/**
 * The drawings of `after` (and of `before`, when given) under `options` (`beforeDate` for the before side), laid out
 * together, with `lit` drawn.
 */
export async function reportDrawings(after: OwnershipDoc, options: Partial<AnalysisOptions>, before: OwnershipDoc | null, beforeDate: string | undefined, lit: LitPath | null, labels: [string, string]): Promise<ReportDrawings> {
  const a = analyze(after, options);
  const elsAfter = toElements(after, a, { layers: LAYERS });
  const posAfter = await positionsFor(after, elsAfter);
  if (!before) {
    const draws = mark(drawElements(elsAfter, posAfter, approxMetrics), elsAfter, new Set(), lit);
    const names = new Map(after.entities.map((e) => [e.id, e.name]));
    return { before: null, after: fluid(graphSvg(draws, drawBounds(draws, approxMetrics), approxMetrics), labels[1]), legend: legendModel(elsAfter, a, (id) => names.get(id) ?? id) };
  }
  const b = analyze(before, { ...options, ...(beforeDate ? { date: beforeDate } : {}) });
  // The before side where the after side has them, so the two read side by side.
  const elsBefore = toElements(before, b, { layers: LAYERS }).map((e) => (e.group === 'nodes' && posAfter.has(e.data.ref) ? { ...e, position: posAfter.get(e.data.ref)! } : e));
  const posBefore = await positionsFor(before, elsBefore);
  const changedAfter = changeMarks(b, a).ids, changedBefore = changeMarks(a, b).ids;
  const drawsAfter = mark(drawElements(elsAfter, posAfter, approxMetrics), elsAfter, changedAfter, lit);
  const drawsBefore = mark(drawElements(elsBefore, posBefore, approxMetrics), elsBefore, changedBefore, lit);
  const box = drawBounds([...drawsAfter, ...drawsBefore], approxMetrics);
  const names = new Map([...before.entities, ...after.entities].map((e) => [e.id, e.name]));
  return {
    before: fluid(graphSvg(drawsBefore, box, approxMetrics), labels[0]),
    after: fluid(graphSvg(drawsAfter, box, approxMetrics), labels[1]),
    legend: legendModel([...elsAfter, ...elsBefore], a, (id) => names.get(id) ?? id),
  };
}
