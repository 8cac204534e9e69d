// Control groups: entities sharing the same ultimate controller(s); each group gets a stable palette colour.
import type { AnalysisView } from '../analysis';
import { assignColours, NEUTRAL } from './stylesheet';

export interface ControlGroup {
  /** Ultimate controller ids joined by "+" (the group's top). */
  key: string;
  top: string[];
  members: string[];
  fill: string;
  line: string;
}

export interface Groups {
  /** Group key of each entity, or null for entities in no group. */
  keyOf: Map<string, string | null>;
  colourOf(id: string): { fill: string; line: string };
  /** Groups with at least two members, largest first. */
  groups: ControlGroup[];
}

// Keyed by the control map and the entity list rather than the analysis: on a huge graph an edit makes a new
// analysis that reads the same worker summary until the next one arrives, and the groups need not be rebuilt.
const memo = new WeakMap<object, { entities: object; groups: Groups }>();

/** Groups the analysed entities by ultimate controller; an entity alone in its group is left neutral. */
export function controlGroups(analysis: AnalysisView): Groups {
  const cached = memo.get(analysis.control);
  if (cached && cached.entities === analysis.doc.entities) return cached.groups;
  const members = new Map<string, string[]>();
  for (const e of analysis.doc.entities) {
    const key = analysis.top(e.id).join('+');
    const list = members.get(key);
    if (list) list.push(e.id);
    else members.set(key, [e.id]);
  }
  const keys = [...members].filter(([, m]) => m.length > 1).map(([k]) => k);
  const colours = assignColours(keys);
  const keyOf = new Map<string, string | null>();
  for (const [key, ids] of members) for (const id of ids) keyOf.set(id, colours.has(key) ? key : null);
  const groups = keys
    .map((key) => ({ key, top: key.split('+'), members: members.get(key)!, ...colours.get(key)! }))
    .sort((a, b) => b.members.length - a.members.length || a.key.localeCompare(b.key));
  const out: Groups = {
    keyOf,
    colourOf: (id) => {
      const k = keyOf.get(id);
      return (k && colours.get(k)) || NEUTRAL;
    },
    groups,
  };
  memo.set(analysis.control, { entities: analysis.doc.entities, groups: out });
  return out;
}
