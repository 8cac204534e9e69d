// Control groups: entities sharing the same ultimate controller(s); each group gets a stable palette colour.
import { groupKey, type AnalysisView } from '../analysis';
import { assignColours, hash, NEUTRAL, PALETTE } from './styles';

export interface ControlGroup {
  /** Ultimate controller ids joined by "+" (the group's top). */
  key: string;
  top: string[];
  /** The members grouped: all of them, or the drawn ones when only part of the graph is grouped. */
  members: string[];
  /** Members in the whole document. */
  count: number;
  fill: string;
  line: string;
}

export interface Groups {
  /** Group key of each grouped entity, or null for entities in no group. */
  keyOf: Map<string, string | null>;
  colourOf(id: string): { fill: string; line: string };
  /** Groups with at least two members in the whole document, largest first. */
  groups: ControlGroup[];
}

/** The colour of a group when only part of the graph is drawn: its hashed palette slot, whatever else is drawn. */
export const slotColour = (key: string) => PALETTE[hash(key) % PALETTE.length];

// Keyed by the control map and the entity list rather than the analysis: on a huge graph an edit makes a new
// analysis that reads the same worker summary until the next one arrives, and the groups need not be rebuilt.
const memo = new WeakMap<object, { entities: object; groups: Groups }>();

/**
 * Groups entities by ultimate controller; an entity alone in its group (in the whole document) is left neutral.
 * Without `drawn`, every entity is grouped and the groups share out the palette (assignColours). With `drawn` (focus
 * mode on a huge graph) only those entities are grouped, so the work follows the drawing rather than the graph: a
 * group's colour is then its own hashed slot, which neither a focus change nor an edit elsewhere can change, and its
 * count comes from analysis.groupSize.
 */
export function controlGroups(analysis: AnalysisView, drawn?: Iterable<string>): Groups {
  const cached = drawn ? undefined : memo.get(analysis.control);
  if (cached && cached.entities === analysis.doc.entities) return cached.groups;
  const members = new Map<string, string[]>();
  for (const id of drawn ?? analysis.doc.entities.map((e) => e.id)) {
    const key = groupKey(analysis.top(id));
    const list = members.get(key);
    if (list) list.push(id);
    else members.set(key, [id]);
  }
  const countOf = (ids: string[]) => (drawn ? analysis.groupSize(ids[0]) : ids.length);
  const keys = [...members].filter(([, ids]) => countOf(ids) > 1).map(([key]) => key);
  const colours = drawn ? new Map(keys.map((k) => [k, slotColour(k)])) : assignColours(keys);
  const keyOf = new Map<string, string | null>();
  for (const [key, ids] of members) for (const id of ids) keyOf.set(id, colours.has(key) ? key : null);
  const groups = keys
    .map((key) => ({ key, top: key.split('+'), members: members.get(key)!, count: countOf(members.get(key)!), ...colours.get(key)! }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const out: Groups = {
    keyOf,
    colourOf: (id) => {
      const k = keyOf.get(id);
      return (k && colours.get(k)) || NEUTRAL;
    },
    groups,
  };
  if (!drawn) memo.set(analysis.control, { entities: analysis.doc.entities, groups: out });
  return out;
}
