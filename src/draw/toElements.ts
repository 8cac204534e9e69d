// Pure: document + analysis + view → element definitions (the kernel's element model, which Cytoscape takes as is) (nodes, then holdings, agreements, dependencies).
// Only records in force on the analysis date are drawn; ids are prefixed by kind so they never collide.
import type { AnalysisView } from '../analysis';
import { inForce, type OwnershipDoc } from '../model';
import { controlGroups } from './groups';
import { holdingLabel, kindLabel, labelHeight, shortName } from './labels';
import { LABEL_W, NODE_FONT, STATUS_STYLES, stakeWidth, textWidthOf } from './styles';
import { breakHints } from './text';
import { relationLabel } from '../io/bodsRelations';
import { isDeclaredIndirect } from '../analysis/declared';

/** Which edge layers are drawn. */
export interface Layers {
  holdings: boolean;
  agreements: boolean;
  dependencies: boolean;
}

export type ElementKind = 'entity' | 'holding' | 'agreement' | 'relation' | 'dependency';

export interface ElementDef {
  group: 'nodes' | 'edges';
  /** Entity nodes also carry `controlGroup` (the key of their control group, '' for none), `fill`, `line` and `placed`. */
  data: { id: string; ref: string; kind: ElementKind; label: string; source?: string; target?: string; [k: string]: unknown };
  classes: string;
  position?: { x: number; y: number };
}

/** Element id of an entity node. */
export const nodeId = (entityId: string) => `e:${entityId}`;
/** Element id prefix per record kind (agreements get one edge per party: `a:<id>:<party>`). */
export const EDGE_PREFIX = { holding: 'h:', agreement: 'a:', relation: 'r:', dependency: 'd:' } as const;

/** What an agreement's edges say: short, since the purple line and diamond already say "agreement" (see the legend). */
export const AGREEMENT_LABEL = { control: 'control', 'joint-control': 'joint control' } as const;

/** The view settings that shape the drawing. */
export interface DrawView {
  layers: Layers;
  /** Focus mode: draw only these entities (and edges among them); `hidden` counts each one's undrawn neighbours. */
  only?: Set<string>;
  /** With `only`: the indices of its entities and of the holdings among them, so nothing else is scanned. */
  entityIdx?: number[];
  holdingIdx?: number[];
  hidden?: Map<string, number>;
  /** Large groups (prune.ts): entities and holdings left out, and a line added under some entities' names. */
  hide?: Set<string>;
  hideHoldings?: Set<string>;
  notes?: Map<string, string>;
  /** Positions for entities with none saved (focus mode lays out the focused part alone). */
  positions?: Map<string, { x: number; y: number }>;
}

/** Builds every element to draw; entities without a saved position get none (`data.placed` is false). */
/**
 * The label the canvas draws when it needs breaks Cytoscape cannot find (CJK names, a word wider than the node; text.ts
 * breakHints), as `wrap`; the exports wrap the same text (geometry.ts), so both break a name at the same places.
 */
function wrapOf(label: string, kind: string | undefined): { wrap?: string } {
  // A word is broken only past the node's whole text room (LABEL_W): narrower shapes let it stand alone, as before.
  const hinted = breakHints(label, textWidthOf(kind), NODE_FONT, LABEL_W);
  return hinted === label ? {} : { wrap: hinted };
}

export function toElements(doc: OwnershipDoc, analysis: AnalysisView, view: DrawView): ElementDef[] {
  const date = analysis.options.date;
  const groups = controlGroups(analysis, view.only);
  const out: ElementDef[] = [];
  const only = view.only;
  const hide = view.hide;
  const drawn = (id: string) => (!only || only.has(id)) && !hide?.has(id);
  const entities = view.entityIdx ? view.entityIdx.map((i) => doc.entities[i]) : doc.entities;
  for (const e of entities) {
    if (!drawn(e.id)) continue;
    const c = analysis.control.get(e.id);
    const status = c?.status ?? 'independent';
    const colour = groups.colourOf(e.id);
    const controlGroup = groups.keyOf.get(e.id) ?? '';
    const tag = STATUS_STYLES[status].tag;
    const more = view.hidden?.get(e.id);
    const note = view.notes?.get(e.id);
    const name = shortName(e.name) + (more ? `  (+${more})` : '');
    const label = [name, tag, note].filter(Boolean).join('\n');
    out.push({
      group: 'nodes',
      data: { id: nodeId(e.id), ref: e.id, kind: 'entity', label, h: labelHeight(label, e.kind), controlGroup, fill: colour.fill, line: colour.line, placed: !!e.position || !!view.positions?.has(e.id), ...wrapOf(label, e.kind) },
      classes: `entity k-${e.kind ?? 'company'} s-${status}${more ? ' has-more' : ''}${note ? ' has-hidden' : ''}`,
      ...(e.position ? { position: { x: e.position.x, y: e.position.y } } : view.positions?.has(e.id) ? { position: view.positions.get(e.id)! } : {}),
    });
  }
  if (view.layers.holdings) {
    const conferring = analysis.conferring();
    const holdings = view.holdingIdx ? view.holdingIdx.map((k) => doc.holdings[k]) : doc.holdings;
    for (const h of holdings) {
      if (!inForce(h, date) || !drawn(h.holder) || !drawn(h.subject) || view.hideHoldings?.has(h.id)) continue;
      out.push({
        group: 'edges',
        data: { id: EDGE_PREFIX.holding + h.id, ref: h.id, kind: 'holding', source: nodeId(h.holder), target: nodeId(h.subject), label: holdingLabel(h), width: stakeWidth(h.shares) },
        classes: `holding${conferring.has(h.id) ? ' conferring' : ''}${h.estimated ? ' estimated' : ''}`,
      });
    }
  }
  if (view.layers.agreements) {
    for (const a of doc.agreements ?? []) {
      if (!inForce(a, date) || !drawn(a.subject)) continue;
      for (const p of a.parties) {
        if (!drawn(p)) continue;
        out.push({
          group: 'edges',
          data: { id: `${EDGE_PREFIX.agreement}${a.id}:${p}`, ref: a.id, kind: 'agreement', source: nodeId(p), target: nodeId(a.subject), label: AGREEMENT_LABEL[a.kind] },
          classes: `agreement ag-${a.kind}`,
        });
      }
    }
  }
  if (view.layers.agreements) {
    // Relations (interests with no figure: trustee, nominee, consolidation…) are drawn like agreements.
    for (const r of doc.relations ?? []) {
      if (!r.party || !inForce(r, date) || !drawn(r.party) || !drawn(r.subject)) continue;
      out.push({
        group: 'edges',
        data: { id: EDGE_PREFIX.relation + r.id, ref: r.id, kind: 'relation', source: nodeId(r.party), target: nodeId(r.subject), label: relationLabel(r) },
        // A declared indirect interest is counted as declared (analysis/declared.ts): drawn dashed, not as a figureless relation.
        classes: isDeclaredIndirect(r) ? 'relation rel-declared' : `relation rel-${r.kind}`,
      });
    }
  }
  if (view.layers.dependencies) {
    const exposure = analysis.dependencies();
    for (const d of doc.dependencies ?? []) {
      const x = exposure[d.id];
      if (!x || !drawn(d.provider) || !drawn(d.client)) continue; // not in force on the view date, or out of focus
      out.push({
        group: 'edges',
        data: { id: EDGE_PREFIX.dependency + d.id, ref: d.id, kind: 'dependency', source: nodeId(d.provider), target: nodeId(d.client), label: `${kindLabel(d.kind)}${x.crossBorder ? ' · cross-border' : ''}` },
        classes: `dependency x-${x.exposure}${x.crossBorder ? ' cross-border' : ''}`,
      });
    }
  }
  return out;
}
