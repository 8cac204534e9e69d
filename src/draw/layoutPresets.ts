// Layouts ELK made ahead of time for the bundled datasets' first views, so a first visit draws without fetching the
// layout engine (440 KB gzipped) or waiting for it. A preset is used only when ELK's whole input is the same as when
// it was made (nodes and their sizes in order, edges in order, the options): then ELK, which is deterministic, would
// compute the same positions. Anything else (an edit, another date, another rule's tags) runs ELK as before.
// Pure (the table is bundled data). Regenerate with `npm run -s layout-presets` after changing a dataset, the node sizing or the ELK options.
import presets from './layoutPresets.json';

export type PositionMap = Map<string, { x: number; y: number }>;

interface Preset {
  key: string;
  /** Entity id → [x, y], as ELK placed it (before the loose entities are set beside what they act on). */
  positions: Record<string, [number, number]>;
}

/**
 * ELK's input, as one string: node ids and layout sizes in order, edges with their ends in order, the options. The
 * canvas's shape (`aspect`) enters only when there are several components, which ELK packs to it.
 */
export function elkInputKey(nodes: [string, number, number][], edges: [string, string, string][], options: object, aspect: number | null): string {
  return JSON.stringify({ options, aspect, nodes, edges });
}

/** The preset positions for this exact input (entity id → position), or null. */
export function presetPositions(key: string, table: readonly Preset[] = presets as unknown as Preset[]): PositionMap | null {
  const hit = table.find((p) => p.key === key);
  if (!hit) return null;
  return new Map(Object.entries(hit.positions).map(([id, [x, y]]) => [id, { x, y }]));
}
