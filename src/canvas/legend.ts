// The legend's content, generated from the same style tables as the stylesheet and from what is drawn, so it
// never shows a mark that is not on the canvas nor misses one that is.
import type { ExposureClass, Status } from '../analysis';
import type { EntityKind } from '../model';
import type { ControlGroup } from './groups';
import { EDGE_STYLES, EXPOSURE_STYLES, KIND_STYLES, STATUS_STYLES, type EdgeStyle, type KindStyle, type StatusStyle } from './stylesheet';
import type { ElementDef } from './toElements';

export interface LegendModel {
  kinds: (KindStyle & { kind: EntityKind })[];
  statuses: (StatusStyle & { status: Status })[];
  edges: (EdgeStyle & { key: string })[];
  groups: { key: string; label: string; fill: string; line: string; count: number }[];
}

/** The legend for the drawn elements; groups are named with `nameOf` and capped at `maxGroups`. */
export function legendModel(elements: ElementDef[], groups: ControlGroup[], nameOf: (id: string) => string, maxGroups = 8): LegendModel {
  const classes = new Set<string>();
  const drawn = new Set<string>();
  for (const el of elements) {
    for (const c of el.classes.split(' ')) classes.add(c);
    if (el.group === 'nodes') drawn.add(el.data.ref);
  }
  const kinds = (Object.keys(KIND_STYLES) as EntityKind[]).filter((k) => classes.has(`k-${k}`)).map((kind) => ({ kind, ...KIND_STYLES[kind] }));
  const statuses = (Object.keys(STATUS_STYLES) as Status[]).filter((s) => classes.has(`s-${s}`)).map((status) => ({ status, ...STATUS_STYLES[status] }));
  const edges: LegendModel['edges'] = [];
  const edgeKeys: [string, keyof typeof EDGE_STYLES][] = [['holding', 'holding'], ['conferring', 'conferring'], ['estimated', 'estimated'], ['agreement', 'agreement']];
  for (const [cls, key] of edgeKeys) if (classes.has(cls)) edges.push({ key, ...EDGE_STYLES[key] });
  for (const x of Object.keys(EXPOSURE_STYLES) as ExposureClass[]) if (classes.has(`x-${x}`)) edges.push({ key: `x-${x}`, ...EXPOSURE_STYLES[x] });
  return {
    kinds,
    statuses,
    edges,
    // Only groups with a member on the canvas (a focused huge graph draws a few of them); the count is the whole group.
    groups: groups
      .filter((g) => g.members.some((m) => drawn.has(m)))
      .slice(0, maxGroups)
      .map((g) => ({ key: g.key, label: g.top.map(nameOf).join(' + '), fill: g.fill, line: g.line, count: g.members.length })),
  };
}
