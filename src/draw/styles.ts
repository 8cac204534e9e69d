// Styling as data, the kernel's tables: node shapes and sizes by kind, colours by control group, marks for control
// status, edge styles by layer and exposure, and the font sizes. The Cytoscape stylesheet (canvas/stylesheet.ts), the
// kernel's drawing (geometry.ts) and the legend (legend.ts) are all generated from them. No Cytoscape, React or DOM.
import type { ExposureClass, Status } from '../analysis';
import type { EntityKind } from '../model';

/** Names' fonts: the system's, then the shipped CJK fonts (export/cjkFonts.ts CJK_FAMILIES; loaded before an export in the app). */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans JP", "Noto Sans KR", "Noto Sans SC", sans-serif';

/** Node width, and a node's usual height (three lines) in model units; layouts space rows by it. */
export const NODE_W = 140;
export const NODE_H = 64;
/** The tallest node: six lines (a name shortened to 48 characters wraps to at most five, plus a status tag). */
export const NODE_H_MAX = 117;
/** Entity names are drawn at this size (model units): at zoom ≥ READABLE_ZOOM they are ≥ 10 CSS px on screen. */
export const NODE_FONT = 14;
/** Edge labels (stakes, agreements, services): as large as names, so that a view that draws names readable draws these so too. */
export const EDGE_FONT = NODE_FONT;
/** The lowest zoom at which names are readable (10 CSS px). */
export const READABLE_ZOOM = 10 / NODE_FONT;
/** Room for text inside a node. */
export const LABEL_W = NODE_W - 12;

/** A node's height for its label: one line per wrapped line of the name (and tag), within [38, NODE_H_MAX]. */
export function nodeHeight(lines: number): number {
  return Math.max(38, Math.min(NODE_H_MAX, 12 + Math.round(lines * NODE_FONT * 1.25)));
}

export interface KindStyle {
  label: string;
  shape: string;
  /** SVG polygon/ellipse for the legend (0..24 × 0..16). */
  svg: string;
  /** Room for the name inside the shape, in model units: slanted and rounded sides leave less than LABEL_W. */
  textWidth: number;
}
export const KIND_STYLES: Record<EntityKind, KindStyle> = {
  company: { label: 'Company', shape: 'round-rectangle', svg: 'rect', textWidth: LABEL_W },
  person: { label: 'Person', shape: 'ellipse', svg: 'ellipse', textWidth: 112 },
  state: { label: 'State', shape: 'hexagon', svg: '0,8 6,1 18,1 24,8 18,15 6,15', textWidth: 100 },
  fund: { label: 'Fund', shape: 'cut-rectangle', svg: '4,1 20,1 24,5 24,11 20,15 4,15 0,11 0,5', textWidth: 120 },
  float: { label: 'Public float / other holders', shape: 'rhomboid', svg: '5,1 24,1 19,15 0,15', textWidth: 96 },
  other: { label: 'Other', shape: 'rectangle', svg: '0,1 24,1 24,15 0,15', textWidth: LABEL_W },
};

/** The width a kind's node wraps its name to. */
export const textWidthOf = (kind: string | undefined) => KIND_STYLES[(kind ?? 'company') as EntityKind]?.textWidth ?? LABEL_W;

export interface StatusStyle { label: string; borderStyle: 'solid' | 'double' | 'dashed' | 'dotted'; borderWidth: number; /** null: the group colour */ borderColor: string | null; tag: string }
export const STATUS_STYLES: Record<Status, StatusStyle> = {
  independent: { label: 'Independent (nobody controls it)', borderStyle: 'solid', borderWidth: 3, borderColor: '#111827', tag: '' },
  controlled: { label: 'Controlled', borderStyle: 'solid', borderWidth: 1.5, borderColor: null, tag: '' },
  joint: { label: 'Jointly controlled', borderStyle: 'double', borderWidth: 7, borderColor: '#6d28d9', tag: '⚭ joint control' },
  circular: { label: 'Circular control', borderStyle: 'dashed', borderWidth: 3, borderColor: '#dc2626', tag: '↻ circular control' },
};

/** Colours of control groups (light fill, strong line), picked by a stable hash of the ultimate controller id. */
export const PALETTE: { fill: string; line: string }[] = [
  { fill: '#dbeafe', line: '#1d4ed8' },
  { fill: '#fde2e1', line: '#b91c1c' },
  { fill: '#d9f7e3', line: '#15803d' },
  { fill: '#fdf0c4', line: '#a16207' },
  { fill: '#ede9fe', line: '#6d28d9' },
  { fill: '#cff5fb', line: '#0e7490' },
  { fill: '#fce7f3', line: '#be185d' },
  { fill: '#e5e7fe', line: '#4338ca' },
  { fill: '#e8f8cc', line: '#4d7c0f' },
  { fill: '#ffe8d1', line: '#c2410c' },
];
/** Entities in no control group (nobody controls them and they control nobody). */
export const NEUTRAL = { fill: '#f3f4f6', line: '#6b7280' };

export interface EdgeStyle { label: string; color: string; lineStyle: 'solid' | 'dashed' | 'dotted'; dash?: number[]; arrow: string; width?: number }
export const EDGE_STYLES = {
  holding: { label: 'Holding (width = stake)', color: '#94a3b8', lineStyle: 'solid', arrow: 'triangle' },
  conferring: { label: 'Holding that confers control', color: '#0f172a', lineStyle: 'solid', arrow: 'triangle' },
  estimated: { label: 'Estimated figure (~)', color: '#94a3b8', lineStyle: 'dashed', dash: [9, 4], arrow: 'triangle' },
  agreement: { label: 'Control agreement', color: '#7c3aed', lineStyle: 'solid', arrow: 'diamond', width: 2 },
  consolidation: { label: 'Accounting consolidation (control)', color: '#7c3aed', lineStyle: 'solid', arrow: 'diamond', width: 2 },
  relation: { label: 'Other interest, no figure (trustee, nominee…)', color: '#7c3aed', lineStyle: 'dotted', arrow: 'diamond', width: 1.5 },
  declared: { label: 'Declared indirect interest (counted as declared)', color: '#7c3aed', lineStyle: 'dashed', dash: [7, 4], arrow: 'triangle', width: 1.5 },
} satisfies Record<string, EdgeStyle>;

export const EXPOSURE_STYLES: Record<ExposureClass, EdgeStyle> = {
  'intra-group': { label: 'Dependency: intra-group', color: '#16a34a', lineStyle: 'dashed', dash: [3, 4], arrow: 'vee', width: 2 },
  'co-owner': { label: 'Dependency: on a co-owner', color: '#d97706', lineStyle: 'dashed', dash: [3, 4], arrow: 'vee', width: 2 },
  'third-party': { label: 'Dependency: third party', color: '#dc2626', lineStyle: 'dashed', dash: [3, 4], arrow: 'vee', width: 2 },
};

/** Edge width for a stake in percent: 1 px at 0%, 8 px at 100%. */
export function stakeWidth(shares: number): number {
  return Math.round((1 + (7 * Math.max(0, Math.min(100, shares))) / 100) * 10) / 10;
}

/** A stable hash of a string (FNV-1a), for palette picks. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Assigns palette colours to group keys: each key's hashed slot, probing on to the next free one on a collision. */
export function assignColours(keys: string[]): Map<string, { fill: string; line: string }> {
  const out = new Map<string, { fill: string; line: string }>();
  const used = new Set<number>();
  for (const key of [...keys].sort()) {
    let slot = hash(key) % PALETTE.length;
    for (let i = 0; i < PALETTE.length && used.has(slot); i++) slot = (slot + 1) % PALETTE.length;
    if (used.size < PALETTE.length) used.add(slot);
    out.set(key, PALETTE[slot]);
  }
  return out;
}

/** Simulation marks (simMarks.ts): a changed element's and a selected event's colours, also the panel's legend swatches. */
export const SIM_COLOURS = { changed: '#f59e0b', focus: '#7c3aed', lit: '#dc2626' };
/** What the marks draw: an outline around a changed or highlighted node, an underlay under a changed edge, faded elements. */
export const SIM_MARKS = {
  changedNode: { width: 5, offset: 4, color: SIM_COLOURS.changed },
  focusNode: { width: 6, offset: 4, color: SIM_COLOURS.focus },
  changedEdge: { color: SIM_COLOURS.changed, opacity: 0.45, padding: 6 },
  fade: 0.18,
  /** A lit path (analysis/litPath.ts): its entities ringed, its edges red with an underlay, everything else faded. */
  litNode: { width: 5, offset: 3, color: SIM_COLOURS.lit },
  litEdge: { color: SIM_COLOURS.lit, opacity: 0.25, padding: 5 },
  litFade: 0.22,
};

