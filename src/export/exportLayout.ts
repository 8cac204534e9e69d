// Pure: places the graph picture and its caption (title, date and rule, legend, sources) on the export page, as draw
// items that the PNG (canvas) and SVG renderers both draw, so the two formats say the same thing.
import type { CaptionContent } from './exportCaption';
import { truncate, wrapText, type Font, type Measure } from './exportText';
import type { EdgeStyle, KindStyle, StatusStyle } from '../draw/styles';

/** A shape to draw, in caption units (1 unit = `unit` pixels); text `y` is the baseline. */
export type DrawItem =
  | { type: 'text'; x: number; y: number; text: string; font: Font; color: string }
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill: string | null; stroke: string | null; strokeWidth: number; dash?: number[]; radius?: number }
  | { type: 'poly'; points: number[]; fill: string | null; stroke: string | null; strokeWidth: number }
  | { type: 'ellipse'; cx: number; cy: number; rx: number; ry: number; fill: string; stroke: string; strokeWidth: number }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash?: number[] };

export interface ExportLayout {
  /** The whole image in pixels. */
  width: number;
  height: number;
  /**
   * Pixels per caption unit: at least the scale, at least 1 (a scaled-down big graph keeps a readable caption), and
   * large enough that the caption is at most CAPTION_SPAN units wide (on a very wide image it stays in proportion).
   */
  unit: number;
  /** Where the graph picture goes, in pixels. */
  graph: { x: number; y: number; width: number; height: number };
  items: DrawItem[];
}

export const PAD = 24;
export const MIN_WIDTH = 760;
/** Widest the caption gets, in units, before its units grow with the picture. */
export const CAPTION_SPAN = 1800;
const COL_W = 250, COL_GAP = 28, ROW_H = 20, HEAD_H = 18;
const TITLE: Font = { size: 22, weight: 700 };
const SUB: Font = { size: 13 };
const HEAD: Font = { size: 12, weight: 600 };
const ITEM: Font = { size: 12 };
const SMALL: Font = { size: 11 };
const INK = '#0f172a', MUTED = '#64748b', SUBTLE = '#475569', RULE = '#e2e8f0';

/** The sample drawn before a legend label: a group swatch, a kind's shape, a status border or a line. */
export type Mark =
  | { type: 'group'; fill: string; line: string }
  | { type: 'kind'; style: KindStyle }
  | { type: 'status'; style: StatusStyle }
  | { type: 'edge'; style: EdgeStyle };

/** Draw items of a legend mark in the 26 × 18 unit box at (x, y). */
export function markItems(mark: Mark, x: number, y: number): DrawItem[] {
  const cx = x + 13, cy = y + 9;
  switch (mark.type) {
    case 'group':
      return [{ type: 'rect', x: x + 2, y: y + 2, w: 22, h: 14, fill: mark.fill, stroke: mark.line, strokeWidth: 2, radius: 3 }];
    case 'kind': {
      const svg = mark.style.svg, ink = { fill: '#ffffff', stroke: '#374151', strokeWidth: 1 };
      if (svg === 'rect') return [{ type: 'rect', x: x + 1, y: y + 2, w: 24, h: 14, radius: 4, ...ink }];
      if (svg === 'ellipse') return [{ type: 'ellipse', cx, cy, rx: 12, ry: 7, ...ink }];
      return [{ type: 'poly', points: svg.split(/[ ,]+/).map(Number).map((v, i) => v + (i % 2 ? y + 1 : x + 1)), ...ink }];
    }
    case 'status': {
      const s = mark.style, stroke = s.borderColor ?? '#1d4ed8';
      if (s.borderStyle === 'double') {
        return [
          { type: 'rect', x: x + 1, y: y + 1, w: 24, h: 16, fill: '#ffffff', stroke, strokeWidth: 1.5, radius: 3 },
          { type: 'rect', x: x + 4.5, y: y + 4.5, w: 17, h: 9, fill: null, stroke, strokeWidth: 1.5, radius: 2 },
        ];
      }
      const dash = s.borderStyle === 'dashed' ? [4, 2] : s.borderStyle === 'dotted' ? [1.5, 2] : undefined;
      return [{ type: 'rect', x: x + 2, y: y + 2, w: 22, h: 14, fill: '#ffffff', stroke, strokeWidth: Math.min(s.borderWidth, 3), radius: 3, ...(dash ? { dash } : {}) }];
    }
    case 'edge': {
      const e = mark.style, width = Math.min(e.width ?? 2, 4), tip = x + 26;
      const dash = e.lineStyle === 'solid' ? undefined : (e.dash ?? [4, 3]);
      const head: number[] =
        e.arrow === 'diamond' ? [tip - 10, cy, tip - 5, cy - 4, tip, cy, tip - 5, cy + 4]
        : e.arrow === 'vee' ? [tip - 7, cy - 4, tip, cy, tip - 7, cy + 4, tip - 4.5, cy]
        : [tip - 7, cy - 4, tip, cy, tip - 7, cy + 4];
      return [
        { type: 'line', x1: x, y1: cy, x2: tip - (e.arrow === 'diamond' ? 9 : 5), y2: cy, color: e.color, width, ...(dash ? { dash } : {}) },
        { type: 'poly', points: head, fill: e.color, stroke: null, strokeWidth: 0 },
      ];
    }
    default: {
      const never: never = mark;
      return never;
    }
  }
}

/** One legend section: a heading and its rows (mark, label, optional muted note). */
export interface LegendSection { key: string; heading: string; rows: { mark: Mark; label: string; note?: string }[] }

/** The legend's sections in the app's order (the same headings as the on-screen legend), empty ones left out. */
export function legendSections(legend: CaptionContent['legend']): LegendSection[] {
  const all: LegendSection[] = [
    { key: 'groups', heading: 'Colour = ultimate controller', rows: legend.groups.map((g) => ({ mark: { type: 'group', fill: g.fill, line: g.line }, label: g.label, note: `(${g.count})` })) },
    { key: 'kinds', heading: 'Shape = kind', rows: legend.kinds.map((k) => ({ mark: { type: 'kind', style: k }, label: k.label })) },
    { key: 'statuses', heading: 'Border = control status', rows: legend.statuses.map((s) => ({ mark: { type: 'status', style: s }, label: s.label })) },
    { key: 'edges', heading: 'Lines', rows: legend.edges.map((e) => ({ mark: { type: 'edge', style: e }, label: e.label })) },
  ];
  return all.filter((s) => s.rows.length > 0);
}

/** "Sources: A; B; C; and 12 more" in at most `maxLines` lines of `width`. */
export function sourcesLines(sources: string[], width: number, measure: Measure, maxLines = 2): string[] {
  if (!sources.length) return [];
  const candidates = sources.slice(0, 40);
  for (let k = candidates.length; k >= 1; k--) {
    const more = sources.length - k;
    const text = `Sources: ${candidates.slice(0, k).join('; ')}${more ? `; and ${more} more` : ''}`;
    const lines = wrapText(text, width, SMALL, measure);
    if (lines.length <= maxLines) return lines;
  }
  return wrapText(`Sources: ${sources[0]}; and ${sources.length - 1} more`, width, SMALL, measure, maxLines);
}

/**
 * Lays out an export of a graph picture of `graph` pixels drawn at `scale`: title and subtitle above it; a rule,
 * the legend in columns and the sources line below it. Every text is fitted to the page width with `measure`.
 */
export function layoutExport(content: CaptionContent, graph: { width: number; height: number }, scale: number, measure: Measure): ExportLayout {
  const unit = Math.max(scale, 1, graph.width / CAPTION_SPAN);
  const W = Math.max(graph.width / unit + 2 * PAD, MIN_WIDTH);
  const inner = W - 2 * PAD;
  const items: DrawItem[] = [];
  let y = PAD;
  for (const line of wrapText(content.title, inner, TITLE, measure, 2)) {
    items.push({ type: 'text', x: PAD, y: y + 22, text: line, font: TITLE, color: INK });
    y += 28;
  }
  y += 2;
  for (const line of wrapText(content.subtitle, inner, SUB, measure, 2)) {
    items.push({ type: 'text', x: PAD, y: y + 14, text: line, font: SUB, color: SUBTLE });
    y += 18;
  }
  y += 14;
  const graphY = y;
  y += graph.height / unit + 16;
  items.push({ type: 'line', x1: PAD, y1: y, x2: W - PAD, y2: y, color: RULE, width: 1 });
  y += 12;
  const perRow = Math.max(1, Math.floor((inner + COL_GAP) / (COL_W + COL_GAP)));
  const colW = perRow === 1 ? inner : COL_W;
  const sections = legendSections(content.legend);
  for (let r = 0; r < sections.length; r += perRow) {
    let rowH = 0;
    sections.slice(r, r + perRow).forEach((s, i) => {
      const x = PAD + i * (COL_W + COL_GAP);
      items.push({ type: 'text', x, y: y + 13, text: truncate(s.heading, colW, HEAD, measure), font: HEAD, color: MUTED });
      s.rows.forEach((row, j) => {
        const ry = y + HEAD_H + j * ROW_H;
        items.push(...markItems(row.mark, x, ry + 1));
        const noteW = row.note ? measure(` ${row.note}`, ITEM) : 0;
        const label = truncate(row.label, colW - 32 - noteW, ITEM, measure);
        items.push({ type: 'text', x: x + 32, y: ry + 14, text: label, font: ITEM, color: INK });
        if (row.note) items.push({ type: 'text', x: x + 32 + measure(`${label} `, ITEM), y: ry + 14, text: row.note, font: ITEM, color: MUTED });
      });
      rowH = Math.max(rowH, HEAD_H + s.rows.length * ROW_H);
    });
    y += rowH + 10;
  }
  const sources = sourcesLines(content.sources, inner, measure);
  if (sources.length) y += 4;
  for (const line of sources) {
    items.push({ type: 'text', x: PAD, y: y + 11, text: line, font: SMALL, color: MUTED });
    y += 15;
  }
  y += PAD - 10;
  const width = Math.ceil(W * unit), height = Math.ceil(y * unit);
  return {
    width,
    height,
    unit,
    graph: { x: Math.round((width - graph.width) / 2), y: Math.round(graphY * unit), width: graph.width, height: graph.height },
    items,
  };
}
