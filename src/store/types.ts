// Store types: what the explorer keeps besides the document (selection, view settings, messages).
import type { Rule } from '../analysis';

/** What the inspector shows: one entity, holding, agreement or dependency, by id. */
export type SelectionKind = 'entity' | 'holding' | 'agreement' | 'relation' | 'dependency';
export interface Selection {
  kind: SelectionKind;
  id: string;
}

/** Which edge layers are drawn. */
export interface Layers {
  holdings: boolean;
  agreements: boolean;
  dependencies: boolean;
}

/** View settings: part of the view, never of the document or its history. */
export interface View {
  rule: Rule;
  /** De facto threshold τ in percent. */
  threshold: number;
  /** View date YYYY-MM-DD, or null for the document's asOf. */
  date: string | null;
  layers: Layers;
  tableOpen: boolean;
  /** "Add holding" mode: dragging from one entity to another creates a holding. */
  linkMode: boolean;
  /** Focus mode (huge graphs): the entities whose neighbourhood is drawn, and how many levels; null = automatic. */
  focus: { ids: string[]; depth: number } | null;
  /** Large groups: draw holdings from this stake (%) up, 0 for all; smaller holders are hidden and counted. */
  minStake: number;
  /** Companies whose subsidiaries are collapsed into them (a count on the node). */
  collapsed: string[];
}

/** A button offered with a message ("Download it", "Save as file"). */
export interface MessageAction {
  label: string;
  run(): void;
}

/** A message shown to the user: an error (refused edit), a warning (work at risk) or a notice. */
export interface Message {
  kind: 'error' | 'warning' | 'notice';
  text: string;
  actions?: MessageAction[];
  /** Increments so that the same text shown twice still re-announces. */
  seq: number;
}

/** Where the working document came from. */
export type DatasetId = 'line-yahoo' | 'ntt-docomo' | 'blank' | 'sample' | 'imported';

export const DEFAULT_VIEW: View = {
  rule: 'legal',
  threshold: 25,
  date: null,
  layers: { holdings: true, agreements: true, dependencies: true },
  tableOpen: false,
  linkMode: false,
  focus: null,
  minStake: 0,
  collapsed: [],
};
