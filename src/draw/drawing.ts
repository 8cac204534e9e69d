// The kernel's drawn records: a node (box, shape, fill, border, wrapped label) and an edge (line points, arrows, label),
// in model coordinates, as the canvas shows them. geometry.ts makes them; every writer (SVG, PNG, draw.io, GraphML) reads them.
import type { ArrowDraw, EdgeGeometry } from './edgeGeometry';
import type { LabelDraw } from './text';

export type LineStyle = 'solid' | 'dashed' | 'dotted' | 'double';

/** A node as Cytoscape draws it (model coordinates; size without border). */
export interface NodeDraw {
  group: 'nodes';
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  shape: string;
  fill: string;
  fillOpacity: number;
  border: { color: string; width: number; style: LineStyle; dash: number[]; opacity: number };
  outline: { color: string; width: number; offset: number; style: LineStyle; opacity: number } | null;
  label: LabelDraw | null;
}

/** An edge as Cytoscape draws it. */
export interface EdgeDraw {
  group: 'edges';
  id: string;
  geometry: EdgeGeometry;
  /** Where a curved edge's control points lie, as Cytoscape's unbundled-bezier takes them: `weights` along the line
   * between its nodes' borders from its source's, `distances` along that line's normal (−dy, dx); absent when straight. */
  bend?: { distances: number[]; weights: number[] };
  color: string;
  width: number;
  opacity: number;
  style: LineStyle;
  dash: number[];
  cap: string;
  underlay: { color: string; padding: number; opacity: number } | null;
  arrows: ArrowDraw[];
  label: LabelDraw | null;
}

export type ElementDraw = NodeDraw | EdgeDraw;
