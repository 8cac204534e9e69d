// Pure: where every edge label goes and what it says, for the canvas (edgeLabels.ts) and the Node-side export
// (drawElements.ts) alike. Texts come from edgeTexts (parallel dependencies share one label), sizes from the text
// metrics as Cytoscape wraps and measures them, spots from labelPlace (free points along each edge).
import type { Pt } from './edgeGeometry';
import { wrapLabel, type LabelFont, type TextMetrics } from './text';
import { edgeTexts, type EdgeLabelSource } from './edgeTexts';
import { placeLabels, pointAt, type Box, type LabelItem } from './labelPlace';

/** An edge as drawn: its label's source data, drawn path and midpoint (where Cytoscape anchors its label), and font. */
export interface EdgeLabelInput extends EdgeLabelSource {
  /** The drawn line, source to target, as a polyline (labelPlace.samplePath). */
  path: Pt[];
  mid: Pt;
  font: LabelFont;
  lineHeight: number;
  /** Wrap width (text-max-width), or Infinity when labels do not wrap. */
  maxWidth: number;
  /** The label's background padding (text-background-padding). */
  padding: number;
  rank: number;
  /** Never hidden (a stake the scenario shown changed): labelPlace makes room for it. */
  keep?: boolean;
  /** Drawing order (z-index): lines drawn above a label must not cross it. */
  z: number;
}

/** A label as drawn: its text ('' when it shows none) and its offset from the edge's midpoint (text-margin-x/y); for a
 * label with no room, the offset is where to show it on demand. */
export interface EdgeLabelOut { text: string; dx: number; dy: number }

/**
 * Clearance kept around each label beyond its background, in model units: Cytoscape widens a label's bounds by 2 for
 * measuring error, and 1 more keeps neighbouring labels visibly apart.
 */
export const LABEL_CLEARANCE = 3;
/** Points along each edge of a group used to draw the group's middle line. */
const GROUP_POINTS = 24;

/** The importance of an edge's label (placed first when lower): stakes that confer control, stakes, agreements, services. */
export function labelRank(kind: string, classes: string): number {
  if (kind === 'holding') return /\bconferring\b/.test(classes) ? 0 : 1;
  return kind === 'dependency' ? 3 : 2;
}

/** The middle line of several edges between the same two entities (each resampled at the same fractions of its length). */
function middleLine(paths: Pt[][]): Pt[] {
  if (paths.length === 1) return paths[0];
  const out: Pt[] = [];
  for (let i = 0; i <= GROUP_POINTS; i++) {
    const pts = paths.map((p) => pointAt(p, i / GROUP_POINTS).p);
    out.push({ x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length });
  }
  return out;
}

/** The ways a label may be written: on one line, or broken in two at the space nearest its middle — preferring a
 * " · " (which the break replaces) or the space before a parenthesis when one is near it. */
export function labelShapes(text: string, width: (s: string) => number): string[] {
  if (text.includes('\n')) return [text];
  const spaces = [...text.matchAll(/ · | (?=\()| /g)];
  if (!spaces.length) return [text];
  const whole = width(text), half = whole / 2;
  const score = (m: RegExpMatchArray) => Math.abs(width(text.slice(0, m.index)) - half) - (m[0] === ' · ' || text[m.index! + 1] === '(' ? whole / 5 : 0);
  const best = spaces.reduce((a, b) => (score(b) < score(a) ? b : a));
  return [text, `${text.slice(0, best.index)}\n${text.slice(best.index! + best[0].length)}`];
}

/** Past this many labels, each is drawn at its edge's middle as it is (a layout would cost seconds on every change, on
 * drawings too big to read whole anyway). */
export const MAX_LAID_OUT = 1000;

/** Lays out the labels of `edges` around `nodes` (node boxes): each edge's text and offset from its midpoint. */
export function layoutEdgeLabels(edges: EdgeLabelInput[], nodes: Box[], m: TextMetrics): Map<string, EdgeLabelOut> {
  if (edges.length > MAX_LAID_OUT) return new Map(edges.map((e) => [e.id, { text: e.label, dx: 0, dy: 0 }]));
  const texts = edgeTexts(edges);
  const byId = new Map(edges.map((e) => [e.id, e]));
  const owner = new Map<string, string>();
  for (const [id, t] of texts) for (const member of t.members) owner.set(member, id);
  const items: LabelItem[] = [];
  const written = new Map<string, string[]>();
  for (const e of edges) {
    const t = texts.get(e.id)!;
    if (!t.text) continue;
    const width = (s: string) => m.width(s, e.font);
    const options = labelShapes(t.text, width);
    written.set(e.id, options);
    const pad = 2 * (e.padding + LABEL_CLEARANCE);
    const shapes = options.map((text) => {
      const lines = Number.isFinite(e.maxWidth) ? wrapLabel(text, e.maxWidth, width) : [text.replace(/\n/g, ' ')];
      const size = e.font.size, n = lines.length;
      const w = Math.max(0, ...lines.map((s) => Math.ceil(width(s))));
      return { w: w + pad, h: n * size + (n - 1) * (e.lineHeight - 1) * size + pad };
    });
    const paths = t.members.map((id) => byId.get(id)!.path);
    items.push({ id: e.id, path: middleLine(paths), ...(paths.length > 1 ? { alternates: paths } : {}), shapes, rank: e.rank, says: t.text, z: e.z, ...(t.members.some((id) => byId.get(id)!.keep) ? { keep: true } : {}) });
  }
  const lines = edges.map((e) => {
    const o = owner.get(e.id) ?? e.id;
    return { owner: o, path: e.path, says: texts.get(o)?.text, z: e.z };
  });
  const spots = placeLabels(items, nodes, lines);
  const out = new Map<string, EdgeLabelOut>();
  for (const e of edges) {
    const spot = spots.get(e.id);
    out.set(e.id, spot ? { text: spot.clear ? written.get(e.id)![spot.shape] : '', dx: round(spot.x - e.mid.x), dy: round(spot.y - e.mid.y) } : { text: '', dx: 0, dy: 0 });
  }
  return out;
}

const round = (v: number) => Math.round(v * 2) / 2;
