// Pure: what the graph marks while simulating — entities whose control changed and holdings or dependencies drawn
// differently between two analyses, the entities of a selected event, and the dependency lens — as extra classes.
import type { Analysis, Exposure } from '../analysis';
import { controlChanges, dependencyChanges } from '../analysis/diffControl';
import { inForce } from '../model';
import { litEntities, litPairs, type LitPath } from '../analysis/litPath';
import { kindLabel } from './labels';
import { EDGE_PREFIX, nodeId, type ElementDef } from './toElements';

/** Element ids to mark as changed. */
export interface ChangeMarks {
  ids: Set<string>;
}

const memo = new WeakMap<Analysis, WeakMap<Analysis, ChangeMarks>>();

/** Marks for drawing `to` compared with `from`: changed control, and holdings or dependencies that differ. */
export function changeMarks(from: Analysis, to: Analysis): ChangeMarks {
  let byTo = memo.get(from);
  if (!byTo) memo.set(from, (byTo = new WeakMap()));
  const hit = byTo.get(to);
  if (hit) return hit;
  // Marks need control and exposure only (the rest of the diff is worked out in the worker, store/diffs.ts).
  const ids = new Set(controlChanges(from, to).map((c) => nodeId(c.entity)));
  const before = new Map(from.doc.holdings.filter((h) => inForce(h, from.options.date)).map((h) => [h.id, h]));
  for (const h of to.doc.holdings) {
    if (!inForce(h, to.options.date)) continue;
    const p = before.get(h.id);
    if (!p || p.holder !== h.holder || p.shares !== h.shares || (p.votes ?? p.shares) !== (h.votes ?? h.shares)) ids.add(EDGE_PREFIX.holding + h.id);
  }
  // A dependency that changes class is marked; one that ends marks its two ends (its line is gone).
  const deps = new Map([...(from.doc.dependencies ?? []), ...(to.doc.dependencies ?? [])].map((x) => [x.id, x]));
  for (const x of dependencyChanges(from, to)) {
    if (x.after) ids.add(EDGE_PREFIX.dependency + x.id);
    else if (deps.has(x.id)) ids.add(nodeId(deps.get(x.id)!.provider)).add(nodeId(deps.get(x.id)!.client));
  }
  const out = { ids };
  byTo.set(to, out);
  return out;
}

export interface Decoration {
  marks: ChangeMarks | null;
  /** Entity ids to highlight (a selected event's). */
  focus: string[];
  /** The dependency lens: the label of each dependency drawn (lensLabels), or null when the lens is off. */
  lens: Map<string, string> | null;
  /** A lit path: its entities and the edges between them drawn forward, the rest faded. */
  lit?: LitPath | null;
}

/** The label a dependency carries under the lens: kind, exposure class, and whether it crosses a border. */
export function lensLabel(kind: string, x: Exposure): string {
  return `${kindLabel(kind)} · ${x.exposure}${x.crossBorder ? ' · cross-border' : ''}`;
}

const labelMemo = new WeakMap<object, Map<string, string>>();

/** Lens labels of the dependencies in force in an analysis (memoised per analysis). */
export function lensLabels(a: Pick<Analysis, 'doc' | 'dependencies'>): Map<string, string> {
  const hit = labelMemo.get(a);
  if (hit) return hit;
  const x = a.dependencies();
  const out = new Map((a.doc.dependencies ?? []).filter((d) => x[d.id]).map((d) => [d.id, lensLabel(d.kind, x[d.id])]));
  labelMemo.set(a, out);
  return out;
}

/** Whether an edge steps along a lit path: a holding, agreement or relation from one path entity to the next. */
export function onLitPath(el: ElementDef, pairs: Set<string>): boolean {
  if (el.group !== 'edges' || el.data.kind === 'dependency') return false;
  return pairs.has(`${String(el.data.source).slice(2)}\u0000${String(el.data.target).slice(2)}`);
}

/** Adds the simulation classes (sim-changed, sim-focus, lens-dep, lens-fade, lit, lit-fade) to the drawn elements. */
export function decorate(elements: ElementDef[], deco: Decoration): ElementDef[] {
  const { marks, lens } = deco;
  const focus = new Set(deco.focus);
  const lit = deco.lit?.paths.length ? { ids: litEntities(deco.lit), pairs: litPairs(deco.lit) } : null;
  if (!marks?.ids.size && !focus.size && !lens && !lit) return elements;
  const linked = new Set<string>();
  if (lens) for (const el of elements) if (el.data.kind === 'dependency') linked.add(el.data.source!).add(el.data.target!);
  return elements.map((el) => {
    const extra: string[] = [];
    let data = el.data;
    if (marks?.ids.has(el.data.id)) extra.push('sim-changed');
    if (el.data.kind === 'entity' && focus.has(el.data.ref)) extra.push('sim-focus');
    if (lens) {
      if (el.data.kind === 'dependency') {
        extra.push('lens-dep');
        const label = lens.get(el.data.ref);
        if (label) data = { ...data, label };
      } else if (el.group === 'edges' || !linked.has(el.data.id)) extra.push('lens-fade');
    }
    if (lit) extra.push((el.group === 'nodes' ? lit.ids.has(el.data.ref) : onLitPath(el, lit.pairs)) ? 'lit' : 'lit-fade');
    return extra.length ? { ...el, data, classes: `${el.classes} ${extra.join(' ')}` } : el;
  });
}
