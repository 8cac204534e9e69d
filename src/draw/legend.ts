// The legend's content, generated from the same style tables as the stylesheet and from what is drawn, so it
// never shows a mark that is not on the canvas nor misses one that is.
import type { AnalysisView, ExposureClass, Status } from '../analysis';
import type { EntityKind } from '../model';
import { EDGE_STYLES, EXPOSURE_STYLES, KIND_STYLES, SIM_MARKS, STATUS_STYLES, type EdgeStyle, type KindStyle, type StatusStyle } from './styles';
import type { ElementDef } from './toElements';

export interface LegendModel {
  kinds: (KindStyle & { kind: EntityKind })[];
  statuses: (StatusStyle & { status: Status })[];
  edges: (EdgeStyle & { key: string })[];
  /** Control groups with a member drawn, in the colours they are drawn in; `count` is the group's size in the whole graph;
   * `side`, in the split view, when the group is drawn on one side only. */
  groups: { key: string; label: string; fill: string; line: string; count: number; side?: 'left' | 'right' }[];
  /** The outline that marks what changed (entities and stakes), when something drawn carries it. */
  changed?: { color: string };
}

/**
 * The legend for the drawn elements; groups are read from the drawn entity nodes (so a focused huge graph costs what
 * its drawing costs), sized with `analysis.groupSize`, named with `nameOf`, largest first and capped at `maxGroups`.
 */
export function legendModel(elements: ElementDef[], analysis: Pick<AnalysisView, 'groupSize'>, nameOf: (id: string) => string, maxGroups = 8): LegendModel {
  const classes = new Set<string>();
  const groups = new Map<string, LegendModel['groups'][number]>();
  for (const el of elements) {
    for (const c of el.classes.split(' ')) classes.add(c);
    const key = el.data.controlGroup;
    if (el.group !== 'nodes' || typeof key !== 'string' || !key || groups.has(key)) continue;
    groups.set(key, { key, label: key.split('+').map(nameOf).join(' + '), fill: String(el.data.fill), line: String(el.data.line), count: analysis.groupSize(el.data.ref) });
  }
  const kinds = (Object.keys(KIND_STYLES) as EntityKind[]).filter((k) => classes.has(`k-${k}`)).map((kind) => ({ kind, ...KIND_STYLES[kind] }));
  const statuses = (Object.keys(STATUS_STYLES) as Status[]).filter((s) => classes.has(`s-${s}`)).map((status) => ({ status, ...STATUS_STYLES[status] }));
  const edges: LegendModel['edges'] = [];
  const edgeKeys: [string, keyof typeof EDGE_STYLES][] = [['holding', 'holding'], ['conferring', 'conferring'], ['estimated', 'estimated'], ['agreement', 'agreement'], ['rel-consolidation', 'consolidation'], ['rel-declared', 'declared']];
  for (const [cls, key] of edgeKeys) if (classes.has(cls)) edges.push({ key, ...EDGE_STYLES[key] });
  if ([...classes].some((c) => c.startsWith('rel-') && c !== 'rel-consolidation' && c !== 'rel-declared')) edges.push({ key: 'relation', ...EDGE_STYLES.relation });
  for (const x of Object.keys(EXPOSURE_STYLES) as ExposureClass[]) if (classes.has(`x-${x}`)) edges.push({ key: `x-${x}`, ...EXPOSURE_STYLES[x] });
  return {
    kinds,
    statuses,
    edges,
    groups: [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, maxGroups),
    ...(classes.has('sim-changed') ? { changed: { color: SIM_MARKS.changedNode.color } } : {}),
  };
}

/** The legend of the split view: every mark either side draws, each control group said to be on one side when it is
 * (its colour means that controller on that side only). */
export function splitLegend(left: LegendModel, right: LegendModel): LegendModel {
  const union = <T,>(a: T[], b: T[], key: (x: T) => string) => [...a, ...b.filter((x) => !a.some((y) => key(y) === key(x)))];
  const inLeft = new Set(left.groups.map((g) => g.key)), inRight = new Set(right.groups.map((g) => g.key));
  const groups = union(right.groups, left.groups, (g) => g.key).map((g) => (inLeft.has(g.key) && inRight.has(g.key) ? g : { ...g, side: inLeft.has(g.key) ? ('left' as const) : ('right' as const) }));
  return {
    kinds: union(left.kinds, right.kinds, (k) => k.kind),
    statuses: union(left.statuses, right.statuses, (x) => x.status),
    edges: union(left.edges, right.edges, (e) => e.key),
    groups,
    ...(left.changed || right.changed ? { changed: (left.changed ?? right.changed)! } : {}),
  };
}
