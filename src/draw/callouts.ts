// Pure: the main changes of a diff as short callouts at the entities they concern (drawn on the canvas beside the
// node): control that moved, vetoes that end or begin, joint control in the voting game, the largest power moves.
import type { ControlDiff, Namer } from '../analysis';
import { describeControl } from '../analysis';

export interface Callout {
  entity: string;
  /** The entity's name, the callout's title. */
  title: string;
  lines: string[];
}

/** Lines per callout, and callouts per drawing: the canvas shows the main changes; the panel lists them all. */
const MAX_LINES = 4;
const MAX_CALLOUTS = 5;

const pct = (x: number | null) => (x === null ? '—' : `${Number((x * 100).toFixed(1))}%`);

/** The callouts of a diff, most important first (control, then the voting game, then power). */
export function callouts(d: ControlDiff, name: Namer): Callout[] {
  const by = new Map<string, string[]>();
  const add = (entity: string, line: string) => {
    const l = by.get(entity) ?? by.set(entity, []).get(entity)!;
    if (l.length < MAX_LINES && !l.includes(line)) l.push(line);
  };
  for (const c of d.changes) add(c.entity, `Now ${describeControl(c.after, name)}`);
  for (const j of d.game.joint) add(j.entity, j.after ? `Joint control (votes): ${j.after.map(name).join(' + ')}` : 'Joint control (votes) ends');
  for (const v of d.game.veto) add(v.entity, v.gained ? `${name(v.player)} gains a veto` : `${name(v.player)}: veto ends`);
  for (const b of d.game.board) add(b.entity, b.after ? `Board majority: ${name(b.after)}` : 'No board majority');
  // Gains first: "SoftBank Corp.: power 50% → 100%" says more than the matching loss.
  const power = [...d.game.power].sort((p, q) => q.after.banzhaf - q.before.banzhaf - (p.after.banzhaf - p.before.banzhaf));
  for (const p of power) add(p.entity, `${name(p.player)}: power ${pct(p.before.banzhaf)} → ${pct(p.after.banzhaf)}`);
  return [...by].slice(0, MAX_CALLOUTS).map(([entity, lines]) => ({ entity, title: name(entity), lines }));
}
